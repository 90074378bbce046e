#include "store/idempotency_store.hpp"

#include "core/dates.hpp"

namespace sendhub {
namespace {
constexpr std::string_view kFind =
    "SELECT request_hash, status, content_type, response_body FROM idempotency_keys"
    " WHERE user_id = ? AND idempotency_key = ?";
constexpr std::string_view kExpire = "DELETE FROM idempotency_keys WHERE created_at < ?";
constexpr std::string_view kReserve =
    "INSERT INTO idempotency_keys (user_id, idempotency_key, request_hash, status, created_at) VALUES (?, ?, ?, 0, ?)";
constexpr std::string_view kComplete =
    "UPDATE idempotency_keys SET status = ?, content_type = ?, response_body = ? WHERE user_id = ? AND idempotency_key = ?";
constexpr std::string_view kRelease = "DELETE FROM idempotency_keys WHERE user_id = ? AND idempotency_key = ?";
}  // namespace

Reservation IdempotencyStore::reserve(UserId user, std::string_view key, std::string_view request_hash) {
    auto t = now().time_since_epoch().count();
    return db_.write([&](SqlConnection& c) -> Reservation {
        c.execute_with(kExpire, t - kRetentionSeconds);
        auto row = c.query_one(kFind, user.value, key);
        if (!row) {
            c.execute_with(kReserve, user.value, key, request_hash, t);
            return KeyReserved{};
        }
        if (row->text(0) != request_hash) return KeyReusedWithOtherBody{};
        if (row->integer(1) == 0) return KeyInProgress{};
        return StoredResponse{static_cast<int>(row->integer(1)), row->text(2), row->text(3)};
    });
}

void IdempotencyStore::complete(UserId user, std::string_view key, const StoredResponse& response) {
    db_.write([&](SqlConnection& c) {
        c.execute_with(kComplete, response.status, response.content_type, response.body, user.value, key);
    });
}

void IdempotencyStore::release(UserId user, std::string_view key) {
    db_.write([&](SqlConnection& c) { c.execute_with(kRelease, user.value, key); });
}

}  // namespace sendhub
