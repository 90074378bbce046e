// Speech and language support: each school's named therapist, provision audits and their
// action plans. The audit form offers a few blank action rows, so it works without
// JavaScript; rows left blank are not actions.
#include "core/text.hpp"
#include "service/peer_review_service.hpp"
#include "service/slcn_service.hpp"
#include "web/early_identification_handlers.hpp"
#include "web/page.hpp"
#include "web/school_choice.hpp"

namespace sendhub::pages {
namespace {

constexpr std::size_t kBlankActionRows = 3;

std::string audit_href(std::int64_t id) {
    return "/slcn/audits/" + std::to_string(id);
}

std::string action_field(std::size_t row, const char* name) {
    return "actions[" + std::to_string(row) + "]." + name;
}

//! The audit as typed, leaving out action rows with nothing in them; `rows` maps each action
//! kept back to its row on the form, so a message lands beside the right box.
AuditInput audit_from_form(const http::FormData& f, std::string urn,
                           std::vector<std::size_t>& rows) {
    AuditInput in{std::move(urn), f.get("date"), f.get("findings"), {}};
    for (std::size_t row = 0; row < kBlankActionRows; ++row) {
        AuditActionInput a{f.get(action_field(row, "text")), f.get(action_field(row, "owner")),
                           f.get(action_field(row, "due_date")),
                           f.get(action_field(row, "status"))};
        if (trim(a.text).empty() && trim(a.owner).empty() && trim(a.due_date).empty()) continue;
        rows.push_back(row);
        in.actions.push_back(std::move(a));
    }
    return in;
}

Error on_form_rows(Error error, const std::vector<std::size_t>& rows) {
    auto remap = [&](std::string& field, std::string& message) {
        for (std::size_t i = 0; i < rows.size(); ++i) {
            const std::string from = "actions[" + std::to_string(i) + "].";
            if (!field.starts_with(from)) continue;
            field = action_field(rows[i], "") + field.substr(from.size());
            const std::string numbered = "Action " + std::to_string(i + 1) + ":";
            if (message.starts_with(numbered))
                message =
                    "Action " + std::to_string(rows[i] + 1) + ":" + message.substr(numbered.size());
            return;
        }
    };
    remap(error.field, error.message);
    for (auto& f : error.fields) remap(f.field, f.message);
    return error;
}

nlohmann::json audit_rows(const std::vector<Audit>& audits) {
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& a : audits) {
        std::size_t done = 0;
        for (const auto& action : a.values.actions) done += action.status == PlanStatus::done;
        rows.push_back(
            {{"href", audit_href(a.id)},
             {"school", a.school_name},
             {"date", format_day_month_year(a.values.date)},
             {"progress", std::to_string(done) + " of " + std::to_string(a.values.actions.size()) +
                              " actions done"}});
    }
    return rows;
}

nlohmann::json therapist_rows(const std::vector<NamedTherapist>& therapists) {
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& t : therapists)
        rows.push_back({{"school", t.school_name}, {"name", t.name}, {"email", t.email}});
    return rows;
}

nlohmann::json naming_form(RequestContext& ctx, const FormView& form) {
    Options schools{{"", "Choose a school"}};
    for (const auto& s : cluster_school_choices(ctx.services))
        schools.emplace_back(std::to_string(s.urn.value), s.name);
    Options therapists{{"", "No named therapist"}};
    for (const auto& p : therapists_to_name(ctx.services))
        if (p.active) therapists.emplace_back(std::to_string(p.id.value), p.name);
    return {
        {"school_urn", form.select("school_urn", "School", schools, ctx.form.get("school_urn"))},
        {"practitioner_id", form.select("practitioner_id", "Speech and language therapist",
                                        therapists, ctx.form.get("practitioner_id"),
                                        "Choose no named therapist to clear the school's")}};
}

nlohmann::json audit_form(RequestContext& ctx, const FormView& form, const Options& schools) {
    const auto& f = ctx.form;
    nlohmann::json actions = nlohmann::json::array();
    for (std::size_t row = 0; row < kBlankActionRows; ++row) {
        const std::string n = std::to_string(row + 1);
        actions.push_back(
            {{"number", n},
             {"text", form.input(action_field(row, "text"), "Action " + n,
                                 f.get(action_field(row, "text")))},
             {"owner", form.input(action_field(row, "owner"), "Who will do it",
                                  f.get(action_field(row, "owner")), {.width = "20"})},
             {"due_date", form.date_input(action_field(row, "due_date"), "Due by",
                                          f.get(action_field(row, "due_date")))}});
    }
    nlohmann::json view = school_choice(form, schools, f.get("school_urn"));
    view["date"] = form.date_input("date", "Date of the audit", f.get("date"));
    view["findings"] = form.textarea("findings", "What the audit found", f.get("findings"),
                                     "The provision you saw: strengths and gaps");
    view["actions"] = std::move(actions);
    return view;
}

http::Response render_slcn(RequestContext& ctx, const FormView& naming, const FormView& auditing,
                           int status) {
    const auto& actor = ctx.actor();
    nlohmann::json view{{"summary", naming.has_errors() ? naming.summary() : auditing.summary()},
                        {"own_therapist", false},
                        {"therapists", false},
                        {"naming", false},
                        {"audits", false},
                        {"audit_form", false}};
    // A school sees its own therapist; the trust and a therapist see the schools they cover.
    if (actor.school_urn) {
        auto own = get_named_therapist(ctx.services, actor, actor.school_urn->value);
        if (!own) return error_page(ctx, own.error());
        view["own_therapist"] = {{"named", own->practitioner_id.has_value()},
                                 {"name", own->name},
                                 {"email", own->email}};
    } else {
        auto therapists = list_named_therapists(ctx.services, actor);
        if (!therapists) return error_page(ctx, therapists.error());
        view["therapists"] = {{"rows", therapist_rows(*therapists)}, {"any", !therapists->empty()}};
        if (leads_slcn(actor)) view["naming"] = naming_form(ctx, naming);
    }
    if (screening_access(actor.role) != ScreeningAccess::none) {
        auto audits = list_audits(ctx.services, actor, "");
        if (!audits) return error_page(ctx, audits.error());
        view["audits"] = {{"rows", audit_rows(*audits)}, {"any", !audits->empty()}};
        auto schools = schools_to_record(ctx);
        if (writes_slcn(actor) && !schools.empty())
            view["audit_form"] = audit_form(ctx, auditing, schools);
    }
    return render_page(ctx, "Speech and language support", "slcn", std::move(view), status);
}

http::Response render_audit(RequestContext& ctx, const Audit& a, const FormView& form, int status) {
    const bool writes = writes_slcn(ctx.actor());
    nlohmann::json actions = nlohmann::json::array();
    for (const auto& action : a.values.actions) {
        const std::string field = "status-" + std::to_string(action.id);
        nlohmann::json row{
            {"text", action.text},
            {"owner", action.owner},
            {"due", format_day_month_year(action.due_date)},
            {"status", std::string(term_of(plan_status_terms(), action.status).label)},
            {"done", action.status == PlanStatus::done},
            {"form", false}};
        if (writes)
            row["form"] = {
                {"action", audit_href(a.id) + "/actions/" + std::to_string(action.id)},
                {"status",
                 form.select(field, "Progress of: " + action.text, options_of(plan_status_terms()),
                             term_of(plan_status_terms(), action.status).code)}};
        actions.push_back(std::move(row));
    }
    nlohmann::json view{{"summary", form.summary()},
                        {"school", a.school_name},
                        {"date", format_day_month_year(a.values.date)},
                        {"findings", a.values.findings},
                        {"recorded_by", a.recorded_by},
                        {"actions", actions},
                        {"has_actions", !actions.empty()}};
    return render_page(ctx, "Provision audit, " + a.school_name, "slcn_audit", std::move(view),
                       status);
}

}  // namespace

http::Response slcn_page(RequestContext& ctx) {
    return render_slcn(ctx, FormView{}, FormView{}, 200);
}

http::Response therapist_submit(RequestContext& ctx) {
    auto urn = parse_int(trim(ctx.form.get("school_urn")));
    if (!urn)
        return render_slcn(ctx,
                           FormView(Error::invalid("school_urn", "required", "Choose the school")),
                           FormView{}, 422);
    auto named = set_named_therapist(ctx.services, ctx.actor(), *urn,
                                     ctx.form.get("practitioner_id"), ctx.acting());
    if (!named)
        return form_failure(ctx, named.error(), [&](const FormView& form, int status) {
            return render_slcn(ctx, form, FormView{}, status);
        });
    return redirect_with_flash(ctx, "/slcn",
                               named->practitioner_id
                                   ? named->name + " is now " + named->school_name + "'s therapist"
                                   : named->school_name + " has no named therapist now");
}

http::Response audit_create_page(RequestContext& ctx) {
    std::vector<std::size_t> rows;
    auto input = audit_from_form(ctx.form, posted_school(ctx.form, schools_to_record(ctx)), rows);
    auto created = create_audit(ctx.services, ctx.actor(), input, ctx.acting());
    if (!created)
        return form_failure(ctx, on_form_rows(created.error(), rows),
                            [&](const FormView& form, int status) {
                                return render_slcn(ctx, FormView{}, form, status);
                            });
    return redirect_with_flash(ctx, audit_href(created->id),
                               "The audit and its action plan are saved");
}

http::Response audit_page(RequestContext& ctx) {
    auto id = parse_int(ctx.param("id"));
    if (!id) return error_page(ctx, Error::not_found());
    auto audit = get_audit(ctx.services, ctx.actor(), *id);
    if (!audit) return error_page(ctx, audit.error());
    return render_audit(ctx, *audit, FormView{}, 200);
}

http::Response audit_action_submit(RequestContext& ctx) {
    auto id = parse_int(ctx.param("id"));
    auto action = parse_int(ctx.param("action_id"));
    if (!id || !action) return error_page(ctx, Error::not_found());
    const std::string field = "status-" + std::to_string(*action);
    auto updated = update_audit_action(ctx.services, ctx.actor(), *id, *action, ctx.form.get(field),
                                       ctx.acting());
    if (!updated) {
        auto error = updated.error();
        if (error.field == "status") error.field = field;
        for (auto& f : error.fields)
            if (f.field == "status") f.field = field;
        auto audit = get_audit(ctx.services, ctx.actor(), *id);
        if (!audit) return error_page(ctx, audit.error());
        return form_failure(ctx, error, [&](const FormView& form, int status) {
            return render_audit(ctx, *audit, form, status);
        });
    }
    return redirect_with_flash(ctx, audit_href(*id), "The action's progress is saved");
}

}  // namespace sendhub::pages
