#include "store/sqlite_database.hpp"

#include <sqlite3.h>

#include <filesystem>
#include <functional>
#include <mutex>
#include <unordered_map>

#include "store/transparent_hash.hpp"

namespace sendhub {
namespace {

constexpr int kBusyTimeoutMs = 10000;

// SQLite counts every allocation for sqlite3_memory_used(), under a global mutex that every
// connection's thread takes; nothing here reads those figures. The switch only works before
// SQLite initialises, so it is made once, before the first connection opens.
void turn_off_memory_statistics() {
    static std::once_flag once;
    std::call_once(once, [] { sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });
}

[[noreturn]] void fail(sqlite3* db, int rc, std::string_view what) {
    std::string message = std::string(what) + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
    if (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY)
        throw UniqueViolation(message);
    throw DatabaseError(message);
}

class SqliteConnection final : public SqlConnection {
  public:
    SqliteConnection(const std::string& path, bool read_only) {
        turn_off_memory_statistics();
        int flags = SQLITE_OPEN_NOMUTEX |
                    (read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
        int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
        if (rc != SQLITE_OK) {
            std::string message = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
            sqlite3_close(db_);
            throw DatabaseError("cannot open " + path + ": " + message);
        }
        sqlite3_extended_result_codes(db_, 1);
        sqlite3_busy_timeout(db_, kBusyTimeoutMs);
        if (!read_only) {
            execute_script("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;");
        }
        execute_script("PRAGMA foreign_keys=ON;");
    }
    ~SqliteConnection() override {
        for (auto& [sql, statement] : statements_) sqlite3_finalize(statement);
        sqlite3_close(db_);
    }
    SqliteConnection(const SqliteConnection&) = delete;
    [[nodiscard]] sqlite3* handle() const { return db_; }
    SqliteConnection& operator=(const SqliteConnection&) = delete;

    SqlRows query(std::string_view sql, std::span<const SqlValue> params) override {
        sqlite3_stmt* statement = prepare(sql, params);
        SqlRows rows;
        while (true) {
            int rc = sqlite3_step(statement);
            if (rc == SQLITE_DONE) break;
            if (rc != SQLITE_ROW) {
                sqlite3_reset(statement);
                fail(db_, rc, sql);
            }
            int columns = sqlite3_column_count(statement);
            std::vector<SqlValue> values;
            values.reserve(static_cast<std::size_t>(columns));
            for (int i = 0; i < columns; ++i) values.push_back(column_value(statement, i));
            rows.emplace_back(std::move(values));
        }
        sqlite3_reset(statement);
        return rows;
    }

    std::int64_t execute(std::string_view sql, std::span<const SqlValue> params) override {
        sqlite3_stmt* statement = prepare(sql, params);
        int rc;
        while ((rc = sqlite3_step(statement)) == SQLITE_ROW) {
        }
        sqlite3_reset(statement);
        if (rc != SQLITE_DONE) fail(db_, rc, sql);
        return sqlite3_changes64(db_);
    }

    void execute_script(std::string_view sql) override {
        std::string copy(sql);
        char* error = nullptr;
        int rc = sqlite3_exec(db_, copy.c_str(), nullptr, nullptr, &error);
        if (rc != SQLITE_OK) {
            std::string message = error ? error : sqlite3_errstr(rc);
            sqlite3_free(error);
            throw DatabaseError("script failed: " + message);
        }
    }

  private:
    // Statements are prepared once per connection and reused (SQL text is the key).
    sqlite3_stmt* prepare(std::string_view sql, std::span<const SqlValue> params) {
        auto it = statements_.find(sql);
        sqlite3_stmt* statement = nullptr;
        if (it != statements_.end()) {
            statement = it->second;
        } else {
            int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                                        SQLITE_PREPARE_PERSISTENT, &statement, nullptr);
            if (rc != SQLITE_OK) fail(db_, rc, sql);
            statements_.emplace(std::string(sql), statement);
        }
        sqlite3_clear_bindings(statement);
        if (static_cast<int>(params.size()) != sqlite3_bind_parameter_count(statement))
            throw DatabaseError("wrong number of parameters for: " + std::string(sql));
        for (std::size_t i = 0; i < params.size(); ++i)
            bind(statement, static_cast<int>(i + 1), params[i]);
        return statement;
    }

    void bind(sqlite3_stmt* statement, int index, const SqlValue& value) {
        int rc = std::visit(
            [&](const auto& v) -> int {
                using T = std::decay_t<decltype(v)>;
                if constexpr (std::is_same_v<T, std::nullptr_t>)
                    return sqlite3_bind_null(statement, index);
                else if constexpr (std::is_same_v<T, std::int64_t>)
                    return sqlite3_bind_int64(statement, index, v);
                else if constexpr (std::is_same_v<T, double>)
                    return sqlite3_bind_double(statement, index, v);
                else
                    return sqlite3_bind_text64(statement, index, v.data(), v.size(),
                                               SQLITE_TRANSIENT, SQLITE_UTF8);
            },
            value);
        if (rc != SQLITE_OK) fail(db_, rc, "bind");
    }

    static SqlValue column_value(sqlite3_stmt* statement, int i) {
        switch (sqlite3_column_type(statement, i)) {
            case SQLITE_INTEGER:
                return static_cast<std::int64_t>(sqlite3_column_int64(statement, i));
            case SQLITE_FLOAT:
                return sqlite3_column_double(statement, i);
            case SQLITE_NULL:
                return nullptr;
            default: {
                auto text = reinterpret_cast<const char*>(sqlite3_column_text(statement, i));
                return std::string(text,
                                   static_cast<std::size_t>(sqlite3_column_bytes(statement, i)));
            }
        }
    }

    sqlite3* db_ = nullptr;
    std::unordered_map<std::string, sqlite3_stmt*, TransparentHash, std::equal_to<>> statements_;
};

class SqliteDatabase final : public Database {
  public:
    explicit SqliteDatabase(std::string path) : path_(std::move(path)) {
        auto parent = std::filesystem::path(path_).parent_path();
        if (!parent.empty()) std::filesystem::create_directories(parent);
        writer_ = std::make_unique<SqliteConnection>(path_, false);
    }

    std::string_view engine() const override { return "sqlite"; }
    void set_foreign_keys(bool enforced) override {
        std::lock_guard lock(writer_mutex_);
        writer_->execute_script(enforced ? "PRAGMA foreign_keys=ON;" : "PRAGMA foreign_keys=OFF;");
    }

  protected:
    void run_read(const std::function<void(SqlConnection&)>& work) override {
        std::unique_ptr<SqliteConnection> connection = acquire_reader();
        // A deferred transaction gives the reader one snapshot for all its statements.
        // BEGIN/COMMIT go through the prepared-statement cache: this is the hot path.
        connection->execute("BEGIN", {});
        try {
            work(*connection);
            connection->execute("COMMIT", {});
        } catch (...) {
            connection->execute("ROLLBACK", {});
            release_reader(std::move(connection));
            throw;
        }
        release_reader(std::move(connection));
    }

    void run_write(const std::function<bool(SqlConnection&)>& work) override {
        std::lock_guard lock(writer_mutex_);
        writer_->execute("BEGIN IMMEDIATE", {});
        try {
            bool commit = work(*writer_);
            writer_->execute(commit ? "COMMIT" : "ROLLBACK", {});
        } catch (...) {
            writer_->execute("ROLLBACK", {});
            throw;
        }
    }

  private:
    std::unique_ptr<SqliteConnection> acquire_reader() {
        {
            std::lock_guard lock(readers_mutex_);
            if (!idle_readers_.empty()) {
                auto connection = std::move(idle_readers_.back());
                idle_readers_.pop_back();
                return connection;
            }
        }
        return std::make_unique<SqliteConnection>(path_, true);
    }

    void release_reader(std::unique_ptr<SqliteConnection> connection) {
        std::lock_guard lock(readers_mutex_);
        idle_readers_.push_back(std::move(connection));
    }

    std::string path_;
    std::mutex writer_mutex_;
    std::unique_ptr<SqliteConnection> writer_;
    std::mutex readers_mutex_;
    std::vector<std::unique_ptr<SqliteConnection>> idle_readers_;
};

}  // namespace

void sqlite_online_copy(std::string_view from_path, std::string_view to_path) {
    // The online backup API copies a consistent snapshot page by page, even while a server
    // keeps writing to the source; a plain file copy of a WAL database would not be.
    SqliteConnection source(std::string(from_path), true);
    SqliteConnection destination(std::string(to_path), false);
    sqlite3_backup* backup =
        sqlite3_backup_init(destination.handle(), "main", source.handle(), "main");
    if (!backup) fail(destination.handle(), sqlite3_errcode(destination.handle()), "backup");
    int rc = sqlite3_backup_step(backup, -1);
    sqlite3_backup_finish(backup);
    if (rc != SQLITE_DONE) fail(destination.handle(), rc, "backup");
}

std::unique_ptr<Database> open_sqlite(std::string_view path) {
    if (path.empty()) throw DatabaseError("sqlite: needs a file path, like sqlite:data/sendhub.db");
    return std::make_unique<SqliteDatabase>(std::string(path));
}

}  // namespace sendhub
