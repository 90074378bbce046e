#include "core/retention.hpp"

#include <algorithm>
#include <array>

#include "core/text.hpp"

namespace sendhub {
namespace {

using std::chrono::August;
using std::chrono::day;
using std::chrono::March;
using std::chrono::year;

constexpr int kYoungest = -2;  // N1

// R 0, N2 −1, N1 −2, Yn n; nullopt for anything else.
std::optional<int> year_number(std::string_view group) {
    if (group == "R") return 0;
    if (group == "N2") return -1;
    if (group == "N1") return -2;
    if (group.size() < 2 || group.front() != 'Y') return std::nullopt;
    auto n = parse_int(group.substr(1));
    if (!n || *n < 1 || *n > 14) return std::nullopt;
    return static_cast<int>(*n);
}

constexpr std::array<RetentionRule, 4> kRules{{
    {"outreach_request",
     "Outreach requests that are completed, declined or cancelled, with their "
     "agreements, visit reports, progress notes and feedback",
     "Until 31 years after the 31 August by which the youngest pupil named was born",
     "Anonymised: pupils' references and year groups and every text written about them are "
     "removed; counts, needs, dates, money and ratings stay",
     "IRMS toolkit for schools: SEN files, date of birth + 31 years"},
    {"safeguarding_concern", "Safeguarding concerns raised on a visit",
     "As the request the visit belongs to", "Summary and the name of the lead told removed",
     "IRMS toolkit for schools: the school's own child protection file is the record; sendhub "
     "keeps only the hand-over"},
    {"invoice", "Invoices with their payments and credit notes",
     "Until 31 March ending the financial year of issue, plus 6 years",
     "Deleted; what they charged is never charged again",
     "IRMS toolkit for schools: finance records, current year + 6"},
    {"event_booking",
     "Bookings for training and events, with attendees' names and email addresses and their "
     "feedback",
     "Until 31 March ending the financial year of the event, plus 6 years",
     "Anonymised: attendees' names, email addresses and feedback comments are removed; the "
     "numbers booked and attended, and ratings, stay",
     "IRMS toolkit for schools: finance records, current year + 6 (bookings support the "
     "charges for places)"},
}};

}  // namespace

std::span<const RetentionRule> retention_rules() {
    return kRules;
}

Date pupil_kept_until(std::string_view year_group, Date submitted_on) {
    const int school_year_start = static_cast<int>(submitted_on.year()) -
                                  (static_cast<unsigned>(submitted_on.month()) >= 9 ? 0 : 1);
    const int n = year_number(year_group).value_or(kYoungest);
    // Born by 31 August (Y − 4 − n); kept 31 years from then.
    return Date{year{school_year_start - 4 - n + 31}, August, day{31}};
}

Date request_kept_until(std::span<const std::string> year_groups, Date submitted_on) {
    Date latest = pupil_kept_until(year_groups.empty() ? "" : year_groups.front(), submitted_on);
    for (const auto& group : year_groups)
        latest = std::max(latest, pupil_kept_until(group, submitted_on));
    return latest;
}

Date invoice_kept_until(Date issued_on) {
    const int year_ending = static_cast<int>(issued_on.year()) +
                            (static_cast<unsigned>(issued_on.month()) >= 4 ? 1 : 0);
    return Date{year{year_ending + 6}, March, day{31}};
}

Date bookings_kept_until(Date event_ended_on) {
    return invoice_kept_until(event_ended_on);
}

}  // namespace sendhub
