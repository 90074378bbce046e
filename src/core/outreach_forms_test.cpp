#include "core/outreach_forms.hpp"

#include <gtest/gtest.h>

#include <string>

namespace sendhub {
namespace {

//! "ok" or "field:code" of the first error.
template <class T>
std::string outcome(const Result<T>& r) {
    if (r) return "ok";
    const Error& e = r.error();
    if (!e.fields.empty()) return e.fields.front().field + ":" + e.fields.front().code;
    return e.field + ":" + e.code;
}

const Date kToday = *parse_date("2026-12-01");

}  // namespace

TEST(OutreachForms, Triage) {
    struct Case {
        const char* decision;
        const char* level;
        std::string notes;
        const char* expected;
    };
    const Case cases[] = {
        {"accept", "teacher", "", "ok"},
        {" accept ", " specialist_ta ", "", "ok"},
        {"accept", "", "", "expertise_level:invalid"},
        {"accept", "headteacher", "", "expertise_level:invalid"},
        {"decline", "", "Outside our area", "ok"},
        {"decline", "", "   ", "notes:required"},
        {"more_info", "", "Which year group?", "ok"},
        {"more_info", "", "", "notes:required"},
        {"maybe", "teacher", "", "decision:invalid"},
        {"decline", "", std::string(kMaxNoteLength, 'x'), "ok"},
        {"decline", "", std::string(kMaxNoteLength + 1, 'x'), "notes:too_long"},
    };
    for (const auto& c : cases)
        EXPECT_EQ(outcome(validate_triage(c.decision, c.level, c.notes)), c.expected)
            << c.decision << " " << c.level;
    auto accepted = validate_triage("accept", "teacher", "  Fine  ");
    ASSERT_TRUE(accepted);
    EXPECT_EQ(accepted->action, RequestAction::accept);
    EXPECT_EQ(accepted->level, Grade::teacher);
    EXPECT_EQ(accepted->notes, "Fine");
    EXPECT_EQ(validate_triage("more_info", "", "Why?")->action, RequestAction::ask_more_info);
}

TEST(OutreachForms, Cancellation) {
    EXPECT_EQ(*validate_cancellation("  No longer needed "), "No longer needed");
    EXPECT_EQ(outcome(validate_cancellation(" ")), "reason:required");
    // The limit counts characters, not bytes: 2000 letters with accents fit.
    std::string accented;
    for (std::size_t i = 0; i < kMaxNoteLength; ++i) accented += "é";
    EXPECT_EQ(outcome(validate_cancellation(accented)), "ok");
    EXPECT_EQ(outcome(validate_cancellation(accented + "e")), "reason:too_long");
}

TEST(OutreachForms, AChangeToAnAgreementSaysWhatToChange) {
    EXPECT_EQ(*validate_change_note(" Fortnightly, please "), "Fortnightly, please");
    EXPECT_EQ(outcome(validate_change_note("")), "note:required");
    EXPECT_EQ(outcome(validate_change_note(std::string(kMaxNoteLength + 1, 'x'))), "note:too_long");
}

TEST(OutreachForms, VisitPlan) {
    struct Case {
        const char* date;
        const char* days;
        const char* expected;
        int half_days;
    };
    const Case cases[] = {
        {"2026-12-07", "1", "ok", 2},           {"2026-12-07", "0.5", "ok", 1},
        {" 2026-12-07 ", "1", "ok", 2},         {"2026-12-07", "1.5", "days:invalid", 0},
        {"2026-12-07", "0", "days:invalid", 0}, {"2026-12-07", "", "days:invalid", 0},
        {"2026-02-30", "1", "date:invalid", 0}, {"07/12/2026", "1", "date:invalid", 0},
    };
    for (const auto& c : cases) {
        auto plan = validate_visit_plan(c.date, c.days);
        EXPECT_EQ(outcome(plan), c.expected) << c.date << " " << c.days;
        if (plan) {
            EXPECT_EQ(plan->half_days, c.half_days);
        }
    }
    // Both fields wrong: both are reported, so both can be shown beside their fields.
    auto both = validate_visit_plan("", "");
    ASSERT_FALSE(both);
    EXPECT_EQ(both.error().fields.size(), 2U);
}

TEST(OutreachForms, Progress) {
    struct Case {
        const char* date;
        const char* status;
        std::string note;
        const char* expected;
    };
    const Case cases[] = {
        {"2026-12-01", "emerging", "", "ok"},  // today
        {"2026-11-02", "achieved", "Reads the visual timetable", "ok"},
        {"2026-12-02", "emerging", "", "date:invalid"},  // tomorrow
        {"", "emerging", "", "date:invalid"},
        {"2026-12-01", "brilliant", "", "status:invalid"},
        {"2026-12-01", "secure", std::string(kMaxNoteLength + 1, 'x'), "note:too_long"},
    };
    for (const auto& c : cases)
        EXPECT_EQ(outcome(validate_progress(c.date, c.status, c.note, kToday)), c.expected)
            << c.date << " " << c.status;
    auto entry = validate_progress("2026-11-30", "developing", " steady ", kToday);
    ASSERT_TRUE(entry);
    EXPECT_EQ(entry->status, ProgressStatus::developing);
    EXPECT_EQ(entry->note, "steady");
}

TEST(OutreachForms, Feedback) {
    struct Case {
        const char* rating;
        std::string comments;
        const char* expected;
    };
    const Case cases[] = {
        {"1", "", "ok"},
        {"5", "Very helpful", "ok"},
        {"0", "", "rating:invalid"},
        {"6", "", "rating:invalid"},
        {"four", "", "rating:invalid"},
        {"", "", "rating:invalid"},
        {"4", std::string(kMaxFeedbackLength, 'x'), "ok"},
        {"4", std::string(kMaxFeedbackLength + 1, 'x'), "comments:too_long"},
    };
    for (const auto& c : cases)
        EXPECT_EQ(outcome(validate_feedback(c.rating, c.comments)), c.expected) << c.rating;
    EXPECT_EQ(validate_feedback(" 4 ", " ok ")->rating, 4);
}

}  // namespace sendhub
