#include "store/idempotency_store.hpp"

#include <expected>

#include "core/dates.hpp"

namespace sendhub {
namespace {
constexpr std::string_view kFind =
    "SELECT request_hash, status, content_type, response_body FROM idempotency_keys"
    " WHERE user_id = ? AND idempotency_key = ?";
constexpr std::string_view kExpire = "DELETE FROM idempotency_keys WHERE created_at < ?";
constexpr std::string_view kForget =
    "DELETE FROM idempotency_keys WHERE user_id = ? AND idempotency_key = ?";
// Claiming the key first makes a concurrent request with it wait here (SQLite's single
// writer) or fail to serialize and retry (PostgreSQL), and then find the stored answer.
constexpr std::string_view kClaim =
    "INSERT INTO idempotency_keys (user_id, idempotency_key, request_hash, status, created_at) "
    "VALUES (?, ?, ?, 0, ?)"
    " ON CONFLICT DO NOTHING";
constexpr std::string_view kKeep =
    "UPDATE idempotency_keys SET status = ?, content_type = ?, response_body = ? WHERE user_id = ? "
    "AND idempotency_key = ?";

struct RolledBack {};
}  // namespace

IdempotentOutcome IdempotencyStore::run_once(
    UserId user, std::string_view key, std::string_view request_hash,
    const std::function<std::optional<StoredResponse>()>& run) {
    auto outcome = db_.write([&](SqlConnection& c) -> std::expected<IdempotentOutcome, RolledBack> {
        auto t = c.now_seconds();
        c.execute_with(kExpire, t - kRetentionSeconds);
        if (c.execute_with(kClaim, user.value, key, request_hash, t) == 0) {
            auto row = c.query_one(kFind, user.value, key);
            if (row->text(0) != request_hash) return KeyReusedWithOtherBody{};
            if (row->integer(1) != 0)
                return StoredResponse{static_cast<int>(row->integer(1)), row->text(2),
                                      row->text(3)};
            // Status 0 committed is a reservation left by an older sendhub that stopped
            // mid-request; its change, if any, was a separate transaction: run afresh.
            c.execute_with(kForget, user.value, key);
            c.execute_with(kClaim, user.value, key, request_hash, t);
        }
        auto response = run();
        if (!response) return std::unexpected(RolledBack{});
        c.execute_with(kKeep, response->status, response->content_type, response->body, user.value,
                       key);
        return RanNow{};
    });
    if (!outcome) return RanNow{};
    return *outcome;
}

}  // namespace sendhub
