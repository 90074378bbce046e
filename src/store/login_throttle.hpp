#pragma once
// Sign-in throttling (api-contract.md): five failed attempts for one email within
// 15 minutes refuse further attempts, even correct ones, until the window has passed.
// An attempt is counted before its password is checked, in the same transaction as the
// count, so however many arrive at once no more than five are ever checked (on SQLite the
// single writer orders them; on PostgreSQL serializable isolation does).
#include <chrono>
#include <string_view>

#include "store/database.hpp"

namespace sendhub {

class LoginThrottle {
  public:
    static constexpr int kMaxFailures = 5;
    static constexpr std::chrono::seconds kWindow{std::chrono::minutes{15}};

    explicit LoginThrottle(Database& db) : db_(db) {}

    //! Counts an attempt for `email` and returns true, or returns false (counting nothing)
    //! when five attempts in the window already failed or are being checked.
    [[nodiscard]] bool begin_attempt(std::string_view email);
    //! The password was right: the email's counted attempts are forgotten.
    void succeeded(std::string_view email);
    //! The attempt just begun was neither right nor wrong (a right password still waiting for
    //! its code): it no longer counts, and earlier failures still do.
    void withdraw(std::string_view email);

  private:
    Database& db_;
};

}  // namespace sendhub
