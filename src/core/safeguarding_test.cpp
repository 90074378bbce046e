#include "core/safeguarding.hpp"

#include <gtest/gtest.h>

namespace sendhub {

TEST(Safeguarding, AConcernNamesWhoWasToldInPerson) {
    EXPECT_TRUE(validate_concern({"Bruise on the arm; told the DSL.", "true", "Jo Head"}));
    EXPECT_TRUE(validate_concern({"Said something worrying.", "false", ""}));
    struct Case {
        ConcernInput input;
        const char* field;
        const char* code;
    };
    const Case cases[] = {
        {{"", "false", ""}, "summary", "required"},
        {{std::string(5001, 'a'), "false", ""}, "summary", "too_long"},
        {{"Seen", "maybe", ""}, "dsl_told_in_person", "invalid"},
        {{"Seen", "true", ""}, "dsl_name", "required"},
    };
    for (const auto& c : cases) {
        auto r = validate_concern(c.input);
        ASSERT_FALSE(r) << c.field;
        EXPECT_EQ(r.error().field, c.field);
        EXPECT_EQ(r.error().code, c.code);
    }
}

TEST(Safeguarding, OnlyThoseWhoNeedToReadTheText) {
    const SchoolUrn school{123641};
    const UserId raiser{7};
    struct Case {
        Actor actor;
        ConcernAccess access;
    };
    const Case cases[] = {
        {{.user_id = raiser, .role = Role::practitioner}, ConcernAccess::full},
        {{.user_id = UserId{8}, .role = Role::practitioner}, ConcernAccess::none},
        {{.user_id = UserId{9}, .role = Role::senco, .school_urn = school}, ConcernAccess::full},
        {{.user_id = UserId{9}, .role = Role::headteacher, .school_urn = school},
         ConcernAccess::full},
        {{.user_id = UserId{9}, .role = Role::senco, .school_urn = SchoolUrn{100000}},
         ConcernAccess::none},
        {{.user_id = UserId{9}, .role = Role::school_staff, .school_urn = school},
         ConcernAccess::none},
        {{.user_id = UserId{10}, .role = Role::admin}, ConcernAccess::full},
        {{.user_id = UserId{11}, .role = Role::coordinator}, ConcernAccess::exists_only},
        {{.user_id = UserId{12}, .role = Role::finance}, ConcernAccess::none},
    };
    for (const auto& c : cases)
        EXPECT_EQ(concern_access(c.actor, school, raiser), c.access) << role_code(c.actor.role);
}

TEST(Safeguarding, TheSchoolAcknowledgesOnce) {
    const SchoolUrn school{123641};
    Actor head{.role = Role::headteacher, .school_urn = school};
    EXPECT_TRUE(check_acknowledge(head, school, ConcernStatus::raised));
    EXPECT_EQ(check_acknowledge(head, school, ConcernStatus::acknowledged).error().kind,
              ErrorKind::conflict);
    Actor coordinator{.role = Role::coordinator};
    EXPECT_EQ(check_acknowledge(coordinator, school, ConcernStatus::raised).error().kind,
              ErrorKind::forbidden);
    EXPECT_TRUE(may_set_dsl(head, school));
    EXPECT_FALSE(may_set_dsl(Actor{.role = Role::senco, .school_urn = SchoolUrn{1}}, school));
    EXPECT_FALSE(validate_dsl("Jo", "not-an-email"));
}

}  // namespace sendhub
