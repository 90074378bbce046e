#include "core/partnership.hpp"

#include <gtest/gtest.h>

namespace sendhub {
namespace {
PartnershipInput good() {
    PartnershipInput in;
    in.kind = "formal";
    in.model = "service level agreement";
    in.school_urns = {"113521"};
    in.starts_on = "2026-09-01";
    in.review_due_on = "2027-07-01";
    in.services = {"outreach", " CPD ", ""};
    in.lead_name = "Jo Head";
    return in;
}
std::string first_code(const Result<Partnership>& r, std::string_view field) {
    for (const auto& f : r.error().fields)
        if (f.field == field) return f.code;
    return "";
}
}  // namespace

TEST(Partnership, AGoodOneIsActiveWithTrimmedServices) {
    auto p = validate_partnership(good());
    ASSERT_TRUE(p) << p.error().message;
    EXPECT_EQ(p->status, PartnershipStatus::active);
    EXPECT_EQ(p->services, (std::vector<std::string>{"outreach", "CPD"}));
    EXPECT_EQ(p->school_urns, (std::vector<SchoolUrn>{SchoolUrn{113521}}));
}

TEST(Partnership, EachRuleNamesItsFieldAndCode) {
    struct Case {
        void (*change)(PartnershipInput&);
        const char* field;
        const char* code;
    };
    const Case cases[] = {
        {[](PartnershipInput& in) { in.kind = "casual"; }, "kind", "invalid"},
        {[](PartnershipInput& in) { in.model = "  "; }, "model", "required"},
        {[](PartnershipInput& in) { in.school_urns.clear(); }, "school_urns", "partner_required"},
        {[](PartnershipInput& in) { in.school_urns = {"12"}; }, "school_urns", "unknown_school"},
        {[](PartnershipInput& in) { in.starts_on = "2026-02-30"; }, "starts_on", "invalid"},
        {[](PartnershipInput& in) { in.review_due_on = ""; }, "review_due_on", "required"},
        {[](PartnershipInput& in) { in.ends_on = "2026-08-31"; }, "ends_on", "before_start"},
        {[](PartnershipInput& in) { in.lead_name = ""; }, "lead_contact.name", "required"},
        {[](PartnershipInput& in) { in.lead_email = "not an email"; }, "lead_contact.email",
         "invalid"},
    };
    for (const auto& c : cases) {
        auto in = good();
        c.change(in);
        auto p = validate_partnership(in);
        ASSERT_FALSE(p) << c.field;
        EXPECT_EQ(first_code(p, c.field), c.code) << c.field;
    }
}

TEST(Partnership, AnOrganisationAloneIsAPartner) {
    auto in = good();
    in.school_urns.clear();
    in.organisation = "Devon County Council";
    EXPECT_TRUE(validate_partnership(in));
}

TEST(Partnership, AnEditStartsFromWhatWasRecorded) {
    auto p = validate_partnership(good());
    ASSERT_TRUE(p);
    auto again = validate_partnership(partnership_input_of(*p));
    ASSERT_TRUE(again);
    EXPECT_EQ(again->review_due_on, p->review_due_on);
    EXPECT_EQ(again->services, p->services);
}

TEST(Partnership, EndingDefaultsToTodayAndHappensOnce) {
    auto p = *validate_partnership(good());
    const Date today{std::chrono::year{2026}, std::chrono::month{12}, std::chrono::day{2}};
    EXPECT_EQ(check_partnership_end(p, "", today), today);
    EXPECT_EQ(check_partnership_end(p, "2026-08-01", today).error().code, "before_start");
    p.status = PartnershipStatus::ended;
    EXPECT_EQ(check_partnership_end(p, "", today).error().kind, ErrorKind::conflict);
}

TEST(Partnership, AReviewIsDueWhenActiveAndOnOrBeforeTheDay) {
    auto p = *validate_partnership(good());
    EXPECT_TRUE(review_due(p, *parse_date("2027-07-01")));
    EXPECT_FALSE(review_due(p, *parse_date("2027-06-30")));
    p.status = PartnershipStatus::ended;
    EXPECT_FALSE(review_due(p, *parse_date("2028-01-01")));
}

}  // namespace sendhub
