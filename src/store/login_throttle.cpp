#include "store/login_throttle.hpp"

#include "core/dates.hpp"

namespace sendhub {
namespace {
constexpr std::string_view kCount = "SELECT count(*) FROM login_failures WHERE email = ? AND at > ?";
constexpr std::string_view kRecord = "INSERT INTO login_failures (email, at) VALUES (?, ?)";
constexpr std::string_view kForget = "DELETE FROM login_failures WHERE email = ? OR at <= ?";
}  // namespace

bool LoginThrottle::is_locked(std::string_view email) {
    auto since = now().time_since_epoch().count() - kWindow.count();
    auto failures = db_.read([&](SqlConnection& c) { return c.query_with(kCount, email, since).front().integer(0); });
    return failures >= kMaxFailures;
}

void LoginThrottle::record_failure(std::string_view email) {
    db_.write([&](SqlConnection& c) { c.execute_with(kRecord, email, now().time_since_epoch().count()); });
}

void LoginThrottle::clear(std::string_view email) {
    auto expired = now().time_since_epoch().count() - kWindow.count();
    db_.write([&](SqlConnection& c) { c.execute_with(kForget, email, expired); });
}

}  // namespace sendhub
