#pragma once
// The audit log: who changed what, when, in which record. Appended in the same
// transaction as the change it records, so neither exists without the other.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "core/acting.hpp"
#include "core/dates.hpp"
#include "core/ids.hpp"
#include "core/page.hpp"
#include "store/database.hpp"

namespace sendhub {

struct AuditEntry {
    std::int64_t id = 0;
    Timestamp at;
    std::optional<std::int64_t> user_id;
    std::string user_email;
    std::string action;
    std::string entity;
    std::string entity_id;
    std::string detail;  // JSON
    std::string request_id;
};

struct AuditFilter {
    std::string user_email;
    std::string action;
    std::string entity;
    std::string entity_id;
    std::optional<Date> from;
    std::optional<Date> to;
    std::optional<std::int64_t> before_id;  // cursor: newest first
    int limit = kDefaultPageSize;
};

void append_audit(SqlConnection& c, const Acting& who, std::string_view action,
                  std::string_view entity, std::string_view entity_id,
                  const nlohmann::json& detail = nlohmann::json::object());

//! Records that someone opened a record holding a child's data (action `read`): a write of its
//! own, committed at once even when the page is built inside a read snapshot.
void record_read(Database& db, const Acting& who, std::string_view entity,
                 std::string_view entity_id);

[[nodiscard]] Page<AuditEntry> list_audit(Database& db, const AuditFilter& filter);

//! Field-by-field differences between two JSON objects, as {"field":{"from":…,"to":…}}.
[[nodiscard]] nlohmann::json json_changes(const nlohmann::json& before,
                                          const nlohmann::json& after);

}  // namespace sendhub
