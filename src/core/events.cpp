#include "core/events.hpp"

#include <algorithm>
#include <array>
#include <charconv>

#include "core/email.hpp"
#include "core/text.hpp"

namespace sendhub {
namespace {

constexpr std::array<Term<EventKind>, 4> kKinds{{
    {EventKind::course, "course", "Course"},
    {EventKind::webinar, "webinar", "Webinar"},
    {EventKind::network_meeting, "network_meeting", "Network meeting"},
    {EventKind::conference, "conference", "Conference"},
}};
constexpr std::array<Term<Audience>, 6> kAudiences{{
    {Audience::everyone, "public", "Anyone"},
    {Audience::schools, "schools", "Every school's staff"},
    {Audience::senco, "senco", "SENCOs"},
    {Audience::headteacher, "headteacher", "Headteachers"},
    {Audience::school_staff, "school_staff", "School staff"},
    {Audience::trust_staff, "trust_staff", "Trust staff"},
}};
constexpr std::array<Term<BookingStatus>, 3> kStatuses{{
    {BookingStatus::confirmed, "confirmed", "Confirmed"},
    {BookingStatus::waitlisted, "waitlisted", "On the waiting list"},
    {BookingStatus::cancelled, "cancelled", "Cancelled"},
}};

constexpr std::size_t kTitleMax = 200;
constexpr std::size_t kSummaryMax = 5000;
constexpr std::size_t kNameMax = 200;
constexpr std::size_t kCommentMax = 2000;

bool two_digits(std::string_view text, int max, int& out) {
    if (text.size() != 2) return false;
    auto [end, ec] = std::from_chars(text.data(), text.data() + 2, out);
    return ec == std::errc{} && end == text.data() + 2 && out >= 0 && out <= max;
}

//! Required text with a length limit; the events contract calls a text too long `invalid`.
std::string bounded_text(Validator& v, const std::string& field, std::string_view value,
                         std::string_view missing, std::string_view label, std::size_t max) {
    std::string text = v.required_text(field, value, missing, label, std::string::npos);
    if (utf8_length(text) > max)
        v.fail(field, "invalid",
               std::string(label) + " must be " + std::to_string(max) + " characters or fewer");
    return text;
}

std::optional<Audience> audience_of(Role role) {
    switch (role) {
        case Role::senco:
            return Audience::senco;
        case Role::headteacher:
            return Audience::headteacher;
        case Role::school_staff:
            return Audience::school_staff;
        default:
            return std::nullopt;
    }
}

bool holds(std::span<const Audience> audience, Audience wanted) {
    return std::ranges::find(audience, wanted) != audience.end();
}

}  // namespace

std::span<const Term<EventKind>> event_kind_terms() {
    return kKinds;
}
std::span<const Term<Audience>> audience_terms() {
    return kAudiences;
}
std::span<const Term<BookingStatus>> booking_status_terms() {
    return kStatuses;
}

std::optional<LocalTime> parse_local_time(std::string_view text) {
    if (text.size() != 16 || text[10] != 'T' || text[13] != ':') return std::nullopt;
    auto date = parse_date(text.substr(0, 10));
    int hours = 0;
    int minutes = 0;
    if (!date || !two_digits(text.substr(11, 2), 23, hours) ||
        !two_digits(text.substr(14, 2), 59, minutes))
        return std::nullopt;
    return LocalTime{*date, hours * 60 + minutes};
}

std::string format_local_time(LocalTime t) {
    std::string out = format_date(t.date) + "T";
    const int h = t.minutes / 60;
    const int m = t.minutes % 60;
    out += static_cast<char>('0' + h / 10);
    out += static_cast<char>('0' + h % 10);
    out += ':';
    out += static_cast<char>('0' + m / 10);
    out += static_cast<char>('0' + m % 10);
    return out;
}

Result<EventDetails> validate_event(const EventInput& in, std::string_view times_prefix) {
    Validator v;
    EventDetails out;
    out.title =
        bounded_text(v, "title", in.title, "Enter the event's title", "The title", kTitleMax);
    if (auto kind = parse_term(event_kind_terms(), in.kind))
        out.kind = *kind;
    else
        v.fail("kind", "invalid", "Choose what kind of event it is");
    for (const auto& code : in.audience) {
        auto audience = parse_term(audience_terms(), code);
        if (!audience) {
            out.audience.clear();
            break;
        }
        if (!holds(out.audience, *audience)) out.audience.push_back(*audience);
    }
    if (out.audience.empty()) v.fail("audience", "invalid", "Choose who the event is for");
    out.summary =
        bounded_text(v, "summary", in.summary, "Describe the event", "The summary", kSummaryMax);
    const std::string starts_field = std::string(times_prefix) + "starts_at";
    const std::string ends_field = std::string(times_prefix) + "ends_at";
    auto starts = parse_local_time(trim(in.starts_at));
    auto ends = parse_local_time(trim(in.ends_at));
    if (!starts) v.fail(starts_field, "invalid", "Enter when it starts, like 2026-12-03T09:30");
    if (!ends)
        v.fail(ends_field, "invalid", "Enter when it ends, like 2026-12-03T15:00");
    else if (starts && *ends <= *starts)
        v.fail(ends_field, "invalid", "The end must be after the start");
    if (starts) out.starts_at = *starts;
    if (ends) out.ends_at = *ends;
    out.venue = trim(in.venue);
    out.online_url = trim(in.online_url);
    if (out.venue.empty() && out.online_url.empty())
        v.fail("venue", "required", "Enter the venue or the link to join online");
    if (!out.online_url.empty() && !out.online_url.starts_with("https://"))
        v.fail("online_url", "invalid", "The link must start with https://");
    if (!in.capacity || *in.capacity < 1)
        v.fail("capacity", "invalid", "Enter how many places there are, 1 or more");
    else
        out.capacity = *in.capacity;
    if (!in.price_pence || *in.price_pence < 0)
        v.fail("price_pence", "invalid", "Enter the price of a place, or 0 for a free event");
    else
        out.price_pence = *in.price_pence;
    for (const auto& tag : in.tags) {
        std::string clean = to_lower(trim(tag));
        if (!clean.empty() && std::ranges::find(out.tags, clean) == out.tags.end())
            out.tags.push_back(std::move(clean));
    }
    if (!v.ok()) return std::unexpected(std::move(v).error());
    return out;
}

bool sees_event(Role role, std::span<const Audience> audience) {
    if (!is_school_role(role)) return true;
    auto own = audience_of(role);
    return holds(audience, Audience::everyone) || holds(audience, Audience::schools) ||
           (own && holds(audience, *own));
}

bool listed_publicly(std::span<const Audience> audience) {
    return holds(audience, Audience::everyone) || holds(audience, Audience::schools);
}

BookingStatus status_for_new_booking(std::int64_t confirmed, std::int64_t capacity) {
    return confirmed < capacity ? BookingStatus::confirmed : BookingStatus::waitlisted;
}

std::string certificate_hours(LocalTime starts, LocalTime ends) {
    const auto minutes =
        days_between(starts.date, ends.date) * 24 * 60 + ends.minutes - starts.minutes;
    // Tenths of an hour, rounded half up: 5 h 33 min is 5.6.
    const auto tenths = (minutes * 10 + 30) / 60;
    return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10);
}

bool organises_events(Role role) {
    return role == Role::admin || role == Role::coordinator || role == Role::partnerships;
}

LocalTime london_local_time(Timestamp at) {
    using namespace std::chrono;
    const auto local = to_london(at);
    const auto day = floor<days>(local);
    return {year_month_day{day}, static_cast<int>(duration_cast<minutes>(local - day).count())};
}

bool event_started(LocalTime starts_at, Timestamp now) {
    return starts_at <= london_local_time(now);
}

std::string format_clock(int minutes_since_midnight) {
    const int hour = minutes_since_midnight / 60;
    const int minute = minutes_since_midnight % 60;
    std::string out = std::to_string(hour % 12 == 0 ? 12 : hour % 12);
    if (minute != 0) {
        out += ':';
        out += static_cast<char>('0' + minute / 10);
        out += static_cast<char>('0' + minute % 10);
    }
    return out + (hour < 12 ? "am" : "pm");
}

std::optional<int> parse_clock(std::string_view typed) {
    std::string text = to_lower(trim(typed));
    std::erase(text, ' ');
    std::optional<bool> afternoon;
    if (text.ends_with("am") || text.ends_with("pm")) {
        afternoon = text.ends_with("pm");
        text.resize(text.size() - 2);
    }
    const auto mark = text.find_first_of(":.");
    // "9" alone could be morning or evening: a 24-hour time needs its minutes.
    if (mark == std::string::npos && !afternoon) return std::nullopt;
    const std::string_view whole = text;
    const std::string_view hours_text = whole.substr(0, mark);
    const std::string_view minutes_text =
        mark == std::string::npos ? std::string_view("00") : whole.substr(mark + 1);
    auto hours = parse_int(hours_text);
    auto minutes = parse_int(minutes_text);
    if (hours_text.empty() || hours_text.size() > 2 || minutes_text.size() != 2 || !hours ||
        !minutes || *minutes < 0 || *minutes > 59)
        return std::nullopt;
    int h = static_cast<int>(*hours);
    if (afternoon) {
        if (h < 1 || h > 12) return std::nullopt;
        h = h % 12 + (*afternoon ? 12 : 0);
    } else if (h < 0 || h > 23) {
        return std::nullopt;
    }
    return h * 60 + static_cast<int>(*minutes);
}

std::string format_event_when(LocalTime starts, LocalTime ends) {
    std::string out = format_long_date(starts.date) + ", " + format_clock(starts.minutes) + " to ";
    if (ends.date != starts.date) out += format_long_date(ends.date) + ", ";
    return out + format_clock(ends.minutes);
}

Result<Attendee> validate_attendee(std::string_view name, std::string_view email) {
    Validator v;
    Attendee out;
    out.name = bounded_text(v, "attendee_name", name, "Enter the name of the person attending",
                            "The name", kNameMax);
    if (auto normal = normalise_email(email))
        out.email = *normal;
    else
        v.fail("attendee_email", "invalid",
               "Enter their email address in the correct format, like name@example.org");
    if (!v.ok()) return std::unexpected(std::move(v).error());
    return out;
}

Result<EventFeedback> validate_event_feedback(std::optional<std::int64_t> rating,
                                              std::string_view comment) {
    Validator v;
    EventFeedback out;
    if (!rating || *rating < 1 || *rating > 5)
        v.fail("rating", "invalid", "Choose a rating from 1 to 5");
    else
        out.rating = static_cast<int>(*rating);
    out.comment = trim(comment);
    if (out.comment.size() > kCommentMax)
        v.fail("comment", "invalid", "The comment must be 2000 characters or fewer");
    if (!v.ok()) return std::unexpected(std::move(v).error());
    return out;
}

std::optional<std::int64_t> average_rating_hundredths(std::span<const int> ratings) {
    if (ratings.empty()) return std::nullopt;
    std::int64_t sum = 0;
    for (int r : ratings) sum += r;
    const auto n = static_cast<std::int64_t>(ratings.size());
    return (sum * 200 + n) / (2 * n);  // half up
}

std::string join_audience(std::span<const Audience> audience) {
    std::string out;
    for (auto a : audience) {
        if (!out.empty()) out += ',';
        out += term_of(audience_terms(), a).code;
    }
    return out;
}

std::vector<Audience> split_audience(std::string_view stored) {
    std::vector<Audience> out;
    for (const auto& code : split(stored, ','))
        if (auto a = parse_term(audience_terms(), code)) out.push_back(*a);
    return out;
}

}  // namespace sendhub
