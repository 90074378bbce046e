#pragma once
// Self-evaluation frameworks (api-contract-insight.md): areas of statements a school rates
// itself against on a scale of 1 to scale_max each term, and the heat map across schools,
// whose lowest statements become training priorities. Pure C++, no I/O.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/term_periods.hpp"

namespace sendhub {

struct FrameworkAreaInput {
    std::string title;
    std::vector<std::string> statements;
    std::string topic;  // the tag of the events and resources that train for it; "" for none
};
struct FrameworkInput {
    std::string name;
    std::string scale_max;  // as typed; "" for 4
    std::vector<FrameworkAreaInput> areas;
};
struct FrameworkValues {
    std::string name;
    int scale_max = 4;
    std::vector<FrameworkAreaInput> areas;  // trimmed
};
[[nodiscard]] Result<FrameworkValues> validate_framework(const FrameworkInput& input);

//! The framework areas as a person types them: an area's title on a line, with its training
//! topic in brackets after it if it has one ("Teaching [adaptive teaching]"), then its
//! statements, each on its own line starting with "-" (or "*").
[[nodiscard]] std::vector<FrameworkAreaInput> parse_framework_outline(std::string_view text);

struct FrameworkStatement {
    std::int64_t id = 0;
    std::string area;
    std::string text;
};

struct RatingInput {
    std::string statement_id;
    std::string rating;
    std::string evidence;
};
struct Rating {
    std::int64_t statement_id = 0;
    int rating = 0;
    std::string evidence;
};
//! Ratings checked against the framework: non-empty, each statement of it at most once,
//! each rating 1..scale_max (fields "ratings[i].statement_id", "ratings[i].rating").
[[nodiscard]] Result<std::vector<Rating>> validate_ratings(
    const std::vector<RatingInput>& input, const std::vector<FrameworkStatement>& statements,
    int scale_max);

struct StatementSummary {
    std::int64_t statement_id = 0;
    std::string area;
    std::string text;
    int responses = 0;
    std::optional<std::int64_t> mean_hundredths;  // half up; none without responses
    int at_or_below_2 = 0;
    bool priority = false;  // the unrounded mean is below the scale's midpoint
};
struct FrameworkSummary {
    std::vector<StatementSummary> statements;  // the framework's order
    std::vector<std::int64_t> priorities;      // lowest mean first
};
//! The heat map over one period's self-evaluations (each a school's ratings).
[[nodiscard]] FrameworkSummary summarise_framework(
    const std::vector<FrameworkStatement>& statements,
    const std::vector<std::vector<Rating>>& evaluations, int scale_max);

//! "2.50" from 250.
[[nodiscard]] std::string format_hundredths(std::int64_t hundredths);

}  // namespace sendhub
