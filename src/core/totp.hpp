#pragma once
// Two-step sign-in codes: TOTP (RFC 6238) over HMAC-SHA-1 (RFC 2104, FIPS 180-4), the
// base32 secrets authenticator apps read (RFC 4648), and which roles must use it. Pure: the
// caller supplies the time and the random secret.
#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "core/role.hpp"

namespace sendhub {

inline constexpr std::int64_t kTotpStepSeconds = 30;
inline constexpr int kTotpDigits = 6;
//! 160 bits, the length RFC 4226 recommends for an HMAC-SHA-1 key.
inline constexpr std::size_t kTotpSecretBytes = 20;
inline constexpr int kRecoveryCodeCount = 10;

//! RFC 4648 base32, upper case, without padding.
[[nodiscard]] std::string base32_encode(std::span<const std::uint8_t> bytes);
//! Reads base32 in either case, ignoring spaces and padding; nullopt for any other character.
[[nodiscard]] std::optional<std::vector<std::uint8_t>> base32_decode(std::string_view text);

[[nodiscard]] std::array<std::uint8_t, 20> sha1(std::span<const std::uint8_t> data);
[[nodiscard]] std::array<std::uint8_t, 20> hmac_sha1(std::span<const std::uint8_t> key,
                                                     std::span<const std::uint8_t> message);

[[nodiscard]] constexpr std::int64_t totp_step(std::int64_t unix_seconds) {
    return unix_seconds / kTotpStepSeconds;
}
//! The code for one time step, zero-padded to `digits`.
[[nodiscard]] std::string totp_code(std::span<const std::uint8_t> key, std::int64_t step,
                                    int digits = kTotpDigits);

//! The step whose code was typed: the current one or one either side (a phone's clock drifts),
//! and later than `last_used_step` so a code is never accepted twice, nor an earlier one.
[[nodiscard]] std::optional<std::int64_t> match_totp(std::span<const std::uint8_t> key,
                                                     std::string_view typed,
                                                     std::int64_t unix_seconds,
                                                     std::int64_t last_used_step);

//! What an authenticator app scans: otpauth://totp/ISSUER:EMAIL?secret=…&issuer=…
[[nodiscard]] std::string otpauth_uri(std::string_view issuer, std::string_view email,
                                      std::string_view base32_secret);

//! A typed recovery code in one form: lower case, without spaces or dashes.
[[nodiscard]] std::string normalise_recovery_code(std::string_view typed);

//! The roles an administrator listed as needing two-step sign-in; 422 field
//! `required_roles` for an unknown one. Duplicates are dropped, order kept.
[[nodiscard]] Result<std::vector<Role>> parse_required_roles(std::span<const std::string> codes);
//! Stored form of the list: codes joined by commas.
[[nodiscard]] std::string join_roles(std::span<const Role> roles);
//! Reads the stored form back; unknown codes (from a newer version) are skipped.
[[nodiscard]] std::vector<Role> split_roles(std::string_view joined);
//! True when a user of `role` without two-step sign-in may do nothing but set it up.
[[nodiscard]] bool mfa_setup_required(Role role, bool mfa_enabled,
                                      std::span<const Role> required_roles);

}  // namespace sendhub
