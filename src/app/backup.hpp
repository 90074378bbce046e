#pragma once
// `sendhub backup` and `sendhub restore`: SQLite through its online backup API, PostgreSQL
// through pg_dump / pg_restore (custom format). Each reports the fingerprint of what it
// saved or restored, so a restore can be checked against its backup table by table.
#include <string>
#include <vector>

#include "core/error.hpp"
#include "store/database_copy.hpp"

namespace sendhub {

//! Saves the database at `url` to `file`; returns the fingerprint of exactly what was saved.
[[nodiscard]] Result<std::vector<TableFingerprint>> backup_database(const std::string& url,
                                                                    const std::string& file);

//! Replaces the contents of the database at `url` with `file`; returns its fingerprint after.
[[nodiscard]] Result<std::vector<TableFingerprint>> restore_database(const std::string& url,
                                                                     const std::string& file);

}  // namespace sendhub
