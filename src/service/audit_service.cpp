#include "service/audit_service.hpp"

namespace sendhub {

Result<Page<AuditEntry>> audit_log(Services& s, const Actor& actor, const AuditFilter& filter) {
    if (!allows(actor, Permission::read_audit_log)) return std::unexpected(Error::forbidden());
    return list_audit(*s.database, filter);
}

}  // namespace sendhub
