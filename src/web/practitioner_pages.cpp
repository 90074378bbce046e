#include "adapter/error_response.hpp"
#include "core/text.hpp"
#include "service/directory_service.hpp"
#include "web/form_view.hpp"
#include "web/handlers.hpp"
#include "web/page.hpp"
#include "web/views.hpp"

namespace sendhub::pages {
namespace {

struct PractitionerForm {
    PractitionerInput input;
    bool active = true;
};

PractitionerForm from_form(const RequestContext& ctx) {
    return {{ctx.form.get("name"), ctx.form.get("email"), ctx.form.get("grade"),
             ctx.form.get("home_postcode"), ctx.form.get_all("expertise"),
             ctx.form.get("max_days_per_week"), ctx.form.get("service")},
            ctx.form.get("active") == "yes"};
}

PractitionerForm from_record(const Practitioner& p) {
    std::vector<std::string> expertise;
    expertise.reserve(p.expertise.size());
    for (auto need : p.expertise) expertise.emplace_back(term_of(primary_need_terms(), need).code);
    return {{p.name, p.email,
             is_outreach_grade(p.grade) ? std::string(term_of(grade_terms(), p.grade).code) : "",
             p.home_postcode, expertise, std::to_string(p.max_days_per_week),
             std::string(term_of(service_terms(), p.service).code)},
            p.active};
}

Response render_form(RequestContext& ctx, const PractitionerForm& in, const FormView& form,
                     std::optional<PractitionerId> editing, int status) {
    const auto& i = in.input;
    nlohmann::json fields{
        {"name", form.input("name", "Full name", i.name)},
        {"email", form.input("email", "Work email address", i.email,
                             {.type = "email", .spellcheck = false})},
        {"service", form.select("service", "Service", options_of(service_terms()),
                                i.service.empty() ? "outreach" : i.service)},
        {"grade",
         form.select("grade", "Grade", options_of(grade_terms(), "Choose a grade"), i.grade,
                     "Outreach only: decides the day rate (Specialist TA, Teacher or "
                     "SLT). Educational psychologists and therapists have one rate "
                     "each.")},
        {"home_postcode",
         form.input("home_postcode", "Home postcode", i.home_postcode,
                    {.hint = "Travel is charged from home. Only the area (like TA1) is used to "
                             "estimate distances, and only the trust's coordinators can see it.",
                     .width = "10"})},
        {"expertise", form.checkboxes("expertise", "Expertise", options_of(primary_need_terms()),
                                      std::set<std::string>(i.expertise.begin(), i.expertise.end()),
                                      "Select the areas of need they specialise in")},
        {"max_days_per_week",
         form.input("max_days_per_week", "Most outreach days a week", i.max_days_per_week,
                    {.hint = "From 1 to 5", .type = "text", .width = "2"})},
        {"active", false},
    };
    fields["max_days_per_week"]["inputmode"] = "numeric";
    if (editing) {
        fields["active"] =
            form.checkboxes("active", "Status", {{"yes", "Active: can be given outreach work"}},
                            in.active ? std::set<std::string>{"yes"} : std::set<std::string>{});
    }
    std::string id = editing ? std::to_string(editing->value) : "";
    nlohmann::json view{
        {"summary", form.summary()},
        {"fields", fields},
        {"heading", editing ? "Edit " + i.name : "Add a practitioner"},
        {"action", editing ? "/practitioners/" + id : "/practitioners"},
        {"back_href", editing ? "/practitioners/" + id : "/practitioners"},
        {"submit", editing ? "Save changes" : "Add practitioner"},
    };
    return render_page(ctx, editing ? "Edit practitioner" : "Add a practitioner",
                       "practitioner_form", view, status);
}

}  // namespace

Response practitioners_list(RequestContext& ctx) {
    auto query = ctx.query();
    auto grade = parse_term(grade_terms(), query.get("grade"));
    bool can_manage = allows(ctx.actor(), Permission::manage_practitioners);
    auto page = list_practitioners(ctx.services, {.grade = grade,
                                                  .include_inactive = can_manage,
                                                  .after_id = parse_int(query.get("after")),
                                                  .limit = kDefaultPageSize});
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& p : page.items) rows.push_back(practitioner_view(p));
    FormView form;
    nlohmann::json view{
        {"practitioners", rows},
        {"can_manage", can_manage},
        {"show_home", allows(ctx.actor(), Permission::see_practitioner_home)},
        {"fields",
         {{"grade", form.select("grade", "Grade", options_of(grade_terms(), "All grades"),
                                query.get("grade"))}}},
        {"next_href",
         page.next_cursor
             ? nlohmann::json("/practitioners" + query_string({{"grade", query.get("grade")},
                                                               {"after", *page.next_cursor}}))
             : nlohmann::json(false)},
    };
    return render_page(ctx, "Practitioners", "practitioners_list", std::move(view));
}

Response practitioner_new(RequestContext& ctx) {
    return render_form(ctx, {{.max_days_per_week = "2"}, true}, FormView{}, std::nullopt, 200);
}

Response practitioner_create(RequestContext& ctx) {
    auto in = from_form(ctx);
    auto created = create_practitioner(ctx.services, in.input, ctx.acting());
    if (!created) {
        return form_failure(ctx, created.error(), [&](const FormView& form, int status) {
            return render_form(ctx, in, form, std::nullopt, status);
        });
    }
    return redirect_with_flash(ctx, "/practitioners/" + std::to_string(created->id.value),
                               created->name + " has been added");
}

Response practitioner_show(RequestContext& ctx) {
    auto id = id_param<PractitionerId>(ctx);
    auto found = id ? get_practitioner(ctx.services, *id) : std::unexpected(Error::not_found());
    if (!found) return error_page(ctx, found.error());
    nlohmann::json view{
        {"p", practitioner_view(*found)},
        {"can_manage", allows(ctx.actor(), Permission::manage_practitioners)},
        {"show_home", allows(ctx.actor(), Permission::see_practitioner_home)},
    };
    return render_page(ctx, found->name, "practitioner_show", std::move(view));
}

Response practitioner_edit(RequestContext& ctx) {
    auto id = id_param<PractitionerId>(ctx);
    auto found = id ? get_practitioner(ctx.services, *id) : std::unexpected(Error::not_found());
    if (!found) return error_page(ctx, found.error());
    return render_form(ctx, from_record(*found), FormView{}, id, 200);
}

Response practitioner_update(RequestContext& ctx) {
    auto id = id_param<PractitionerId>(ctx);
    if (!id) return error_page(ctx, Error::not_found());
    auto in = from_form(ctx);
    auto updated = update_practitioner(ctx.services, *id, in.input, in.active, ctx.acting());
    if (!updated) {
        return form_failure(ctx, updated.error(), [&](const FormView& form, int status) {
            return render_form(ctx, in, form, id, status);
        });
    }
    return redirect_with_flash(ctx, "/practitioners/" + std::to_string(id->value),
                               "Your changes have been saved");
}

}  // namespace sendhub::pages
