#include "core/school_account.hpp"

#include <gtest/gtest.h>

namespace sendhub {
namespace {
const Date kToday{std::chrono::year{2026}, std::chrono::month{12}, std::chrono::day{2}};
}

TEST(SchoolAccount, ARegistrationTakesOnlyASchoolRole) {
    RegistrationInput in{"113521", "Pat Lee", "Pat@School.org", "headteacher",
                         "correct horse battery"};
    auto r = validate_registration(in);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->role, Role::headteacher);
    EXPECT_EQ(r->email, "pat@school.org");
    EXPECT_EQ(r->status, RegistrationStatus::pending);
    for (const char* role : {"admin", "coordinator", "partnerships", "finance", ""}) {
        in.role = role;
        auto refused = validate_registration(in);
        ASSERT_FALSE(refused) << role;
        EXPECT_EQ(refused.error().field, "role");
    }
}

TEST(SchoolAccount, ARegistrationNamesEachBadField) {
    auto r = validate_registration({"12", "", "nope", "senco", "short"});
    ASSERT_FALSE(r);
    std::vector<std::pair<std::string, std::string>> got;
    for (const auto& f : r.error().fields) got.emplace_back(f.field, f.code);
    EXPECT_EQ(got,
              (std::vector<std::pair<std::string, std::string>>{{"school_urn", "unknown_school"},
                                                                {"name", "required"},
                                                                {"email", "invalid"},
                                                                {"password", "too_short"}}));
}

TEST(SchoolAccount, OnlyAPendingVerifiedRegistrationIsApproved) {
    Registration r;
    EXPECT_EQ(check_registration_decision(r, true).error().code, "email_not_verified");
    EXPECT_TRUE(check_registration_decision(r, false));
    r.email_verified = true;
    EXPECT_TRUE(check_registration_decision(r, true));
    r.status = RegistrationStatus::approved;
    EXPECT_EQ(check_registration_decision(r, false).error().kind, ErrorKind::conflict);
}

TEST(SchoolAccount, AnInvitationLastsSevenDaysAndWorksOnce) {
    Invitation i;
    i.expires_on = invitation_expires_on(kToday);
    EXPECT_EQ(format_date(i.expires_on), "2026-12-09");
    EXPECT_TRUE(check_invitation_usable(i, i.expires_on));
    const Date after{std::chrono::sys_days{i.expires_on} + std::chrono::days{1}};
    EXPECT_EQ(check_invitation_usable(i, after).error().code, "expired");
    i.status = InvitationStatus::accepted;
    EXPECT_EQ(check_invitation_usable(i, kToday).error().code, "used");
    EXPECT_EQ(check_invitation_usable(i, kToday).error().kind, ErrorKind::gone);
    EXPECT_FALSE(check_invitation_revocable(i));
    i.status = InvitationStatus::revoked;
    EXPECT_EQ(check_invitation_usable(i, kToday).error().code, "revoked");
}

}  // namespace sendhub
