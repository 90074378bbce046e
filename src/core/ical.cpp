#include "core/ical.hpp"

#include <fmt/format.h>

#include "core/availability.hpp"

namespace sendhub {
namespace {

std::string compact(Date date) {
    return fmt::format("{:04}{:02}{:02}", static_cast<int>(date.year()),
                       static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
}

//! Folds a content line at 75 octets without splitting a UTF-8 sequence (RFC 5545 §3.1).
void append_line(std::string& out, std::string_view line) {
    std::size_t limit = 75;
    while (line.size() > limit) {
        std::size_t cut = limit;
        while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
        out.append(line.substr(0, cut));
        out += "\r\n ";
        line.remove_prefix(cut);
        limit = 74;  // the leading space counts
    }
    out.append(line);
    out += "\r\n";
}

std::string compact_stamp(Timestamp stamp) {
    std::string out;
    for (char c : format_timestamp(stamp))  // 2026-11-23T09:14:03Z → 20261123T091403Z
        if (c != '-' && c != ':') out += c;
    return out;
}

}  // namespace

std::string ical_london_event(const IcalTimedEvent& e, Timestamp stamp) {
    std::string out;
    append_line(out, "BEGIN:VCALENDAR");
    append_line(out, "VERSION:2.0");
    append_line(out, "PRODID:-//sendhub//events//EN");
    append_line(out, "CALSCALE:GREGORIAN");
    append_line(out, "METHOD:PUBLISH");
    // Europe/London since 1996: BST from the last Sunday of March at 01:00 GMT to the last
    // Sunday of October at 01:00 GMT (02:00 BST).
    for (std::string_view line :
         {"BEGIN:VTIMEZONE", "TZID:Europe/London", "BEGIN:DAYLIGHT", "TZOFFSETFROM:+0000",
          "TZOFFSETTO:+0100", "TZNAME:BST", "DTSTART:19810329T010000",
          "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT", "BEGIN:STANDARD",
          "TZOFFSETFROM:+0100", "TZOFFSETTO:+0000", "TZNAME:GMT", "DTSTART:19961027T020000",
          "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD", "END:VTIMEZONE"})
        append_line(out, line);
    append_line(out, "BEGIN:VEVENT");
    append_line(out, "UID:" + e.uid);
    append_line(out, "DTSTAMP:" + compact_stamp(stamp));
    append_line(out, "DTSTART;TZID=Europe/London:" + e.starts);
    append_line(out, "DTEND;TZID=Europe/London:" + e.ends);
    append_line(out, "SUMMARY:" + ical_escape(e.summary));
    if (!e.location.empty()) append_line(out, "LOCATION:" + ical_escape(e.location));
    if (!e.description.empty()) append_line(out, "DESCRIPTION:" + ical_escape(e.description));
    append_line(out, "END:VEVENT");
    append_line(out, "END:VCALENDAR");
    return out;
}

std::string ical_escape(std::string_view text) {
    std::string out;
    for (char c : text) {
        switch (c) {
            case '\\':
                out += "\\\\";
                break;
            case ';':
                out += "\\;";
                break;
            case ',':
                out += "\\,";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                break;
            default:
                out += c;
        }
    }
    return out;
}

std::string ical_calendar(const std::string& name, const std::vector<IcalEvent>& events,
                          Timestamp stamp) {
    std::string out;
    const std::string dtstamp = compact_stamp(stamp);
    append_line(out, "BEGIN:VCALENDAR");
    append_line(out, "VERSION:2.0");
    append_line(out, "PRODID:-//sendhub//outreach visits//EN");
    append_line(out, "CALSCALE:GREGORIAN");
    append_line(out, "METHOD:PUBLISH");
    append_line(out, "X-WR-CALNAME:" + ical_escape(name));
    for (const auto& e : events) {
        append_line(out, "BEGIN:VEVENT");
        append_line(out, "UID:" + e.uid);
        append_line(out, "DTSTAMP:" + dtstamp);
        append_line(out, "DTSTART;VALUE=DATE:" + compact(e.date));
        append_line(out, "DTEND;VALUE=DATE:" + compact(add_days(e.date, 1)));
        append_line(out, "SUMMARY:" + ical_escape(e.summary));
        if (!e.location.empty()) append_line(out, "LOCATION:" + ical_escape(e.location));
        if (!e.description.empty()) append_line(out, "DESCRIPTION:" + ical_escape(e.description));
        append_line(out, std::string("STATUS:") + (e.tentative ? "TENTATIVE" : "CONFIRMED"));
        append_line(out, "TRANSP:OPAQUE");
        append_line(out, "END:VEVENT");
    }
    append_line(out, "END:VCALENDAR");
    return out;
}

}  // namespace sendhub
