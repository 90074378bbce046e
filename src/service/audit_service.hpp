#pragma once
// The audit log: who changed what, when, for administrators.
#include "core/error.hpp"
#include "core/policy.hpp"
#include "service/services.hpp"
#include "store/audit_store.hpp"

namespace sendhub {

//! Entries matching the filter, newest first, a page at a time (read_audit_log).
[[nodiscard]] Result<Page<AuditEntry>> audit_log(Services& s, const Actor& actor,
                                                 const AuditFilter& filter);

}  // namespace sendhub
