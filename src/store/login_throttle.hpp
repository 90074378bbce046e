#pragma once
// Sign-in throttling (api-contract.md): five failed attempts for one email within
// 15 minutes refuse further attempts, even correct ones, until the window has passed.
#include <chrono>
#include <string_view>

#include "store/database.hpp"

namespace sendhub {

class LoginThrottle {
public:
    static constexpr int kMaxFailures = 5;
    static constexpr std::chrono::seconds kWindow{std::chrono::minutes{15}};

    explicit LoginThrottle(Database& db) : db_(db) {}

    [[nodiscard]] bool is_locked(std::string_view email);
    void record_failure(std::string_view email);
    void clear(std::string_view email);

private:
    Database& db_;
};

}  // namespace sendhub
