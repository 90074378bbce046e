#include "service/outreach_service.hpp"

#include <algorithm>
#include <map>

#include "core/text.hpp"
#include "service/planning_service.hpp"
#include "service/travel.hpp"
#include "store/outbox_store.hpp"

namespace sendhub {
namespace {

Error hidden_request() {
    return Error::not_found("No such request.");
}

// SENCOs ask for their own school only; the school is theirs whatever the body says.
Result<void> bind_school(const Actor& actor, RequestInput& input) {
    if (actor.role != Role::senco) return {};
    if (!actor.school_urn)
        return std::unexpected(Error::forbidden("Your account is not linked to a school."));
    std::string own = std::to_string(actor.school_urn->value);
    if (!trim(input.school_urn).empty() && trim(input.school_urn) != own)
        return std::unexpected(Error::not_found("No such school."));
    input.school_urn = own;
    return {};
}

// Queued in the transaction that submits the request, so the email exists exactly when the request
// does.
Result<void> notify_submitted(SqlConnection& c, const RequestRecord& r) {
    notify_role(c, Role::coordinator, std::nullopt, "request_received",
                "New outreach request " + r.reference,
                "A request for outreach support (" + r.reference + ") from " + r.school_name +
                    " is waiting for triage.");
    notify_role(c, Role::senco, r.school_urn, "request_received",
                "We have your request " + r.reference,
                "Thank you. Your request for outreach support has reference " + r.reference +
                    ". We will triage it and let you know the decision.");
    return {};
}

Result<AgreementRecord> visible_agreement(Services& s, const Actor& actor, AgreementId id) {
    auto a = s.agreements.find(id);
    if (!a || !can_see_request(actor, a->school_urn, a->practitioner_id))
        return std::unexpected(Error::not_found("No such agreement."));
    return *a;
}

bool coordinator_or_assigned(const Actor& actor, std::optional<PractitionerId> assigned) {
    return actor.role == Role::coordinator || is_assigned(actor, assigned);
}

}  // namespace

Acting acting(const Actor& actor, AuditContext audit) {
    return {std::move(audit), actor.name};
}

Result<RequestRecord> create_request(Services& s, const Actor& actor, RequestInput input,
                                     Submission mode, const AuditContext& who) {
    SENDHUB_TRY(bind_school(actor, input));
    if (mode == Submission::draft) {
        SENDHUB_TRY(validate_draft(input));
    } else {
        SENDHUB_TRY(validate_request(input, london_today()));
    }
    if (mode == Submission::draft)
        return s.requests.create(input, RequestStatus::draft, acting(actor, who));
    return s.requests.create(input, RequestStatus::submitted, acting(actor, who), notify_submitted);
}

Result<RequestRecord> get_request(Services& s, const Actor& actor, RequestId id) {
    auto r = s.requests.find(id);
    if (!r || !can_see_request(actor, r->school_urn, r->practitioner_id))
        return std::unexpected(hidden_request());
    return *r;
}

Page<RequestRecord> list_requests(Services& s, const Actor& actor, RequestFilter filter) {
    if (actor.role == Role::senco) filter.school_urn = actor.school_urn.value_or(SchoolUrn{-1});
    if (actor.role == Role::practitioner)
        filter.practitioner_id = actor.practitioner_id.value_or(PractitionerId{-1});
    return s.requests.list(filter);
}

Result<RequestRecord> update_draft(Services& s, const Actor& actor, RequestId id,
                                   RequestInput input, Submission mode, const AuditContext& who) {
    SENDHUB_ASSIGN_OR_RETURN(auto current, get_request(s, actor, id));
    if (!may_take_step(actor, request_facts(current), RequestStep::edit_draft))
        return std::unexpected(Error::forbidden());
    if (current.status != RequestStatus::draft)
        return std::unexpected(
            Error::conflict("not_draft", "Only a draft can be edited like this."));
    input.school_urn = std::to_string(current.school_urn.value);
    if (mode == Submission::draft)
        SENDHUB_TRY(validate_draft(input));
    else
        SENDHUB_TRY(validate_request(input, london_today()));
    Acting who_acts = acting(actor, who);
    if (mode == Submission::draft) {
        return s.database->write([&](SqlConnection& c) -> Result<RequestRecord> {
            RequestStore::replace_input(c, id, input);
            RequestStore::record_event(c, id, who_acts, "saved the draft", "draft", "draft", "");
            append_audit(c, who, "update", "request", std::to_string(id.value), {{"draft", true}});
            return *RequestStore::find(c, id);
        });
    }
    return s.requests.transition(id, RequestAction::submit, who_acts, "",
                                 [&](SqlConnection& c, const RequestRecord& r) {
                                     RequestStore::replace_input(c, id, input);
                                     return notify_submitted(c, r);
                                 });
}

Result<RequestRecord> resubmit_request(Services& s, const Actor& actor, RequestId id,
                                       RequestInput input, const AuditContext& who) {
    SENDHUB_ASSIGN_OR_RETURN(auto current, get_request(s, actor, id));
    if (!may_take_step(actor, request_facts(current), RequestStep::answer_more_info))
        return std::unexpected(
            Error::forbidden("Only the school's SENCO can resubmit the request."));
    if (current.status != RequestStatus::more_info)
        SENDHUB_TRY(next_status(current.status, RequestAction::resubmit));  // 409 with the reason
    input.school_urn = std::to_string(current.school_urn.value);
    SENDHUB_TRY(validate_request(input, london_today()));
    return s.requests.transition(id, RequestAction::resubmit, acting(actor, who), "",
                                 [&](SqlConnection& c, const RequestRecord& r) {
                                     RequestStore::replace_input(c, id, input);
                                     return notify_submitted(c, r);
                                 });
}

Result<RequestRecord> triage_request(Services& s, const Actor& actor, RequestId id,
                                     const TriageDecision& d, const AuditContext& who) {
    SENDHUB_ASSIGN_OR_RETURN(auto current, get_request(s, actor, id));
    if (!may_take_step(actor, request_facts(current), RequestStep::triage))
        return std::unexpected(Error::forbidden());
    std::string decision = trim(d.decision);
    std::string notes = trim(d.notes);
    RequestAction action;
    std::optional<Grade> level;
    if (decision == "accept") {
        action = RequestAction::accept;
        level = parse_term(grade_terms(), trim(d.expertise_level));
        if (!level)
            return std::unexpected(
                Error::invalid("expertise_level", "invalid", "Confirm the expertise level"));
    } else if (decision == "decline") {
        action = RequestAction::decline;
        if (notes.empty())
            return std::unexpected(
                Error::invalid("notes", "required", "Give the reason for declining"));
    } else if (decision == "more_info") {
        action = RequestAction::ask_more_info;
        if (notes.empty())
            return std::unexpected(
                Error::invalid("notes", "required", "Say what more information you need"));
    } else {
        return std::unexpected(Error::invalid(
            "decision", "invalid", "Choose accept, decline or ask for more information"));
    }
    if (utf8_length(notes) > 2000)
        return std::unexpected(
            Error::invalid("notes", "too_long", "Keep notes to 2000 characters"));
    return s.requests.transition(
        id, action, acting(actor, who), notes,
        [&](SqlConnection& c, const RequestRecord& r) -> Result<void> {
            RequestStore::record_triage(c, id, level, notes);
            std::string outcome = decision == "accept"    ? "has been accepted"
                                  : decision == "decline" ? "has been declined"
                                                          : "needs more information from you";
            notify_role(c, Role::senco, r.school_urn, "decision",
                        "Your request " + r.reference + " " + outcome,
                        "Your request for outreach support " + r.reference + " " + outcome +
                            ". Sign in to sendhub to read the details.");
            return {};
        });
}

Result<RequestRecord> cancel_request(Services& s, const Actor& actor, RequestId id,
                                     std::string reason, const AuditContext& who) {
    SENDHUB_ASSIGN_OR_RETURN(auto current, get_request(s, actor, id));
    if (!may_take_step(actor, request_facts(current), RequestStep::cancel))
        return std::unexpected(
            Error::forbidden("Only the school's SENCO or a coordinator can cancel a request."));
    reason = trim(reason);
    if (reason.empty())
        return std::unexpected(
            Error::invalid("reason", "required", "Give the reason for cancelling"));
    if (utf8_length(reason) > 2000)
        return std::unexpected(
            Error::invalid("reason", "too_long", "Keep the reason to 2000 characters"));
    return s.requests.transition(
        id, RequestAction::cancel, acting(actor, who), reason,
        [&](SqlConnection& c, const RequestRecord& r) -> Result<void> {
            RequestStore::record_cancellation(c, id, reason);
            PlanningStore::release_holds(c, id);
            if (r.practitioner_id)
                notify_practitioner(
                    c, *r.practitioner_id, "cancelled", "Request " + r.reference + " cancelled",
                    "Request " + r.reference + " has been cancelled; its planned visits are off.");
            return {};
        });
}

Result<std::vector<Candidate>> request_candidates(Services& s, const Actor& actor, RequestId id) {
    SENDHUB_ASSIGN_OR_RETURN(auto request, get_request(s, actor, id));
    if (!allows(actor, Permission::triage_requests)) return std::unexpected(Error::forbidden());
    MatchNeed need;
    need.level = request.accepted_level.value_or(
        parse_term(grade_terms(), request.input.expertise_level).value_or(Grade::teacher));
    need.higher_grade_may_cover = s.config.higher_grade_may_cover;
    for (const auto& pupil : request.input.pupils)
        if (auto n = parse_term(primary_need_terms(), pupil.primary_need)) need.needs.push_back(*n);
    Date when = parse_date(request.input.preferred_date).value_or(london_today());
    std::map<Grade, Rates> rates;  // today's, per grade: one look-up each, not one per practitioner
    for (const auto& g : grade_terms())
        rates[g.value] = s.agreements.rates_on(g.value, london_today());
    need.mileage_pence_per_mile = rates[need.level].mileage_pence_per_mile;
    // The week (Monday to Sunday) of the preferred date decides who has room.
    Date monday = monday_of(when);
    auto practitioners = s.practitioners.list({.limit = kMaxPageSize}).items;
    auto diaries = practitioner_diaries(s, practitioners, monday, add_days(monday, 6));
    auto at_school = s.agreements.practitioners_at_school(request.school_urn);
    auto workload = s.agreements.workload();
    auto school = school_point(s, request.school_urn);
    std::vector<CandidateInput> people;
    for (const auto& p : practitioners) {
        CandidateInput in{p.id,
                          p.name,
                          p.grade,
                          p.active,
                          return_tenths(p, school, s.config.circuity_factor),
                          p.expertise,
                          p.max_days_per_week,
                          diary_capacity(diaries.at(p.id.value)),
                          0,
                          at_school.contains(p.id.value),
                          rates[p.grade].day_rate_pence};
        if (auto w = workload.find(p.id.value); w != workload.end())
            in.active_requests = w->second.first;
        people.push_back(std::move(in));
    }
    return rank_candidates(need, people, s.config.match_weights);
}

Result<RequestRecord> assign_request(Services& s, const Actor& actor, RequestId id,
                                     std::string_view practitioner_text, const AuditContext& who) {
    SENDHUB_ASSIGN_OR_RETURN(auto request, get_request(s, actor, id));
    if (!may_take_step(actor, request_facts(request), RequestStep::assign))
        return std::unexpected(Error::forbidden());
    auto pid = parse_int(trim(practitioner_text));
    auto practitioner = pid ? s.practitioners.find(PractitionerId{*pid}) : std::nullopt;
    if (!practitioner || !practitioner->active)
        return std::unexpected(
            Error::invalid("practitioner_id", "unknown", "Choose an active practitioner"));
    if (request.accepted_level) {
        if (!grade_covers(practitioner->grade, *request.accepted_level,
                          higher_grade_cover(s.config.higher_grade_may_cover)))
            return std::unexpected(Error::invalid(
                "practitioner_id", "wrong_grade",
                "Choose a practitioner of the accepted level: " +
                    std::string(term_of(grade_terms(), *request.accepted_level).label)));
    }
    return s.requests.transition(id, RequestAction::assign, acting(actor, who), practitioner->name,
                                 [&](SqlConnection& c, const RequestRecord& r) -> Result<void> {
                                     RequestStore::set_practitioner(c, id, practitioner->id);
                                     notify_practitioner(c, practitioner->id, "assigned",
                                                         "New outreach work: " + r.reference,
                                                         "You have been assigned request " +
                                                             r.reference + " for " + r.school_name +
                                                             ". Sign in to sendhub to read it.");
                                     return {};
                                 });
}

Result<AgreementRecord> draft_agreement(Services& s, const Actor& actor, RequestId id,
                                        const AgreementInput& input, const AuditContext& who) {
    SENDHUB_ASSIGN_OR_RETURN(auto request, get_request(s, actor, id));
    if (!may_take_step(actor, request_facts(request), RequestStep::draw_up_agreement))
        return std::unexpected(Error::forbidden(
            "Only a coordinator or the assigned practitioner can draw up the agreement."));
    SENDHUB_ASSIGN_OR_RETURN(auto terms, validate_agreement(input));
    std::int64_t travel = 0;
    if (request.practitioner_id) {
        if (auto p = s.practitioners.find(*request.practitioner_id))
            travel =
                return_tenths(*p, school_point(s, request.school_urn), s.config.circuity_factor)
                    .value_or(0);
    }
    return s.agreements.create(id, terms, travel, acting(actor, who));
}

Result<AgreementRecord> get_agreement(Services& s, const Actor& actor, AgreementId id) {
    return visible_agreement(s, actor, id);
}

Quote agreement_quote(Services& s, const Actor& actor, const AgreementRecord& a) {
    Rates rates = a.locked_rates.value_or(s.agreements.rates_on(a.terms.level, london_today()));
    auto quote = quote_agreement(a.terms, rates, a.travel_tenths_per_visit);
    return allows(actor, Permission::see_prices) ? quote : travel_only(std::move(quote));
}

Result<AgreementRecord> accept_agreement(Services& s, const Actor& actor, AgreementId id,
                                         const AuditContext& who) {
    SENDHUB_ASSIGN_OR_RETURN(auto a, visible_agreement(s, actor, id));
    if (!is_school_senco(actor, a.school_urn))
        return std::unexpected(Error::forbidden("Only the school's SENCO accepts the agreement."));
    return s.agreements.accept(id, london_today(), acting(actor, who));
}

Result<AgreementRecord> complete_agreement(Services& s, const Actor& actor, AgreementId id,
                                           const AuditContext& who) {
    SENDHUB_TRY(visible_agreement(s, actor, id));
    if (!allows(actor, Permission::triage_requests)) return std::unexpected(Error::forbidden());
    return s.agreements.complete(id, acting(actor, who));
}

Result<VisitRecord> plan_visit(Services& s, const Actor& actor, AgreementId id,
                               std::string_view date_text, std::string_view days_text,
                               const AuditContext& who) {
    SENDHUB_ASSIGN_OR_RETURN(auto a, visible_agreement(s, actor, id));
    if (!coordinator_or_assigned(actor, a.practitioner_id))
        return std::unexpected(
            Error::forbidden("Only a coordinator or the assigned practitioner plans visits."));
    Validator v;
    auto date = parse_date(trim(date_text));
    if (!date) v.fail("date", "invalid", "Enter the date of the visit, like 2026-12-07");
    auto half_days = parse_half_days(days_text);
    if (!half_days || (*half_days != 1 && *half_days != 2))
        v.fail("days", "invalid", "A visit is half a day (0.5) or a day (1)");
    if (!v.ok()) return std::unexpected(std::move(v).error());
    return s.agreements.plan_visit(id, *date, *half_days, acting(actor, who));
}

Result<VisitRecord> get_visit(Services& s, const Actor& actor, VisitId id) {
    auto v = s.agreements.find_visit(id);
    if (!v || !can_see_request(actor, v->school_urn, v->practitioner_id))
        return std::unexpected(Error::not_found("No such visit."));
    return *v;
}

Result<VisitRecord> report_visit(Services& s, const Actor& actor, VisitId id,
                                 const ReportInput& input, const AuditContext& who) {
    SENDHUB_ASSIGN_OR_RETURN(auto v, get_visit(s, actor, id));
    if (!is_assigned(actor, v.practitioner_id))
        return std::unexpected(
            Error::forbidden("Only the practitioner who made the visit writes its report."));
    SENDHUB_TRY(check_visit_can_be_reported(v.date, london_today()));
    SENDHUB_ASSIGN_OR_RETURN(auto report, validate_report(input));
    return s.agreements.record_report(id, report, acting(actor, who));
}

Result<ProgressRecord> record_progress(Services& s, const Actor& actor, AgreementId id,
                                       OutcomeId outcome, std::string_view date_text,
                                       std::string_view status_text, std::string note,
                                       const AuditContext& who) {
    SENDHUB_ASSIGN_OR_RETURN(auto a, visible_agreement(s, actor, id));
    if (!coordinator_or_assigned(actor, a.practitioner_id))
        return std::unexpected(
            Error::forbidden("Only a coordinator or the assigned practitioner records progress."));
    Validator v;
    auto date = parse_date(trim(date_text));
    if (!date)
        v.fail("date", "invalid", "Enter the date, like 2026-12-07");
    else if (days_between(london_today(), *date) > 0)
        v.fail("date", "invalid", "Progress cannot be recorded for a future date");
    auto status = parse_term(progress_status_terms(), trim(status_text));
    if (!status) v.fail("status", "invalid", "Select the progress made");
    note = trim(note);
    if (utf8_length(note) > 2000) v.fail("note", "too_long", "Keep the note to 2000 characters");
    if (!v.ok()) return std::unexpected(std::move(v).error());
    return s.agreements.record_progress(id, outcome, *date, *status, note, acting(actor, who));
}

Result<FeedbackRecord> give_feedback(Services& s, const Actor& actor, AgreementId id,
                                     std::string_view rating_text, std::string comments,
                                     const AuditContext& who) {
    SENDHUB_ASSIGN_OR_RETURN(auto a, visible_agreement(s, actor, id));
    if (!is_school_senco(actor, a.school_urn))
        return std::unexpected(Error::forbidden("Feedback comes from the school's SENCO."));
    Validator v;
    auto rating = parse_int(trim(rating_text));
    if (!rating || *rating < 1 || *rating > 5)
        v.fail("rating", "invalid", "Choose a rating from 1 to 5");
    comments = trim(comments);
    if (utf8_length(comments) > 5000)
        v.fail("comments", "too_long", "Keep comments to 5000 characters");
    if (!v.ok()) return std::unexpected(std::move(v).error());
    return s.agreements.add_feedback(id, static_cast<int>(*rating), comments, acting(actor, who));
}

Result<std::vector<RequestEvent>> request_history(Services& s, const Actor& actor, RequestId id) {
    SENDHUB_TRY(get_request(s, actor, id));
    return s.requests.history(id);
}

Result<std::vector<std::pair<Date, int>>> held_dates(Services& s, const Actor& actor,
                                                     RequestId id) {
    SENDHUB_TRY(get_request(s, actor, id));
    return s.planning.held_for(id);
}

Result<std::vector<VisitRecord>> agreement_visits(Services& s, const Actor& actor, AgreementId id) {
    SENDHUB_TRY(visible_agreement(s, actor, id));
    return s.agreements.visits_of_agreement(id);
}

std::vector<VisitRecord> my_visits(Services& s, const Actor& actor) {
    if (!actor.practitioner_id) return {};
    return s.agreements.visits_of_practitioner(*actor.practitioner_id);
}

Result<std::vector<ProgressRecord>> agreement_progress(Services& s, const Actor& actor,
                                                       AgreementId id) {
    SENDHUB_TRY(visible_agreement(s, actor, id));
    return s.agreements.progress_of(id);
}

Result<std::vector<FeedbackRecord>> all_feedback(Services& s, const Actor& actor) {
    if (!allows(actor, Permission::read_feedback)) return std::unexpected(Error::forbidden());
    return s.agreements.feedback(std::nullopt);
}

RequestFacts request_facts(const RequestRecord& r) {
    return {.status = r.status,
            .school = r.school_urn,
            .practitioner = r.practitioner_id,
            .has_agreement = r.agreement_id.has_value()};
}

}  // namespace sendhub
