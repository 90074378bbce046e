#pragma once
// Cryptographically secure randomness from the kernel (getrandom(2)).
#include <cstdint>
#include <string>
#include <vector>

namespace sendhub {

[[nodiscard]] std::vector<std::uint8_t> random_bytes(std::size_t count);
//! A URL-safe base64 token carrying `bytes` of entropy (32 bytes = 256 bits by default).
[[nodiscard]] std::string random_token(std::size_t bytes = 32);
//! A password a person can type: groups of lower-case letters and digits, ~100 bits.
[[nodiscard]] std::string random_password();

}  // namespace sendhub
