#include "service/outreach_service.hpp"

#include <algorithm>
#include <map>

#include "core/outreach_forms.hpp"
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

namespace {

//! The search narrowed to what the person may see: their school's requests, or a
//! practitioner's own work; drafts only for the school that wrote them.
RequestFilter scoped(const Actor& actor, RequestFilter filter) {
    filter.include_drafts = lists_drafts(actor);
    if (auto own = school_scope(actor)) filter.school_urn = own;
    if (actor.role == Role::practitioner)
        filter.practitioner_id = actor.practitioner_id.value_or(PractitionerId{-1});
    return filter;
}

}  // namespace

Page<RequestRecord> list_requests(Services& s, const Actor& actor, RequestFilter filter) {
    return s.requests.list(scoped(actor, std::move(filter)));
}

Page<RequestSummary> list_request_rows(Services& s, const Actor& actor, RequestFilter filter) {
    return s.requests.list_summaries(scoped(actor, std::move(filter)));
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

RequestFacts request_facts(const RequestRecord& r) {
    return {.status = r.status,
            .school = r.school_urn,
            .practitioner = r.practitioner_id,
            .has_agreement = r.agreement_id.has_value()};
}

}  // namespace sendhub