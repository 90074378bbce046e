#include "core/agreement.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include "core/text.hpp"

namespace sendhub {
namespace {
constexpr std::array<Term<Frequency>, 4> kFrequencies{{
    {Frequency::one_off, "one_off", "One-off"},
    {Frequency::weekly, "weekly", "Weekly"},
    {Frequency::fortnightly, "fortnightly", "Fortnightly"},
    {Frequency::monthly, "monthly", "Monthly"},
}};
constexpr std::array<Term<AgreementStatus>, 4> kAgreementStatuses{{
    {AgreementStatus::draft, "draft", "Waiting for the school to accept"},
    {AgreementStatus::agreed, "agreed", "Agreed"},
    {AgreementStatus::completed, "completed", "Completed"},
    {AgreementStatus::cancelled, "cancelled", "Cancelled"},
}};
constexpr std::array<Term<VisitStatus>, 3> kVisitStatuses{{
    {VisitStatus::planned, "planned", "Planned"},
    {VisitStatus::delivered, "delivered", "Delivered"},
    {VisitStatus::cancelled, "cancelled", "Cancelled"},
}};
constexpr std::array<Term<ProgressStatus>, 5> kProgress{{
    {ProgressStatus::not_started, "not_started", "Not started"},
    {ProgressStatus::emerging, "emerging", "Emerging"},
    {ProgressStatus::developing, "developing", "Developing"},
    {ProgressStatus::secure, "secure", "Secure"},
    {ProgressStatus::achieved, "achieved", "Achieved"},
}};

void check_text(Validator& v, std::string& out, std::string_view field, std::string_view label,
                std::size_t max) {
    out = v.required_text(std::string(field), out, "Enter " + std::string(label), "The text", max);
}
}  // namespace

std::span<const Term<Frequency>> frequency_terms() {
    return kFrequencies;
}
std::span<const Term<AgreementStatus>> agreement_status_terms() {
    return kAgreementStatuses;
}
std::span<const Term<VisitStatus>> visit_status_terms() {
    return kVisitStatuses;
}
std::span<const Term<ProgressStatus>> progress_status_terms() {
    return kProgress;
}

std::optional<int> parse_half_days(std::string_view text) {
    auto value = parse_double(trim(text));
    if (!value || *value < 0 || *value > 1000) return std::nullopt;
    double halves = *value * 2;
    if (std::abs(halves - std::round(halves)) > 1e-9) return std::nullopt;
    return static_cast<int>(std::lround(halves));
}

std::string format_days(int half_days) {
    return std::to_string(half_days / 2) + (half_days % 2 ? ".5" : "");
}

std::optional<std::int64_t> parse_tenths(std::string_view text) {
    auto value = parse_double(trim(text));
    if (!value || *value < 0 || *value > 100000) return std::nullopt;
    double tenths = *value * 10;
    if (std::abs(tenths - std::round(tenths)) > 1e-6) return std::nullopt;
    return std::llround(tenths);
}

std::string format_tenths(std::int64_t tenths) {
    if (tenths % 10 == 0) return std::to_string(tenths / 10);
    return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10);
}

Result<AgreementTerms> validate_agreement(const AgreementInput& input,
                                          std::optional<Grade> service_level) {
    Validator v;
    AgreementTerms t;
    t.type = input.type;
    check_text(v, t.type, "type", "the type of support", 200);
    const std::string level_code = trim(input.level);
    auto level = parse_term(grade_terms(), level_code);
    if (service_level)
        level = level_code.empty() || level_code == term_of(level_terms(), *service_level).code
                    ? service_level
                    : std::nullopt;
    if (!level && service_level)
        v.fail("level", "invalid",
               "This work is priced at the " +
                   std::string(term_of(level_terms(), *service_level).label) + " day rate");
    else if (!level)
        v.fail("level", "invalid", "Select the level of the practitioner");
    else
        t.level = *level;
    auto frequency = parse_term(frequency_terms(), trim(input.frequency));
    if (!frequency)
        v.fail("frequency", "invalid", "Select how often visits happen");
    else
        t.frequency = *frequency;
    auto sessions = parse_int(trim(input.sessions));
    if (!sessions || *sessions < 1 || *sessions > kMaxSessions)
        v.fail("sessions", "invalid", "Enter the number of sessions, from 1 to 60");
    else if (frequency == Frequency::one_off && *sessions != 1)
        v.fail("sessions", "invalid", "A one-off agreement has one session");
    else
        t.sessions = static_cast<int>(*sessions);
    auto session = parse_half_days(input.session_days);
    if (!session || (*session != 1 && *session != 2))
        v.fail("session_days", "invalid", "A session is half a day (0.5) or a whole day (1)");
    else
        t.session_half_days = *session;
    auto start = parse_date(trim(input.start_date));
    if (!start)
        v.fail("start_date", "invalid", date_problem(input.start_date, "the start date"));
    else
        t.start_date = *start;
    auto report =
        parse_half_days(input.report_writing_days.empty() ? "0" : input.report_writing_days);
    if (!report || *report > 20)
        v.fail("report_writing_days", "invalid", "Report writing is 0 to 10 days, in half days");
    else
        t.report_writing_half_days = *report;
    for (const auto& raw : input.outcomes) {
        std::string outcome = trim(raw);
        if (outcome.empty()) continue;
        if (utf8_length(outcome) > 500)
            v.fail("outcomes", "too_long", "Keep each outcome to 500 characters");
        t.outcomes.push_back(std::move(outcome));
    }
    if (t.outcomes.empty()) v.fail("outcomes", "required", "Agree at least one outcome");
    if (t.outcomes.size() > kMaxOutcomes)
        v.fail("outcomes", "too_many", "Agree at most 10 outcomes");
    if (!v.ok()) return std::unexpected(std::move(v).error());
    return t;
}

Frequency frequency_of(std::span<const Date> dates) {
    if (dates.size() < 2) return Frequency::one_off;
    std::vector<std::int64_t> gaps;
    for (std::size_t i = 1; i < dates.size(); ++i)
        gaps.push_back(days_between(dates[i - 1], dates[i]));
    std::ranges::nth_element(gaps, gaps.begin() + static_cast<std::ptrdiff_t>(gaps.size() / 2));
    auto typical = gaps[gaps.size() / 2];
    return typical <= 10   ? Frequency::weekly
           : typical <= 21 ? Frequency::fortnightly
                           : Frequency::monthly;
}

Result<VisitReport> validate_report(const ReportInput& input) {
    Validator v;
    VisitReport r{input.work_undertaken, input.actions_agreed, input.next_steps, 0};
    check_text(v, r.work_undertaken, "work_undertaken", "the work undertaken", 5000);
    check_text(v, r.actions_agreed, "actions_agreed", "the actions agreed", 5000);
    check_text(v, r.next_steps, "next_steps", "the next steps", 5000);
    auto miles = parse_tenths(input.miles);
    if (!miles || *miles > kMaxMilesPerVisit * 10)
        v.fail("miles", "invalid", "Enter the miles travelled, from 0 to 1,000, like 14 or 14.5");
    else
        r.miles_tenths = *miles;
    if (!v.ok()) return std::unexpected(std::move(v).error());
    return r;
}

Result<void> check_visit_can_be_reported(Date visit_date, Date today) {
    if (days_between(today, visit_date) > 0)
        return std::unexpected(Error::conflict(
            "visit_not_yet_made",
            "A visit can be reported on or after its date, " + format_date(visit_date) + "."));
    return {};
}

}  // namespace sendhub
