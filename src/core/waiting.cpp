#include "core/waiting.hpp"

#include <array>

#include "core/agreement_steps.hpp"
#include "core/term_periods.hpp"

namespace sendhub {
namespace {

using K = WaitingKind;

constexpr Term<WaitingKind> kKinds[] = {
    {K::requests_to_triage, "requests_to_triage", "Requests waiting for triage"},
    {K::requests_to_assign, "requests_to_assign", "Requests waiting for a practitioner"},
    {K::agreements_with_schools, "agreements_with_schools", "Agreements waiting for schools"},
    {K::visits_this_week, "visits_this_week", "Visits this week"},
    {K::reports_overdue, "reports_overdue", "Visit reports overdue"},
    {K::visit_clashes, "visit_clashes", "Visits that clash"},
    {K::agreements_to_accept, "agreements_to_accept", "Agreements to accept"},
    {K::feedback_to_give, "feedback_to_give", "Feedback to give"},
    {K::requests_needing_information, "requests_needing_information",
     "Requests needing more information"},
    {K::unpaid_invoices, "unpaid_invoices", "Unpaid invoices"},
    {K::visits_today, "visits_today", "Visits today"},
    {K::reports_due, "reports_due", "Visit reports to write"},
    {K::visits_to_invoice, "visits_to_invoice", "Delivered visits not yet invoiced"},
    {K::overdue_invoices, "overdue_invoices", "Overdue invoices"},
    {K::enquiries_new, "enquiries_new", "New enquiries"},
    {K::registrations_to_approve, "registrations_to_approve", "Registrations to approve"},
    {K::partnership_reviews_due, "partnership_reviews_due", "Partnership reviews due"},
};

constexpr std::array kCoordinator{
    K::requests_to_triage, K::requests_to_assign, K::agreements_with_schools, K::visits_this_week,
    K::reports_overdue,    K::visit_clashes,      K::registrations_to_approve};
constexpr std::array kSchool{K::agreements_to_accept, K::requests_needing_information,
                             K::feedback_to_give, K::unpaid_invoices};
// A headteacher reads the school's outreach work but acts only on what it owes.
constexpr std::array kHeadteacher{K::unpaid_invoices};
constexpr std::array kPractitioner{K::visits_today, K::reports_due};
constexpr std::array kPartnerships{K::enquiries_new, K::registrations_to_approve,
                                   K::partnership_reviews_due};
constexpr std::array kFinance{K::visits_to_invoice, K::overdue_invoices};
constexpr std::array kAdmin{K::requests_to_triage,      K::requests_to_assign,
                            K::agreements_with_schools, K::visits_this_week,
                            K::reports_overdue,         K::visit_clashes,
                            K::visits_to_invoice,       K::overdue_invoices,
                            K::enquiries_new,           K::registrations_to_approve};

struct Words {
    std::string_view one;   // "request waiting for triage"
    std::string_view many;  // "requests waiting for triage"
    std::string_view none;  // "No requests waiting for triage"
    std::string_view link;
};

Words words(WaitingKind kind) {
    switch (kind) {
        case K::requests_to_triage:
            return {"request waiting for triage", "requests waiting for triage",
                    "No requests waiting for triage", "/requests?status=submitted"};
        case K::requests_to_assign:
            return {"request waiting for a practitioner", "requests waiting for a practitioner",
                    "No requests waiting for a practitioner", "/requests?status=accepted"};
        case K::agreements_with_schools:
            return {"agreement waiting for a school to accept",
                    "agreements waiting for schools to accept", "No agreements waiting for schools",
                    "/requests?status=assigned"};
        case K::visits_this_week:
            return {"visit this week", "visits this week", "No visits this week", "/calendar"};
        case K::reports_overdue:
            return {"visit report overdue", "visit reports overdue", "No visit reports overdue",
                    "/requests?status=agreed"};
        case K::visit_clashes:
            return {"visit clashes with leave or working days",
                    "visits clash with leave or working days", "No visits clash", "#clashes"};
        case K::agreements_to_accept:
            return {"agreement to accept", "agreements to accept", "No agreements to accept",
                    "/requests?status=assigned"};
        case K::feedback_to_give:
            return {"piece of work to give feedback on", "pieces of work to give feedback on",
                    "No feedback to give", "/requests?status=agreed"};
        case K::requests_needing_information:
            return {"request needs more information from you",
                    "requests need more information from you", "No requests need more information",
                    "/requests?status=more_info"};
        case K::unpaid_invoices:
            return {"unpaid invoice", "unpaid invoices", "No unpaid invoices",
                    "/invoices?status=issued"};
        case K::visits_today:
            return {"visit today", "visits today", "No visits today", "/visits"};
        case K::reports_due:
            return {"visit report to write", "visit reports to write", "No visit reports to write",
                    "/visits"};
        case K::visits_to_invoice:
            return {"delivered visit not yet invoiced", "delivered visits not yet invoiced",
                    "No delivered visits waiting to be invoiced", "/invoices"};
        case K::overdue_invoices:
            return {"overdue invoice", "overdue invoices", "No overdue invoices", "/finance"};
        case K::enquiries_new:
            return {"new enquiry", "new enquiries", "No new enquiries", "/enquiries?status=new"};
        case K::registrations_to_approve:
            return {"registration to approve", "registrations to approve",
                    "No registrations to approve", "/registrations?status=pending"};
        case K::partnership_reviews_due:
            return {"partnership review due", "partnership reviews due",
                    "No partnership reviews due", "/partnerships?review=due"};
    }
    return {};
}

}  // namespace

std::span<const Term<WaitingKind>> waiting_kind_terms() {
    return kKinds;
}

std::span<const WaitingKind> waiting_for(Role role) {
    switch (role) {
        case Role::admin:
            return kAdmin;
        case Role::coordinator:
            return kCoordinator;
        case Role::practitioner:
            return kPractitioner;
        case Role::senco:
            return kSchool;
        case Role::headteacher:
            return kHeadteacher;
        case Role::finance:
            return kFinance;
        case Role::partnerships:
            return kPartnerships;
        case Role::school_staff:
            return {};
    }
    return {};
}

Date partnership_reviews_due_by(Date today) {
    return Date{std::chrono::sys_days{today} + std::chrono::days{kPartnershipReviewNoticeDays}};
}

std::string waiting_text(const Waiting& waiting) {
    Words w = words(waiting.kind);
    if (waiting.count == 0) return std::string(w.none);
    return std::to_string(waiting.count) + " " + std::string(waiting.count == 1 ? w.one : w.many);
}

std::string waiting_detail(const Waiting& waiting) {
    if (waiting.count == 0 || !waiting.oldest_days) return "";
    std::int64_t days = *waiting.oldest_days;
    std::string who = waiting.count == 1 ? "It has" : "The oldest has";
    if (days < 1) return who + " waited less than a day";
    return who + " waited " + std::to_string(days) + (days == 1 ? " day" : " days");
}

std::string_view waiting_link(WaitingKind kind) {
    return words(kind).link;
}

bool feedback_wanted(bool in_place, std::optional<Date> last_delivered,
                     std::span<const Date> given_on, Date today) {
    if (!last_delivered) return false;
    if (!in_place && !(term_period_of(*last_delivered) == term_period_of(today))) return false;
    return check_feedback_due(true, given_on, today).has_value();
}

}  // namespace sendhub
