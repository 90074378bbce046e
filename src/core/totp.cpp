#include "core/totp.hpp"

#include <algorithm>
#include <bit>

#include "core/percent_encoding.hpp"

namespace sendhub {
namespace {

constexpr std::string_view kBase32Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

std::optional<std::uint8_t> base32_value(char c) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    auto at = kBase32Alphabet.find(c);
    if (at == std::string_view::npos) return std::nullopt;
    return static_cast<std::uint8_t>(at);
}

// The label's ':' separator is added by the caller, so an issuer or email cannot forge one.
std::string uri_component(std::string_view text) {
    return percent_encode_except(text, "@");
}

bool same_digits(std::string_view a, std::string_view b) {
    // Constant time over the code's length: where they differ is not revealed.
    if (a.size() != b.size()) return false;
    unsigned diff = 0;
    for (std::size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned>(a[i] ^ b[i]);
    return diff == 0;
}

}  // namespace

std::string base32_encode(std::span<const std::uint8_t> bytes) {
    std::string out;
    out.reserve((bytes.size() * 8 + 4) / 5);
    std::uint32_t buffer = 0;
    int bits = 0;
    for (std::uint8_t b : bytes) {
        buffer = (buffer << 8) | b;
        bits += 8;
        while (bits >= 5) {
            out += kBase32Alphabet[(buffer >> (bits - 5)) & 31];
            bits -= 5;
        }
    }
    if (bits > 0) out += kBase32Alphabet[(buffer << (5 - bits)) & 31];
    return out;
}

std::optional<std::vector<std::uint8_t>> base32_decode(std::string_view text) {
    std::vector<std::uint8_t> out;
    std::uint32_t buffer = 0;
    int bits = 0;
    for (char c : text) {
        if (c == ' ' || c == '=') continue;
        auto value = base32_value(c);
        if (!value) return std::nullopt;
        buffer = (buffer << 5) | *value;
        bits += 5;
        if (bits >= 8) {
            out.push_back(static_cast<std::uint8_t>((buffer >> (bits - 8)) & 0xff));
            bits -= 8;
        }
    }
    return out;
}

std::array<std::uint8_t, 20> sha1(std::span<const std::uint8_t> data) {
    std::uint32_t h[5] = {0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0};
    std::vector<std::uint8_t> message(data.begin(), data.end());
    const std::uint64_t bit_length = static_cast<std::uint64_t>(data.size()) * 8;
    message.push_back(0x80);
    while (message.size() % 64 != 56) message.push_back(0);
    for (int i = 7; i >= 0; --i)
        message.push_back(static_cast<std::uint8_t>(bit_length >> (i * 8)));
    for (std::size_t block = 0; block < message.size(); block += 64) {
        std::uint32_t w[80];
        for (int t = 0; t < 16; ++t) {
            const std::uint8_t* p = &message[block + static_cast<std::size_t>(t) * 4];
            w[t] = (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) |
                   (std::uint32_t{p[2]} << 8) | std::uint32_t{p[3]};
        }
        for (int t = 16; t < 80; ++t)
            w[t] = std::rotl(w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16], 1);
        std::uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];
        for (int t = 0; t < 80; ++t) {
            std::uint32_t f = 0, k = 0;
            if (t < 20) {
                f = (b & c) | (~b & d);
                k = 0x5A827999;
            } else if (t < 40) {
                f = b ^ c ^ d;
                k = 0x6ED9EBA1;
            } else if (t < 60) {
                f = (b & c) | (b & d) | (c & d);
                k = 0x8F1BBCDC;
            } else {
                f = b ^ c ^ d;
                k = 0xCA62C1D6;
            }
            std::uint32_t next = std::rotl(a, 5) + f + e + k + w[t];
            e = d;
            d = c;
            c = std::rotl(b, 30);
            b = a;
            a = next;
        }
        h[0] += a;
        h[1] += b;
        h[2] += c;
        h[3] += d;
        h[4] += e;
    }
    std::array<std::uint8_t, 20> digest{};
    for (std::size_t i = 0; i < 5; ++i)
        for (std::size_t j = 0; j < 4; ++j)
            digest[i * 4 + j] = static_cast<std::uint8_t>(h[i] >> (24 - 8 * j));
    return digest;
}

std::array<std::uint8_t, 20> hmac_sha1(std::span<const std::uint8_t> key,
                                       std::span<const std::uint8_t> message) {
    constexpr std::size_t kBlock = 64;
    std::array<std::uint8_t, kBlock> padded{};
    if (key.size() > kBlock) {
        auto hashed = sha1(key);
        std::copy(hashed.begin(), hashed.end(), padded.begin());
    } else {
        std::copy(key.begin(), key.end(), padded.begin());
    }
    std::vector<std::uint8_t> inner(kBlock + message.size());
    std::vector<std::uint8_t> outer(kBlock + 20);
    for (std::size_t i = 0; i < kBlock; ++i) {
        inner[i] = padded[i] ^ 0x36;
        outer[i] = padded[i] ^ 0x5c;
    }
    std::copy(message.begin(), message.end(), inner.begin() + kBlock);
    auto inner_digest = sha1(inner);
    std::copy(inner_digest.begin(), inner_digest.end(), outer.begin() + kBlock);
    return sha1(outer);
}

std::string totp_code(std::span<const std::uint8_t> key, std::int64_t step, int digits) {
    std::array<std::uint8_t, 8> counter{};
    auto value = static_cast<std::uint64_t>(step);
    for (int i = 7; i >= 0; --i) {
        counter[static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(value & 0xff);
        value >>= 8;
    }
    auto mac = hmac_sha1(key, counter);
    // Dynamic truncation (RFC 4226 §5.3).
    std::size_t offset = mac[19] & 0x0f;
    std::uint32_t binary = (std::uint32_t{mac[offset]} & 0x7f) << 24 |
                           std::uint32_t{mac[offset + 1]} << 16 |
                           std::uint32_t{mac[offset + 2]} << 8 | std::uint32_t{mac[offset + 3]};
    std::uint32_t modulus = 1;
    for (int i = 0; i < digits; ++i) modulus *= 10;
    std::string code = std::to_string(binary % modulus);
    return std::string(static_cast<std::size_t>(digits) - code.size(), '0') + code;
}

std::optional<std::int64_t> match_totp(std::span<const std::uint8_t> key, std::string_view typed,
                                       std::int64_t unix_seconds, std::int64_t last_used_step) {
    std::string digits;
    for (char c : typed) {
        if (c == ' ' || c == '-') continue;
        if (c < '0' || c > '9') return std::nullopt;
        digits += c;
    }
    if (digits.size() != static_cast<std::size_t>(kTotpDigits)) return std::nullopt;
    const std::int64_t now = totp_step(unix_seconds);
    for (std::int64_t step = now - 1; step <= now + 1; ++step) {
        if (step <= last_used_step) continue;
        if (same_digits(totp_code(key, step), digits)) return step;
    }
    return std::nullopt;
}

std::string otpauth_uri(std::string_view issuer, std::string_view email,
                        std::string_view base32_secret) {
    return "otpauth://totp/" + uri_component(issuer) + ":" + uri_component(email) +
           "?secret=" + std::string(base32_secret) + "&issuer=" + uri_component(issuer) +
           "&algorithm=SHA1&digits=6&period=30";
}

std::string normalise_recovery_code(std::string_view typed) {
    std::string out;
    for (char c : typed) {
        if (c == ' ' || c == '-') continue;
        out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    return out;
}

Result<std::vector<Role>> parse_required_roles(std::span<const std::string> codes) {
    std::vector<Role> roles;
    roles.reserve(codes.size());
    for (const auto& code : codes) {
        auto role = parse_role(code);
        if (!role)
            return std::unexpected(
                Error::invalid("required_roles", "invalid", "Choose roles from the list"));
        if (std::ranges::find(roles, *role) == roles.end()) roles.push_back(*role);
    }
    return roles;
}

std::string join_roles(std::span<const Role> roles) {
    std::string joined;
    for (Role role : roles) {
        if (!joined.empty()) joined += ',';
        joined += role_code(role);
    }
    return joined;
}

std::vector<Role> split_roles(std::string_view joined) {
    std::vector<Role> roles;
    while (!joined.empty()) {
        auto comma = joined.find(',');
        auto code = joined.substr(0, comma);
        if (auto role = parse_role(code)) roles.push_back(*role);
        if (comma == std::string_view::npos) break;
        joined.remove_prefix(comma + 1);
    }
    return roles;
}

bool mfa_setup_required(Role role, bool mfa_enabled, std::span<const Role> required_roles) {
    return !mfa_enabled && std::ranges::find(required_roles, role) != required_roles.end();
}

}  // namespace sendhub
