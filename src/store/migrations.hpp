#pragma once
// Versioned SQL migrations: migrations/<engine>/NNNN_name.sql, applied in order, once.
#include <string>
#include <vector>

#include "store/database.hpp"

namespace sendhub {

//! Applies every migration the database lacks; returns the names it applied.
std::vector<std::string> migrate(Database& db);
//! The newest migration version known to this binary.
[[nodiscard]] int latest_migration_version(std::string_view engine);

}  // namespace sendhub
