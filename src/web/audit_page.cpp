#include "adapter/audit_query.hpp"
#include "core/audit_words.hpp"
#include "core/text.hpp"
#include "service/audit_service.hpp"
#include "web/form_view.hpp"
#include "web/handlers.hpp"
#include "web/page.hpp"
#include "web/views.hpp"

namespace sendhub::pages {

Response audit_list(RequestContext& ctx) {
    auto query = ctx.query();
    fold_date_inputs(query);  // the filter's dates are typed in GOV.UK date inputs
    auto filter = audit_filter_from(query);
    FormView form = filter ? FormView{} : FormView(filter.error());
    auto found = audit_log(ctx.services, ctx.actor(), filter.value_or(AuditFilter{}));
    if (!found) return error_page(ctx, found.error());
    const auto& page = *found;
    nlohmann::json entries = nlohmann::json::array();
    for (const auto& e : page.items) {
        nlohmann::json lines = nlohmann::json::array();
        for (auto& line : audit_detail_lines(nlohmann::json::parse(e.detail, nullptr, false)))
            lines.push_back(std::move(line));
        entries.push_back({{"at", format_london_time(e.at)},
                           {"user_email", e.user_email.empty() ? "system" : e.user_email},
                           {"action", audit_action_words(e.action)},
                           {"record", audit_record_words(e.entity, e.entity_id)},
                           {"detail", lines}});
    }
    Options entities{{"", "All records"},     {"user", "Users"},
                     {"request", "Requests"}, {"agreement", "Provision agreements"},
                     {"visit", "Visits"},     {"invoice", "Invoices"},
                     {"school", "Schools"},   {"practitioner", "Practitioners"},
                     {"import", "Imports"}};
    auto keep = [&](std::string_view name) {
        return std::pair<std::string, std::string>(name, query.get(name));
    };
    nlohmann::json view{
        {"summary", form.summary()},
        {"entries", entries},
        {"count_text", entries.empty() ? "No entries match" : "Entries, newest first"},
        {"fields",
         {{"user", form.input("user", "Who (email)", query.get("user"),
                              {.type = "email", .spellcheck = false})},
          {"entity", form.select("entity", "Record type", entities, query.get("entity"))},
          {"entity_id",
           form.input("entity_id", "Record id or URN", query.get("entity_id"), {.width = "10"})},
          {"action", form.input("action", "Action", query.get("action"),
                                {.hint = "For example create, sign_in_failed or locked_out"})},
          {"from",
           form.date_input("from", "From date", query.get("from"), date_example(ctx.today()))},
          {"to", form.date_input("to", "To date", query.get("to"))}}},
        {"next_href", page.next_cursor
                          ? nlohmann::json("/audit" + query_string({keep("user"),
                                                                    keep("entity"),
                                                                    keep("entity_id"),
                                                                    keep("action"),
                                                                    keep("from"),
                                                                    keep("to"),
                                                                    {"before", *page.next_cursor}}))
                          : nlohmann::json(false)},
    };
    return render_page(ctx, "Audit log", "audit_list", std::move(view),
                       form.has_errors() ? 422 : 200);
}

}  // namespace sendhub::pages
