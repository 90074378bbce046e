#include "core/events.hpp"

#include <gtest/gtest.h>

namespace sendhub {
namespace {

EventInput good_event() {
    return {.title = "SENCO network: spring 1",
            .kind = "network_meeting",
            .audience = {"senco", "headteacher"},
            .summary = "Sharing practice across the trust.",
            .starts_at = "2026-12-03T09:30",
            .ends_at = "2026-12-03T15:00",
            .venue = "Kingsmoor Academy, Taunton",
            .capacity = 30,
            .price_pence = 4500,
            .tags = {" Autism", "slcn", "autism"}};
}

std::vector<std::string> fields_of(const Result<EventDetails>& r) {
    std::vector<std::string> out;
    if (!r)
        for (const auto& f : r.error().fields) out.push_back(f.field);
    return out;
}

}  // namespace

TEST(Events, EveryTermReadsBackFromItsCode) {
    for (const auto& t : event_kind_terms())
        EXPECT_EQ(parse_term(event_kind_terms(), t.code), t.value);
    for (const auto& t : audience_terms()) EXPECT_EQ(parse_term(audience_terms(), t.code), t.value);
    for (const auto& t : booking_status_terms())
        EXPECT_EQ(parse_term(booking_status_terms(), t.code), t.value);
    EXPECT_EQ(parse_term(audience_terms(), "public"), Audience::everyone);
}

TEST(Events, LocalTimesAreReadStrictlyAndWrittenAsSent) {
    struct Case {
        std::string_view text;
        bool ok;
    };
    for (auto c : {Case{"2026-12-03T09:30", true}, Case{"2026-12-03T23:59", true},
                   Case{"2026-12-03T24:00", false}, Case{"2026-12-03T09:60", false},
                   Case{"2026-02-30T09:30", false}, Case{"2026-12-03 09:30", false},
                   Case{"2026-12-03T9:30", false}, Case{"", false}}) {
        auto t = parse_local_time(c.text);
        EXPECT_EQ(t.has_value(), c.ok) << c.text;
        if (t) {
            EXPECT_EQ(format_local_time(*t), c.text);
        }
    }
}

TEST(Events, AGoodEventPassesWithItsTagsCleaned) {
    auto e = validate_event(good_event());
    ASSERT_TRUE(e) << e.error().message;
    EXPECT_EQ(e->kind, EventKind::network_meeting);
    EXPECT_EQ(e->audience, (std::vector<Audience>{Audience::senco, Audience::headteacher}));
    EXPECT_EQ(e->tags, (std::vector<std::string>{"autism", "slcn"}));
    EXPECT_EQ(e->capacity, 30);
    EXPECT_EQ(e->price_pence, 4500);
}

TEST(Events, EachRuleNamesItsField) {
    struct Case {
        const char* name;
        void (*change)(EventInput&);
        std::vector<std::string> fields;
    };
    const Case cases[] = {
        {"no title", [](EventInput& e) { e.title = " "; }, {"title"}},
        {"long title", [](EventInput& e) { e.title = std::string(201, 'a'); }, {"title"}},
        {"kind", [](EventInput& e) { e.kind = "party"; }, {"kind"}},
        {"no audience", [](EventInput& e) { e.audience.clear(); }, {"audience"}},
        {"bad audience",
         [](EventInput& e) {
             e.audience = {"senco", "parents"};
         },
         {"audience"}},
        {"no summary", [](EventInput& e) { e.summary = ""; }, {"summary"}},
        {"bad start", [](EventInput& e) { e.starts_at = "3 Dec"; }, {"starts_at"}},
        {"end before start", [](EventInput& e) { e.ends_at = "2026-12-03T09:30"; }, {"ends_at"}},
        {"nowhere", [](EventInput& e) { e.venue = ""; }, {"venue"}},
        {"online only",
         [](EventInput& e) {
             e.venue = "";
             e.online_url = "https://meet.example.org/x";
         },
         {}},
        {"plain http",
         [](EventInput& e) { e.online_url = "http://meet.example.org"; },
         {"online_url"}},
        {"no places", [](EventInput& e) { e.capacity = 0; }, {"capacity"}},
        {"no capacity", [](EventInput& e) { e.capacity.reset(); }, {"capacity"}},
        {"negative price", [](EventInput& e) { e.price_pence = -1; }, {"price_pence"}},
        {"free", [](EventInput& e) { e.price_pence = 0; }, {}},
    };
    for (const auto& c : cases) {
        auto input = good_event();
        c.change(input);
        EXPECT_EQ(fields_of(validate_event(input)), c.fields) << c.name;
    }
    auto session = good_event();
    session.ends_at = "soon";
    EXPECT_EQ(fields_of(validate_event(session, "sessions[2].")),
              (std::vector<std::string>{"sessions[2].ends_at"}));
}

TEST(Events, WhoSeesAnEvent) {
    using enum Audience;
    struct Case {
        Role role;
        std::vector<Audience> audience;
        bool sees;
    };
    for (const auto& c : std::vector<Case>{
             {Role::senco, {senco}, true},
             {Role::senco, {headteacher}, false},
             {Role::headteacher, {headteacher}, true},
             {Role::school_staff, {senco, headteacher}, false},
             {Role::school_staff, {schools}, true},
             {Role::school_staff, {everyone}, true},
             {Role::senco, {trust_staff}, false},
             {Role::practitioner, {senco}, true},  // trust staff see every event
             {Role::finance, {trust_staff}, true},
             {Role::partnerships, {headteacher}, true},
         }) {
        EXPECT_EQ(sees_event(c.role, c.audience), c.sees) << role_code(c.role);
    }
    EXPECT_TRUE(listed_publicly(std::vector<Audience>{senco, schools}));
    EXPECT_TRUE(listed_publicly(std::vector<Audience>{everyone}));
    EXPECT_FALSE(listed_publicly(std::vector<Audience>{senco, trust_staff}));
}

TEST(Events, APlaceIsConfirmedWhileAnyAreLeft) {
    EXPECT_EQ(status_for_new_booking(0, 3), BookingStatus::confirmed);
    EXPECT_EQ(status_for_new_booking(2, 3), BookingStatus::confirmed);
    EXPECT_EQ(status_for_new_booking(3, 3), BookingStatus::waitlisted);
    EXPECT_EQ(status_for_new_booking(4, 3), BookingStatus::waitlisted);  // capacity lowered
}

TEST(Events, CertificateHoursToOneDecimal) {
    struct Case {
        std::string_view starts, ends, hours;
    };
    for (auto c : {Case{"2026-12-03T09:30", "2026-12-03T15:00", "5.5"},
                   Case{"2026-12-03T09:00", "2026-12-03T10:00", "1.0"},
                   Case{"2026-12-03T09:00", "2026-12-03T09:20", "0.3"},
                   Case{"2026-12-03T09:00", "2026-12-03T14:33", "5.6"},
                   Case{"2026-12-03T09:00", "2026-12-03T09:03", "0.1"},
                   Case{"2026-12-03T09:00", "2026-12-03T09:02", "0.0"},
                   Case{"2026-12-03T09:00", "2026-12-04T10:00", "25.0"}}) {
        EXPECT_EQ(certificate_hours(*parse_local_time(c.starts), *parse_local_time(c.ends)),
                  c.hours)
            << c.starts << " " << c.ends;
    }
}

TEST(Events, OnlyAdministratorsCoordinatorsAndThePartnershipsLeadOrganise) {
    for (const auto& role : role_terms()) {
        const bool organiser = role.value == Role::admin || role.value == Role::coordinator ||
                               role.value == Role::partnerships;
        EXPECT_EQ(organises_events(role.value), organiser) << role.code;
    }
}

TEST(Events, LondonWallClockInWinterAndSummer) {
    struct Case {
        std::string_view utc, london;
    };
    for (auto c : {Case{"2026-12-03T09:30:00Z", "2026-12-03T09:30"},
                   Case{"2026-07-01T08:30:00Z", "2026-07-01T09:30"},
                   Case{"2026-07-01T23:30:00Z", "2026-07-02T00:30"},
                   Case{"2026-03-29T00:59:00Z", "2026-03-29T00:59"},
                   Case{"2026-03-29T01:00:00Z", "2026-03-29T02:00"},
                   Case{"2026-10-25T00:59:00Z", "2026-10-25T01:59"},
                   Case{"2026-10-25T01:00:00Z", "2026-10-25T01:00"}}) {
        EXPECT_EQ(format_local_time(london_local_time(*parse_timestamp(c.utc))), c.london) << c.utc;
    }
}

TEST(Events, AnEventHasStartedFromItsFirstMinute) {
    const auto starts = *parse_local_time("2026-07-01T09:30");
    EXPECT_FALSE(event_started(starts, *parse_timestamp("2026-07-01T08:29:59Z")));
    EXPECT_TRUE(event_started(starts, *parse_timestamp("2026-07-01T08:30:00Z")));
    EXPECT_TRUE(event_started(starts, *parse_timestamp("2026-07-02T08:00:00Z")));
}

TEST(Events, TimesAreWrittenForPeople) {
    EXPECT_EQ(format_clock(9 * 60 + 30), "9:30am");
    EXPECT_EQ(format_clock(15 * 60), "3pm");
    EXPECT_EQ(format_clock(12 * 60), "12pm");
    EXPECT_EQ(format_clock(5), "12:05am");
    EXPECT_EQ(format_event_when(*parse_local_time("2026-12-03T09:30"),
                                *parse_local_time("2026-12-03T15:00")),
              "Thursday 3 December 2026, 9:30am to 3pm");
    EXPECT_EQ(format_event_when(*parse_local_time("2026-12-03T09:30"),
                                *parse_local_time("2026-12-04T12:00")),
              "Thursday 3 December 2026, 9:30am to Friday 4 December 2026, 12pm");
}

TEST(Events, TimesAsPeopleTypeThem) {
    struct Case {
        std::string_view typed;
        std::optional<int> minutes;
    };
    for (auto c : {Case{"9:30am", 570},
                   Case{" 9.30 AM ", 570},
                   Case{"9am", 540},
                   Case{"12pm", 720},
                   Case{"12am", 0},
                   Case{"12:15am", 15},
                   Case{"3pm", 900},
                   Case{"13:30", 810},
                   Case{"09:05", 545},
                   Case{"0:00", 0},
                   Case{"23:59", 1439},
                   Case{"9", std::nullopt},
                   Case{"13pm", std::nullopt},
                   Case{"24:00", std::nullopt},
                   Case{"9:60", std::nullopt},
                   Case{"9:5", std::nullopt},
                   Case{"", std::nullopt},
                   Case{"noon", std::nullopt},
                   Case{"0am", std::nullopt},
                   Case{"123:00", std::nullopt}}) {
        EXPECT_EQ(parse_clock(c.typed), c.minutes) << c.typed;
    }
}

TEST(Events, TooLongTextIsInvalid) {
    auto long_title = good_event();
    long_title.title = std::string(201, 'x');
    auto r = validate_event(long_title);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().fields[0].field, "title");
    EXPECT_EQ(r.error().fields[0].code, "invalid");
    long_title.title = std::string(200, 'x');
    EXPECT_TRUE(validate_event(long_title));
}

TEST(Events, AnAttendeeNeedsANameAndAnEmailAddress) {
    auto ok = validate_attendee("  Ann Ash ", " ann@example.org ");
    ASSERT_TRUE(ok);
    EXPECT_EQ(ok->name, "Ann Ash");
    EXPECT_EQ(ok->email, "ann@example.org");
    auto both = validate_attendee(" ", "not an email");
    ASSERT_FALSE(both);
    ASSERT_EQ(both.error().fields.size(), 2U);
    EXPECT_EQ(both.error().fields[0].field, "attendee_name");
    EXPECT_EQ(both.error().fields[0].code, "required");
    EXPECT_EQ(both.error().fields[1].field, "attendee_email");
    EXPECT_EQ(both.error().fields[1].code, "invalid");
}

TEST(Events, FeedbackRatesFromOneToFive) {
    for (std::optional<std::int64_t> bad : {std::optional<std::int64_t>{}, std::optional{0L},
                                            std::optional{6L}, std::optional{-1L}}) {
        auto r = validate_event_feedback(bad, "");
        ASSERT_FALSE(r);
        EXPECT_EQ(r.error().fields[0].field, "rating");
    }
    auto good = validate_event_feedback(5, "  Useful ");
    ASSERT_TRUE(good);
    EXPECT_EQ(good->rating, 5);
    EXPECT_EQ(good->comment, "Useful");
    EXPECT_FALSE(validate_event_feedback(3, std::string(2001, 'x')));
}

TEST(Events, AverageRatingInHundredthsRoundsHalfUp) {
    struct Case {
        std::vector<int> ratings;
        std::optional<std::int64_t> hundredths;
    };
    for (const auto& c :
         {Case{{}, std::nullopt}, Case{{4}, 400}, Case{{4, 5}, 450}, Case{{5, 5, 4}, 467},
          Case{{1, 2, 2}, 167}, Case{{1, 1, 2}, 133}, Case{{1, 2, 2, 2, 2, 2, 2, 2}, 188}}) {
        EXPECT_EQ(average_rating_hundredths(c.ratings), c.hundredths) << c.ratings.size();
    }
}

TEST(Events, AudienceIsStoredAsCodes) {
    const std::vector<Audience> audience{Audience::everyone, Audience::senco};
    EXPECT_EQ(join_audience(audience), "public,senco");
    EXPECT_EQ(split_audience("public,senco"), audience);
    EXPECT_TRUE(split_audience("").empty());
}

}  // namespace sendhub
