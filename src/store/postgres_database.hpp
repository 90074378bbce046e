#pragma once
// The scale-out engine: many stateless app instances share one PostgreSQL database.
// Reads run in REPEATABLE READ, READ ONLY (one snapshot, like SQLite's readers). Writes run
// in SERIALIZABLE and are retried on a serialization failure or deadlock, so every write
// behaves as if the instances took turns: the same guarantee SQLite's single writer gives,
// without a global lock. Connections are pooled per process (SENDHUB_DB_POOL, default 16).
// Round trips bound a request on PostgreSQL, so BEGIN is pipelined with a transaction's
// first statement and a read's COMMIT travels with the connection's next statements
// (store/postgres_connection.hpp).
#include <memory>
#include <string>
#include <string_view>

#include "store/database.hpp"

namespace sendhub {

[[nodiscard]] std::unique_ptr<Database> open_postgresql(std::string_view url);

//! Rewrites portable `?` parameters as PostgreSQL's `$1, $2…`, leaving quoted text and
//! comments alone. A parameter only tested with IS [NOT] NULL gets a type (text), since
//! PostgreSQL cannot infer one from that test alone.
[[nodiscard]] std::string postgres_placeholders(std::string_view sql);

}  // namespace sendhub
