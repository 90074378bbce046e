#pragma once
// Per-client-address rate limiting in this process's memory: cheap, and enough to slow one
// address that floods sign-ins (each costs an argon2id hash). Per-email limits, which
// must hold across instances, live in the database (store/login_throttle.hpp).
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/rate_limit.hpp"

namespace sendhub {

class AddressLimiter {
  public:
    explicit AddressLimiter(RateLimit limit) : limit_(limit) {}

    //! nullopt if `address` may go ahead now; otherwise the seconds to wait.
    [[nodiscard]] std::optional<int> take(std::string_view address);

  private:
    void forget_full_buckets(std::int64_t now_ms);

    static constexpr std::size_t kSweepAbove = 10'000;
    RateLimit limit_;
    std::mutex mutex_;
    std::unordered_map<std::string, TokenBucket> buckets_;
};

}  // namespace sendhub
