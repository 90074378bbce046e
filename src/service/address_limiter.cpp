#include "service/address_limiter.hpp"

#include <chrono>

namespace sendhub {

std::optional<int> AddressLimiter::take(std::string_view address) {
    auto now_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                      std::chrono::steady_clock::now().time_since_epoch())
                      .count();
    std::lock_guard lock(mutex_);
    // Many addresses each trying once must not grow the map for ever.
    if (buckets_.size() > kSweepAbove) forget_full_buckets(now_ms);
    return take_token(buckets_[std::string(address)], limit_, now_ms);
}

void AddressLimiter::forget_full_buckets(std::int64_t now_ms) {
    std::erase_if(buckets_,
                  [&](const auto& entry) { return is_full(entry.second, limit_, now_ms); });
}

}  // namespace sendhub
