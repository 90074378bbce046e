#pragma once
// What a person may do to a provision agreement, one of its visits, or an invoice, in one
// place. The service refuses anything else (403 when their role or link to the record
// never allows it, 409 when its state does not allow it now) and the pages offer exactly
// these buttons and forms, so the two cannot drift apart. Request steps are in
// core/request_steps.hpp.
#include <cstdint>
#include <optional>
#include <span>

#include "core/agreement.hpp"
#include "core/dates.hpp"
#include "core/error.hpp"
#include "core/ids.hpp"
#include "core/invoicing.hpp"
#include "core/policy.hpp"

namespace sendhub {

struct AgreementFacts {
    AgreementStatus status = AgreementStatus::draft;
    SchoolUrn school;
    std::optional<PractitionerId> practitioner;
};

enum class AgreementStep {
    accept,
    ask_for_change,
    complete,
    plan_visit,
    record_progress,
    give_feedback
};

//! 403 unless the actor's role and link to the agreement let them take the step at all;
//! 409 (with the contract's code) unless the agreement's state allows it now.
[[nodiscard]] Result<void> check_agreement_step(const Actor& actor, const AgreementFacts& agreement,
                                                AgreementStep step);

struct AgreementSteps {
    bool accept = false;
    bool ask_for_change = false;
    bool complete = false;
    bool plan_visit = false;
    bool record_progress = false;
    bool give_feedback = false;
};
//! The steps to offer the actor now.
[[nodiscard]] AgreementSteps agreement_steps(const Actor& actor, const AgreementFacts& agreement);

//! An agreement has its number of sessions: one more visit than that (cancelled visits do
//! not count) is refused with 409 beyond_agreement.
[[nodiscard]] Result<void> check_room_for_visit(std::int64_t visits_counted, int sessions);
//! Feedback is about work that has happened, once a term: 409 no_delivered_visit before the
//! first visit is delivered, 409 already_given when the school has given it this term.
[[nodiscard]] Result<void> check_feedback_due(bool any_visit_delivered,
                                              std::span<const Date> given_on, Date today);

struct VisitFacts {
    VisitStatus status = VisitStatus::planned;
    Date date;
    SchoolUrn school;
    std::optional<PractitionerId> practitioner;
};

enum class VisitStep { move, cancel };
//! A planned visit is moved by a coordinator or the assigned practitioner, and cancelled by
//! them or the school's SENCO: 403 for anyone else, 409 once it is delivered or cancelled.
[[nodiscard]] Result<void> check_visit_step(const Actor& actor, const VisitFacts& visit,
                                            VisitStep step);
struct VisitSteps {
    bool move = false;
    bool cancel = false;
};
[[nodiscard]] VisitSteps visit_steps(const Actor& actor, const VisitFacts& visit);

//! Only the practitioner who made the visit writes its report, once, on or after its date.
[[nodiscard]] Result<void> check_visit_report(const Actor& actor, const VisitFacts& visit,
                                              Date today);
[[nodiscard]] bool may_report_visit(const Actor& actor, const VisitFacts& visit, Date today);
//! Miles travelled are the practitioner's own business and the coordinator's.
[[nodiscard]] bool may_see_visit_miles(const Actor& actor, const VisitFacts& visit);

struct InvoiceFacts {
    InvoiceStatus status = InvoiceStatus::issued;
    std::int64_t total_pence = 0;
    std::int64_t credited_pence = 0;
};

enum class InvoiceStep { record_payment, credit };

//! 403 unless the actor keeps the trust's accounts; 409 unless the invoice allows it now.
[[nodiscard]] Result<void> check_invoice_step(const Actor& actor, const InvoiceFacts& invoice,
                                              InvoiceStep step);
struct InvoiceSteps {
    bool record_payment = false;
    bool credit = false;
};
[[nodiscard]] InvoiceSteps invoice_steps(const Actor& actor, const InvoiceFacts& invoice);

}  // namespace sendhub
