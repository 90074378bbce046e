#pragma once
// Money as people type it: "195", "195.00", "£195", "£1,700.50". Stored and sent to the API
// as integer pence; shown as "£1,700.50". Pure C++, no I/O.
#include <cstdint>
#include <string>
#include <string_view>

#include "core/error.hpp"

namespace sendhub {

//! Pence from an amount in pounds; 422 on `field` for anything else (letters, a minus sign,
//! more than two decimal places, a comma in the wrong place, or over £10,000,000).
[[nodiscard]] Result<std::int64_t> parse_pounds(std::string_view typed, const std::string& field);
//! "£1,700.50" (and "−£5.00" for a credit), as pages and documents show money.
[[nodiscard]] std::string money(std::int64_t pence);
//! The amount in pounds as a form shows it for editing: 19000 → "190.00".
[[nodiscard]] std::string pounds_for_input(std::int64_t pence);

}  // namespace sendhub
