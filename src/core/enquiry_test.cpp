#include "core/enquiry.hpp"

#include <gtest/gtest.h>

namespace sendhub {
namespace {
EnquiryInput good() {
    return {"Ann Smith", "Ann@Example.org", "Hill Primary", "", "outreach", "Can you help?"};
}
}  // namespace

TEST(Enquiry, AGoodOneIsNewWithItsEmailNormalised) {
    auto e = validate_enquiry(good());
    ASSERT_TRUE(e);
    EXPECT_EQ(e->status, EnquiryStatus::new_enquiry);
    EXPECT_EQ(e->email, "ann@example.org");
    EXPECT_EQ(e->topic, EnquiryTopic::outreach);
}

TEST(Enquiry, EachRuleNamesItsFieldAndCode) {
    struct Case {
        void (*change)(EnquiryInput&);
        const char* field;
        const char* code;
    };
    const Case cases[] = {
        {[](EnquiryInput& in) { in.name = ""; }, "name", "required"},
        {[](EnquiryInput& in) { in.name = "Ann\nSmith"; }, "name", "invalid"},
        {[](EnquiryInput& in) { in.name = std::string(201, 'a'); }, "name", "too_long"},
        {[](EnquiryInput& in) { in.organisation = ""; }, "organisation", "required"},
        {[](EnquiryInput& in) { in.email = "ann@"; }, "email", "invalid"},
        {[](EnquiryInput& in) { in.topic = "gossip"; }, "topic", "invalid"},
        {[](EnquiryInput& in) { in.message = std::string(5001, 'a'); }, "message", "too_long"},
        {[](EnquiryInput& in) { in.school_urn = "abc"; }, "school_urn", "unknown_school"},
    };
    for (const auto& c : cases) {
        auto in = good();
        c.change(in);
        auto e = validate_enquiry(in);
        ASSERT_FALSE(e) << c.field;
        EXPECT_EQ(e.error().fields.front().field, c.field);
        EXPECT_EQ(e.error().fields.front().code, c.code) << c.field;
    }
}

TEST(Enquiry, FiveAnHourFromOneClientThenTooMany) {
    for (int accepted = 0; accepted < kEnquiriesPerClientPerHour; ++accepted)
        EXPECT_TRUE(check_enquiry_allowance(accepted)) << accepted;
    auto refused = check_enquiry_allowance(kEnquiriesPerClientPerHour);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().kind, ErrorKind::too_many_requests);
    EXPECT_EQ(refused.error().code, "too_many_requests");
}

TEST(Enquiry, AClosedEnquiryDoesNotMove) {
    Enquiry e;
    EXPECT_TRUE(check_enquiry_open(e));
    e.status = EnquiryStatus::in_progress;
    EXPECT_TRUE(check_enquiry_open(e));
    e.status = EnquiryStatus::closed;
    EXPECT_EQ(check_enquiry_open(e).error().kind, ErrorKind::conflict);
}

}  // namespace sendhub
