#include "store/login_throttle.hpp"

#include "core/dates.hpp"

namespace sendhub {
namespace {
constexpr std::string_view kCount =
    "SELECT count(*) FROM login_failures WHERE email = ? AND at > ?";
constexpr std::string_view kRecord = "INSERT INTO login_failures (email, at) VALUES (?, ?)";
constexpr std::string_view kForget = "DELETE FROM login_failures WHERE email = ? OR at <= ?";
constexpr std::string_view kWithdraw =
    "DELETE FROM login_failures WHERE id = (SELECT max(id) FROM login_failures WHERE email = ?)";
}  // namespace

bool LoginThrottle::begin_attempt(std::string_view email) {
    return db_.write([&](SqlConnection& c) {
        auto t = c.now_seconds();
        if (c.query_with(kCount, email, t - kWindow.count()).front().integer(0) >= kMaxFailures)
            return false;
        c.execute_with(kRecord, email, t);
        return true;
    });
}

void LoginThrottle::succeeded(std::string_view email) {
    db_.write([&](SqlConnection& c) {
        c.execute_with(kForget, email, c.now_seconds() - kWindow.count());
    });
}

void LoginThrottle::withdraw(std::string_view email) {
    db_.write([&](SqlConnection& c) { c.execute_with(kWithdraw, email); });
}

}  // namespace sendhub
