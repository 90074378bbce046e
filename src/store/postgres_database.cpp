#include "store/postgres_database.hpp"

#include <libpq-fe.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <random>
#include <stop_token>
#include <thread>
#include <unordered_map>
#include <utility>

#include <fmt/format.h>

namespace sendhub {
namespace {

// Type OIDs from PostgreSQL's pg_type.dat: the result columns we turn into numbers.
constexpr Oid kBoolOid = 16, kInt8Oid = 20, kInt2Oid = 21, kInt4Oid = 23, kOidOid = 26;
constexpr Oid kFloat4Oid = 700, kFloat8Oid = 701, kNumericOid = 1700;

constexpr int kMaxWriteAttempts = 12;
constexpr auto kPoolWait = std::chrono::seconds(30);
constexpr auto kIdleCommitDelay = std::chrono::milliseconds(20);

//! A serialization failure (40001) or deadlock (40P01): the transaction may simply be run again.
struct RetryableConflict : DatabaseError {
    using DatabaseError::DatabaseError;
};

struct ResultDeleter {
    void operator()(PGresult* r) const { PQclear(r); }
};
using PgResult = std::unique_ptr<PGresult, ResultDeleter>;

[[noreturn]] void fail(PGconn* conn, const PGresult* result, std::string_view what) {
    const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    std::string_view code = state ? state : "";
    std::string message =
        fmt::format("{}: {}", what, result ? PQresultErrorMessage(result) : PQerrorMessage(conn));
    if (code == "23505") throw UniqueViolation(message);
    if (code == "40001" || code == "40P01") throw RetryableConflict(message);
    throw DatabaseError(message);
}

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

std::string text_of(const SqlValue& value) {
    return std::visit(
        [](const auto& v) -> std::string {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, std::nullptr_t>)
                return {};
            else if constexpr (std::is_same_v<T, std::string>)
                return v;
            else
                return fmt::format("{}", v);  // shortest text that reads back as the same number
        },
        value);
}

template <class Number>
Number parse_number(const char* text, int length) {
    Number n{};
    std::from_chars(text, text + length, n);
    return n;
}

SqlValue column_value(const PGresult* r, int row, int column) {
    if (PQgetisnull(r, row, column)) return nullptr;
    const char* text = PQgetvalue(r, row, column);
    int length = PQgetlength(r, row, column);
    switch (PQftype(r, column)) {
        case kBoolOid:
            return std::int64_t{text[0] == 't' ? 1 : 0};
        case kInt2Oid:
        case kInt4Oid:
        case kInt8Oid:
        case kOidOid:
            return parse_number<std::int64_t>(text, length);
        case kFloat4Oid:
        case kFloat8Oid:
            return parse_number<double>(text, length);
        case kNumericOid:  // sum() of a bigint column is numeric: keep whole numbers whole
            if (std::string_view(text, static_cast<std::size_t>(length)).find_first_of(".eE") ==
                std::string_view::npos)
                return parse_number<std::int64_t>(text, length);
            return parse_number<double>(text, length);
        default:
            return std::string(text, static_cast<std::size_t>(length));
    }
}

SqlRows rows_of(const PGresult* r) {
    int rows = PQntuples(r), columns = PQnfields(r);
    SqlRows out;
    out.reserve(static_cast<std::size_t>(rows));
    for (int i = 0; i < rows; ++i) {
        std::vector<SqlValue> values;
        values.reserve(static_cast<std::size_t>(columns));
        for (int k = 0; k < columns; ++k) values.push_back(column_value(r, i, k));
        out.emplace_back(std::move(values));
    }
    return out;
}

class PgConnection final : public SqlConnection {
  public:
    explicit PgConnection(const std::string& url) : conn_(PQconnectdb(url.c_str())) {
        if (PQstatus(conn_) != CONNECTION_OK) {
            std::string message = PQerrorMessage(conn_);
            PQfinish(conn_);
            throw DatabaseError("cannot connect to PostgreSQL: " + message);
        }
        // Notices ("relation already exists, skipping") are not errors; keep them off stderr.
        PQsetNoticeProcessor(
            conn_, [](void*, const char*) {}, nullptr);
        // A read's BEGIN is prepared once and sent without options (see begin_read), so what
        // a read needs is this connection's default: one snapshot for all its statements, and
        // no writing. Writes say READ WRITE in their BEGIN.
        PgResult r{PQexec(conn_,
                          "SET default_transaction_isolation TO 'repeatable read'; "
                          "SET default_transaction_read_only TO on")};
        if (PQresultStatus(r.get()) != PGRES_COMMAND_OK) {
            std::string message = PQerrorMessage(conn_);
            PQfinish(conn_);
            throw DatabaseError("cannot set up a PostgreSQL connection: " + message);
        }
    }
    ~PgConnection() override { PQfinish(conn_); }
    PgConnection(const PgConnection&) = delete;
    PgConnection& operator=(const PgConnection&) = delete;

    //! Fit to go back in the pool: connected, and outside any transaction, or with only a
    //! read's COMMIT waiting to go.
    [[nodiscard]] bool reusable() const {
        if (PQstatus(conn_) != CONNECTION_OK || reading_) return false;
        if (commit_queued_) return true;
        return queued_.empty() && PQtransactionStatus(conn_) == PQTRANS_IDLE &&
               PQpipelineStatus(conn_) == PQ_PIPELINE_OFF;
    }

    //! Sends a read's queued COMMIT on its own, so an idle connection holds no transaction open
    //! for long; its reply is read, as before, at the connection's next use.
    void send_queued_commit() noexcept {
        if (commit_queued_) PQflush(conn_);  // nothing to send costs no system call
    }

    //! Starts a transaction with `begin` in the same round trip as the next statement (none
    //! is sent if no statement follows). Round trips, not the server's work, bound a read.
    void begin_with_next_statement(std::string_view begin) {
        settle();
        pending_begin_ = begin;
    }

    //! Starts a read. Its statements go in one pipeline that is never synced: a prepared
    //! BEGIN travels with the first of them, each reply is asked for with a flush, and the
    //! prepared COMMIT at the end waits in libpq's buffer to travel with the connection's next
    //! statements (or the pool's next tick, when the connection sits idle). So a read costs
    //! the server one wake-up, not three.
    void begin_read() { reading_ = true; }

    //! Ends a read by queueing its COMMIT, unsent (see begin_read). A read-only transaction
    //! has nothing to make durable, so nothing waits for the COMMIT's reply.
    void end_read() {
        confirm_now();
        reading_ = false;
        if (!in_read_transaction_) return;  // no statement ran
        in_read_transaction_ = false;
        send_control("COMMIT");
        commit_queued_ = true;
    }

    SqlRows query(std::string_view sql, std::span<const SqlValue> params) override {
        return rows_of(run(sql, params).get());
    }

    void query_to_confirm(std::string_view sql, std::span<const SqlValue> params,
                          const std::function<void(SqlRows)>& confirm) override {
        confirm_now();
        if (reading_) {  // its reply is asked for with the next statement's, or at the end
            send_in_read(sql, params);
            queued_.push_back({std::string(sql), confirm, Reply::confirms});
            return;
        }
        const std::string& name = prepared(sql);  // outside the pipeline: only the first time
        ParameterTexts texts(params);
        if (PQenterPipelineMode(conn_) != 1) fail(conn_, nullptr, sql);
        send_pending_begin(sql);
        if (PQsendQueryPrepared(conn_, name.c_str(), texts.count(), texts.values(), nullptr,
                                nullptr, 0) != 1)
            fail(conn_, nullptr, sql);
        // No sync yet: the next statement, or the end of the transaction, sends it.
        awaiting_confirmation_ = Confirmation{std::string(sql), confirm};
    }

    void confirm_now() override {
        if (reading_) {
            if (std::ranges::none_of(queued_, [](const Confirmation& queued) {
                    return queued.reply == Reply::confirms;
                }))
                return;
            ask_for_replies("a confirmation");
            take_queued_replies();
            return;
        }
        if (!awaiting_confirmation_) return;
        if (PQpipelineSync(conn_) != 1) fail(conn_, nullptr, awaiting_confirmation_->sql);
        auto results = read_batch();
        std::size_t next = 0;
        take_pipelined_heads(results, next);
    }

    std::int64_t execute(std::string_view sql, std::span<const SqlValue> params) override {
        PgResult r = run(sql, params);
        const char* changed = PQcmdTuples(r.get());
        return *changed
                   ? parse_number<std::int64_t>(changed, static_cast<int>(std::strlen(changed)))
                   : 0;
    }

    void execute_script(std::string_view sql) override {
        if (reading_) throw DatabaseError("a script cannot run inside a read");
        confirm_now();
        start_pending_transaction();
        PgResult r{PQexec(conn_, std::string(sql).c_str())};
        check(r.get(), "script");
    }

    //! Ends a failed transaction; the connection is dropped if even that fails.
    void rollback_quietly() noexcept {
        if (std::exchange(reading_, false)) {
            in_read_transaction_ = false;
            settle();  // drops what the pipeline still owes, then ends the read if it is open
            if (PQtransactionStatus(conn_) != PQTRANS_IDLE) PgResult r{PQexec(conn_, "ROLLBACK")};
            return;
        }
        if (awaiting_confirmation_) {  // its replies are read and dropped: nothing is confirmed
            awaiting_confirmation_.reset();
            begin_in_pipeline_.clear();
            if (PQpipelineSync(conn_) == 1) read_batch();
        }
        if (!pending_begin_.empty()) {
            pending_begin_ = {};
            return;
        }
        PgResult r{PQexec(conn_, "ROLLBACK")};
    }

  private:
    void check(const PGresult* r, std::string_view what) {
        auto status = PQresultStatus(r);
        if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) fail(conn_, r, what);
    }

    //! Statement parameters as libpq takes them: text, or a null pointer for NULL. The
    //! server infers each parameter's type from where it is used.
    class ParameterTexts {
      public:
        explicit ParameterTexts(std::span<const SqlValue> params)
            : texts_(params.size()), values_(params.size(), nullptr) {
            for (std::size_t i = 0; i < params.size(); ++i) {
                if (std::holds_alternative<std::nullptr_t>(params[i])) continue;
                texts_[i] = text_of(params[i]);
                values_[i] = texts_[i].c_str();
            }
        }
        [[nodiscard]] int count() const { return static_cast<int>(values_.size()); }
        [[nodiscard]] const char* const* values() const { return values_.data(); }

      private:
        std::vector<std::string> texts_;
        std::vector<const char*> values_;
    };

    PgResult run(std::string_view sql, std::span<const SqlValue> params) {
        if (reading_) {
            send_in_read(sql, params);
            ask_for_replies(sql);
            take_queued_replies();
            PgResult r = next_reply(sql);
            check(r.get(), sql);
            return r;
        }
        // A statement is prepared outside a pipeline, so a new one waits for the confirmation
        // (once per connection and statement).
        if (awaiting_confirmation_ && !statements_.contains(sql)) confirm_now();
        const std::string& name = prepared(sql);
        ParameterTexts texts(params);
        if (!awaiting_confirmation_ && pending_begin_.empty()) {
            PgResult r{PQexecPrepared(conn_, name.c_str(), texts.count(), texts.values(), nullptr,
                                      nullptr, 0)};
            check(r.get(), sql);
            return r;
        }
        // BEGIN, a confirmation's statement and this one travel together (libpq pipeline
        // mode): one round trip.
        if (!awaiting_confirmation_) {
            if (PQenterPipelineMode(conn_) != 1) fail(conn_, nullptr, sql);
            send_pending_begin(sql);
        }
        if (PQsendQueryPrepared(conn_, name.c_str(), texts.count(), texts.values(), nullptr,
                                nullptr, 0) != 1 ||
            PQpipelineSync(conn_) != 1)
            fail(conn_, nullptr, sql);
        auto results = read_batch();
        std::size_t next = 0;
        take_pipelined_heads(results, next);
        if (next + 1 != results.size())
            fail(conn_, next < results.size() ? results[next].get() : nullptr, sql);
        check(results[next].get(), sql);
        return std::move(results[next]);
    }

    //! Sends a read's statement into its pipeline, after the read's BEGIN if this is its
    //! first statement.
    void send_in_read(std::string_view sql, std::span<const SqlValue> params) {
        if (!std::exchange(in_read_transaction_, true)) {
            commit_queued_ = false;  // the previous read's COMMIT goes now, ahead of this BEGIN
            send_control("BEGIN");
        }
        send_prepared(sql, params);
    }

    //! Sends BEGIN or COMMIT into the pipeline; its reply is read, in order, with the next.
    void send_control(std::string_view sql) {
        send_prepared(sql, {});
        queued_.push_back({std::string(sql), nullptr, Reply::checked});
    }

    //! Sends a statement into the pipeline, preparing it there first when it is new to this
    //! connection; that reply is read, in order, before the statement's own.
    void send_prepared(std::string_view sql, std::span<const SqlValue> params) {
        if (PQpipelineStatus(conn_) == PQ_PIPELINE_OFF && PQenterPipelineMode(conn_) != 1)
            fail(conn_, nullptr, sql);
        read_pipeline_ = true;
        auto found = statements_.find(sql);
        if (found == statements_.end()) {
            std::string name = "s" + std::to_string(++statements_named_);
            if (PQsendPrepare(conn_, name.c_str(), postgres_placeholders(sql).c_str(), 0,
                              nullptr) != 1)
                fail(conn_, nullptr, sql);
            found = statements_.emplace(std::string(sql), std::move(name)).first;
            queued_.push_back({std::string(sql), nullptr, Reply::prepares});
        }
        ParameterTexts texts(params);
        if (PQsendQueryPrepared(conn_, found->second.c_str(), texts.count(), texts.values(),
                                nullptr, nullptr, 0) != 1)
            fail(conn_, nullptr, sql);
    }

    //! Asks the server for the replies so far without a sync, which would end the pipeline.
    void ask_for_replies(std::string_view what) {
        if (PQsendFlushRequest(conn_) != 1 || PQflush(conn_) != 0) fail(conn_, nullptr, what);
    }

    //! The next statement's reply in a pipeline, and the null that ends it.
    PgResult next_reply(std::string_view what) {
        PgResult r{PQgetResult(conn_)};
        if (!r) fail(conn_, nullptr, what);
        while (PGresult* more = PQgetResult(conn_)) PQclear(more);
        return r;
    }

    //! Reads the replies to the queued preparations, BEGIN and COMMIT, and confirmation, in
    //! the order they were sent, and runs the confirmation, which may throw.
    void take_queued_replies() {
        auto queued = std::exchange(queued_, {});
        for (std::size_t i = 0; i < queued.size(); ++i) {
            PgResult r = next_reply(queued[i].sql);
            if (PQresultStatus(r.get()) != PGRES_COMMAND_OK &&
                PQresultStatus(r.get()) != PGRES_TUPLES_OK) {
                queued_.assign(queued.begin() + static_cast<std::ptrdiff_t>(i), queued.end());
                fail(conn_, r.get(), queued[i].sql);
            }
            if (queued[i].reply != Reply::confirms) continue;
            try {
                queued[i].confirm(rows_of(r.get()));
            } catch (...) {  // the rest stay queued, so a rollback knows what went unanswered
                queued_.assign(queued.begin() + static_cast<std::ptrdiff_t>(i) + 1, queued.end());
                throw;
            }
        }
    }

    //! Sends the pending BEGIN into the open pipeline; its reply is read with the batch.
    void send_pending_begin(std::string_view sql) {
        if (pending_begin_.empty()) return;
        begin_in_pipeline_ = std::exchange(pending_begin_, {});
        if (PQsendQueryParams(conn_, begin_in_pipeline_.c_str(), 0, nullptr, nullptr, nullptr,
                              nullptr, 0) != 1)
            fail(conn_, nullptr, sql);
    }

    //! Takes a batch's replies to a pipelined BEGIN and a confirmation's statement, from
    //! `next` on, and runs the confirmation, which may throw.
    void take_pipelined_heads(std::vector<PgResult>& results, std::size_t& next) {
        auto reply = [&](std::string_view what) -> PGresult* {
            if (next >= results.size())
                fail(conn_, results.empty() ? nullptr : results.back().get(), what);
            PGresult* r = results[next++].get();
            check(r, what);
            return r;
        };
        if (!begin_in_pipeline_.empty()) reply(std::exchange(begin_in_pipeline_, {}));
        if (!awaiting_confirmation_) return;
        Confirmation confirmation = std::move(*awaiting_confirmation_);
        awaiting_confirmation_.reset();
        confirmation.confirm(rows_of(reply(confirmation.sql)));
    }

    //! Reads one pipelined batch's results up to its sync point and leaves pipeline mode.
    std::vector<PgResult> read_batch() {
        std::vector<PgResult> results;
        // Each statement's results end with one null; two in a row mean the connection failed.
        for (int nulls = 0; nulls < 2;) {
            PGresult* r = PQgetResult(conn_);
            if (!r) {
                ++nulls;
                continue;
            }
            nulls = 0;
            if (PQresultStatus(r) == PGRES_PIPELINE_SYNC) {
                PQclear(r);
                break;
            }
            results.emplace_back(r);
        }
        PQexitPipelineMode(conn_);
        return results;
    }

    //! Ends the pipeline a read left (its COMMIT queued, or a failure), before the connection
    //! runs a write. What the pipeline still owes is read and dropped: a read-only COMMIT
    //! cannot fail, and a broken connection fails reusable().
    void settle() noexcept {
        commit_queued_ = false;
        if (!std::exchange(read_pipeline_, false)) return;
        // Statements prepared in the pipeline but not answered may not exist on the server;
        // preparing them again next time is safe (names are never reused).
        for (const auto& queued : queued_)
            if (queued.reply == Reply::prepares) statements_.erase(queued.sql);
        queued_.clear();
        if (PQpipelineSync(conn_) == 1)
            read_batch();
        else
            PQexitPipelineMode(conn_);
    }

    void start_pending_transaction() {
        if (pending_begin_.empty()) return;
        PgResult r{PQexec(conn_, std::exchange(pending_begin_, {}).c_str())};
        check(r.get(), "BEGIN");
    }

    // Statements are prepared once per connection and reused (SQL text is the key), as on SQLite.
    const std::string& prepared(std::string_view sql) {
        if (auto it = statements_.find(sql); it != statements_.end()) return it->second;
        std::string name = "s" + std::to_string(++statements_named_);
        PgResult r{PQprepare(conn_, name.c_str(), postgres_placeholders(sql).c_str(), 0, nullptr)};
        check(r.get(), sql);
        return statements_.emplace(std::string(sql), std::move(name)).first->second;
    }

    struct TransparentHash : std::hash<std::string_view> {
        using is_transparent = void;  // NOLINT(readability-identifier-naming): the standard's name
    };
    //! What a reply read later is for: a statement prepared in the pipeline, a BEGIN or
    //! COMMIT that need only succeed, or a confirmation's rows.
    enum class Reply { prepares, checked, confirms };
    struct Confirmation {
        std::string sql;
        std::function<void(SqlRows)> confirm;
        Reply reply = Reply::confirms;
    };
    PGconn* conn_;
    std::string pending_begin_;
    std::string begin_in_pipeline_;  // sent in the open pipeline, its reply not yet read
    std::optional<Confirmation> awaiting_confirmation_;
    bool reading_ = false;
    bool read_pipeline_ = false;        // reads have this pipeline open (writes use their own)
    bool in_read_transaction_ = false;  // the read's BEGIN has gone into the pipeline
    bool commit_queued_ = false;        // idle, with the last read's COMMIT still to answer
    //! Sent but not yet answered: preparations, a read's BEGIN and COMMIT, and the session
    //! confirmation.
    std::vector<Confirmation> queued_;
    std::size_t statements_named_ = 0;
    std::unordered_map<std::string, std::string, TransparentHash, std::equal_to<>> statements_;
};

class PostgresDatabase final : public Database {
  public:
    PostgresDatabase(std::string url, std::size_t max_connections)
        : url_(std::move(url)), max_connections_(max_connections) {
        release(std::make_unique<PgConnection>(
            url_));  // fail now, not on the first request, if it cannot connect
        // A read's COMMIT waits to travel with the connection's next statements; on a quiet
        // instance it goes on its own within a tick, so no snapshot is held for long. The
        // ticker sleeps on the pool's lock, so each tick finds the idle connections held still.
        commit_sender_ = std::jthread([this](const std::stop_token& stop) {
            std::unique_lock lock(mutex_);
            while (!tick_.wait_for(lock, stop, kIdleCommitDelay,
                                   [&] { return stop.stop_requested(); }))
                for (auto& connection : idle_) connection->send_queued_commit();
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
    std::jthread commit_sender_;  // last: it stops before the pool it ticks over goes
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
