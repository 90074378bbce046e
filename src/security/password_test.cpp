#include "security/password.hpp"

#include <gtest/gtest.h>

#include "security/digest.hpp"
#include "security/random.hpp"

namespace sendhub {

TEST(Password, HashesWithArgon2idAtOwaspParameters) {
    std::string hash = hash_password("correct horse battery");
    EXPECT_TRUE(hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$")) << hash;
    EXPECT_TRUE(verify_password("correct horse battery", hash));
    EXPECT_FALSE(verify_password("correct horse batterY", hash));
}

TEST(Password, SaltsEveryHash) {
    EXPECT_NE(hash_password("same password"), hash_password("same password"));
}

TEST(Password, AMalformedHashNeverVerifies) {
    EXPECT_FALSE(verify_password("x", ""));
    EXPECT_FALSE(verify_password("x", "$argon2id$garbage"));
}

TEST(Tokens, AreUrlSafeAndDistinct) {
    auto a = random_token();
    auto b = random_token();
    EXPECT_EQ(a.size(), 43u);  // 32 bytes in unpadded base64
    EXPECT_NE(a, b);
    EXPECT_EQ(
        a.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
        std::string::npos);
}

TEST(Tokens, RandomPasswordsAreLongEnoughToUse) {
    auto p = random_password();
    EXPECT_GE(p.size(), 12u);
    EXPECT_NE(p, random_password());
}

TEST(Digest, Sha256MatchesTheKnownVector) {
    EXPECT_EQ(sha256_hex("abc"),
              "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(Digest, ComparesSecretsExactly) {
    EXPECT_TRUE(constant_time_equals("token", "token"));
    EXPECT_FALSE(constant_time_equals("token", "tokem"));
    EXPECT_FALSE(constant_time_equals("token", "token2"));
    EXPECT_FALSE(constant_time_equals("", "x"));
}

TEST(Digest, Base64UrlHandlesEveryTailLength) {
    const std::uint8_t bytes[] = {0xfb, 0xff, 0x01};
    EXPECT_EQ(base64url(std::span(bytes, 1)), "-w");
    EXPECT_EQ(base64url(std::span(bytes, 2)), "-_8");
    EXPECT_EQ(base64url(std::span(bytes, 3)), "-_8B");
}

}  // namespace sendhub
