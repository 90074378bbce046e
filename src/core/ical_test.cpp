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

}  // namespace
}  // namespace sendhub
