#include "core/base64.hpp"

#include <gtest/gtest.h>

namespace sendhub {
namespace {

using namespace std::string_literals;

TEST(Base64, EncodesTheRfcVectors) {
    struct Case {
        std::string_view plain, encoded;
    };
    for (auto [plain, encoded] :
         {Case{"", ""}, Case{"f", "Zg=="}, Case{"fo", "Zm8="}, Case{"foo", "Zm9v"},
          Case{"foob", "Zm9vYg=="}, Case{"fooba", "Zm9vYmE="}, Case{"foobar", "Zm9vYmFy"}}) {
        EXPECT_EQ(base64_encode(plain), encoded) << plain;
        EXPECT_EQ(base64_decode(encoded), std::string(plain)) << encoded;
    }
}

TEST(Base64, KeepsEveryByteValue) {
    std::string all;
    for (int b = 0; b < 256; ++b) all += static_cast<char>(b);
    all += "\0\xff\0"s;
    EXPECT_EQ(base64_decode(base64_encode(all)), all);
}

TEST(Base64, RefusesWhatIsNotBase64) {
    for (std::string_view bad : {"Zg=", "Zg=a", "Z===", "Zm9v!A==", "=Zm9", "Zg==Zg=="})
        EXPECT_FALSE(base64_decode(bad)) << bad;
}

}  // namespace
}  // namespace sendhub
