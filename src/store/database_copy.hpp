#pragma once
// Moving a whole installation between databases (SQLite to PostgreSQL, or back), and the
// fingerprints that prove a copy or a restore holds exactly the same rows.
#include <cstdint>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "store/database.hpp"

namespace sendhub {

struct TableFingerprint {
    std::string table;
    std::int64_t rows = 0;
    //! SHA-256 over the table's rows, independent of row order and of the engine.
    std::string checksum;
};

//! Every sendhub table, parents before children, so rows can be inserted in this order.
[[nodiscard]] const std::vector<std::string>& sendhub_tables();

//! Row counts and checksums of every sendhub table, from one consistent snapshot.
[[nodiscard]] std::vector<TableFingerprint> fingerprint(Database& db);
//! The same, inside a transaction already open on `c` (an `engine` database).
[[nodiscard]] std::vector<TableFingerprint> fingerprint(SqlConnection& c, std::string_view engine);

//! Inside a PostgreSQL transaction: names its snapshot, so pg_dump --snapshot reads the same.
[[nodiscard]] std::string export_snapshot(SqlConnection& c);

//! Copies every row of every table from `from` into `to`, which must be migrated to the
//! same schema and hold no data (the tariff rows a migration seeds are replaced). Then
//! fails unless the copy's fingerprint matches the source's snapshot table by table.
[[nodiscard]] Result<std::vector<TableFingerprint>> copy_database(Database& from, Database& to);

}  // namespace sendhub
