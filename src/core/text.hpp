#pragma once
// Small string helpers shared by validation and parsing.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sendhub {

[[nodiscard]] std::string trim(std::string_view s);
[[nodiscard]] std::string to_lower(std::string_view s);
[[nodiscard]] std::string to_upper(std::string_view s);
[[nodiscard]] std::vector<std::string> split(std::string_view s, char separator);
//! Parses a whole string as a base-10 integer; nullopt on any stray character.
[[nodiscard]] std::optional<long long> parse_int(std::string_view s);
//! Parses a whole string as a finite decimal number; nullopt on any stray character, and
//! for "nan" and "inf", which from_chars accepts but no person means.
[[nodiscard]] std::optional<double> parse_double(std::string_view s);
//! Counts Unicode code points in UTF-8 text (limits are in characters, not bytes).
[[nodiscard]] std::size_t utf8_length(std::string_view s);
//! True when the text is valid UTF-8 (JSON and forms must be).
[[nodiscard]] bool is_valid_utf8(std::string_view s);

}  // namespace sendhub
