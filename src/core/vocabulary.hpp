#pragma once
// Closed vocabularies (roles, grades, needs…) as tables of {value, code, label}:
// the code is what the API and database carry, the label what a person reads.
#include <algorithm>
#include <optional>
#include <span>
#include <string_view>

namespace sendhub {

template <class Enum>
struct Term {
    Enum value;
    std::string_view code;
    std::string_view label;
};

template <class Enum>
[[nodiscard]] constexpr std::optional<Enum> parse_term(std::span<const Term<Enum>> terms,
                                                       std::string_view code) {
    auto it = std::ranges::find(terms, code, &Term<Enum>::code);
    if (it == terms.end()) return std::nullopt;
    return it->value;
}

template <class Enum>
[[nodiscard]] constexpr const Term<Enum>& term_of(std::span<const Term<Enum>> terms, Enum value) {
    // Every enumerator is in its table (checked by tests), so this always finds one.
    return *std::ranges::find(terms, value, &Term<Enum>::value);
}

}  // namespace sendhub
