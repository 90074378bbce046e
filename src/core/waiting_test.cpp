#include "core/waiting.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

namespace sendhub {
namespace {

Date d(const char* text) {
    return *parse_date(text);
}

bool shows(Role role, WaitingKind kind) {
    auto kinds = waiting_for(role);
    return std::ranges::find(kinds, kind) != kinds.end();
}

}  // namespace

TEST(Waiting, EachRoleLeadsWithItsOwnPiles) {
    using K = WaitingKind;
    EXPECT_TRUE(shows(Role::coordinator, K::requests_to_triage));
    EXPECT_TRUE(shows(Role::coordinator, K::reports_overdue));
    EXPECT_TRUE(shows(Role::coordinator, K::requests_to_assign));
    EXPECT_FALSE(shows(Role::coordinator, K::overdue_invoices));
    EXPECT_TRUE(shows(Role::senco, K::agreements_to_accept));
    EXPECT_TRUE(shows(Role::senco, K::feedback_to_give));
    EXPECT_FALSE(shows(Role::senco, K::requests_to_triage));
    EXPECT_TRUE(shows(Role::practitioner, K::visits_today));
    EXPECT_FALSE(shows(Role::practitioner, K::unpaid_invoices));
    EXPECT_TRUE(shows(Role::finance, K::visits_to_invoice));
    EXPECT_TRUE(shows(Role::admin, K::requests_to_triage));
    EXPECT_TRUE(shows(Role::admin, K::overdue_invoices));
    EXPECT_TRUE(shows(Role::partnerships, K::enquiries_new));
    EXPECT_TRUE(shows(Role::partnerships, K::partnership_reviews_due));
    EXPECT_TRUE(shows(Role::coordinator, K::registrations_to_approve));
    EXPECT_FALSE(shows(Role::partnerships, K::requests_to_triage));
    EXPECT_TRUE(shows(Role::headteacher, K::unpaid_invoices));
    EXPECT_FALSE(shows(Role::headteacher, K::agreements_to_accept));  // the SENCO accepts
    // School staff see none of the school's outreach work, so nothing waits for them.
    for (const auto& role : role_terms())
        EXPECT_EQ(waiting_for(role.value).empty(), role.value == Role::school_staff) << role.code;
}

TEST(Waiting, CountsReadAsWords) {
    struct Case {
        Waiting waiting;
        std::string_view text;
        std::string_view detail;
    };
    using K = WaitingKind;
    for (const auto& c : std::vector<Case>{
             {{K::requests_to_triage, 3, 5},
              "3 requests waiting for triage",
              "The oldest has waited 5 days"},
             {{K::requests_to_triage, 1, 1}, "1 request waiting for triage", "It has waited 1 day"},
             {{K::requests_to_triage, 2, 0},
              "2 requests waiting for triage",
              "The oldest has waited less than a day"},
             {{K::requests_to_triage, 0, std::nullopt}, "No requests waiting for triage", ""},
             {{K::agreements_to_accept, 1, std::nullopt}, "1 agreement to accept", ""},
             {{K::visits_today, 0, std::nullopt}, "No visits today", ""},
             {{K::overdue_invoices, 4, std::nullopt}, "4 overdue invoices", ""},
         }) {
        EXPECT_EQ(waiting_text(c.waiting), c.text);
        EXPECT_EQ(waiting_detail(c.waiting), c.detail) << c.text;
    }
    for (const auto& term : waiting_kind_terms()) {
        EXPECT_FALSE(waiting_link(term.value).empty()) << term.code;
        EXPECT_FALSE(waiting_text({term.value, 2, std::nullopt}).empty()) << term.code;
    }
}

TEST(Waiting, FeedbackIsAskedForOncePerTermAfterAVisit) {
    struct Case {
        bool in_place;
        std::optional<Date> last_delivered;
        std::vector<Date> given_on;
        bool wanted;
    };
    const Date today = d("2026-12-01");  // autumn term 2026-27
    for (const auto& c : std::vector<Case>{
             {true, std::nullopt, {}, false},                    // no visit yet
             {true, d("2026-11-20"), {}, true},                  // visited, none given
             {true, d("2026-11-20"), {d("2026-11-25")}, false},  // given this term
             {true, d("2026-06-20"), {d("2026-06-25")}, true},   // given last term only
             {false, d("2026-11-20"), {}, true},                 // finished this term
             {false, d("2026-06-20"), {}, false},                // finished long ago
         })
        EXPECT_EQ(feedback_wanted(c.in_place, c.last_delivered, c.given_on, today), c.wanted);
}

}  // namespace sendhub
