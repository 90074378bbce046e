#pragma once
// Password hashing with argon2id (OWASP Password Storage Cheat Sheet: m=19 MiB, t=2, p=1).
#include <string>
#include <string_view>

namespace sendhub {

struct Argon2Parameters {
    unsigned iterations = 2;
    unsigned memory_kib = 19 * 1024;
    unsigned lanes = 1;
};

//! Returns the PHC-encoded hash ("$argon2id$v=19$m=19456,t=2,p=1$salt$hash") with a fresh salt.
[[nodiscard]] std::string hash_password(std::string_view password,
                                        Argon2Parameters parameters = {});
//! Checks a password against an encoded hash; false for a malformed hash.
[[nodiscard]] bool verify_password(std::string_view password, const std::string& encoded_hash);
//! Spends the same time as a real check, so an unknown email is not revealed by timing.
void verify_dummy_password(std::string_view password);

}  // namespace sendhub
