#pragma once
// UK postcodes: normalised form "TA1 3ES"; the outcode ("TA1") locates a district.
#include <optional>
#include <string>
#include <string_view>

namespace sendhub {

//! Upper-cases and spaces a UK postcode ("ta13es" -> "TA1 3ES"); nullopt if not a postcode.
[[nodiscard]] std::optional<std::string> normalise_postcode(std::string_view raw);
//! The outward code of a normalised postcode ("TA1 3ES" -> "TA1").
[[nodiscard]] std::string outcode_of(std::string_view normalised_postcode);

}  // namespace sendhub
