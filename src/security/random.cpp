#include "security/random.hpp"

#include <sys/random.h>

#include <stdexcept>

#include "security/digest.hpp"

namespace sendhub {

std::vector<std::uint8_t> random_bytes(std::size_t count) {
    std::vector<std::uint8_t> bytes(count);
    std::size_t filled = 0;
    while (filled < count) {
        ssize_t n = getrandom(bytes.data() + filled, count - filled, 0);
        if (n < 0) throw std::runtime_error("getrandom failed");
        filled += static_cast<std::size_t>(n);
    }
    return bytes;
}

std::string random_token(std::size_t bytes) {
    return base64url(random_bytes(bytes));
}

std::string random_password() {
    // 32 symbols, no look-alikes (0/o, 1/l): 5 bits a character, 20 characters.
    static constexpr char kAlphabet[] = "abcdefghijkmnpqrstuvwxyz23456789";
    auto bytes = random_bytes(20);
    std::string password;
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        if (i > 0 && i % 5 == 0) password += '-';
        password += kAlphabet[bytes[i] % 32];
    }
    return password;
}

}  // namespace sendhub
