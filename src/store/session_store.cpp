#include "store/session_store.hpp"

#include "core/totp.hpp"
#include "security/digest.hpp"
#include "security/random.hpp"
#include "store/stored_value.hpp"

namespace sendhub {
namespace {

constexpr std::string_view kInsert =
    "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, last_seen_at, mfa_pending)"
    " VALUES (?, ?, ?, ?, ?, ?)";
constexpr std::string_view kResolve =
    "SELECT s.created_at, s.last_seen_at, s.csrf_token, u.id, u.name, u.email, u.role, "
    "u.school_urn,"
    " u.practitioner_id, u.active,"
    " COALESCE((SELECT m.enabled FROM user_mfa m WHERE m.user_id = u.id), 0),"
    " (SELECT required_roles FROM mfa_settings WHERE id = 1)"
    " FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ? AND s.mfa_pending = "
    "0";
// A session waiting for its second step lives only a few minutes.
constexpr std::string_view kPending =
    "SELECT s.user_id FROM sessions s JOIN users u ON u.id = s.user_id"
    " WHERE s.token_hash = ? AND s.mfa_pending = 1 AND s.created_at >= ? AND u.active = 1";
constexpr std::string_view kTouch = "UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?";
constexpr std::string_view kDelete = "DELETE FROM sessions WHERE token_hash = ?";
constexpr std::string_view kDeleteExpired =
    "DELETE FROM sessions WHERE created_at < ? OR last_seen_at < ?";

// Columns of kResolve that decide whether a session is still live.
constexpr std::size_t kCreatedAtColumn = 0, kLastSeenColumn = 1, kActiveColumn = 9;
// Enough for every session signed in to a busy instance; past it the memory starts again.
constexpr std::size_t kMostRemembered = 20'000;

ResolvedSession session_of(const SqlRow& row) {
    ResolvedSession session;
    session.csrf_token = row.text(2);
    session.actor.user_id = UserId{row.integer(3)};
    session.actor.name = row.text(4);
    session.actor.email = row.text(5);
    session.actor.role = stored_role(row.text(6), "users.role");
    if (auto urn = row.optional_integer(7)) session.actor.school_urn = SchoolUrn{*urn};
    if (auto id = row.optional_integer(8)) session.actor.practitioner_id = PractitionerId{*id};
    auto required = split_roles(row.is_null(11) ? std::string() : row.text(11));
    session.mfa_setup_required =
        mfa_setup_required(session.actor.role, row.integer(10) != 0, required);
    return session;
}

}  // namespace

NewSession SessionStore::create(UserId user, bool mfa_pending) {
    NewSession session{random_token(), random_token()};
    auto t = db_.now_seconds();
    db_.write([&](SqlConnection& c) {
        // Sweeping expired rows at each sign-in keeps the table small without a timer.
        c.execute_with(kDeleteExpired, t - timeouts_.absolute.count(), t - timeouts_.idle.count());
        c.execute_with(kInsert, sha256_hex(session.token), user.value, session.csrf_token, t, t,
                       mfa_pending ? 1 : 0);
    });
    return session;
}

bool SessionStore::live_without_writes(const SqlRow& row, std::int64_t now) const {
    std::int64_t created = row.integer(kCreatedAtColumn);
    std::int64_t last_seen = row.integer(kLastSeenColumn);
    return now - created <= timeouts_.absolute.count() &&
           now - last_seen <= timeouts_.idle.count() &&
           now - last_seen < timeouts_.touch_interval.count() && row.integer(kActiveColumn) != 0;
}

std::optional<ResolvedSession> SessionStore::resolve(std::string_view token, SessionCheck check) {
    if (token.empty() || token.size() > 128) return std::nullopt;
    std::string hash = sha256_hex(token);
    auto t = db_.now_seconds();
    const bool alongside = check == SessionCheck::alongside && db_.pipelines_confirmations();
    if (alongside) {
        if (auto remembered = recall(hash)) {
            db_.read([&](SqlConnection& c) {
                std::vector<SqlValue> params{hash};
                c.query_to_confirm(
                    kResolve, params, [this, hash, t, row = remembered->row](SqlRows rows) {
                        if (rows.size() == 1 && rows.front() == row && live_without_writes(row, t))
                            return;
                        forget(hash);
                        throw SessionChanged();
                    });
            });
            return std::move(remembered->session);
        }
    }
    auto row = db_.read([&](SqlConnection& c) { return c.query_one(kResolve, hash); });
    if (!row) return std::nullopt;
    std::int64_t created = row->integer(kCreatedAtColumn);
    std::int64_t last_seen = row->integer(kLastSeenColumn);
    bool expired =
        t - created > timeouts_.absolute.count() || t - last_seen > timeouts_.idle.count();
    if (expired || row->integer(kActiveColumn) == 0) {
        forget(hash);
        db_.write([&](SqlConnection& c) { c.execute_with(kDelete, hash); });
        return std::nullopt;
    }
    if (t - last_seen >= timeouts_.touch_interval.count()) {
        db_.write([&](SqlConnection& c) { c.execute_with(kTouch, t, hash); });
        row = row->with(kLastSeenColumn, t);
    }
    ResolvedSession session = session_of(*row);
    if (alongside) remember(hash, {*row, session});
    return session;
}

std::optional<SessionStore::Remembered> SessionStore::recall(const std::string& hash) {
    std::lock_guard lock(*remembered_mutex_);
    auto it = remembered_.find(hash);
    if (it == remembered_.end()) return std::nullopt;
    return it->second;
}

void SessionStore::remember(const std::string& hash, Remembered remembered) {
    std::lock_guard lock(*remembered_mutex_);
    if (remembered_.size() >= kMostRemembered) remembered_.clear();
    remembered_.insert_or_assign(hash, std::move(remembered));
}

void SessionStore::forget(const std::string& hash) {
    std::lock_guard lock(*remembered_mutex_);
    remembered_.erase(hash);
}

std::optional<UserId> SessionStore::resolve_pending(std::string_view token) {
    if (token.empty() || token.size() > 128) return std::nullopt;
    auto row = db_.read([&](SqlConnection& c) {
        return c.query_one(kPending, sha256_hex(token), c.now_seconds() - kPendingSeconds.count());
    });
    if (!row) return std::nullopt;
    return UserId{row->integer(0)};
}

void SessionStore::destroy(std::string_view token) {
    std::string hash = sha256_hex(token);
    forget(hash);
    db_.write([&](SqlConnection& c) { c.execute_with(kDelete, hash); });
}

}  // namespace sendhub
