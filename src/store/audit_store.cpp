#include "store/audit_store.hpp"

#include <limits>

namespace sendhub {
namespace {
constexpr std::string_view kAppend =
    "INSERT INTO audit_log (at, user_id, user_email, action, entity, entity_id, detail, request_id)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

// Empty filters match everything, so one statement serves every combination.
constexpr std::string_view kList =
    "SELECT id, at, user_id, user_email, action, entity, entity_id, detail, request_id FROM "
    "audit_log"
    " WHERE (? = '' OR user_email = ?) AND (? = '' OR action = ?) AND (? = '' OR entity = ?)"
    " AND (? = '' OR entity_id = ?) AND at >= ? AND at < ? AND id < ?"
    " ORDER BY id DESC LIMIT ?";
}  // namespace

void record_read(Database& db, const Acting& who, std::string_view entity,
                 std::string_view entity_id) {
    db.write([&](SqlConnection& c) { append_audit(c, who, "read", entity, entity_id); });
}

void append_audit(SqlConnection& c, const Acting& who, std::string_view action,
                  std::string_view entity, std::string_view entity_id,
                  const nlohmann::json& detail) {
    c.execute_with(kAppend, c.now_seconds(), who.user_value(), who.email, action, entity, entity_id,
                   detail.dump(), who.request_id);
}

Page<AuditEntry> list_audit(Database& db, const AuditFilter& f) {
    using namespace std::chrono;
    std::int64_t from = f.from ? sys_seconds{sys_days{*f.from}}.time_since_epoch().count() : 0;
    std::int64_t to = f.to ? sys_seconds{sys_days{*f.to} + days{1}}.time_since_epoch().count()
                           : std::numeric_limits<std::int64_t>::max();
    std::int64_t before = f.before_id.value_or(std::numeric_limits<std::int64_t>::max());
    auto rows = db.read([&](SqlConnection& c) {
        return c.query_with(kList, f.user_email, f.user_email, f.action, f.action, f.entity,
                            f.entity, f.entity_id, f.entity_id, from, to, before, f.limit + 1);
    });
    std::vector<AuditEntry> entries;
    entries.reserve(rows.size());
    for (const auto& r : rows) {
        entries.push_back({r.integer(0), Timestamp{seconds{r.integer(1)}}, r.optional_integer(2),
                           r.text(3), r.text(4), r.text(5), r.text(6), r.text(7), r.text(8)});
    }
    return make_page(std::move(entries), f.limit,
                     [](const AuditEntry& e) { return std::to_string(e.id); });
}

nlohmann::json json_changes(const nlohmann::json& before, const nlohmann::json& after) {
    nlohmann::json changes = nlohmann::json::object();
    for (const auto& [key, value] : after.items()) {
        auto old = before.find(key);
        if (old == before.end() || *old != value) {
            changes[key] = {{"from", old == before.end() ? nlohmann::json() : *old}, {"to", value}};
        }
    }
    return changes;
}

}  // namespace sendhub
