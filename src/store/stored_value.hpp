#pragma once
// Reading back codes and dates the store wrote. One it does not recognise means corruption
// or a migration missing from this build: the read fails loudly (a DatabaseError, which the
// pipeline logs with the request id) instead of guessing a default, which could price a
// visit at the wrong rate or show a child's request in the wrong state.
#include <span>
#include <string>
#include <string_view>

#include "core/dates.hpp"
#include "core/role.hpp"
#include "core/vocabulary.hpp"
#include "store/database.hpp"

namespace sendhub {

[[noreturn]] void unrecognised_stored_value(std::string_view column, std::string_view text);

template <class Enum>
[[nodiscard]] Enum stored_term(std::span<const Term<Enum>> terms, std::string_view text,
                               std::string_view column) {
    auto value = parse_term(terms, text);
    if (!value) unrecognised_stored_value(column, text);
    return *value;
}

[[nodiscard]] Date stored_date(std::string_view text, std::string_view column);
[[nodiscard]] Role stored_role(std::string_view text, std::string_view column);

}  // namespace sendhub
