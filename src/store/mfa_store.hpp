#pragma once
// Two-step sign-in: each user's authenticator secret, the newest step accepted, single-use
// recovery codes (stored as SHA-256), and the roles that must use it.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/acting.hpp"
#include "core/error.hpp"
#include "core/ids.hpp"
#include "core/role.hpp"
#include "store/database.hpp"

namespace sendhub {

struct MfaState {
    bool enabled = false;
    std::string secret;  // base32
    std::int64_t last_step = 0;
    int recovery_codes_left = 0;
};

class MfaStore {
  public:
    explicit MfaStore(Database& db) : db_(db) {}

    //! None when the user has never started setting it up (or it was reset).
    [[nodiscard]] std::optional<MfaState> find(UserId user);
    //! Keeps a new secret waiting for its first code; 409 when two-step sign-in is on already.
    [[nodiscard]] Result<void> begin_setup(UserId user, const std::string& secret);
    //! Turns it on once the first code (of `step`) was right, with fresh recovery codes;
    //! audited `mfa_enabled`. 409 when another request turned it on meanwhile.
    [[nodiscard]] Result<void> enable(UserId user, std::int64_t step,
                                      const std::vector<std::string>& recovery_code_hashes,
                                      const Acting& who);
    //! Records `step` as used; false when it or a later step was used already (a replay).
    [[nodiscard]] bool accept_step(UserId user, std::int64_t step);
    //! Spends one recovery code; false when unknown or used.
    [[nodiscard]] bool spend_recovery_code(UserId user, const std::string& code_hash);
    //! Turns it off and forgets the secret and codes; ends the user's sessions; audited
    //! `mfa_reset`.
    [[nodiscard]] Result<void> reset(UserId user, const Acting& who);

    [[nodiscard]] std::vector<Role> required_roles();
    void set_required_roles(const std::vector<Role>& roles, const Acting& who);

  private:
    Database& db_;
};

}  // namespace sendhub
