#include "store/postgres_database.hpp"

#include <cctype>
#include <charconv>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <random>
#include <stop_token>
#include <thread>
#include <vector>

#include "store/postgres_connection.hpp"

namespace sendhub {
namespace {

constexpr int kMaxWriteAttempts = 12;
constexpr auto kPoolWait = std::chrono::seconds(30);
constexpr auto kIdleCommitDelay = std::chrono::milliseconds(20);

bool tested_for_null(std::string_view rest) {
    std::size_t i = 0;
    while (i < rest.size() && rest[i] == ' ') ++i;
    auto upper = [&](std::string_view word) {
        if (rest.size() - i < word.size()) return false;
        for (std::size_t k = 0; k < word.size(); ++k)
            if (std::toupper(static_cast<unsigned char>(rest[i + k])) != word[k]) return false;
        return true;
    };
    return upper("IS NULL") || upper("IS NOT NULL");
}

class PostgresDatabase final : public Database {
  public:
    PostgresDatabase(std::string url, std::size_t max_connections)
        : url_(std::move(url)), max_connections_(max_connections) {
        release(std::make_unique<PgConnection>(
            url_));  // fail now, not on the first request, if it cannot connect
        // A read's COMMIT waits to travel with the connection's next statements; on a quiet
        // instance it goes on its own within a tick, so no snapshot is held for long. The
        // sender sleeps on the pool's lock, so each tick finds the idle connections held still,
        // and it sleeps for good while no read has left a COMMIT waiting: an idle server
        // does not wake.
        commit_sender_ = std::jthread([this](const std::stop_token& stop) {
            std::unique_lock lock(mutex_);
            while (tick_.wait(lock, stop, [&] { return commits_waiting_; })) {
                if (tick_.wait_for(lock, stop, kIdleCommitDelay,
                                   [&] { return stop.stop_requested(); }))
                    return;
                commits_waiting_ = false;  // a connection in use now sets it again when released
                for (auto& connection : idle_) connection->send_queued_commit();
            }
        });
    }

    std::string_view engine() const override { return "postgresql"; }
    bool pipelines_confirmations() const override { return true; }

  protected:
    void run_read(const std::function<void(SqlConnection&)>& work) override {
        auto connection = acquire();
        try {
            connection->begin_read();
            work(*connection);
            connection->end_read();
        } catch (...) {
            connection->rollback_quietly();
            release(std::move(connection));
            throw;
        }
        release(std::move(connection));
    }

    void run_write(const std::function<bool(SqlConnection&)>& work) override {
        thread_local std::minstd_rand jitter{std::random_device{}()};
        for (int attempt = 1;; ++attempt) {
            auto connection = acquire();
            try {
                connection->begin_with_next_statement(
                    "BEGIN ISOLATION LEVEL SERIALIZABLE, READ WRITE");
                bool commit = work(*connection);
                connection->execute(commit ? "COMMIT" : "ROLLBACK", {});
                release(std::move(connection));
                return;
            } catch (const RetryableConflict&) {
                connection->rollback_quietly();
                release(std::move(connection));
                if (attempt == kMaxWriteAttempts)
                    throw DatabaseBusy("gave up after " + std::to_string(attempt) + " conflicts");
                // Another instance's transaction overlapped this one; run it again on fresh data.
                int ceiling_ms = 1 << std::min(attempt, 7);
                std::this_thread::sleep_for(
                    std::chrono::milliseconds(1 + jitter() % static_cast<unsigned>(ceiling_ms)));
            } catch (...) {
                connection->rollback_quietly();
                release(std::move(connection));
                throw;
            }
        }
    }

  private:
    std::unique_ptr<PgConnection> acquire() {
        std::unique_lock lock(mutex_);
        if (!available_.wait_for(lock, kPoolWait,
                                 [&] { return !idle_.empty() || open_ < max_connections_; }))
            throw DatabaseError("no free PostgreSQL connection after 30 s");
        if (!idle_.empty()) {
            auto connection = std::move(idle_.back());
            idle_.pop_back();
            return connection;
        }
        ++open_;
        lock.unlock();
        try {
            return std::make_unique<PgConnection>(url_);
        } catch (...) {
            std::lock_guard relock(mutex_);
            --open_;
            available_.notify_one();
            throw;
        }
    }

    void release(std::unique_ptr<PgConnection> connection) {
        std::lock_guard lock(mutex_);
        if (connection->reusable()) {
            if (connection->commit_queued() && !commits_waiting_) {
                commits_waiting_ = true;
                tick_.notify_one();
            }
            idle_.push_back(std::move(connection));
        } else if (open_ > 0) {
            --open_;  // a broken connection is closed; the next acquire opens a fresh one
        }
        available_.notify_one();
    }

    std::string url_;
    std::size_t max_connections_;
    std::mutex mutex_;
    std::condition_variable available_;
    std::size_t open_ = 1;  // the first connection, opened by the constructor
    std::vector<std::unique_ptr<PgConnection>> idle_;
    std::condition_variable_any tick_;
    bool commits_waiting_ = false;  // an idle connection may hold a read's unsent COMMIT
    std::jthread commit_sender_;    // last: it stops before the pool it ticks over goes
};

std::size_t pool_size_from_environment() {
    if (const char* value = std::getenv("SENDHUB_DB_POOL")) {
        int n = 0;
        auto [end, ec] = std::from_chars(value, value + std::strlen(value), n);
        if (ec == std::errc{} && n > 0) return static_cast<std::size_t>(n);
    }
    return 16;
}

}  // namespace

std::string postgres_placeholders(std::string_view sql) {
    std::string out;
    out.reserve(sql.size() + 32);
    int next = 0;
    for (std::size_t i = 0; i < sql.size(); ++i) {
        char ch = sql[i];
        if (ch == '\'' ||
            ch == '"') {  // a doubled quote inside closes and reopens: the same result
            std::size_t end = sql.find(ch, i + 1);
            if (end == std::string_view::npos) end = sql.size() - 1;
            out.append(sql.substr(i, end - i + 1));
            i = end;
        } else if (ch == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
            std::size_t end = sql.find('\n', i);
            if (end == std::string_view::npos) end = sql.size() - 1;
            out.append(sql.substr(i, end - i + 1));
            i = end;
        } else if (ch == '?') {
            std::string parameter = "$" + std::to_string(++next);
            out +=
                tested_for_null(sql.substr(i + 1)) ? "CAST(" + parameter + " AS TEXT)" : parameter;
        } else {
            out += ch;
        }
    }
    return out;
}

std::unique_ptr<Database> open_postgresql(std::string_view url) {
    return std::make_unique<PostgresDatabase>(std::string(url), pool_size_from_environment());
}

}  // namespace sendhub
