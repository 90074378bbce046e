#include "core/ical.hpp"

#include <gtest/gtest.h>

namespace sendhub {
namespace {

TEST(Ical, AllDayEventsWithEscapingAndFolding) {
    IcalEvent e{"visit-7@sendhub",
                *parse_date("2027-01-05"),
                "Outreach visit: St Mary's, Taunton; full day",
                "TA1 1AA",
                std::string(100, 'x'),
                true};
    auto text = ical_calendar("Alex's visits", {e}, *parse_timestamp("2026-11-23T09:14:03Z"));
    EXPECT_TRUE(text.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
    EXPECT_TRUE(text.ends_with("END:VCALENDAR\r\n"));
    EXPECT_NE(text.find("DTSTART;VALUE=DATE:20270105\r\n"), std::string::npos);
    EXPECT_NE(text.find("DTEND;VALUE=DATE:20270106\r\n"), std::string::npos);
    EXPECT_NE(text.find("DTSTAMP:20261123T091403Z\r\n"), std::string::npos);
    EXPECT_NE(text.find("SUMMARY:Outreach visit: St Mary's\\, Taunton\\; full day\r\n"),
              std::string::npos);
    EXPECT_NE(text.find("STATUS:TENTATIVE"), std::string::npos);
    // Every physical line is at most 75 octets; the long description is folded.
    std::size_t start = 0;
    while (start < text.size()) {
        auto end = text.find("\r\n", start);
        ASSERT_NE(end, std::string::npos);
        EXPECT_LE(end - start, 75u);
        start = end + 2;
    }
    EXPECT_NE(text.find("\r\n x"), std::string::npos);
}

TEST(Ical, FoldingNeverSplitsACharacter) {
    IcalEvent e{"u", *parse_date("2027-01-05"), std::string(70, 'a') + "ééééé", "", "", false};
    auto text = ical_calendar("c", {e}, *parse_timestamp("2026-11-23T09:14:03Z"));
    auto at = text.find("SUMMARY:");
    auto line_end = text.find("\r\n", at);
    std::string first = text.substr(at, line_end - at);
    EXPECT_LE(first.size(), 75u);
    EXPECT_NE(static_cast<unsigned char>(first.back()), 0xC3);  // not the first byte of é
    EXPECT_EQ(ical_escape("a\\b\nc"), "a\\\\b\\nc");
}

TEST(Ical, ATimedEventCarriesTheLondonTimeZone) {
    const auto text = ical_london_event({"event-4@sendhub", "20261203T093000", "20261203T150000",
                                         "SENCO network", "Kingsmoor Academy, Taunton",
                                         "Bring "
                                         "your provision map"},
                                        *parse_timestamp("2026-11-23T09:14:03Z"));
    EXPECT_TRUE(text.starts_with("BEGIN:VCALENDAR\r\n"));
    EXPECT_NE(text.find("BEGIN:VTIMEZONE\r\nTZID:Europe/London\r\n"), std::string::npos);
    EXPECT_NE(text.find("TZOFFSETTO:+0100"), std::string::npos);
    EXPECT_NE(text.find("UID:event-4@sendhub\r\n"), std::string::npos);
    EXPECT_NE(text.find("DTSTAMP:20261123T091403Z\r\n"), std::string::npos);
    EXPECT_NE(text.find("DTSTART;TZID=Europe/London:20261203T093000\r\n"), std::string::npos);
    EXPECT_NE(text.find("DTEND;TZID=Europe/London:20261203T150000\r\n"), std::string::npos);
    EXPECT_NE(text.find("SUMMARY:SENCO network\r\n"), std::string::npos);
    EXPECT_NE(text.find("LOCATION:Kingsmoor Academy\\, Taunton\r\n"), std::string::npos);
    EXPECT_TRUE(text.ends_with("END:VEVENT\r\nEND:VCALENDAR\r\n"));
}

}  // namespace
}  // namespace sendhub
