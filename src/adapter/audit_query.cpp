#include "adapter/audit_query.hpp"

#include "core/email.hpp"
#include "core/text.hpp"

namespace sendhub {

Result<AuditFilter> audit_filter_from(const http::FormData& query) {
    Validator v;
    AuditFilter f;
    f.user_email = to_lower(trim(query.get("user")));
    f.entity = trim(query.get("entity"));
    f.entity_id = trim(query.get("entity_id"));
    f.action = trim(query.get("action"));
    auto date = [&](std::string_view name, std::optional<Date>& out) {
        std::string text = trim(query.get(name));
        if (text.empty()) return;
        out = parse_date(text);
        if (!out)
            v.fail(std::string(name), "invalid", "Enter a real date in the format YYYY-MM-DD");
    };
    date("from", f.from);
    date("to", f.to);
    if (auto before = query.get("before"); !before.empty()) {
        f.before_id = parse_int(before);
        if (!f.before_id) v.fail("before", "invalid", "The page cursor is not valid");
    }
    f.limit = page_size(parse_int(query.get("limit")));
    if (!v.ok()) return std::unexpected(std::move(v).error());
    return f;
}

}  // namespace sendhub
