#include "core/money_input.hpp"

#include <cctype>
#include <cstdio>

#include "core/text.hpp"

namespace sendhub {
namespace {

constexpr std::int64_t kMaxPence = 1'000'000'000;  // £10,000,000: no school invoice comes near

Error not_money(const std::string& field) {
    return Error::invalid(field, "invalid",
                          "Enter an amount in pounds, like 195 or 1,700.50 (at most two "
                          "numbers after the decimal point)");
}

}  // namespace

Result<std::int64_t> parse_pounds(std::string_view typed, const std::string& field) {
    const std::string trimmed = trim(typed);
    std::string_view text = trimmed;
    if (text.starts_with("\xC2\xA3")) text.remove_prefix(2);  // £ in UTF-8
    while (text.starts_with(' ')) text.remove_prefix(1);
    if (text.empty()) return std::unexpected(Error::invalid(field, "required", "Enter an amount"));
    const auto point = text.find('.');
    std::string_view whole = text.substr(0, point);
    std::string_view fraction =
        point == std::string_view::npos ? std::string_view{} : text.substr(point + 1);
    if (whole.empty() || fraction.size() > 2 ||
        (point != std::string_view::npos && fraction.empty()))
        return std::unexpected(not_money(field));
    // Thousands separators only every three digits: 1,700 but not 17,00 or ,100.
    std::int64_t pounds = 0;
    std::size_t group = 0, groups = 0;
    for (std::size_t i = 0; i <= whole.size(); ++i) {
        if (i == whole.size() || whole[i] == ',') {
            const bool first = groups == 0;
            if (group == 0 || group > 3 || (!first && group != 3))
                if (!(first && i == whole.size() && group > 0))
                    return std::unexpected(not_money(field));
            ++groups;
            group = 0;
            continue;
        }
        if (!std::isdigit(static_cast<unsigned char>(whole[i])))
            return std::unexpected(not_money(field));
        ++group;
        pounds = pounds * 10 + (whole[i] - '0');
        if (pounds > kMaxPence / 100) return std::unexpected(not_money(field));
    }
    std::int64_t pence = 0;
    for (std::size_t i = 0; i < 2; ++i) {
        char ch = i < fraction.size() ? fraction[i] : '0';
        if (!std::isdigit(static_cast<unsigned char>(ch))) return std::unexpected(not_money(field));
        pence = pence * 10 + (ch - '0');
    }
    return pounds * 100 + pence;
}

std::string money(std::int64_t pence) {
    const long long magnitude =
        pence < 0 ? -static_cast<long long>(pence) : static_cast<long long>(pence);
    std::string pounds = std::to_string(magnitude / 100);
    for (int at = static_cast<int>(pounds.size()) - 3; at > 0; at -= 3)
        pounds.insert(static_cast<std::size_t>(at), ",");
    char pennies[8];
    std::snprintf(pennies, sizeof pennies, ".%02lld", magnitude % 100);
    return std::string(pence < 0 ? "\u2212" : "") + "\u00a3" + pounds + pennies;
}

std::string pounds_for_input(std::int64_t pence) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%lld.%02lld", static_cast<long long>(pence / 100),
                  static_cast<long long>(pence % 100));
    return buffer;
}

}  // namespace sendhub
