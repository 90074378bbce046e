// The session check that travels with a request's first statement (SessionCheck::alongside),
// proved without PostgreSQL: a database over a real SQLite file that, as PostgreSQL's
// pipeline does, reads a confirmation's rows at once but hands them over only when the
// transaction's next statement runs, a write starts, or the transaction ends.
#include <gtest/gtest.h>

#include <expected>
#include <filesystem>
#include <functional>

#include "security/random.hpp"
#include "store/migrations.hpp"
#include "store/session_store.hpp"
#include "store/user_store.hpp"

namespace sendhub {
namespace {

class DeferringConnection final : public SqlConnection {
  public:
    explicit DeferringConnection(SqlConnection& inner) : inner_(inner) {}

    SqlRows query(std::string_view sql, std::span<const SqlValue> params) override {
        confirm_now();
        return inner_.query(sql, params);
    }
    std::int64_t execute(std::string_view sql, std::span<const SqlValue> params) override {
        confirm_now();
        return inner_.execute(sql, params);
    }
    void execute_script(std::string_view sql) override {
        confirm_now();
        inner_.execute_script(sql);
    }
    void query_to_confirm(std::string_view sql, std::span<const SqlValue> params,
                          const std::function<void(SqlRows)>& confirm) override {
        pending_.push_back([rows = inner_.query(sql, params), confirm] { confirm(rows); });
    }
    void confirm_now() override {
        auto pending = std::exchange(pending_, {});
        for (const auto& check : pending) check();
    }
    [[nodiscard]] bool waiting() const { return !pending_.empty(); }

  private:
    SqlConnection& inner_;
    std::vector<std::function<void()>> pending_;
};

class DeferringDatabase final : public Database {
  public:
    explicit DeferringDatabase(std::unique_ptr<Database> inner) : inner_(std::move(inner)) {}
    [[nodiscard]] std::string_view engine() const override { return inner_->engine(); }
    [[nodiscard]] bool pipelines_confirmations() const override { return true; }
    //! How many confirmations were still waiting when the last read's work returned.
    [[nodiscard]] int waiting_at_end() const { return waiting_at_end_; }

  protected:
    void run_read(const std::function<void(SqlConnection&)>& work) override {
        inner_->read([&](SqlConnection& c) {
            DeferringConnection deferring(c);
            work(deferring);
            waiting_at_end_ += deferring.waiting() ? 1 : 0;
            deferring.confirm_now();  // before the transaction ends
        });
    }
    void run_write(const std::function<bool(SqlConnection&)>& work) override {
        auto outcome = inner_->write([&](SqlConnection& c) -> std::expected<void, bool> {
            DeferringConnection deferring(c);
            const bool commit = work(deferring);
            deferring.confirm_now();
            if (!commit) return std::unexpected(false);
            return {};
        });
        (void)outcome;
    }

  private:
    std::unique_ptr<Database> inner_;
    int waiting_at_end_ = 0;
};

class SessionPipeliningTest : public ::testing::Test {
  protected:
    void SetUp() override {
        dir_ = std::filesystem::temp_directory_path() / ("sendhub-pipelining-" + random_token(6));
        auto sqlite = open_database("sqlite:" + (dir_ / "test.db").string());
        migrate(*sqlite);
        db_ = std::make_unique<DeferringDatabase>(std::move(sqlite));
        User u{.email = "a@example.org", .name = "Test", .role = Role::coordinator};
        user_ = UserStore(*db_).create(u, "hash", {})->id;
    }
    void TearDown() override {
        db_.reset();
        std::filesystem::remove_all(dir_);
    }
    //! A request's read: the session resolved alongside, then the handler's first statement.
    std::optional<ResolvedSession> request(SessionStore& sessions, const std::string& token) {
        return db_->read([&](SqlConnection& c) {
            auto session = sessions.resolve(token, SessionCheck::alongside);
            c.query_with("SELECT COUNT(*) FROM users");
            return session;
        });
    }

    std::filesystem::path dir_;
    std::unique_ptr<DeferringDatabase> db_;
    UserId user_{};
};

TEST_F(SessionPipeliningTest, ALiveSessionIsConfirmedByTheHandlersFirstStatement) {
    SessionStore sessions(*db_, {});
    auto token = sessions.create(user_).token;
    ASSERT_TRUE(request(sessions, token));  // checked first: nothing remembered yet
    auto again = request(sessions, token);  // remembered, confirmed alongside
    ASSERT_TRUE(again);
    EXPECT_EQ(again->actor.user_id, user_);
    EXPECT_EQ(db_->waiting_at_end(), 0);  // the handler's statement took the check with it
}

TEST_F(SessionPipeliningTest, SigningOutOnAnotherInstanceStopsTheNextRequest) {
    SessionStore here(*db_, {}), elsewhere(*db_, {});
    auto token = here.create(user_).token;
    ASSERT_TRUE(request(here, token));
    ASSERT_TRUE(request(here, token));
    elsewhere.destroy(token);
    EXPECT_THROW(request(here, token), SessionChanged);
    // The pipeline then checks first, and the session is gone.
    EXPECT_FALSE(here.resolve(token, SessionCheck::first));
    EXPECT_FALSE(request(here, token));
}

TEST_F(SessionPipeliningTest, AWriteInsideTheReadWaitsForTheCheck) {
    SessionStore here(*db_, {}), elsewhere(*db_, {});
    auto token = here.create(user_).token;
    ASSERT_TRUE(request(here, token));
    elsewhere.destroy(token);
    bool wrote = false;
    EXPECT_THROW(db_->read([&](SqlConnection&) {
        ASSERT_TRUE(here.resolve(token, SessionCheck::alongside));
        db_->write([&](SqlConnection& c) {
            wrote = true;
            c.execute_with("UPDATE users SET name = 'Changed'");
        });
    }),
                 SessionChanged);
    EXPECT_FALSE(wrote);
    auto name = db_->read(
        [](SqlConnection& c) { return c.query_with("SELECT name FROM users").front().text(0); });
    EXPECT_EQ(name, "Test");
}

TEST_F(SessionPipeliningTest, ARoleChangedElsewhereIsNotServedFromMemory) {
    SessionStore sessions(*db_, {});
    auto token = sessions.create(user_).token;
    ASSERT_TRUE(request(sessions, token));
    db_->write([](SqlConnection& c) { c.execute_with("UPDATE users SET role = 'finance'"); });
    EXPECT_THROW(request(sessions, token), SessionChanged);
    auto checked = request(sessions, token);  // forgotten, so checked first and remembered anew
    ASSERT_TRUE(checked);
    EXPECT_EQ(checked->actor.role, Role::finance);
}

TEST_F(SessionPipeliningTest, ASessionDueToBeExtendedIsCheckedFirst) {
    SessionStore sessions(*db_, {.touch_interval = std::chrono::seconds{60}});
    auto token = sessions.create(user_).token;
    ASSERT_TRUE(request(sessions, token));
    db_->write([](SqlConnection& c) {
        c.execute_with("UPDATE sessions SET last_seen_at = last_seen_at - 61");
    });
    // The remembered row no longer matches, and a session due a touch needs a write anyway.
    EXPECT_THROW(request(sessions, token), SessionChanged);
    EXPECT_TRUE(request(sessions, token));
}

}  // namespace
}  // namespace sendhub
