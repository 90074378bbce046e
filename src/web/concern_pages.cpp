// Safeguarding concerns: a practitioner raises one from a visit, the school's headteacher or
// SENCO reads and acknowledges it, and the school records its designated safeguarding lead.
#include "core/text.hpp"
#include "service/concern_service.hpp"
#include "service/directory_service.hpp"
#include "service/outreach_service.hpp"
#include "web/handlers.hpp"
#include "web/page.hpp"
#include "web/views.hpp"

namespace sendhub::pages {
namespace {

nlohmann::json concern_view(const SeenConcern& seen) {
    const ConcernRecord& c = seen.record;
    const bool full = seen.access == ConcernAccess::full;
    return {
        {"id", c.id.value},
        {"href", "/concerns/" + std::to_string(c.id.value)},
        {"school", c.school_name},
        {"reference", c.request_reference},
        {"visit_date", format_day_month_year(c.visit_date)},
        {"status", term_of(concern_status_terms(), c.status).label},
        {"raised", c.status == ConcernStatus::raised},
        {"raised_by", c.raised_by_name},
        {"raised_at", format_london_time(c.raised_at)},
        {"told", c.details.dsl_told_in_person
                     ? "Yes, " + (full ? c.details.dsl_name : std::string("in person"))
                     : std::string("No")},
        {"summary", full ? nlohmann::json(c.details.summary) : nlohmann::json(false)},
        {"acknowledged", c.acknowledged_at ? nlohmann::json(c.acknowledged_by_name + ", " +
                                                            format_london_time(*c.acknowledged_at))
                                           : nlohmann::json(false)},
    };
}

Response render_concern(RequestContext& ctx, const SeenConcern& seen, const FormView& form,
                        int status) {
    nlohmann::json view{
        {"summary", form.summary()},
        {"concern", concern_view(seen)},
        {"can_acknowledge", seen.record.status == ConcernStatus::raised &&
                                is_school_leader(ctx.actor(), seen.record.school_urn)},
    };
    return render_page(ctx, "Safeguarding concern", "concern_show", std::move(view), status);
}

Response render_raise(RequestContext& ctx, const VisitRecord& visit, const FormView& form,
                      int status) {
    nlohmann::json view{
        {"summary", form.summary()},
        {"visit_id", visit.id.value},
        {"school", visit.school_name},
        {"visit_date", format_day_month_year(visit.date)},
        {"fields",
         {{"summary", form.textarea("summary", "What did you see or hear, and what did you do?",
                                    ctx.form.get("summary"),
                                    "Facts only, in the words used. Only the school's "
                                    "headteacher, SENCO and the trust's administrators read this.",
                                    8)},
          {"dsl_told_in_person",
           form.radios("dsl_told_in_person",
                       "Did you tell the school's designated safeguarding lead in person?",
                       yes_no_options(), ctx.form.get("dsl_told_in_person"))},
          {"dsl_name", form.input("dsl_name", "Who did you tell?", ctx.form.get("dsl_name"),
                                  {.hint = "Needed if you told someone in person"})}}},
    };
    return render_page(ctx, "Raise a safeguarding concern", "concern_form", std::move(view),
                       status);
}

Response render_dsl(RequestContext& ctx, SchoolUrn urn, const std::string& school,
                    const FormView& form, int status) {
    auto current = get_dsl(ctx.services, ctx.actor(), urn);
    std::string name = ctx.form.has("name") ? ctx.form.get("name") : current ? current->name : "";
    std::string email = ctx.form.has("email") ? ctx.form.get("email")
                        : current             ? current->email
                                              : "";
    nlohmann::json view{
        {"summary", form.summary()},
        {"school", school},
        {"urn", urn.value},
        {"name", form.input("name", "Name", name, {.autocomplete = "off"})},
        {"email", form.input("email", "Email address", email,
                             {.hint = "Concerns raised on visits are emailed here as a link.",
                              .type = "email",
                              .spellcheck = false})},
    };
    return render_page(ctx, "Designated safeguarding lead", "dsl_form", std::move(view), status);
}

}  // namespace

Response concerns_page(RequestContext& ctx) {
    auto status = parse_term(concern_status_terms(), ctx.query().get("status"));
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& seen : list_concerns(ctx.services, ctx.actor(), status))
        rows.push_back(concern_view(seen));
    return render_page(ctx, "Safeguarding concerns", "concerns_list",
                       {{"rows", rows}, {"has_rows", !rows.empty()}});
}

Response concern_page(RequestContext& ctx) {
    auto id = id_param<ConcernId>(ctx);
    if (!id) return error_page(ctx, Error::not_found());
    auto seen = get_concern(ctx.services, ctx.actor(), *id);
    if (!seen) return error_page(ctx, seen.error());
    return render_concern(ctx, *seen, FormView{}, 200);
}

Response concern_acknowledge_page(RequestContext& ctx) {
    auto id = id_param<ConcernId>(ctx);
    if (!id) return error_page(ctx, Error::not_found());
    auto done = acknowledge_concern(ctx.services, ctx.actor(), *id, ctx.acting());
    if (!done) {
        auto seen = get_concern(ctx.services, ctx.actor(), *id);
        if (!seen) return error_page(ctx, seen.error());
        return form_failure(ctx, done.error(), [&](const FormView& form, int status) {
            return render_concern(ctx, *seen, form, status);
        });
    }
    return redirect_with_flash(ctx, "/concerns/" + std::to_string(id->value),
                               "You have acknowledged the concern");
}

Response concern_form(RequestContext& ctx) {
    auto id = id_param<VisitId>(ctx);
    if (!id) return error_page(ctx, Error::not_found());
    auto visit = get_visit(ctx.services, ctx.actor(), *id);
    if (!visit) return error_page(ctx, visit.error());
    return render_raise(ctx, *visit, FormView{}, 200);
}

Response concern_raise_page(RequestContext& ctx) {
    auto id = id_param<VisitId>(ctx);
    if (!id) return error_page(ctx, Error::not_found());
    auto visit = get_visit(ctx.services, ctx.actor(), *id);
    if (!visit) return error_page(ctx, visit.error());
    ConcernInput input{ctx.form.get("summary"), ctx.form.get("dsl_told_in_person"),
                       ctx.form.get("dsl_name")};
    auto raised = raise_concern(ctx.services, ctx.actor(), id->value, input, ctx.acting());
    if (!raised)
        return form_failure(ctx, raised.error(), [&](const FormView& form, int status) {
            return render_raise(ctx, *visit, form, status);
        });
    return redirect_with_flash(ctx, "/concerns/" + std::to_string(raised->id.value),
                               "The concern is recorded and the school has been emailed a link");
}

Response dsl_form(RequestContext& ctx) {
    auto urn = id_param<SchoolUrn>(ctx, "urn");
    if (!urn) return error_page(ctx, Error::not_found());
    auto school = get_school(ctx.services, ctx.actor(), *urn);
    if (!school) return error_page(ctx, school.error());
    if (!may_set_dsl(ctx.actor(), *urn)) return error_page(ctx, Error::forbidden());
    return render_dsl(ctx, *urn, school->name, FormView{}, 200);
}

Response dsl_submit(RequestContext& ctx) {
    auto urn = id_param<SchoolUrn>(ctx, "urn");
    if (!urn) return error_page(ctx, Error::not_found());
    auto school = get_school(ctx.services, ctx.actor(), *urn);
    if (!school) return error_page(ctx, school.error());
    auto saved = set_dsl(ctx.services, ctx.actor(), *urn, ctx.form.get("name"),
                         ctx.form.get("email"), ctx.acting());
    if (!saved)
        return form_failure(ctx, saved.error(), [&](const FormView& form, int status) {
            return render_dsl(ctx, *urn, school->name, form, status);
        });
    return redirect_with_flash(ctx, "/schools/" + std::to_string(urn->value),
                               "The designated safeguarding lead has been saved");
}

}  // namespace sendhub::pages
