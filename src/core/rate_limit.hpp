#pragma once
// A token bucket: `capacity` actions at once, refilled at `per_minute`. Used to slow one
// client address that signs in far more often than any person (OWASP ASVS 5.0 6.3.1).
#include <cstdint>
#include <optional>

namespace sendhub {

struct RateLimit {
    double capacity = 30;
    double per_minute = 30;
};

struct TokenBucket {
    double tokens = 0;
    std::int64_t updated_ms = 0;
    bool started = false;
};

//! Takes one token at `now_ms`. Returns nullopt when the action may go ahead, otherwise the
//! whole seconds until a token is back (for Retry-After).
[[nodiscard]] std::optional<int> take_token(TokenBucket& bucket, RateLimit limit,
                                            std::int64_t now_ms);

//! True once the bucket has refilled to capacity, so forgetting it changes nothing.
[[nodiscard]] bool is_full(const TokenBucket& bucket, RateLimit limit, std::int64_t now_ms);

}  // namespace sendhub
