#pragma once
// The Provision Agreement (seed 002): "the type, level, frequency and duration of input",
// with agreed outcomes; and the vocabularies of visits, progress and feedback.
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/dates.hpp"
#include "core/error.hpp"
#include "core/ids.hpp"
#include "core/needs.hpp"
#include "core/vocabulary.hpp"

namespace sendhub {

using AgreementId = StrongId<struct AgreementIdTag>;
using OutcomeId = StrongId<struct OutcomeIdTag>;
using VisitId = StrongId<struct VisitIdTag>;

enum class Frequency { one_off, weekly, fortnightly, monthly };
enum class AgreementStatus { draft, agreed, completed, cancelled };
enum class VisitStatus { planned, delivered, cancelled };
//! Progress towards an outcome (seed 002: "progress towards outcomes will be systematically
//! recorded").
enum class ProgressStatus { not_started, emerging, developing, secure, achieved };

[[nodiscard]] std::span<const Term<Frequency>> frequency_terms();
[[nodiscard]] std::span<const Term<AgreementStatus>> agreement_status_terms();
[[nodiscard]] std::span<const Term<VisitStatus>> visit_status_terms();
[[nodiscard]] std::span<const Term<ProgressStatus>> progress_status_terms();

inline constexpr int kMaxSessions = 60;
inline constexpr std::size_t kMaxOutcomes = 10;

struct AgreementInput {
    std::string type;
    std::string level;
    std::string frequency;
    std::string sessions;
    std::string session_days;
    std::string start_date;
    std::string report_writing_days;
    std::vector<std::string> outcomes;
};

//! Days are counted in halves: visits are half or whole days (api-contract.md).
struct AgreementTerms {
    std::string type;
    Grade level = Grade::teacher;
    Frequency frequency = Frequency::one_off;
    int sessions = 1;
    int session_half_days = 2;
    Date start_date;
    int report_writing_half_days = 0;
    std::vector<std::string> outcomes;
};

//! `service_level`: for educational psychology and therapy work the level is the service's,
//! so `level` may be left out or name that service, and nothing else.
[[nodiscard]] Result<AgreementTerms> validate_agreement(const AgreementInput& input,
                                                        std::optional<Grade> service_level = {});

//! The frequency a series of visit dates keeps: one date is a one-off; otherwise the typical
//! gap (its median) decides: up to 10 days weekly, up to 21 fortnightly, else monthly.
[[nodiscard]] Frequency frequency_of(std::span<const Date> dates);

//! Parses "0.5", "1", "1.5"… into half days; nullopt unless a non-negative multiple of 0.5.
[[nodiscard]] std::optional<int> parse_half_days(std::string_view text);
//! "1", "0.5", "2.5".
[[nodiscard]] std::string format_days(int half_days);
//! Parses miles to one decimal place into tenths ("14", "14.5"); nullopt if negative or finer.
[[nodiscard]] std::optional<std::int64_t> parse_tenths(std::string_view text);
[[nodiscard]] std::string format_tenths(std::int64_t tenths);

//! No school visit is further than this, there and back (api-contract.md: miles as reported).
inline constexpr std::int64_t kMaxMilesPerVisit = 1000;

struct ReportInput {
    std::string work_undertaken;
    std::string actions_agreed;
    std::string next_steps;
    std::string miles;
};

struct VisitReport {
    std::string work_undertaken;
    std::string actions_agreed;
    std::string next_steps;
    std::int64_t miles_tenths = 0;
};

//! The brief report to the SENCO (seed 002: "work undertaken, actions agreed and any
//! recommended next steps") and the miles actually travelled.
[[nodiscard]] Result<VisitReport> validate_report(const ReportInput& input);

//! A report (and so an invoice line) is for a visit that has happened: dated today or before.
[[nodiscard]] Result<void> check_visit_can_be_reported(Date visit_date, Date today);

}  // namespace sendhub
