#include "service/outreach_service.hpp"

#include <algorithm>
#include <map>

#include "core/outreach_forms.hpp"
#include "core/text.hpp"
#include "service/planning_service.hpp"
#include "service/travel.hpp"
#include "store/outbox_store.hpp"
#include "store/school_days_store.hpp"

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
    const std::string link = request_link(r.id);
    notify_role(c, Role::coordinator, std::nullopt,
                {"request_received", "New outreach request " + r.reference,
                 "A request for outreach support (" + r.reference + ") from " + r.school_name +
                     " is waiting for triage.",
                 link});
    notify_role(c, Role::senco, r.school_urn,
                {"request_received", "We have your request " + r.reference,
                 "Thank you. Your request for outreach support has reference " + r.reference +
                     ". We will triage it and let you know the decision.",
                 link});
    return {};
}

Result<AgreementRecord> visible_agreement(Services& s, const Actor& actor, AgreementId id) {
    auto a = s.agreements.find(id);
    if (!a || !can_see_request(actor, a->school_urn, a->practitioner_id))
        return std::unexpected(Error::not_found("No such agreement."));
    return *a;
}

//! Submits (or resubmits) a request's answers: every rule applies, and the stored form
//! replaces what was there in the same transaction as the status change.
Result<RequestRecord> submit_answers(Services& s, RequestId id, RequestAction action,
                                     const RequestInput& input, const Acting& who) {
    SENDHUB_ASSIGN_OR_RETURN(RequestDetails details, validate_request(input, s.clock().today()));
    return s.requests.transition(id, action, who, "",
                                 [&](SqlConnection& c, const RequestRecord& r) {
                                     RequestStore::replace_input(c, id, stored_form(details));
                                     return notify_submitted(c, r);
                                 });
}

}  // namespace

Result<RequestRecord> create_request(Services& s, const Actor& actor, RequestInput input,
                                     Submission mode, const Acting& who) {
    SENDHUB_TRY(bind_school(actor, input));
    if (mode == Submission::draft) {
        SENDHUB_ASSIGN_OR_RETURN(RequestDraft draft, validate_draft(input));
        return s.requests.create(draft, RequestStatus::draft, who);
    }
    SENDHUB_ASSIGN_OR_RETURN(RequestDetails details, validate_request(input, s.clock().today()));
    return s.requests.create(stored_form(details), RequestStatus::submitted, who, notify_submitted);
}

Result<RequestRecord> get_request(Services& s, const Actor& actor, RequestId id) {
    auto r = s.requests.find(id);
    if (!r || !can_see_request(actor, r->school_urn, r->practitioner_id,
                               r->status == RequestStatus::draft))
        return std::unexpected(hidden_request());
    return *r;
}

Result<RequestRecord> open_request(Services& s, const Actor& actor, RequestId id,
                                   const Acting& who) {
    SENDHUB_ASSIGN_OR_RETURN(auto r, get_request(s, actor, id));
    record_read(*s.database, who, "request", std::to_string(id.value));
    return r;
}

Page<RequestRecord> list_requests(Services& s, const Actor& actor, RequestFilter filter) {
    filter.include_drafts = lists_drafts(actor);
    if (auto own = school_scope(actor)) filter.school_urn = own;
    if (actor.role == Role::practitioner)
        filter.practitioner_id = actor.practitioner_id.value_or(PractitionerId{-1});
    return s.requests.list(filter);
}

std::vector<RequestRecord> export_requests(Services& s, const Actor& actor, RequestFilter filter) {
    std::vector<RequestRecord> all;
    filter.limit = kMaxPageSize;
    filter.offset = 0;
    filter.after_id.reset();
    for (;;) {
        auto page = list_requests(s, actor, filter);
        std::ranges::move(page.items, std::back_inserter(all));
        if (!page.next_cursor) return all;
        if (filter.sort)
            filter.offset += filter.limit;
        else
            filter.after_id = all.back().id.value;
    }
}

Result<void> delete_draft(Services& s, const Actor& actor, RequestId id, const Acting& who) {
    SENDHUB_ASSIGN_OR_RETURN(auto current, get_request(s, actor, id));
    if (!may_take_step(actor, request_facts(current), RequestStep::edit_draft))
        return std::unexpected(Error::forbidden());
    auto not_draft = [] {
        return std::unexpected(Error::conflict(
            "not_draft", "This request has been submitted, so it can no longer be deleted."));
    };
    if (current.status != RequestStatus::draft) return not_draft();
    return s.database->write([&](SqlConnection& c) -> Result<void> {
        if (!RequestStore::delete_draft(c, id)) return not_draft();
        append_audit(c, who, "delete", "request", std::to_string(id.value), {{"draft", true}});
        return {};
    });
}

Result<RequestRecord> update_draft(Services& s, const Actor& actor, RequestId id,
                                   RequestInput input, Submission mode, const Acting& who) {
    SENDHUB_ASSIGN_OR_RETURN(auto current, get_request(s, actor, id));
    if (!may_take_step(actor, request_facts(current), RequestStep::edit_draft))
        return std::unexpected(Error::forbidden());
    if (current.status != RequestStatus::draft)
        return std::unexpected(
            Error::conflict("not_draft", "Only a draft can be edited like this."));
    input.school_urn = std::to_string(current.school_urn.value);
    if (mode == Submission::draft) {
        SENDHUB_ASSIGN_OR_RETURN(RequestDraft draft, validate_draft(input));
        return s.database->write([&](SqlConnection& c) -> Result<RequestRecord> {
            RequestStore::replace_input(c, id, draft);
            RequestStore::record_event(c, id, who, "saved the draft", "draft", "draft", "");
            append_audit(c, who, "update", "request", std::to_string(id.value), {{"draft", true}});
            return *RequestStore::find(c, id);
        });
    }
    return submit_answers(s, id, RequestAction::submit, input, who);
}

Result<RequestRecord> resubmit_request(Services& s, const Actor& actor, RequestId id,
                                       RequestInput input, const Acting& who) {
    SENDHUB_ASSIGN_OR_RETURN(auto current, get_request(s, actor, id));
    if (!may_take_step(actor, request_facts(current), RequestStep::answer_more_info))
        return std::unexpected(
            Error::forbidden("Only the school's SENCO can resubmit the request."));
    if (current.status != RequestStatus::more_info)
        SENDHUB_TRY(next_status(current.status, RequestAction::resubmit));  // 409 with the reason
    input.school_urn = std::to_string(current.school_urn.value);
    return submit_answers(s, id, RequestAction::resubmit, input, who);
}

Result<RequestRecord> triage_request(Services& s, const Actor& actor, RequestId id,
                                     const TriageDecision& d, const Acting& who) {
    SENDHUB_ASSIGN_OR_RETURN(auto current, get_request(s, actor, id));
    if (!may_take_step(actor, request_facts(current), RequestStep::triage))
        return std::unexpected(Error::forbidden());
    SENDHUB_ASSIGN_OR_RETURN(TriageChoice choice,
                             validate_triage(d.decision, d.expertise_level, d.notes,
                                             service_level(request_service(current.input))));
    return s.requests.transition(
        id, choice.action, who, choice.notes,
        [&](SqlConnection& c, const RequestRecord& r) -> Result<void> {
            RequestStore::record_triage(c, id, choice.level, choice.notes);
            std::string outcome = choice.action == RequestAction::accept ? "has been accepted"
                                  : choice.action == RequestAction::decline
                                      ? "has been declined"
                                      : "needs more information from you";
            notify_role(c, Role::senco, r.school_urn,
                        {"decision", "Your request " + r.reference + " " + outcome,
                         "Your request for outreach support " + r.reference + " " + outcome +
                             ". Sign in to sendhub to read the details.",
                         request_link(r.id)});
            return {};
        });
}

Result<RequestRecord> cancel_request(Services& s, const Actor& actor, RequestId id,
                                     std::string reason, const Acting& who) {
    SENDHUB_ASSIGN_OR_RETURN(auto current, get_request(s, actor, id));
    if (!may_take_step(actor, request_facts(current), RequestStep::cancel))
        return std::unexpected(
            Error::forbidden("Only the school's SENCO or a coordinator can cancel a request."));
    SENDHUB_ASSIGN_OR_RETURN(reason, validate_cancellation(reason));
    return s.requests.transition(
        id, RequestAction::cancel, who, reason,
        [&](SqlConnection& c, const RequestRecord& r) -> Result<void> {
            RequestStore::record_cancellation(c, id, reason);
            PlanningStore::release_holds(c, id);
            if (r.practitioner_id)
                notify_practitioner(
                    c, *r.practitioner_id,
                    {"cancelled", "Request " + r.reference + " cancelled",
                     "Request " + r.reference + " has been cancelled; its planned visits are off.",
                     request_link(r.id)});
            return {};
        });
}

Result<std::vector<Candidate>> request_candidates(Services& s, const Actor& actor, RequestId id) {
    SENDHUB_ASSIGN_OR_RETURN(auto request, get_request(s, actor, id));
    if (!allows(actor, Permission::triage_requests)) return std::unexpected(Error::forbidden());
    MatchNeed need;
    // Educational psychology and therapy work goes only to that service's practitioners.
    need.level = request.accepted_level.value_or(
        service_level(request_service(request.input))
            .value_or(
                parse_term(grade_terms(), request.input.expertise_level).value_or(Grade::teacher)));
    need.higher_grade_may_cover = s.config.higher_grade_may_cover;
    for (const auto& pupil : request.input.pupils)
        if (auto n = parse_term(primary_need_terms(), pupil.primary_need)) need.needs.push_back(*n);
    Date when = parse_date(request.input.preferred_date).value_or(s.clock().today());
    // Today's day rate per level: one look-up each, not one per practitioner.
    std::map<Grade, std::optional<std::int64_t>> day_rates;
    for (const auto& g : level_terms())
        day_rates[g.value] = s.agreements.day_rate_on(g.value, s.clock().today());
    need.mileage_pence_per_mile =
        s.agreements.rates_on(need.level, s.clock().today()).mileage_pence_per_mile;
    // The week (Monday to Sunday) of the preferred date decides who has room.
    Date monday = monday_of(when);
    auto practitioners = s.practitioners.list({.limit = kMaxPageSize}).items;
    auto diaries = practitioner_diaries(s, practitioners, monday, add_days(monday, 6));
    // Days the school is closed that week are no use to anyone.
    auto closed =
        closed_days(s.school_days.calendar_of(request.school_urn), monday, add_days(monday, 6));
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
                          diary_capacity(without_closed_days(diaries.at(p.id.value), closed)),
                          0,
                          at_school.contains(p.id.value),
                          day_rates[p.grade]};
        if (auto w = workload.find(p.id.value); w != workload.end())
            in.active_requests = w->second.first;
        people.push_back(std::move(in));
    }
    return rank_candidates(need, people, s.config.match_weights);
}

Result<RequestRecord> assign_request(Services& s, const Actor& actor, RequestId id,
                                     std::string_view practitioner_text, const Acting& who) {
    SENDHUB_ASSIGN_OR_RETURN(auto request, get_request(s, actor, id));
    if (!may_take_step(actor, request_facts(request), RequestStep::assign))
        return std::unexpected(Error::forbidden());
    auto pid = parse_int(trim(practitioner_text));
    auto practitioner = pid ? s.practitioners.find(PractitionerId{*pid}) : std::nullopt;
    if (!practitioner || !practitioner->active)
        return std::unexpected(
            Error::invalid("practitioner_id", "unknown", "Choose an active practitioner"));
    if (const Service wanted = request_service(request.input); practitioner->service != wanted)
        return std::unexpected(
            Error::invalid("practitioner_id", "wrong_service",
                           "Choose a practitioner of the service asked for: " +
                               std::string(term_of(service_terms(), wanted).label)));
    if (request.accepted_level) {
        if (!grade_covers(practitioner->grade, *request.accepted_level,
                          higher_grade_cover(s.config.higher_grade_may_cover)))
            return std::unexpected(Error::invalid(
                "practitioner_id", "wrong_grade",
                "Choose a practitioner of the accepted level: " +
                    std::string(term_of(level_terms(), *request.accepted_level).label)));
    }
    return s.requests.transition(
        id, RequestAction::assign, who, practitioner->name,
        [&](SqlConnection& c, const RequestRecord& r) -> Result<void> {
            RequestStore::set_practitioner(c, id, practitioner->id);
            notify_practitioner(c, practitioner->id,
                                {"assigned", "New work: " + r.reference,
                                 "You have been assigned request " + r.reference + " for " +
                                     r.school_name + ". Sign in to sendhub to read it.",
                                 request_link(r.id)});
            return {};
        });
}

namespace {

struct DraftTerms {
    AgreementTerms terms;
    std::int64_t travel_tenths_per_visit = 0;
};

// What drawing up and previewing share: who may, the terms checked, the journey estimated.
Result<DraftTerms> checked_draft(Services& s, const Actor& actor, RequestId id,
                                 const AgreementInput& input) {
    SENDHUB_ASSIGN_OR_RETURN(auto request, get_request(s, actor, id));
    if (!may_take_step(actor, request_facts(request), RequestStep::draw_up_agreement))
        return std::unexpected(Error::forbidden(
            "Only a coordinator or the assigned practitioner can draw up the agreement."));
    const auto level_of_service = service_level(request_service(request.input));
    SENDHUB_ASSIGN_OR_RETURN(auto terms, validate_agreement(input, level_of_service));
    DraftTerms out{std::move(terms), 0};
    if (request.practitioner_id) {
        if (auto p = s.practitioners.find(*request.practitioner_id))
            out.travel_tenths_per_visit =
                return_tenths(*p, school_point(s, request.school_urn), s.config.circuity_factor)
                    .value_or(0);
    }
    return out;
}

//! Practitioners see only their own travel; everyone else the whole quote.
Quote as_seen_by(const Actor& actor, Quote quote) {
    return allows(actor, Permission::see_prices) ? quote : travel_only(std::move(quote));
}

}  // namespace

Result<AgreementRecord> draft_agreement(Services& s, const Actor& actor, RequestId id,
                                        const AgreementInput& input, const Acting& who) {
    SENDHUB_ASSIGN_OR_RETURN(auto draft, checked_draft(s, actor, id, input));
    // A service is priced only once finance sets its day rate: until then nothing is agreed.
    if (!is_outreach_grade(draft.terms.level) &&
        !s.agreements.day_rate_on(draft.terms.level, s.clock().today()))
        return std::unexpected(Error::conflict(
            "no_tariff", "The " + std::string(term_of(level_terms(), draft.terms.level).label) +
                             " day rate has not been set yet. Ask finance to set it first."));
    return s.agreements.create(id, draft.terms, draft.travel_tenths_per_visit, who);
}

Result<Quote> preview_agreement_quote(Services& s, const Actor& actor, RequestId id,
                                      const AgreementInput& input) {
    SENDHUB_ASSIGN_OR_RETURN(auto draft, checked_draft(s, actor, id, input));
    Rates rates = s.agreements.rates_on(draft.terms.level, s.clock().today());
    return as_seen_by(actor, quote_agreement(draft.terms, rates, draft.travel_tenths_per_visit));
}

Result<AgreementRecord> get_agreement(Services& s, const Actor& actor, AgreementId id) {
    return visible_agreement(s, actor, id);
}

Quote agreement_quote(Services& s, const Actor& actor, const AgreementRecord& a) {
    Rates rates = a.locked_rates.value_or(s.agreements.rates_on(a.terms.level, s.clock().today()));
    return as_seen_by(actor, quote_agreement(a.terms, rates, a.travel_tenths_per_visit));
}

Result<AgreementRecord> accept_agreement(Services& s, const Actor& actor, AgreementId id,
                                         std::string_view purchase_order, const Acting& who) {
    SENDHUB_ASSIGN_OR_RETURN(auto a, visible_agreement(s, actor, id));
    SENDHUB_TRY(check_agreement_step(actor, agreement_facts(a), AgreementStep::accept));
    SENDHUB_ASSIGN_OR_RETURN(std::string order, validate_purchase_order(purchase_order));
    return s.agreements.accept(id, s.clock().today(), order, who);
}

Result<RequestRecord> ask_for_agreement_change(Services& s, const Actor& actor, AgreementId id,
                                               std::string_view note, const Acting& who) {
    SENDHUB_ASSIGN_OR_RETURN(auto a, visible_agreement(s, actor, id));
    SENDHUB_TRY(check_agreement_step(actor, agreement_facts(a), AgreementStep::ask_for_change));
    SENDHUB_ASSIGN_OR_RETURN(std::string wanted, validate_change_note(note));
    SENDHUB_TRY(s.agreements.withdraw_for_change(id, wanted, who));
    return get_request(s, actor, a.request_id);
}

Result<AgreementRecord> set_purchase_order(Services& s, const Actor& actor, AgreementId id,
                                           std::string_view purchase_order, const Acting& who) {
    SENDHUB_ASSIGN_OR_RETURN(auto a, visible_agreement(s, actor, id));
    // The school gives it, or the trust on the school's behalf.
    if (!is_school_senco(actor, a.school_urn) && !allows(actor, Permission::triage_requests) &&
        !allows(actor, Permission::manage_invoices))
        return std::unexpected(Error::forbidden());
    SENDHUB_ASSIGN_OR_RETURN(std::string order, validate_purchase_order(purchase_order));
    return s.agreements.set_purchase_order(id, order, who);
}

Result<AgreementRecord> complete_agreement(Services& s, const Actor& actor, AgreementId id,
                                           const Acting& who) {
    SENDHUB_ASSIGN_OR_RETURN(auto a, visible_agreement(s, actor, id));
    SENDHUB_TRY(check_agreement_step(actor, agreement_facts(a), AgreementStep::complete));
    return s.agreements.complete(id, who);
}

Result<VisitRecord> plan_visit(Services& s, const Actor& actor, AgreementId id,
                               std::string_view date_text, std::string_view days_text,
                               const Acting& who) {
    SENDHUB_ASSIGN_OR_RETURN(auto a, visible_agreement(s, actor, id));
    SENDHUB_TRY(check_agreement_step(actor, agreement_facts(a), AgreementStep::plan_visit));
    SENDHUB_ASSIGN_OR_RETURN(VisitPlan plan, validate_visit_plan(date_text, days_text));
    // The checks and the insert are one transaction: two people cannot both take the last
    // session.
    return s.database->write([&](SqlConnection& c) -> Result<VisitRecord> {
        SENDHUB_TRY(check_school_day(SchoolDaysStore::calendar_of(c, a.school_urn), plan.date));
        SENDHUB_TRY(check_room_for_visit(AgreementStore::visits_counted(c, id), a.terms.sessions));
        return s.agreements.plan_visit(id, plan.date, plan.half_days, who);
    });
}

Result<VisitRecord> get_visit(Services& s, const Actor& actor, VisitId id) {
    auto v = s.agreements.find_visit(id);
    if (!v || !can_see_request(actor, v->school_urn, v->practitioner_id))
        return std::unexpected(Error::not_found("No such visit."));
    return *v;
}

Result<VisitRecord> move_visit(Services& s, const Actor& actor, VisitId id,
                               std::string_view date_text, std::string_view days_text,
                               const Acting& who) {
    SENDHUB_ASSIGN_OR_RETURN(auto v, get_visit(s, actor, id));
    SENDHUB_TRY(check_visit_step(actor, visit_facts(v), VisitStep::move));
    SENDHUB_ASSIGN_OR_RETURN(VisitPlan plan, validate_visit_plan(date_text, days_text));
    return s.database->write([&](SqlConnection& c) -> Result<VisitRecord> {
        SENDHUB_TRY(check_school_day(SchoolDaysStore::calendar_of(c, v.school_urn), plan.date));
        return s.agreements.move_visit(id, plan.date, plan.half_days, who);
    });
}

Result<VisitRecord> cancel_visit(Services& s, const Actor& actor, VisitId id,
                                 std::string_view reason_text, const Acting& who) {
    SENDHUB_ASSIGN_OR_RETURN(auto v, get_visit(s, actor, id));
    SENDHUB_TRY(check_visit_step(actor, visit_facts(v), VisitStep::cancel));
    SENDHUB_ASSIGN_OR_RETURN(std::string reason, validate_cancellation(reason_text));
    return s.agreements.cancel_visit(id, reason, who);
}

Result<VisitRecord> report_visit(Services& s, const Actor& actor, VisitId id,
                                 const ReportInput& input, const Acting& who) {
    SENDHUB_ASSIGN_OR_RETURN(auto v, get_visit(s, actor, id));
    SENDHUB_TRY(check_visit_report(actor, visit_facts(v), s.clock().today()));
    SENDHUB_ASSIGN_OR_RETURN(auto report, validate_report(input));
    return s.agreements.record_report(id, report, who);
}

Result<ProgressRecord> record_progress(Services& s, const Actor& actor, AgreementId id,
                                       OutcomeId outcome, std::string_view date_text,
                                       std::string_view status_text, std::string_view note,
                                       const Acting& who) {
    SENDHUB_ASSIGN_OR_RETURN(auto a, visible_agreement(s, actor, id));
    SENDHUB_TRY(check_agreement_step(actor, agreement_facts(a), AgreementStep::record_progress));
    SENDHUB_ASSIGN_OR_RETURN(ProgressEntry entry,
                             validate_progress(date_text, status_text, note, s.clock().today()));
    return s.agreements.record_progress(id, outcome, entry.date, entry.status, entry.note, who);
}

Result<FeedbackRecord> give_feedback(Services& s, const Actor& actor, AgreementId id,
                                     std::string_view rating_text, std::string_view comments,
                                     const Acting& who) {
    SENDHUB_ASSIGN_OR_RETURN(auto a, visible_agreement(s, actor, id));
    SENDHUB_TRY(check_agreement_step(actor, agreement_facts(a), AgreementStep::give_feedback));
    SENDHUB_ASSIGN_OR_RETURN(FeedbackEntry entry, validate_feedback(rating_text, comments));
    const Date today = s.clock().today();
    return s.feedback.add(id, entry.rating, entry.comments, who,
                          [today](bool delivered, std::span<const Date> given_on) {
                              return check_feedback_due(delivered, given_on, today);
                          });
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

Result<std::vector<FeedbackRecord>> agreement_feedback(Services& s, const Actor& actor,
                                                       AgreementId id) {
    SENDHUB_TRY(visible_agreement(s, actor, id));
    return s.feedback.list(id);
}

Result<std::vector<FeedbackRecord>> all_feedback(Services& s, const Actor& actor) {
    if (!allows(actor, Permission::read_feedback)) return std::unexpected(Error::forbidden());
    return s.feedback.list(std::nullopt);
}

AgreementFacts agreement_facts(const AgreementRecord& a) {
    return {.status = a.status, .school = a.school_urn, .practitioner = a.practitioner_id};
}

VisitFacts visit_facts(const VisitRecord& v) {
    return {.status = v.status,
            .date = v.date,
            .school = v.school_urn,
            .practitioner = v.practitioner_id};
}

RequestFacts request_facts(const RequestRecord& r) {
    return {.status = r.status,
            .school = r.school_urn,
            .practitioner = r.practitioner_id,
            .has_agreement = r.agreement_id.has_value()};
}

}  // namespace sendhub
