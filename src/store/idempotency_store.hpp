#pragma once
// Idempotency-Key for POST (api-contract.md, Conventions): a repeat with the same key and
// body gets the first response. The key, the change it made and the stored response are
// one transaction, so after a crash a retry either replays the answer or runs afresh:
// never both, and never stuck "in progress".
#include <functional>
#include <optional>
#include <string>
#include <variant>

#include "core/ids.hpp"
#include "store/database.hpp"

namespace sendhub {

struct StoredResponse {
    int status = 0;
    std::string content_type;
    std::string body;
};

//! The request ran now; its response was kept (or, for a server error, nothing was kept).
struct RanNow {};
struct KeyReusedWithOtherBody {};
using IdempotentOutcome = std::variant<RanNow, StoredResponse, KeyReusedWithOtherBody>;

class IdempotencyStore {
  public:
    static constexpr std::int64_t kRetentionSeconds = std::int64_t{24} * 60 * 60;

    explicit IdempotencyStore(Database& db) : db_(db) {}

    //! Replays the response stored for (user, key), or runs `run` inside one write transaction
    //! with the key. `run` returns the response to keep, or nullopt to roll everything back
    //! (a server error: the client may retry with the same key). `run` may be called again if
    //! PostgreSQL retries the transaction, so it changes nothing outside the database.
    [[nodiscard]] IdempotentOutcome run_once(
        UserId user, std::string_view key, std::string_view request_hash,
        const std::function<std::optional<StoredResponse>()>& run);

  private:
    Database& db_;
};

}  // namespace sendhub
