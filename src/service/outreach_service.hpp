#pragma once
// Traded outreach, end to end (seed 002): request, triage, assignment, provision agreement,
// visits and reports, progress towards outcomes, feedback. Each operation checks who may do
// it on this record (policy.cpp) before the store changes anything.
#include <optional>
#include <string>
#include <vector>

#include "core/agreement.hpp"
#include "core/agreement_steps.hpp"
#include "core/invoicing.hpp"
#include "core/matching.hpp"
#include "core/outreach.hpp"
#include "core/policy.hpp"
#include "core/pricing.hpp"
#include "core/request_steps.hpp"
#include "service/services.hpp"

namespace sendhub {

enum class Submission { draft, submit };

[[nodiscard]] Result<RequestRecord> create_request(Services& s, const Actor& actor,
                                                   RequestInput input, Submission mode,
                                                   const Acting& who);
[[nodiscard]] Result<RequestRecord> get_request(Services& s, const Actor& actor, RequestId id);
//! A person opening the request to read it: as get_request, and the opening is audited
//! (children's data is read only by those who need it, and the log shows who did).
[[nodiscard]] Result<RequestRecord> open_request(Services& s, const Actor& actor, RequestId id,
                                                 const Acting& who);
[[nodiscard]] Page<RequestRecord> list_requests(Services& s, const Actor& actor,
                                                RequestFilter filter);
//! The same list as table rows, for pages that show a summary of each request.
[[nodiscard]] Page<RequestSummary> list_request_rows(Services& s, const Actor& actor,
                                                     RequestFilter filter);
//! Every request the actor's list holds with this filter, all pages (the CSV export).
[[nodiscard]] std::vector<RequestRecord> export_requests(Services& s, const Actor& actor,
                                                         RequestFilter filter);
//! Deletes the school's own draft (409 not_draft once it has been submitted).
[[nodiscard]] Result<void> delete_draft(Services& s, const Actor& actor, RequestId id,
                                        const Acting& who);
//! Saves changes to a draft; with Submission::submit also submits it (all rules apply).
[[nodiscard]] Result<RequestRecord> update_draft(Services& s, const Actor& actor, RequestId id,
                                                 RequestInput input, Submission mode,
                                                 const Acting& who);
[[nodiscard]] Result<RequestRecord> resubmit_request(Services& s, const Actor& actor, RequestId id,
                                                     RequestInput input, const Acting& who);

struct TriageDecision {
    std::string decision;  // accept | decline | more_info
    std::string expertise_level;
    std::string notes;
};
[[nodiscard]] Result<RequestRecord> triage_request(Services& s, const Actor& actor, RequestId id,
                                                   const TriageDecision& decision,
                                                   const Acting& who);
[[nodiscard]] Result<RequestRecord> cancel_request(Services& s, const Actor& actor, RequestId id,
                                                   std::string reason, const Acting& who);
[[nodiscard]] Result<RequestRecord> assign_request(Services& s, const Actor& actor, RequestId id,
                                                   std::string_view practitioner,
                                                   const Acting& who);

//! Everyone who could take the work, best first, each with the reasons for their place
//! (core/matching.hpp): grade and that week's free days are hard limits; expertise,
//! travel, continuity with the school and workload are scored.
[[nodiscard]] Result<std::vector<Candidate>> request_candidates(Services& s, const Actor& actor,
                                                                RequestId id);

[[nodiscard]] Result<AgreementRecord> draft_agreement(Services& s, const Actor& actor, RequestId id,
                                                      const AgreementInput& input,
                                                      const Acting& who);
//! The quote an agreement with these terms would carry at today's prices, without drawing it
//! up (same checks as draft_agreement); practitioners see only their travel.
[[nodiscard]] Result<Quote> preview_agreement_quote(Services& s, const Actor& actor, RequestId id,
                                                    const AgreementInput& input);
//! What the step rules (core/agreement_steps.hpp) need to know of an agreement and a visit.
[[nodiscard]] AgreementFacts agreement_facts(const AgreementRecord& agreement);
[[nodiscard]] VisitFacts visit_facts(const VisitRecord& visit);
//! What the step rules (core/request_steps.hpp) need to know of a request.
[[nodiscard]] RequestFacts request_facts(const RequestRecord& request);
//! The request's history, oldest first (404 unless the actor may see the request).
[[nodiscard]] Result<std::vector<RequestEvent>> request_history(Services& s, const Actor& actor,
                                                                RequestId id);
//! Dates a term plan holds for the request until the school agrees, with half days each.
[[nodiscard]] Result<std::vector<std::pair<Date, int>>> held_dates(Services& s, const Actor& actor,
                                                                   RequestId id);
//! The agreement's visits, by date.
[[nodiscard]] Result<std::vector<VisitRecord>> agreement_visits(Services& s, const Actor& actor,
                                                                AgreementId id);
//! The signed-in practitioner's own visits (none for anyone else).
[[nodiscard]] std::vector<VisitRecord> my_visits(Services& s, const Actor& actor);
//! Progress recorded towards the agreement's outcomes.
[[nodiscard]] Result<std::vector<ProgressRecord>> agreement_progress(Services& s,
                                                                     const Actor& actor,
                                                                     AgreementId id);
//! The school's feedback on the agreement.
[[nodiscard]] Result<std::vector<FeedbackRecord>> agreement_feedback(Services& s,
                                                                     const Actor& actor,
                                                                     AgreementId id);
//! Every school's feedback (coordinators and administrators).
[[nodiscard]] Result<std::vector<FeedbackRecord>> all_feedback(Services& s, const Actor& actor);
[[nodiscard]] Result<AgreementRecord> get_agreement(Services& s, const Actor& actor,
                                                    AgreementId id);
//! The quote: locked rates once accepted, today's rates while a draft. Practitioners see
//! only its travel part (issue 6: no prices beyond their own mileage).
[[nodiscard]] Quote agreement_quote(Services& s, const Actor& actor,
                                    const AgreementRecord& agreement);
//! The school accepts, optionally with its purchase order number for the invoices.
[[nodiscard]] Result<AgreementRecord> accept_agreement(Services& s, const Actor& actor,
                                                       AgreementId id,
                                                       std::string_view purchase_order,
                                                       const Acting& who);
//! The school asks for a change instead of accepting: the draft is withdrawn and the request
//! waits for the trust to draw up a new agreement. Returns the request as it now stands.
[[nodiscard]] Result<RequestRecord> ask_for_agreement_change(Services& s, const Actor& actor,
                                                             AgreementId id, std::string_view note,
                                                             const Acting& who);
//! Gives or changes the purchase order number (the school, coordinators and finance);
//! invoices issued afterwards print it.
[[nodiscard]] Result<AgreementRecord> set_purchase_order(Services& s, const Actor& actor,
                                                         AgreementId id,
                                                         std::string_view purchase_order,
                                                         const Acting& who);
[[nodiscard]] Result<AgreementRecord> complete_agreement(Services& s, const Actor& actor,
                                                         AgreementId id, const Acting& who);

[[nodiscard]] Result<VisitRecord> plan_visit(Services& s, const Actor& actor, AgreementId id,
                                             std::string_view date, std::string_view days,
                                             const Acting& who);
//! Moves or resizes a planned visit onto another school day (coordinator or the assigned
//! practitioner).
[[nodiscard]] Result<VisitRecord> move_visit(Services& s, const Actor& actor, VisitId id,
                                             std::string_view date, std::string_view days,
                                             const Acting& who);
//! Cancels a planned visit with a reason (coordinator, practitioner or the school's SENCO).
[[nodiscard]] Result<VisitRecord> cancel_visit(Services& s, const Actor& actor, VisitId id,
                                               std::string_view reason, const Acting& who);
[[nodiscard]] Result<VisitRecord> get_visit(Services& s, const Actor& actor, VisitId id);
[[nodiscard]] Result<VisitRecord> report_visit(Services& s, const Actor& actor, VisitId id,
                                               const ReportInput& input, const Acting& who);
[[nodiscard]] Result<ProgressRecord> record_progress(Services& s, const Actor& actor,
                                                     AgreementId id, OutcomeId outcome,
                                                     std::string_view date, std::string_view status,
                                                     std::string_view note, const Acting& who);
[[nodiscard]] Result<FeedbackRecord> give_feedback(Services& s, const Actor& actor, AgreementId id,
                                                   std::string_view rating,
                                                   std::string_view comments, const Acting& who);

}  // namespace sendhub
