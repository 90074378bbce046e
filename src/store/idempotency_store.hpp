#pragma once
// Idempotency-Key for POST (api-contract.md, Conventions): the first request reserves the
// key, its response is stored, and a repeat with the same body gets the same response.
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

struct KeyReserved {};
struct KeyInProgress {};
struct KeyReusedWithOtherBody {};
using Reservation = std::variant<KeyReserved, StoredResponse, KeyInProgress, KeyReusedWithOtherBody>;

class IdempotencyStore {
public:
    static constexpr std::int64_t kRetentionSeconds = 24 * 60 * 60;

    explicit IdempotencyStore(Database& db) : db_(db) {}

    [[nodiscard]] Reservation reserve(UserId user, std::string_view key, std::string_view request_hash);
    void complete(UserId user, std::string_view key, const StoredResponse& response);
    //! Forgets a reservation whose request failed inside the server, so it may be retried.
    void release(UserId user, std::string_view key);

private:
    Database& db_;
};

}  // namespace sendhub
