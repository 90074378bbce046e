#include <cmath>

#include "adapter/error_response.hpp"
#include "core/money_input.hpp"
#include "core/outreach.hpp"
#include "core/text.hpp"
#include "service/concern_service.hpp"
#include "service/directory_service.hpp"
#include "service/partners_service.hpp"
#include "web/form_view.hpp"
#include "web/handlers.hpp"
#include "web/page.hpp"
#include "web/views.hpp"

namespace sendhub::pages {
namespace {

SchoolInput input_from_form(const RequestContext& ctx) {
    return {ctx.form.get("urn"),
            ctx.form.get("name"),
            ctx.form.get("postcode"),
            ctx.form.get("phase"),
            ctx.form.get("local_authority"),
            ctx.form.get("la_code"),
            ctx.form.get("relationship"),
            ctx.form.get("arb")};
}

//! The school's designated safeguarding lead, for its headteacher and SENCO and administrators.
nlohmann::json dsl_view(RequestContext& ctx, SchoolUrn urn) {
    if (!may_set_dsl(ctx.actor(), urn)) return false;
    auto dsl = get_dsl(ctx.services, ctx.actor(), urn);
    return {{"text", dsl ? dsl->name + " (" + dsl->email + ")" : "Not recorded yet"},
            {"href", "/schools/" + std::to_string(urn.value) + "/dsl"}};
}

//! What the school is to the trust and its history with it, for those who may read them.
nlohmann::json history_view(RequestContext& ctx, SchoolUrn urn) {
    if (!allows(ctx.actor(), Permission::read_school_history)) return false;
    auto history = school_history(ctx.services, ctx.actor(), urn);
    if (!history) return false;
    nlohmann::json partnerships = nlohmann::json::array();
    for (const auto& p : history->partnerships)
        partnerships.push_back(
            {{"model", p.model},
             {"kind", term_of(partnership_kind_terms(), p.kind).label},
             {"status", term_of(partnership_status_terms(), p.status).label},
             {"dates", readable_date(format_date(p.starts_on)) +
                           (p.ends_on ? " to " + readable_date(format_date(*p.ends_on)) : "")},
             {"href", allows(ctx.actor(), Permission::read_partnerships) &&
                              !is_school_role(ctx.actor().role)
                          ? nlohmann::json("/partnerships/" + std::to_string(p.id.value))
                          : nlohmann::json(false)}});
    nlohmann::json by_status = nlohmann::json::array();
    for (const auto& [status, count] : history->requests_by_status) {
        auto term = parse_term(request_status_terms(), status);
        by_status.push_back(
            {{"status", term ? std::string(term_of(request_status_terms(), *term).label) : status},
             {"count", count}});
    }
    auto days = [](double d) {
        auto halves = std::llround(d * 2);
        return std::to_string(halves / 2) + (halves % 2 != 0 ? ".5" : "") +
               (halves == 2 ? " day" : " days");
    };
    return {{"partnerships", partnerships},
            {"has_partnerships", !partnerships.empty()},
            {"requests", history->requests},
            {"open_requests", history->open_requests},
            {"by_status", by_status},
            {"packages", history->packages},
            {"package_days", days(history->package_days)},
            {"package_days_left", days(history->package_days_left)},
            {"invoices", history->invoices},
            {"invoiced", money(history->invoiced_pence)}};
}

SchoolInput input_from_school(const School& s) {
    return {std::to_string(s.urn.value),
            s.name,
            s.postcode,
            std::string(term_of(phase_terms(), s.phase).code),
            s.local_authority,
            s.la_code ? std::to_string(*s.la_code) : std::string(),
            std::string(term_of(school_relationship_terms(), s.relationship).code),
            s.arb ? "true" : "false"};
}

Response render_form(RequestContext& ctx, const SchoolInput& in, const FormView& form, bool editing,
                     int status) {
    nlohmann::json fields{
        {"name", form.input("name", "School name", in.name)},
        {"postcode", form.input("postcode", "Postcode", in.postcode,
                                {.autocomplete = "postal-code", .width = "10"})},
        {"phase",
         form.select("phase", "Phase", options_of(phase_terms(), "Choose a phase"), in.phase)},
        {"local_authority", form.input("local_authority", "Local authority", in.local_authority)},
        {"la_code", form.input("la_code", "Local authority code (optional)", in.la_code,
                               {.hint = "The three-digit DfE code, like 933 for Somerset",
                                .width = "4",
                                .inputmode = "numeric"})},
        {"relationship", form.radios("relationship", "What is the school to the trust?",
                                     options_of(school_relationship_terms()),
                                     in.relationship.empty() ? "other" : in.relationship)},
        {"arb", form.radios("arb", "Does the school have an area resource base?", yes_no_options(),
                            in.arb.empty() ? "false" : in.arb)},
        {"urn", false},
    };
    if (!editing) {
        fields["urn"] = form.input("urn", "URN", in.urn,
                                   {.hint = "The school's six-digit Unique Reference Number from "
                                            "Get Information About Schools",
                                    .width = "10",
                                    .inputmode = "numeric"});
    }
    std::string back = editing ? "/schools/" + in.urn : "/schools";
    nlohmann::json view{
        {"summary", form.summary()},
        {"fields", fields},
        {"heading", editing ? "Edit " + in.name : "Add a school"},
        {"action", editing ? "/schools/" + in.urn : "/schools"},
        {"back_href", back},
        {"submit", editing ? "Save changes" : "Add school"},
    };
    return render_page(ctx, editing ? "Edit school" : "Add a school", "school_form",
                       std::move(view), status);
}

}  // namespace

Response schools_list(RequestContext& ctx) {
    auto query = ctx.query();
    auto la = parse_int(query.get("la"));
    auto after = parse_int(query.get("after"));
    std::string search = query.get("q");
    auto page = list_schools(
        ctx.services, ctx.actor(),
        {.search = search,
         .la_code = la ? std::optional<int>(static_cast<int>(*la)) : std::nullopt,
         .relationship = parse_term(school_relationship_terms(), query.get("relationship")),
         .after_urn = after,
         .limit = kDefaultPageSize});
    nlohmann::json schools = nlohmann::json::array();
    for (const auto& s : page.items) schools.push_back(school_view(s));
    Options authorities{{"", "All local authorities"}};
    for (const auto& [code, name] : local_authorities(ctx.services))
        authorities.emplace_back(std::to_string(code), name);
    FormView form;
    std::string count_text = std::to_string(page.items.size()) +
                             (page.items.size() == 1 ? " school" : " schools") +
                             (page.next_cursor ? " on this page" : "");
    nlohmann::json view{
        {"schools", schools},
        {"count_text", count_text},
        {"can_manage", allows(ctx.actor(), Permission::manage_schools)},
        {"fields",
         {{"q", form.input("q", "Name, URN or postcode", search,
                           {.type = "search", .spellcheck = false})},
          {"la", form.select("la", "Local authority", authorities, query.get("la"))},
          {"relationship", form.select("relationship", "Relationship with the trust",
                                       options_of(school_relationship_terms(), "Any school"),
                                       query.get("relationship"))}}},
        {"next_href",
         page.next_cursor
             ? nlohmann::json("/schools" +
                              query_string({{"q", search},
                                            {"la", query.get("la")},
                                            {"relationship", query.get("relationship")},
                                            {"after", *page.next_cursor}}))
             : nlohmann::json(false)},
    };
    return render_page(ctx, "Schools", "schools_list", std::move(view));
}

Response school_new(RequestContext& ctx) {
    return render_form(ctx, {}, FormView{}, false, 200);
}

Response school_create(RequestContext& ctx) {
    auto input = input_from_form(ctx);
    auto created = create_school(ctx.services, input, ctx.acting());
    if (!created) {
        return form_failure(ctx, created.error(), [&](const FormView& form, int status) {
            return render_form(ctx, input, form, false, status);
        });
    }
    return redirect_with_flash(ctx, "/schools/" + std::to_string(created->urn.value),
                               created->name + " has been added");
}

Response school_show(RequestContext& ctx) {
    auto urn = id_param<SchoolUrn>(ctx, "urn");
    if (!urn) return error_page(ctx, Error::not_found());
    auto school = get_school(ctx.services, ctx.actor(), *urn);
    if (!school) return error_page(ctx, school.error());
    nlohmann::json view{
        {"school", school_view(*school)},
        {"can_manage", allows(ctx.actor(), Permission::manage_schools)},
        {"can_list", !is_school_role(ctx.actor().role)},
        {"history", history_view(ctx, *urn)},
        {"dsl", dsl_view(ctx, *urn)},
    };
    return render_page(ctx, school->name, "school_show", std::move(view));
}

Response school_edit(RequestContext& ctx) {
    auto urn = id_param<SchoolUrn>(ctx, "urn");
    if (!urn) return error_page(ctx, Error::not_found());
    auto school = get_school(ctx.services, ctx.actor(), *urn);
    if (!school) return error_page(ctx, school.error());
    return render_form(ctx, input_from_school(*school), FormView{}, true, 200);
}

Response school_update(RequestContext& ctx) {
    auto urn = id_param<SchoolUrn>(ctx, "urn");
    if (!urn) return error_page(ctx, Error::not_found());
    auto input = input_from_form(ctx);
    input.urn = std::to_string(urn->value);
    auto updated = update_school(ctx.services, *urn, input, ctx.acting());
    if (!updated) {
        return form_failure(ctx, updated.error(), [&](const FormView& form, int status) {
            return render_form(ctx, input, form, true, status);
        });
    }
    return redirect_with_flash(ctx, "/schools/" + input.urn, "Your changes have been saved");
}

}  // namespace sendhub::pages
