#include "core/totp.hpp"

#include <gtest/gtest.h>

namespace sendhub {
namespace {

std::vector<std::uint8_t> bytes_of(std::string_view text) {
    return {text.begin(), text.end()};
}

std::string hex(std::span<const std::uint8_t> bytes) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    for (auto b : bytes) {
        out += kHex[b >> 4];
        out += kHex[b & 15];
    }
    return out;
}

}  // namespace

TEST(Totp, Rfc4648Base32Vectors) {
    struct Case {
        std::string_view plain, encoded;
    };
    // RFC 4648 §10, without the padding authenticator apps do not want.
    for (auto c :
         {Case{"", ""}, Case{"f", "MY"}, Case{"fo", "MZXQ"}, Case{"foo", "MZXW6"},
          Case{"foob", "MZXW6YQ"}, Case{"fooba", "MZXW6YTB"}, Case{"foobar", "MZXW6YTBOI"}}) {
        EXPECT_EQ(base32_encode(bytes_of(c.plain)), c.encoded) << c.plain;
        EXPECT_EQ(base32_decode(c.encoded), bytes_of(c.plain)) << c.encoded;
    }
    EXPECT_EQ(base32_decode("mzxw 6ytb oi=="), bytes_of("foobar"));
    EXPECT_FALSE(base32_decode("MZXW1"));  // 1 is not in the alphabet
}

TEST(Totp, Sha1AndHmacMatchPublishedVectors) {
    EXPECT_EQ(hex(sha1(bytes_of("abc"))), "a9993e364706816aba3e25717850c26c9cd0d89d");
    EXPECT_EQ(hex(sha1(bytes_of(""))), "da39a3ee5e6b4b0d3255bfef95601890afd80709");
    // RFC 2202 test case 2.
    EXPECT_EQ(hex(hmac_sha1(bytes_of("Jefe"), bytes_of("what do ya want for nothing?"))),
              "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79");
    // RFC 2202 test case 6: a key longer than the block is hashed first.
    std::vector<std::uint8_t> long_key(80, 0xaa);
    EXPECT_EQ(hex(hmac_sha1(long_key,
                            bytes_of("Test Using Larger Than Block-Size Key - Hash Key First"))),
              "aa4ae5e15272d00e95705637ce8a3b55ed402112");
}

TEST(Totp, Rfc6238Sha1Vectors) {
    auto key = bytes_of("12345678901234567890");
    struct Case {
        std::int64_t time;
        std::string_view code;
    };
    for (auto c : {Case{59, "94287082"}, Case{1111111109, "07081804"}, Case{1111111111, "14050471"},
                   Case{1234567890, "89005924"}, Case{2000000000, "69279037"},
                   Case{20000000000, "65353130"}}) {
        EXPECT_EQ(totp_code(key, totp_step(c.time), 8), c.code) << c.time;
        // Six digits are the last six of the eight.
        EXPECT_EQ(totp_code(key, totp_step(c.time)), c.code.substr(2)) << c.time;
    }
}

TEST(Totp, AcceptsTheStepEitherSideOnlyOnceAndNeverAnEarlierOne) {
    auto key = bytes_of("12345678901234567890");
    const std::int64_t now = 1234567890;
    const std::int64_t step = totp_step(now);
    struct Case {
        std::int64_t code_step;
        std::int64_t last_used;
        std::optional<std::int64_t> expected;
    };
    for (auto c : {
             Case{step, 0, step},
             Case{step - 1, 0, step - 1},
             Case{step + 1, 0, step + 1},
             Case{step - 2, 0, std::nullopt},     // too old
             Case{step + 2, 0, std::nullopt},     // too far ahead
             Case{step, step, std::nullopt},      // already used
             Case{step - 1, step, std::nullopt},  // earlier than one used
             Case{step + 1, step, step + 1},
         }) {
        EXPECT_EQ(match_totp(key, totp_code(key, c.code_step), now, c.last_used), c.expected)
            << c.code_step - step << " " << c.last_used - step;
    }
    std::string spaced = totp_code(key, step);
    spaced.insert(3, " ");
    EXPECT_EQ(match_totp(key, spaced, now, 0), step);
    EXPECT_FALSE(match_totp(key, "12345", now, 0));
    EXPECT_FALSE(match_totp(key, "abcdef", now, 0));
    EXPECT_FALSE(match_totp(key, "", now, 0));
}

TEST(Totp, OtpauthUriNamesIssuerAndEmail) {
    EXPECT_EQ(otpauth_uri("Sunrise Trust", "a.b@school.sch.uk", "JBSWY3DPEHPK3PXP"),
              "otpauth://totp/Sunrise%20Trust:a.b@school.sch.uk?secret=JBSWY3DPEHPK3PXP"
              "&issuer=Sunrise%20Trust&algorithm=SHA1&digits=6&period=30");
    EXPECT_EQ(otpauth_uri("A:B", "x@y.z", "S"),
              "otpauth://totp/A%3AB:x@y.z?secret=S&issuer=A%3AB"
              "&algorithm=SHA1&digits=6&period=30");
}

TEST(Totp, RecoveryCodesAreReadInAnyCaseWithOrWithoutTheDash) {
    EXPECT_EQ(normalise_recovery_code("ABCDE-fghij"), "abcdefghij");
    EXPECT_EQ(normalise_recovery_code(" abcde fghij "), "abcdefghij");
}

TEST(Totp, RequiredRolesParseAndDecide) {
    std::vector<std::string> codes{"admin", "senco", "admin"};
    auto roles = parse_required_roles(codes);
    ASSERT_TRUE(roles);
    EXPECT_EQ(*roles, (std::vector<Role>{Role::admin, Role::senco}));
    EXPECT_EQ(join_roles(*roles), "admin,senco");
    EXPECT_EQ(split_roles("admin,senco,governor"), *roles);
    EXPECT_TRUE(split_roles("").empty());
    std::vector<std::string> bad{"governor"};
    auto refused = parse_required_roles(bad);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().fields.at(0).field, "required_roles");

    struct Case {
        Role role;
        bool enabled;
        bool expected;
    };
    for (auto c : {Case{Role::admin, false, true}, Case{Role::admin, true, false},
                   Case{Role::finance, false, false}, Case{Role::senco, false, true}}) {
        EXPECT_EQ(mfa_setup_required(c.role, c.enabled, *roles), c.expected)
            << role_code(c.role) << c.enabled;
    }
}

}  // namespace sendhub
