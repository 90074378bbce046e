// Provision agreements and what follows them: visits, progress towards outcomes and feedback.
// Requests are outreach_service.cpp; both implement outreach_service.hpp.
#include "service/outreach_service.hpp"

#include "core/outreach_forms.hpp"
#include "service/travel.hpp"
#include "store/school_days_store.hpp"

namespace sendhub {
namespace {

Result<AgreementRecord> visible_agreement(Services& s, const Actor& actor, AgreementId id) {
    auto a = s.agreements.find(id);
    if (!a || !can_see_request(actor, a->school_urn, a->practitioner_id))
        return std::unexpected(Error::not_found("No such agreement."));
    return *a;
}

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

}  // namespace sendhub
