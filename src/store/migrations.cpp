#include "store/migrations.hpp"

#include <algorithm>
#include <map>

#include "core/dates.hpp"
#include "core/embedded_files.hpp"
#include "core/text.hpp"

namespace sendhub {
namespace {

struct Migration {
    int version;
    std::string name;
    std::string_view sql;
};

std::map<int, Migration> migrations_for(std::string_view engine) {
    std::string prefix = "migrations/" + std::string(engine) + "/";
    std::map<int, Migration> found;
    for (const auto& file : embedded_files()) {
        if (!file.path.starts_with(prefix) || !file.path.ends_with(".sql")) continue;
        std::string name(file.path.substr(prefix.size()));
        auto version = parse_int(name.substr(0, name.find('_')));
        if (!version) throw DatabaseError("migration file name must start with a number: " + name);
        if (!found
                 .emplace(static_cast<int>(*version),
                          Migration{static_cast<int>(*version), name, file.content})
                 .second)
            throw DatabaseError("two migrations share version " + std::to_string(*version));
    }
    return found;
}

constexpr std::string_view kCreateMigrationsTable =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)";
constexpr std::string_view kAppliedVersions = "SELECT version FROM schema_migrations";
// Instances starting together on PostgreSQL queue here; SQLite's single writer already does.
constexpr std::string_view kPostgresMigrationLock = "SELECT pg_advisory_xact_lock(7215001)";
constexpr std::string_view kRecordMigration =
    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)";

constexpr std::string_view kSqliteForeignKeyCheck = "PRAGMA foreign_key_check";

//! Foreign keys stay off while migrations run and are back on afterwards, even on failure.
class ForeignKeysOff {
  public:
    explicit ForeignKeysOff(Database& db) : db_(db) { db_.set_foreign_keys(false); }
    ~ForeignKeysOff() { db_.set_foreign_keys(true); }
    ForeignKeysOff(const ForeignKeysOff&) = delete;
    ForeignKeysOff& operator=(const ForeignKeysOff&) = delete;

  private:
    Database& db_;
};

}  // namespace

std::vector<std::string> migrate(Database& db) {
    std::vector<std::string> applied;
    db.write([&](SqlConnection& c) {
        if (db.engine() == "postgresql") c.execute_script(kPostgresMigrationLock);
        c.execute_script(kCreateMigrationsTable);
    });
    ForeignKeysOff rebuilding_tables(db);
    for (const auto& [version, migration] : migrations_for(db.engine())) {
        // Each migration runs in its own transaction, re-checking under the write lock so
        // two processes migrating at once apply it once.
        bool ran = db.write([&](SqlConnection& c) {
            if (db.engine() == "postgresql") c.execute_script(kPostgresMigrationLock);
            auto done = c.query_with(kAppliedVersions);
            bool exists =
                std::ranges::any_of(done, [&](const SqlRow& r) { return r.integer(0) == version; });
            if (exists) return false;
            c.execute_script(migration.sql);
            if (db.engine() == "sqlite" && !c.query_with(kSqliteForeignKeyCheck).empty())
                throw DatabaseError("migration " + migration.name + " breaks a foreign key");
            c.execute_with(kRecordMigration, version, migration.name, c.now_seconds());
            return true;
        });
        if (ran) applied.push_back(migration.name);
    }
    return applied;
}

int latest_migration_version(std::string_view engine) {
    auto all = migrations_for(engine);
    return all.empty() ? 0 : all.rbegin()->first;
}

}  // namespace sendhub
