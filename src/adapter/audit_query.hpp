#pragma once
// Reads audit-log filters from a query string; shared by the page and the API.
#include "core/error.hpp"
#include "http/url.hpp"
#include "service/audit_service.hpp"

namespace sendhub {

[[nodiscard]] Result<AuditFilter> audit_filter_from(const http::FormData& query);

}  // namespace sendhub
