#include "core/audit_words.hpp"

#include <gtest/gtest.h>

namespace sendhub {

TEST(AuditWords, ActionsAndRecordsReadAsWords) {
    EXPECT_EQ(audit_action_words("sign_in_failed"), "Failed sign-in");
    EXPECT_EQ(audit_action_words("report"), "Wrote the report");
    EXPECT_EQ(audit_action_words("asked_for_more_information"), "Asked for more information");
    EXPECT_EQ(audit_record_words("request", "42"), "Request OR-00042");
    EXPECT_EQ(audit_record_words("calendar_feed", "3"), "Calendar feed 3");
    EXPECT_EQ(audit_record_words("bank_holidays", ""), "Bank holidays");
}

TEST(AuditWords, DetailShowsNamesAndDaysNotJsonOrBitmasks) {
    auto lines = audit_detail_lines({{"fields", {"work_undertaken", "next_steps"}},
                                     {"working_days", {{"from", 0b0011111}, {"to", 0b0000101}}},
                                     {"half_days", 2},
                                     {"to", "more_info"}});
    ASSERT_EQ(lines.size(), 4u);
    EXPECT_EQ(lines[0], "Fields given: work undertaken, next steps");
    EXPECT_EQ(lines[1], "Half days: 2");
    EXPECT_EQ(lines[2], "To: more info");
    EXPECT_EQ(lines[3], "Working days: from Mon, Tue, Wed, Thu, Fri, to Mon, Wed");
    EXPECT_TRUE(audit_detail_lines({{"fields", nlohmann::json::array()}}).empty());
}

TEST(AuditWords, FieldsGivenNamesOnlyThoseWithAValue) {
    EXPECT_EQ(fields_given({{"concern", "Finds change hard"}, {"tried", ""}, {"note", "x"}}),
              nlohmann::json({"concern", "note"}));
}

}  // namespace sendhub
