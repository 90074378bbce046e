#pragma once
// The embedded engine: one writer connection (BEGIN IMMEDIATE, so writers queue instead
// of failing), a pool of read-only connections, WAL and synchronous=FULL so an
// acknowledged write survives power loss, and a busy timeout for other processes
// (`sendhub user add` while `serve` runs).
#include <memory>
#include <string_view>

#include "store/database.hpp"

namespace sendhub {

[[nodiscard]] std::unique_ptr<Database> open_sqlite(std::string_view path);

//! Copies the SQLite database at `from_path` over `to_path` (created if missing) with the
//! online backup API: one consistent snapshot, safe while `from_path` is in use.
void sqlite_online_copy(std::string_view from_path, std::string_view to_path);

}  // namespace sendhub
