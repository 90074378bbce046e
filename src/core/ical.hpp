#pragma once
// iCalendar (RFC 5545) text for a practitioner's visit feed: all-day events, escaped text,
// lines folded at 75 octets, CRLF endings. Events name the school and the request reference,
// never a child.
#include <string>
#include <vector>

#include "core/dates.hpp"

namespace sendhub {

struct IcalEvent {
    std::string uid;  // stable, so a calendar updates an event rather than duplicating it
    Date date;
    std::string summary;
    std::string location;
    std::string description;
    bool tentative = false;  // held by a plan, not yet agreed
};

[[nodiscard]] std::string ical_calendar(const std::string& name,
                                        const std::vector<IcalEvent>& events, Timestamp stamp);
//! An event at wall-clock times in Europe/London, as "20261203T093000".
struct IcalTimedEvent {
    std::string uid;
    std::string starts;
    std::string ends;
    std::string summary;
    std::string location;
    std::string description;
};
//! A calendar of one timed event with its Europe/London VTIMEZONE, so calendars anywhere show
//! it at the right hour in summer and winter alike.
[[nodiscard]] std::string ical_london_event(const IcalTimedEvent& event, Timestamp stamp);

//! TEXT value escaping: backslash, semicolon, comma and newlines.
[[nodiscard]] std::string ical_escape(std::string_view text);

}  // namespace sendhub
