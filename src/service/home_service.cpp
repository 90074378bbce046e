#include "service/home_service.hpp"

#include <algorithm>

#include "store/waiting_report.hpp"

namespace sendhub {

WhatWaits what_waits(Services& s, const Actor& actor) {
    WaitingScope scope;
    if (is_school_role(actor.role)) {
        // A school account not yet linked to a school has nothing of its own to count.
        if (!actor.school_urn) return {};
        scope.school = actor.school_urn;
    }
    if (actor.role == Role::practitioner) {
        if (!actor.practitioner_id) return {};
        scope.practitioner = actor.practitioner_id;
    }
    const Date today = s.clock().today();
    const WaitingFigures f = waiting_figures(*s.database, scope, today);
    WhatWaits out;
    for (WaitingKind kind : waiting_for(actor.role)) {
        Waiting w{kind, 0, std::nullopt};
        switch (kind) {
            case WaitingKind::requests_to_triage:
                w.count = f.requests_to_triage;
                if (f.oldest_submitted_at)
                    w.oldest_days = days_between(london_date(*f.oldest_submitted_at), today);
                break;
            case WaitingKind::requests_to_assign:
                w.count = f.requests_to_assign;
                break;
            case WaitingKind::agreements_with_schools:
            case WaitingKind::agreements_to_accept:
                w.count = f.draft_agreements;
                break;
            case WaitingKind::visits_this_week:
                w.count = f.visits_this_week;
                break;
            case WaitingKind::reports_overdue:
                w.count = f.reports_overdue;
                break;
            case WaitingKind::visit_clashes:
                if (auto clashes = all_clashes(s, actor)) out.clashes = std::move(*clashes);
                w.count = static_cast<std::int64_t>(out.clashes.size());
                break;
            case WaitingKind::feedback_to_give:
                w.count = std::ranges::count_if(f.feedback, [&](const FeedbackFacts& a) {
                    return feedback_wanted(a.in_place, a.last_delivered, a.given_on, today);
                });
                break;
            case WaitingKind::requests_needing_information:
                w.count = f.requests_needing_information;
                break;
            case WaitingKind::unpaid_invoices:
                w.count = f.unpaid_invoices;
                break;
            case WaitingKind::visits_today:
                w.count = f.visits_today;
                break;
            case WaitingKind::reports_due:
                w.count = f.reports_overdue + f.visits_today;  // a visit's report is due that day
                break;
            case WaitingKind::visits_to_invoice:
                w.count = f.visits_to_invoice;
                break;
            case WaitingKind::overdue_invoices:
                w.count = f.overdue_invoices;
                break;
            case WaitingKind::enquiries_new:
                w.count = f.enquiries_new;
                break;
            case WaitingKind::registrations_to_approve:
                w.count = f.registrations_to_approve;
                break;
            case WaitingKind::partnership_reviews_due:
                w.count = f.partnership_reviews_due;
                break;
        }
        out.piles.push_back(w);
    }
    return out;
}

}  // namespace sendhub
