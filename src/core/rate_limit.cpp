#include "core/rate_limit.hpp"

#include <algorithm>
#include <cmath>

namespace sendhub {
namespace {
double refilled(const TokenBucket& bucket, RateLimit limit, std::int64_t now_ms) {
    if (!bucket.started) return limit.capacity;
    double elapsed_minutes =
        static_cast<double>(std::max<std::int64_t>(0, now_ms - bucket.updated_ms)) / 60000.0;
    return std::min(limit.capacity, bucket.tokens + elapsed_minutes * limit.per_minute);
}
}  // namespace

std::optional<int> take_token(TokenBucket& bucket, RateLimit limit, std::int64_t now_ms) {
    bucket.tokens = refilled(bucket, limit, now_ms);
    bucket.updated_ms = now_ms;
    bucket.started = true;
    if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return std::nullopt;
    }
    double seconds = (1 - bucket.tokens) * 60.0 / limit.per_minute;
    return std::max(1, static_cast<int>(std::ceil(seconds)));
}

bool is_full(const TokenBucket& bucket, RateLimit limit, std::int64_t now_ms) {
    return refilled(bucket, limit, now_ms) >= limit.capacity;
}

}  // namespace sendhub
