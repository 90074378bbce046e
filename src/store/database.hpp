#pragma once
// The storage boundary. Repositories speak portable SQL with `?` parameters through
// SqlConnection; each engine (SQLite, PostgreSQL) implements Database.
// Infrastructure failures are exceptions (DatabaseError); expected outcomes are values.
#include <cstdint>
#include <expected>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "core/clock.hpp"

namespace sendhub {

using SqlValue = std::variant<std::nullptr_t, std::int64_t, double, std::string>;

class SqlRow {
  public:
    explicit SqlRow(std::vector<SqlValue> values) : values_(std::move(values)) {}
    [[nodiscard]] bool is_null(std::size_t i) const {
        return std::holds_alternative<std::nullptr_t>(values_.at(i));
    }
    [[nodiscard]] std::int64_t integer(std::size_t i) const;
    [[nodiscard]] double real(std::size_t i) const;
    [[nodiscard]] std::string text(std::size_t i) const;
    //! text(i), moved out of the row: for building a record from a row read once.
    [[nodiscard]] std::string take_text(std::size_t i);
    [[nodiscard]] std::optional<std::int64_t> optional_integer(std::size_t i) const;
    [[nodiscard]] std::optional<double> optional_real(std::size_t i) const;
    [[nodiscard]] std::size_t size() const { return values_.size(); }
    //! The value as the engine returned it (for copying rows between databases).
    [[nodiscard]] const SqlValue& raw(std::size_t i) const { return values_.at(i); }
    //! The same row with column `i` set to `value`.
    [[nodiscard]] SqlRow with(std::size_t i, SqlValue value) const {
        SqlRow changed = *this;
        changed.values_.at(i) = std::move(value);
        return changed;
    }
    bool operator==(const SqlRow&) const = default;

  private:
    std::vector<SqlValue> values_;
};

using SqlRows = std::vector<SqlRow>;

struct DatabaseError : std::runtime_error {
    using std::runtime_error::runtime_error;
};
//! A UNIQUE or PRIMARY KEY constraint refused the write.
struct UniqueViolation : DatabaseError {
    using DatabaseError::DatabaseError;
};
//! A write kept colliding with concurrent writes and was given up; nothing was changed.
struct DatabaseBusy : DatabaseError {
    using DatabaseError::DatabaseError;
};

namespace detail {
inline SqlValue to_sql(std::nullptr_t) {
    return nullptr;
}
inline SqlValue to_sql(bool v) {
    return std::int64_t{v ? 1 : 0};
}
inline SqlValue to_sql(double v) {
    return v;
}
inline SqlValue to_sql(std::string v) {
    return v;
}
inline SqlValue to_sql(std::string_view v) {
    return std::string(v);
}
inline SqlValue to_sql(const char* v) {
    return std::string(v);
}
template <class T>
requires std::is_integral_v<T> SqlValue to_sql(T v) {
    return static_cast<std::int64_t>(v);
}
template <class T>
SqlValue to_sql(const std::optional<T>& v) {
    return v ? to_sql(*v) : SqlValue{nullptr};
}
}  // namespace detail

class SqlConnection {
  public:
    virtual ~SqlConnection() = default;
    //! Runs one statement and returns all its rows.
    virtual SqlRows query(std::string_view sql, std::span<const SqlValue> params) = 0;
    //! Runs one statement; returns how many rows it changed.
    virtual std::int64_t execute(std::string_view sql, std::span<const SqlValue> params) = 0;
    //! Runs several statements separated by semicolons, without parameters (migrations).
    virtual void execute_script(std::string_view sql) = 0;

    //! Runs a statement whose rows only confirm what the caller already assumes, and hands
    //! them to `confirm`, which throws if they do not. Where statements are pipelined
    //! (PostgreSQL) it travels with the transaction's next statement, in the same round trip,
    //! and `confirm` runs when their replies arrive, before the next statement's rows are
    //! returned, or before the transaction ends. Elsewhere it runs at once.
    virtual void query_to_confirm(std::string_view sql, std::span<const SqlValue> params,
                                  const std::function<void(SqlRows)>& confirm) {
        confirm(query(sql, params));
    }
    //! Runs a confirmation still waiting, now: before anything outside this transaction.
    virtual void confirm_now() {}

    template <class... Args>
    SqlRows query_with(std::string_view sql, Args&&... args) {
        std::vector<SqlValue> params{detail::to_sql(std::forward<Args>(args))...};
        return query(sql, params);
    }
    template <class... Args>
    std::int64_t execute_with(std::string_view sql, Args&&... args) {
        std::vector<SqlValue> params{detail::to_sql(std::forward<Args>(args))...};
        return execute(sql, params);
    }
    template <class... Args>
    std::optional<SqlRow> query_one(std::string_view sql, Args&&... args) {
        auto rows = query_with(sql, std::forward<Args>(args)...);
        if (rows.empty()) return std::nullopt;
        return std::move(rows.front());
    }

    //! When this transaction began, by the database's clock. Every stamp one transaction
    //! writes is this one moment, as with PostgreSQL's now().
    [[nodiscard]] Timestamp now() const { return began_at_; }
    [[nodiscard]] std::int64_t now_seconds() const { return began_at_.time_since_epoch().count(); }

  private:
    friend class Database;
    Timestamp began_at_{};
};

template <class T>
struct IsExpected : std::false_type {};
template <class T, class E>
struct IsExpected<std::expected<T, E>> : std::true_type {};

class Database;
namespace detail {
//! The write transaction this thread has open, if any (one per thread at a time).
struct OpenWrite {
    const Database* database = nullptr;
    SqlConnection* connection = nullptr;
    int savepoints = 0;
};
//! The read snapshot this thread has open, if any. A write inside it does not join it (a
//! read-only transaction cannot write); it runs on its own and commits at once.
struct OpenRead {
    const Database* database = nullptr;
    SqlConnection* connection = nullptr;
};
}  // namespace detail

class Database {
  public:
    virtual ~Database() = default;
    [[nodiscard]] virtual std::string_view engine() const = 0;
    //! Whether SqlConnection::query_to_confirm saves a round trip on this engine.
    [[nodiscard]] virtual bool pipelines_confirmations() const { return false; }
    //! Migrations that rebuild a table (SQLite cannot alter a constraint in place) run with
    //! foreign keys off, as SQLite's documented procedure asks, and check them before each
    //! commit. Other engines change constraints in place and ignore this.
    virtual void set_foreign_keys(bool /*enforced*/) {}

    //! The clock that stamps this database's writes and answers "today" for the services.
    [[nodiscard]] const Clock& clock() const { return *clock_; }
    void set_clock(std::shared_ptr<const Clock> clock) { clock_ = std::move(clock); }
    [[nodiscard]] std::int64_t now_seconds() const {
        return clock_->now().time_since_epoch().count();
    }

    //! Runs `work` on a read-only connection inside one consistent snapshot. Inside a write
    //! on this thread, it runs in that write's transaction and sees its changes; inside
    //! another read, it shares that read's snapshot, so a page built from many reads shows
    //! one moment, never two.
    template <class F>
    auto read(F&& work) {
        using R = std::invoke_result_t<F, SqlConnection&>;
        if (SqlConnection* open = open_write_connection()) return work(*open);
        if (SqlConnection* open = open_read_connection()) return work(*open);
        if constexpr (std::is_void_v<R>) {
            run_read([&](SqlConnection& c) {
                ScopedValue<OpenRead> scope(open_read_, {this, &c});
                begin(c);
                work(c);
            });
        } else {
            std::optional<R> result;
            run_read([&](SqlConnection& c) {
                ScopedValue<OpenRead> scope(open_read_, {this, &c});
                begin(c);
                result.emplace(work(c));
            });
            return std::move(*result);
        }
    }

    //! Runs `work` in a write transaction: commits when it returns (a Result commits only
    //! when it holds a value), rolls back when it throws or returns an error. PostgreSQL may
    //! run `work` again after a serialization conflict, so it changes nothing but the
    //! database and its own result.
    //! A write inside a write on the same thread joins it as a savepoint: its changes are
    //! undone alone if it fails, and commit only when the outermost write does. So a caller
    //! can make several services' writes, and a record of them, one transaction.
    template <class F>
    auto write(F&& work) {
        using R = std::invoke_result_t<F, SqlConnection&>;
        if (SqlConnection* open = open_write_connection()) return write_in_savepoint(*open, work);
        // A write inside a read commits on its own, so the read's assumptions are checked first.
        if (SqlConnection* read = open_read_connection()) read->confirm_now();
        if constexpr (std::is_void_v<R>) {
            run_write([&](SqlConnection& c) {
                ScopedValue<OpenWrite> scope(open_write_, {this, &c, 0});
                begin(c);
                work(c);
                return true;
            });
        } else {
            std::optional<R> result;
            run_write([&](SqlConnection& c) {
                ScopedValue<OpenWrite> scope(open_write_, {this, &c, 0});
                begin(c);
                result.emplace(work(c));
                if constexpr (IsExpected<R>::value) return result->has_value();
                return true;
            });
            return std::move(*result);
        }
    }

  protected:
    virtual void run_read(const std::function<void(SqlConnection&)>& work) = 0;
    //! `work` returns whether to commit.
    virtual void run_write(const std::function<bool(SqlConnection&)>& work) = 0;

  private:
    std::shared_ptr<const Clock> clock_ = system_clock();

    void begin(SqlConnection& c) const { c.began_at_ = clock_->now(); }

    using OpenWrite = detail::OpenWrite;
    static inline thread_local OpenWrite open_write_{};

    //! Sets a thread's open transaction for a scope and puts back what was there before.
    template <class T>
    class ScopedValue {
      public:
        ScopedValue(T& slot, T value) : slot_(slot), saved_(std::exchange(slot, value)) {}
        ~ScopedValue() { slot_ = saved_; }
        ScopedValue(const ScopedValue&) = delete;
        ScopedValue& operator=(const ScopedValue&) = delete;

      private:
        T& slot_;
        T saved_;
    };

    [[nodiscard]] SqlConnection* open_write_connection() const {
        return open_write_.database == this ? open_write_.connection : nullptr;
    }

    using OpenRead = detail::OpenRead;
    static inline thread_local OpenRead open_read_{};

    [[nodiscard]] SqlConnection* open_read_connection() const {
        return open_read_.database == this ? open_read_.connection : nullptr;
    }

    template <class F>
    auto write_in_savepoint(SqlConnection& c, F& work) {
        using R = std::invoke_result_t<F, SqlConnection&>;
        const std::string name = "nested_write_" + std::to_string(++open_write_.savepoints);
        c.execute("SAVEPOINT " + name, {});
        auto end = [&](bool keep) {
            if (!keep) c.execute("ROLLBACK TO SAVEPOINT " + name, {});
            c.execute("RELEASE SAVEPOINT " + name, {});
            --open_write_.savepoints;
        };
        try {
            if constexpr (std::is_void_v<R>) {
                work(c);
                end(true);
            } else {
                R result = work(c);
                if constexpr (IsExpected<R>::value)
                    end(result.has_value());
                else
                    end(true);
                return result;
            }
        } catch (...) {
            // The outermost write rolls back or retries the whole transaction; this only
            // leaves the connection usable for a caller that handles the error.
            try {
                end(false);
            } catch (...) {
                --open_write_.savepoints;
            }
            throw;
        }
    }
};

//! Throws unless the database answers a query (the health check's proof it is reachable).
void check_database_answers(Database& db);

//! The URL with any password replaced by `***`, fit for logs and terminals.
[[nodiscard]] std::string without_password(std::string_view url);

//! Opens `sqlite:PATH` or `postgresql://…` (a libpq connection URI).
[[nodiscard]] std::unique_ptr<Database> open_database(std::string_view url);

}  // namespace sendhub
