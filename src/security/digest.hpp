#pragma once
// Digests and encodings for tokens: only hashes of secrets are ever stored.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace sendhub {

[[nodiscard]] std::string sha256_hex(std::string_view data);
[[nodiscard]] std::string base64url(std::span<const std::uint8_t> bytes);
//! Compares secrets in time independent of where they differ (OWASP ASVS 6.2.7 spirit).
[[nodiscard]] bool constant_time_equals(std::string_view a, std::string_view b);

}  // namespace sendhub
