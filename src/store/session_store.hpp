#pragma once
// Server-side sessions (OWASP Session Management Cheat Sheet): random 256-bit tokens,
// stored only as SHA-256, idle timeout 30 min, absolute timeout 12 h, new token at sign-in.
#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <unordered_map>

#include "core/dates.hpp"
#include "core/policy.hpp"
#include "store/database.hpp"

namespace sendhub {

struct SessionTimeouts {
    std::chrono::seconds idle{std::chrono::minutes{30}};
    std::chrono::seconds absolute{std::chrono::hours{12}};
    //! last_seen_at is written at most this often, so reads do not each need the writer.
    std::chrono::seconds touch_interval{std::chrono::seconds{60}};
};

struct NewSession {
    std::string token;       // sent to the client once, never stored
    std::string csrf_token;  // bound to this session
};

struct ResolvedSession {
    Actor actor;
    std::string csrf_token;
    //! The user's role must use two-step sign-in and they have not set it up: they may do
    //! nothing else until they have.
    bool mfa_setup_required = false;
};

//! How a request's session is checked.
enum class SessionCheck {
    //! Ask the database, and wait for its answer before going on.
    first,
    //! Inside a read transaction on an engine that pipelines (PostgreSQL): take the session
    //! this process resolved last time for the token, and send the database's check with the
    //! request's first statement, in the same round trip. If the check disagrees, the
    //! transaction throws SessionChanged before any of its rows reach the caller, and
    //! before it ends or anything writes; the request must then run again with `first`.
    alongside,
};

//! The remembered session for a token no longer matches the database (signed out, expired,
//! the user's role or account changed, on this instance or another): nothing the transaction
//! read may be used. The pipeline runs the request again, checking the session first.
struct SessionChanged : std::runtime_error {
    SessionChanged() : std::runtime_error("the session changed while the request ran") {}
};

class SessionStore {
  public:
    SessionStore(Database& db, SessionTimeouts timeouts) : db_(db), timeouts_(timeouts) {}

    //! How long a password-only sign-in waits for its code.
    static constexpr std::chrono::seconds kPendingSeconds{std::chrono::minutes{10}};

    //! A pending session (`mfa_pending`) signs nobody in: it only carries the right password
    //! to the code step, and is destroyed there for a fresh one.
    [[nodiscard]] NewSession create(UserId user, bool mfa_pending = false);
    //! The session's user if the token is live and the user active; expired sessions are removed.
    [[nodiscard]] std::optional<ResolvedSession> resolve(std::string_view token,
                                                         SessionCheck check = SessionCheck::first);
    //! The user waiting at the code step with this token, if it is recent.
    [[nodiscard]] std::optional<UserId> resolve_pending(std::string_view token);
    void destroy(std::string_view token);

  private:
    //! What the database last said about a live session, and what it meant.
    struct Remembered {
        SqlRow row;
        ResolvedSession session;
    };
    //! Whether the row is of a session that is live at `now` and needs no write.
    [[nodiscard]] bool live_without_writes(const SqlRow& row, std::int64_t now) const;
    [[nodiscard]] std::optional<Remembered> recall(const std::string& hash);
    void remember(const std::string& hash, Remembered remembered);
    void forget(const std::string& hash);

    Database& db_;
    SessionTimeouts timeouts_;
    //! Only a guess, never an answer: each use is confirmed in the request's own transaction.
    //! Kept only where that confirmation saves a round trip (Database::pipelines_confirmations).
    std::unique_ptr<std::mutex> remembered_mutex_ = std::make_unique<std::mutex>();
    std::unordered_map<std::string, Remembered> remembered_;
};

}  // namespace sendhub
