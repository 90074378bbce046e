#include "core/agreement_steps.hpp"

#include "core/term_periods.hpp"

namespace sendhub {
namespace {

bool runs_the_work(const Actor& actor, std::optional<PractitionerId> assigned) {
    return actor.role == Role::coordinator || is_assigned(actor, assigned);
}

Result<void> forbidden_agreement_step(AgreementStep step) {
    switch (step) {
        case AgreementStep::accept:
            return std::unexpected(
                Error::forbidden("Only the school's SENCO accepts the agreement."));
        case AgreementStep::ask_for_change:
            return std::unexpected(
                Error::forbidden("Only the school's SENCO asks for a change to the agreement."));
        case AgreementStep::complete:
            return std::unexpected(Error::forbidden());
        case AgreementStep::plan_visit:
            return std::unexpected(
                Error::forbidden("Only a coordinator or the assigned practitioner plans visits."));
        case AgreementStep::record_progress:
            return std::unexpected(Error::forbidden(
                "Only a coordinator or the assigned practitioner records progress."));
        case AgreementStep::give_feedback:
            return std::unexpected(Error::forbidden("Feedback comes from the school's SENCO."));
    }
    return std::unexpected(Error::forbidden());
}

bool may_take(const Actor& actor, const AgreementFacts& a, AgreementStep step) {
    switch (step) {
        case AgreementStep::accept:
        case AgreementStep::ask_for_change:
        case AgreementStep::give_feedback:
            return is_school_senco(actor, a.school);
        case AgreementStep::complete:
            return allows(actor, Permission::triage_requests);
        case AgreementStep::plan_visit:
        case AgreementStep::record_progress:
            return runs_the_work(actor, a.practitioner);
    }
    return false;
}

Result<void> open_now(const AgreementFacts& a, AgreementStep step) {
    switch (step) {
        case AgreementStep::accept:
        case AgreementStep::ask_for_change:
            if (a.status == AgreementStatus::draft) return {};
            return std::unexpected(
                Error::conflict("not_draft", "This agreement has already been accepted."));
        case AgreementStep::complete:
        case AgreementStep::plan_visit:
        case AgreementStep::record_progress:
            if (a.status == AgreementStatus::agreed) return {};
            return std::unexpected(Error::conflict(
                "not_agreed", "This is possible only while the agreement is in place."));
        case AgreementStep::give_feedback:
            if (a.status == AgreementStatus::agreed || a.status == AgreementStatus::completed)
                return {};
            return std::unexpected(Error::conflict(
                "not_agreed", "Feedback can be given once the agreement is in place."));
    }
    return std::unexpected(Error::conflict("not_agreed", "This is not possible now."));
}

Result<void> open_now(const InvoiceFacts& inv, InvoiceStep step) {
    switch (step) {
        case InvoiceStep::record_payment:
            if (inv.status == InvoiceStatus::issued || inv.status == InvoiceStatus::part_paid)
                return {};
            return std::unexpected(Error::conflict(
                "not_issued", "Only an issued, unpaid invoice can be marked as paid."));
        case InvoiceStep::credit:
            if (inv.credited_pence < inv.total_pence) return {};
            return std::unexpected(Error::conflict(
                "fully_credited", "This invoice has already been credited in full."));
    }
    return std::unexpected(Error::conflict("not_issued", "This is not possible now."));
}

}  // namespace

Result<void> check_agreement_step(const Actor& actor, const AgreementFacts& agreement,
                                  AgreementStep step) {
    if (!may_take(actor, agreement, step)) return forbidden_agreement_step(step);
    return open_now(agreement, step);
}

AgreementSteps agreement_steps(const Actor& actor, const AgreementFacts& agreement) {
    auto offer = [&](AgreementStep step) {
        return check_agreement_step(actor, agreement, step).has_value();
    };
    return {.accept = offer(AgreementStep::accept),
            .ask_for_change = offer(AgreementStep::ask_for_change),
            .complete = offer(AgreementStep::complete),
            .plan_visit = offer(AgreementStep::plan_visit),
            .record_progress = offer(AgreementStep::record_progress),
            .give_feedback = offer(AgreementStep::give_feedback)};
}

Result<void> check_room_for_visit(std::int64_t visits_counted, int sessions) {
    if (visits_counted < sessions) return {};
    return std::unexpected(Error::conflict(
        "beyond_agreement",
        "The agreement is for " + std::to_string(sessions) +
            (sessions == 1 ? " visit" : " visits") +
            " and all of them are planned. Move or cancel a visit, or agree more sessions."));
}

Result<void> check_feedback_due(bool any_visit_delivered, std::span<const Date> given_on,
                                Date today) {
    if (!any_visit_delivered)
        return std::unexpected(Error::conflict(
            "no_delivered_visit",
            "Feedback can be given once the first visit has taken place and been reported."));
    const TermPeriod now = term_period_of(today);
    for (Date given : given_on)
        if (term_period_of(given) == now)
            return std::unexpected(Error::conflict(
                "already_given", "Your school has already given feedback on this work in the " +
                                     describe(now) + ". You can give it again next term."));
    return {};
}

Result<void> check_visit_report(const Actor& actor, const VisitFacts& visit, Date today) {
    if (!is_assigned(actor, visit.practitioner))
        return std::unexpected(
            Error::forbidden("Only the practitioner who made the visit writes its report."));
    if (visit.status == VisitStatus::delivered)
        return std::unexpected(
            Error::conflict("already_reported", "This visit already has its report."));
    if (visit.status != VisitStatus::planned)
        return std::unexpected(
            Error::conflict("visit_cancelled", "This visit was cancelled, so it has no report."));
    return check_visit_can_be_reported(visit.date, today);
}

Result<void> check_visit_step(const Actor& actor, const VisitFacts& visit, VisitStep step) {
    bool runs_it = runs_the_work(actor, visit.practitioner);
    bool may = step == VisitStep::move ? runs_it : runs_it || is_school_senco(actor, visit.school);
    if (!may)
        return std::unexpected(Error::forbidden(
            step == VisitStep::move
                ? "Only a coordinator or the assigned practitioner moves a visit."
                : "Only a coordinator, the assigned practitioner or the school's SENCO cancels a "
                  "visit."));
    if (visit.status == VisitStatus::delivered)
        return std::unexpected(Error::conflict(
            "visit_delivered", "This visit has taken place and has its report, so it stays."));
    if (visit.status == VisitStatus::cancelled)
        return std::unexpected(
            Error::conflict("visit_cancelled", "This visit has already been cancelled."));
    return {};
}

VisitSteps visit_steps(const Actor& actor, const VisitFacts& visit) {
    return {.move = check_visit_step(actor, visit, VisitStep::move).has_value(),
            .cancel = check_visit_step(actor, visit, VisitStep::cancel).has_value()};
}

bool may_report_visit(const Actor& actor, const VisitFacts& visit, Date today) {
    return check_visit_report(actor, visit, today).has_value();
}

bool may_see_visit_miles(const Actor& actor, const VisitFacts& visit) {
    return runs_the_work(actor, visit.practitioner);
}

Result<void> check_invoice_step(const Actor& actor, const InvoiceFacts& invoice, InvoiceStep step) {
    const Permission needed = step == InvoiceStep::record_payment ? Permission::record_payments
                                                                  : Permission::manage_invoices;
    if (!allows(actor, needed)) return std::unexpected(Error::forbidden());
    return open_now(invoice, step);
}

InvoiceSteps invoice_steps(const Actor& actor, const InvoiceFacts& invoice) {
    return {.record_payment =
                check_invoice_step(actor, invoice, InvoiceStep::record_payment).has_value(),
            .credit = check_invoice_step(actor, invoice, InvoiceStep::credit).has_value()};
}

}  // namespace sendhub
