#include "web/outreach_views.hpp"

#include <algorithm>

#include "adapter/documents.hpp"
#include "core/json_object.hpp"
#include "core/text.hpp"
#include "service/outreach_service.hpp"
#include "web/page.hpp"
#include "web/views.hpp"

namespace sendhub {
namespace {

template <class Enum>
std::string label_of(std::span<const Term<Enum>> terms, std::string_view code,
                     std::string_view fallback = "Not given") {
    auto value = parse_term(terms, code);
    return value ? std::string(term_of(terms, *value).label) : std::string(fallback);
}

nlohmann::json agreement_view(RequestContext& ctx, const AgreementRecord& a, const FormView& form) {
    const Actor& actor = ctx.actor();
    Services& s = ctx.services;
    const auto& t = a.terms;
    auto q = agreement_quote(s, actor, a);
    nlohmann::json quote = quote_rows(q);
    auto progress = agreement_progress(s, actor, a.id).value_or(std::vector<ProgressRecord>{});
    nlohmann::json outcomes = nlohmann::json::array();
    Options outcome_options;
    int number = 1;
    for (const auto& o : a.outcomes) {
        nlohmann::json entries = nlohmann::json::array();
        for (const auto& p : progress) {
            if (p.outcome_id != o.id) continue;
            entries.push_back(
                {{"date", format_day_month_year(p.date)},
                 {"status", std::string(term_of(progress_status_terms(), p.status).label)},
                 {"note", p.note},
                 {"by", p.recorded_by}});
        }
        outcomes.push_back({{"number", std::to_string(number)},
                            {"text", o.text},
                            {"has_progress", !entries.empty()},
                            {"progress", entries}});
        outcome_options.emplace_back(std::to_string(o.id.value),
                                     std::to_string(number++) + ". " + o.text);
    }
    nlohmann::json visits = nlohmann::json::array();
    bool any_delivered = false;
    for (const auto& v : agreement_visits(s, actor, a.id).value_or(std::vector<VisitRecord>{})) {
        any_delivered = any_delivered || v.status == VisitStatus::delivered;
        visits.push_back(
            {{"id", std::to_string(v.id.value)},
             {"date", format_day_month_year(v.date)},
             {"days", format_days(v.half_days)},
             {"status", std::string(term_of(visit_status_terms(), v.status).label)},
             {"link_text", v.status == VisitStatus::delivered ? "Read the report" : "Open visit"}});
    }
    nlohmann::json feedback = nlohmann::json::array();
    std::vector<Date> feedback_given_on;
    for (const auto& f :
         agreement_feedback(s, actor, a.id).value_or(std::vector<FeedbackRecord>{})) {
        feedback.push_back({{"given_by", f.given_by},
                            {"given_on", format_long_date(london_date(f.given_at))},
                            {"rating", std::to_string(f.rating)},
                            {"comments", f.comments}});
        feedback_given_on.push_back(london_date(f.given_at));
    }
    bool agreed = a.status == AgreementStatus::agreed;
    AgreementSteps steps = agreement_steps(actor, agreement_facts(a));
    // The same rule the service applies, so the form appears exactly when it would be taken.
    auto feedback_due = check_feedback_due(any_delivered, feedback_given_on, ctx.today());
    std::string accepted;
    if (a.accepted_at)
        accepted = "By " + a.accepted_by_name + " on " + format_london_time(*a.accepted_at);
    return {
        {"id", std::to_string(a.id.value)},
        {"status", std::string(term_of(agreement_status_terms(), a.status).label)},
        {"status_class", agreed ? "govuk-tag--green" : "govuk-tag--grey"},
        {"type", t.type},
        {"level", std::string(term_of(level_terms(), t.level).label)},
        {"frequency", std::string(term_of(frequency_terms(), t.frequency).label)},
        {"sessions", std::to_string(t.sessions) +
                         (t.sessions == 1 ? " session of " : " sessions of ") +
                         format_days(t.session_half_days) + " day"},
        {"start_date", format_day_month_year(t.start_date)},
        {"report_writing", format_days(t.report_writing_half_days) + " days"},
        {"accepted", accepted.empty() ? nlohmann::json(false) : nlohmann::json(accepted)},
        {"quote", quote},
        {"total", money(q.total_pence)},
        {"total_label", allows(actor, Permission::see_prices)
                            ? "Total"
                            : "Your travel (the only charge shown to practitioners)"},
        {"can_accept", steps.accept},
        {"can_ask_for_change", steps.ask_for_change},
        {"change_open", form.has_error("note")},
        {"fields_note",
         form.textarea("note", "What would you like changed?", ctx.form.get("note"),
                       "For example, the number of sessions, the start date or the outcomes. "
                       "The trust will draw up a new agreement.",
                       3)},
        {"outcomes", outcomes},
        {"progress_form", steps.record_progress},
        {"visits", visits},
        {"visit_form", steps.plan_visit},
        {"feedback_form", steps.give_feedback && feedback_due.has_value()},
        {"feedback_wait", steps.give_feedback && !feedback_due
                              ? nlohmann::json(feedback_due.error().message)
                              : nlohmann::json(false)},
        {"feedback", feedback},
        {"can_complete", steps.complete},
        {"purchase_order",
         a.purchase_order.empty() ? nlohmann::json(false) : nlohmann::json(a.purchase_order)},
        {"fields_purchase_order",
         form.input("purchase_order", "Purchase order number (optional)",
                    ctx.form.get("purchase_order"),
                    {.hint = "If your school raises purchase orders, we print it on every invoice "
                             "for this work.",
                     .width = "20",
                     .spellcheck = false})},
        {"fields_outcome",
         form.select("outcome", "Outcome", outcome_options, ctx.form.get("outcome"))},
    };
}

}  // namespace

Options visit_length_options() {
    return {{"1", "A whole day"}, {"0.5", "Half a day"}};
}

nlohmann::json quote_rows(const Quote& quote) {
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& line : quote.lines)
        rows.push_back({{"description", line.description}, {"amount", money(line.amount_pence)}});
    return rows;
}

std::string status_tag_class(RequestStatus status) {
    switch (status) {
        case RequestStatus::submitted:
            return "govuk-tag--blue";
        case RequestStatus::accepted:
            return "govuk-tag--turquoise";
        case RequestStatus::declined:
            return "govuk-tag--red";
        case RequestStatus::more_info:
            return "govuk-tag--yellow";
        case RequestStatus::assigned:
            return "govuk-tag--purple";
        case RequestStatus::agreed:
            return "govuk-tag--green";
        default:
            return "govuk-tag--grey";
    }
}

Options level_choices(const RequestInput& answers) {
    if (auto level = service_level(request_service(answers)))
        return {{std::string(term_of(level_terms(), *level).code),
                 std::string(term_of(level_terms(), *level).label)}};
    return options_of(grade_terms());
}

nlohmann::json request_summary_view(const RequestSummary& r) {
    std::string who = r.pupil_count == 0   ? "No pupils yet"
                      : r.pupil_count == 1 ? r.first_pupil_ref
                                           : std::to_string(r.pupil_count) + " pupils";
    // In alphabetical order, so each member goes in without searching (core/json_object.hpp).
    return JsonObject{}("id", std::to_string(r.id.value))("level",
                                                          label_of(level_terms(), r.level))(
               "practitioner",
               r.practitioner_name.empty() ? "Not yet assigned" : r.practitioner_name)(
               "preferred_date",
               r.preferred_date.empty() ? "Not given" : readable_date(r.preferred_date))(
               "reference", r.reference)("school_name", r.school_name)(
               "status", std::string(request_status_text(r.status, r.has_agreement)))(
               "status_class", status_tag_class(r.status))("who", std::move(who))
        .take();
}

nlohmann::json request_summary_view(const RequestRecord& r) {
    return request_summary_view(summary_of(r));
}

http::Response render_request_page(RequestContext& ctx, const RequestRecord& r,
                                   const FormView& form, int status) {
    const Actor& actor = ctx.actor();
    auto view_r = request_summary_view(r);
    const Service service = request_service(r.input);
    if (auto level = service_level(service)) {
        // Educational psychology and therapy: what the work is for, at the service's rate.
        view_r["kind"] = std::string(term_of(service_terms(), service).label) + ": " +
                         label_of(work_type_terms(), r.input.work_type);
        view_r["level"] = std::string(term_of(level_terms(), *level).label);
    } else {
        view_r["kind"] = label_of(request_kind_terms(), r.input.kind);
        view_r["level"] = label_of(level_terms(), r.input.expertise_level);
    }
    view_r["accepted_level"] =
        r.accepted_level
            ? nlohmann::json(std::string(term_of(level_terms(), *r.accepted_level).label))
            : nlohmann::json(false);
    view_r["consent"] = r.input.consent_type.empty()
                            ? "Not given"
                            : label_of(consent_type_terms(), r.input.consent_type) + " on " +
                                  readable_date(r.input.consent_obtained_on) + ", obtained by " +
                                  r.input.consent_obtained_by;
    view_r["practitioner"] = r.practitioner_name.empty() ? "Not assigned yet" : r.practitioner_name;
    view_r["concern"] = r.input.concern;
    view_r["tried"] = r.input.tried.empty() ? "Not given" : r.input.tried;
    view_r["triage_notes"] =
        r.triage_notes.empty() ? nlohmann::json(false) : nlohmann::json(r.triage_notes);
    view_r["cancel_reason"] =
        r.cancel_reason.empty() ? nlohmann::json(false) : nlohmann::json(r.cancel_reason);
    nlohmann::json pupils = nlohmann::json::array();
    // "Recorded by the local authority, 3 March 2026": whose code it is, and when.
    auto need_record_text = [](const PupilInput& p) -> nlohmann::json {
        if (p.primary_need_source.empty()) return false;
        std::string text =
            "Recorded by " + to_lower(label_of(need_source_terms(), p.primary_need_source));
        if (!p.primary_need_recorded_on.empty())
            text += ", " + readable_date(p.primary_need_recorded_on);
        return text;
    };
    for (const auto& p : r.input.pupils)
        pupils.push_back({{"ref", p.ref},
                          {"year_group", p.year_group},
                          {"route", label_of(need_route_terms(), p.need_route)},
                          {"need", label_of(primary_need_terms(), p.primary_need)},
                          {"need_record", need_record_text(p)}});
    view_r["pupils"] = std::move(pupils);

    auto steps = request_steps(actor, request_facts(r));
    nlohmann::json actions{{"edit_href", false},
                           {"assign_href", false},
                           {"agreement_href", false},
                           {"edit_label", ""}};
    std::string id = std::to_string(r.id.value);
    if (steps.answer_more_info) {
        actions["edit_href"] = "/requests/" + id + "/edit";
        actions["edit_label"] = "Answer and resubmit";
    }
    if (steps.edit_draft) {
        actions["edit_href"] = "/requests/" + id + "/edit";
        actions["edit_label"] = "Continue the draft";
    }
    if (steps.assign) actions["assign_href"] = "/requests/" + id + "/assign";
    if (steps.draw_up_agreement) actions["agreement_href"] = "/requests/" + id + "/agreement";

    nlohmann::json history = nlohmann::json::array();
    for (const auto& e :
         request_history(ctx.services, ctx.actor(), r.id).value_or(std::vector<RequestEvent>{}))
        history.push_back(
            {{"at", format_london_time(e.at)},
             {"by", e.user_name},
             {"action", e.action},
             {"note", e.note.empty() ? nlohmann::json(false) : nlohmann::json(e.note)}});

    Options decisions{{"accept", "Accept"},
                      {"more_info", "Ask the school for more information"},
                      {"decline", "Decline"}};
    Options days = visit_length_options();
    Options ratings;
    for (int i = 5; i >= 1; --i)
        ratings.emplace_back(std::to_string(i), std::to_string(i) + (i == 5   ? " (excellent)"
                                                                     : i == 1 ? " (poor)"
                                                                              : ""));
    const auto& f = ctx.form;
    std::string level =
        f.has("expertise_level") ? f.get("expertise_level") : r.input.expertise_level;
    nlohmann::json fields{
        {"decision", form.radios("decision", "Decision", decisions, f.get("decision"))},
        {"expertise_level", form.select("expertise_level", "Level to accept at (if accepting)",
                                        level_choices(r.input), level)},
        {"notes", form.textarea("notes", "Notes for the school", f.get("notes"),
                                "Needed to decline or to ask for more information", 3)},
        {"reason", form.textarea("reason", "Why are you cancelling?", f.get("reason"), "", 3)},
        {"progress_date",
         form.date_input("progress_date", "Date",
                         f.has("progress_date") ? f.get("progress_date") : format_date(ctx.today()),
                         date_example(ctx.today()))},
        {"progress_status",
         form.select("progress_status", "Progress", options_of(progress_status_terms()),
                     f.get("progress_status"))},
        {"progress_note", form.textarea("progress_note", "Note", f.get("progress_note"), "", 2)},
        {"date", form.date_input("date", "Date of the visit", f.get("date"),
                                 "A school day. " + date_example(ctx.today()))},
        {"days", form.radios("days", "Length", days, f.has("days") ? f.get("days") : "1")},
        {"rating", form.radios("rating", "How useful was the support?", ratings, f.get("rating"))},
        {"comments", form.textarea("comments", "Comments", f.get("comments"),
                                   "What helped, and what could be better?", 4)},
    };
    nlohmann::json view{
        {"summary", form.summary()},
        {"r", view_r},
        {"actions", actions},
        {"history", history},
        {"triage", steps.triage},
        {"cancel", steps.cancel && !steps.edit_draft},
        {"delete_draft", steps.edit_draft},
        {"agreement", false},
        {"held", false},
    };
    if (auto held = held_dates(ctx.services, ctx.actor(), r.id)
                        .value_or(std::vector<std::pair<Date, int>>{});
        !held.empty()) {
        std::string list;
        for (const auto& [date, half_days] : held)
            list += (list.empty() ? "" : ", ") + format_day_month_year(date) +
                    (half_days == 1 ? " (half day)" : "");
        view["held"] = std::move(list);
    }
    if (r.agreement_id) {
        if (auto a = get_agreement(ctx.services, ctx.actor(), AgreementId{*r.agreement_id})) {
            auto av = agreement_view(ctx, *a, form);
            fields["outcome"] = av["fields_outcome"];
            view["agreement"] = std::move(av);
        }
    }
    view["fields"] = std::move(fields);
    return render_page(ctx, "Request " + r.reference, "request_show", std::move(view), status);
}

RequestInput request_input_from_form(const http::FormData& f) {
    RequestInput in{f.get("school_urn"),
                    f.get("kind"),
                    {},
                    f.get("consent.type"),
                    f.get("consent.obtained_on"),
                    f.get("consent.obtained_by"),
                    f.get("expertise_level"),
                    f.get("preferred_date"),
                    f.get("concern"),
                    f.get("tried"),
                    f.get("service"),
                    f.get("work_type")};
    for (std::size_t i = 0; i < kMaxPupilsInGroup; ++i) {
        std::string prefix = "pupils." + std::to_string(i) + ".";
        if (!f.has(prefix + "ref")) break;
        PupilInput p{f.get(prefix + "ref"),
                     f.get(prefix + "year_group"),
                     f.get(prefix + "need_route"),
                     f.get(prefix + "primary_need"),
                     f.get(prefix + "primary_need_source"),
                     f.get(prefix + "primary_need_recorded_on")};
        if (p.ref.empty() && p.year_group.empty() && p.need_route.empty() && p.primary_need.empty())
            continue;
        in.pupils.push_back(std::move(p));
    }
    return in;
}

Error with_prefixed_fields(Error error, std::string_view prefix) {
    if (!error.field.empty()) error.field = std::string(prefix) + error.field;
    for (auto& f : error.fields) f.field = std::string(prefix) + f.field;
    return error;
}

nlohmann::json clashes_view(const std::vector<Clash>& clashes) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& c : clashes) {
        const auto& v = c.visit;
        out.push_back({{"date", format_long_date(v.date)},
                       {"school", v.school_name},
                       {"practitioner", v.practitioner_name},
                       {"reason", std::string(clash_label(c.reason))},
                       {"held", v.held},
                       // A held date is moved by planning the request again; a visit on its page.
                       {"href", v.visit_id ? "/visits/" + std::to_string(v.visit_id->value)
                                           : "/requests/" + std::to_string(v.request_id.value)}});
    }
    return out;
}

}  // namespace sendhub
