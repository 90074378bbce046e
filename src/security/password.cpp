#include "security/password.hpp"

#include <argon2.h>

#include <array>
#include <stdexcept>

#include "security/random.hpp"

namespace sendhub {

std::string hash_password(std::string_view password, Argon2Parameters parameters) {
    auto salt = random_bytes(16);
    constexpr std::size_t kHashLength = 32;
    std::size_t encoded_length =
        argon2_encodedlen(parameters.iterations, parameters.memory_kib, parameters.lanes,
                          static_cast<uint32_t>(salt.size()), kHashLength, Argon2_id);
    std::string encoded(encoded_length, '\0');
    int rc = argon2id_hash_encoded(parameters.iterations, parameters.memory_kib, parameters.lanes,
                                   password.data(), password.size(), salt.data(), salt.size(),
                                   kHashLength, encoded.data(), encoded.size());
    if (rc != ARGON2_OK)
        throw std::runtime_error(std::string("argon2id failed: ") + argon2_error_message(rc));
    encoded.resize(encoded.find('\0'));
    return encoded;
}

bool verify_password(std::string_view password, const std::string& encoded_hash) {
    return argon2id_verify(encoded_hash.c_str(), password.data(), password.size()) == ARGON2_OK;
}

void verify_dummy_password(std::string_view password) {
    static const std::string dummy = hash_password("sendhub-timing-equaliser");
    (void)verify_password(password, dummy);
}

}  // namespace sendhub
