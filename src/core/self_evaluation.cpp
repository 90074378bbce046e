#include "core/self_evaluation.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "core/text.hpp"

namespace sendhub {
namespace {

constexpr std::size_t kMaxName = 200;
constexpr std::size_t kMaxStatement = 500;
constexpr std::size_t kMaxEvidence = 2000;
constexpr std::size_t kMaxTopic = 60;

}  // namespace

Result<FrameworkValues> validate_framework(const FrameworkInput& input) {
    Validator v;
    FrameworkValues out;
    out.name =
        v.required_text("name", input.name, "Enter the framework's name", "The name", kMaxName);
    if (!trim(input.scale_max).empty()) {
        auto scale = parse_int(trim(input.scale_max));
        if (!scale || *scale < 2 || *scale > 10)
            v.fail("scale_max", "invalid",
                   "The rating scale goes up to a whole number from 2 to 10");
        else
            out.scale_max = static_cast<int>(*scale);
    }
    if (input.areas.empty()) v.fail("areas", "required", "Add at least one area");
    for (std::size_t i = 0; i < input.areas.size(); ++i) {
        const std::string at = "areas[" + std::to_string(i) + "]";
        FrameworkAreaInput area;
        area.title = v.required_text(at + ".title", input.areas[i].title, "Enter the area's title",
                                     "An area's title", kMaxName);
        area.topic = to_lower(trim(input.areas[i].topic));
        if (utf8_length(area.topic) > kMaxTopic)
            v.fail(at + ".topic", "too_long",
                   "A topic must be " + std::to_string(kMaxTopic) + " characters or fewer");
        if (input.areas[i].statements.empty())
            v.fail(at + ".statements", "required", "Add at least one statement to each area");
        for (std::size_t k = 0; k < input.areas[i].statements.size(); ++k)
            area.statements.push_back(v.required_text(
                at + ".statements[" + std::to_string(k) + "]", input.areas[i].statements[k],
                "Enter the statement", "A statement", kMaxStatement));
        out.areas.push_back(std::move(area));
    }
    if (!v.ok()) return std::unexpected(std::move(v).error());
    return out;
}

std::vector<FrameworkAreaInput> parse_framework_outline(std::string_view text) {
    std::vector<FrameworkAreaInput> areas;
    std::size_t start = 0;
    while (start <= text.size()) {
        auto end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        std::string line = trim(text.substr(start, end - start));
        start = end + 1;
        if (line.empty()) continue;
        if (line.front() == '-' || line.front() == '*') {
            if (areas.empty()) areas.push_back({});
            areas.back().statements.push_back(trim(std::string_view(line).substr(1)));
        } else if (const auto open = line.rfind('[');
                   open != std::string::npos && line.back() == ']' && open > 0) {
            areas.push_back(
                {trim(std::string_view(line).substr(0, open)),
                 {},
                 trim(std::string_view(line).substr(open + 1, line.size() - open - 2))});
        } else {
            areas.push_back({line, {}, ""});
        }
    }
    return areas;
}

Result<std::vector<Rating>> validate_ratings(const std::vector<RatingInput>& input,
                                             const std::vector<FrameworkStatement>& statements,
                                             int scale_max) {
    Validator v;
    std::vector<Rating> out;
    if (input.empty()) v.fail("ratings", "required", "Rate at least one statement");
    std::set<std::int64_t> known;
    for (const auto& s : statements) known.insert(s.id);
    std::set<std::int64_t> seen;
    for (std::size_t i = 0; i < input.size(); ++i) {
        const std::string at = "ratings[" + std::to_string(i) + "]";
        Rating r;
        auto id = parse_int(trim(input[i].statement_id));
        if (!id || !known.contains(*id) || !seen.insert(*id).second)
            v.fail(at + ".statement_id", "invalid",
                   "Each statement of this framework can be rated once");
        else
            r.statement_id = *id;
        auto rating = parse_int(trim(input[i].rating));
        if (!rating || *rating < 1 || *rating > scale_max)
            v.fail(at + ".rating", "invalid",
                   "Choose a rating from 1 to " + std::to_string(scale_max));
        else
            r.rating = static_cast<int>(*rating);
        r.evidence = trim(input[i].evidence);
        if (utf8_length(r.evidence) > kMaxEvidence)
            v.fail(at + ".evidence", "too_long",
                   "Evidence must be " + std::to_string(kMaxEvidence) + " characters or fewer");
        out.push_back(std::move(r));
    }
    if (!v.ok()) return std::unexpected(std::move(v).error());
    return out;
}

FrameworkSummary summarise_framework(const std::vector<FrameworkStatement>& statements,
                                     const std::vector<std::vector<Rating>>& evaluations,
                                     int scale_max) {
    std::map<std::int64_t, std::pair<std::int64_t, int>> sums;  // id → (sum, responses)
    std::map<std::int64_t, int> low;
    for (const auto& ratings : evaluations)
        for (const auto& r : ratings) {
            auto& [sum, responses] = sums[r.statement_id];
            sum += r.rating;
            ++responses;
            if (r.rating <= 2) ++low[r.statement_id];
        }
    FrameworkSummary out;
    for (const auto& s : statements) {
        StatementSummary row{s.id, s.area, s.text, 0, std::nullopt, 0, false};
        if (auto it = sums.find(s.id); it != sums.end() && it->second.second > 0) {
            const auto [sum, responses] = it->second;
            row.responses = responses;
            // Half up to two decimals in whole numbers: (200·sum + n) ÷ 2n.
            row.mean_hundredths = (200 * sum + responses) / (std::int64_t{2} * responses);
            // mean < (1 + scale_max) ÷ 2, without rounding: 2·sum < (1 + scale_max)·n.
            row.priority = 2 * sum < static_cast<std::int64_t>(1 + scale_max) * responses;
            row.at_or_below_2 = low[s.id];
        }
        out.statements.push_back(std::move(row));
    }
    std::vector<const StatementSummary*> priorities;
    for (const auto& row : out.statements)
        if (row.priority) priorities.push_back(&row);
    // Lowest unrounded mean first: compare sum_a·n_b with sum_b·n_a.
    std::ranges::stable_sort(priorities, [&](const StatementSummary* a, const StatementSummary* b) {
        const auto& [sa, na] = sums[a->statement_id];
        const auto& [sb, nb] = sums[b->statement_id];
        return sa * nb < sb * na;
    });
    for (const auto* row : priorities) out.priorities.push_back(row->statement_id);
    return out;
}

std::string format_hundredths(std::int64_t hundredths) {
    const std::string cents = std::to_string(hundredths % 100);
    return std::to_string(hundredths / 100) + "." + (cents.size() == 1 ? "0" + cents : cents);
}

}  // namespace sendhub
