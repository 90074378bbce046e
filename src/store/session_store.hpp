#pragma once
// Server-side sessions (OWASP Session Management Cheat Sheet): random 256-bit tokens,
// stored only as SHA-256, idle timeout 30 min, absolute timeout 12 h, new token at sign-in.
#include <chrono>
#include <optional>
#include <string>

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

class SessionStore {
  public:
    SessionStore(Database& db, SessionTimeouts timeouts) : db_(db), timeouts_(timeouts) {}

    //! How long a password-only sign-in waits for its code.
    static constexpr std::chrono::seconds kPendingSeconds{std::chrono::minutes{10}};

    //! A pending session (`mfa_pending`) signs nobody in: it only carries the right password
    //! to the code step, and is destroyed there for a fresh one.
    [[nodiscard]] NewSession create(UserId user, bool mfa_pending = false);
    //! The session's user if the token is live and the user active; expired sessions are removed.
    [[nodiscard]] std::optional<ResolvedSession> resolve(std::string_view token);
    //! The user waiting at the code step with this token, if it is recent.
    [[nodiscard]] std::optional<UserId> resolve_pending(std::string_view token);
    void destroy(std::string_view token);

  private:
    Database& db_;
    SessionTimeouts timeouts_;
};

}  // namespace sendhub
