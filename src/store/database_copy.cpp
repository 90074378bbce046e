#include "store/database_copy.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <set>

#include <fmt/format.h>

#include "security/digest.hpp"

namespace sendhub {
namespace {

// Each engine's catalogue, asked the same two questions.
struct Catalogue {
    std::string_view tables;
    std::string_view columns;  // one parameter: the table name
};
constexpr Catalogue kSqliteCatalogue{
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
    "SELECT name FROM pragma_table_info(?) ORDER BY cid"};
constexpr Catalogue kPostgresCatalogue{
    "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND "
    "table_type = 'BASE TABLE'",
    "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND "
    "table_name = ?"
    " ORDER BY ordinal_position"};
constexpr std::string_view kSchemaVersion =
    "SELECT coalesce(max(version), 0) FROM schema_migrations";
// Migrations seed these tables; a copy replaces their rows with the source's.
constexpr std::array<std::string_view, 5> kSeededTables{
    "tariffs", "bank_holidays", "local_authorities", "outcodes", "mfa_settings"};

bool is_seeded(const std::string& table) {
    return std::ranges::find(kSeededTables, table) != kSeededTables.end();
}

// SQLite's full-text index of resources and its shadow tables: triggers rebuild it from the
// rows as they are copied in, so it is never copied itself.
bool is_derived(const std::string& table) {
    return table.starts_with("resource_search");
}

const Catalogue& catalogue_of(std::string_view engine) {
    return engine == "postgresql" ? kPostgresCatalogue : kSqliteCatalogue;
}

std::vector<std::string> column_names(SqlConnection& c, const Catalogue& catalogue,
                                      const std::string& table) {
    std::vector<std::string> names;
    for (const auto& r : c.query_with(catalogue.columns, table)) names.push_back(r.text(0));
    return names;
}

//! Tables the database has that sendhub does not know how to copy (a newer schema, or stray
//! tables).
std::vector<std::string> unknown_tables(SqlConnection& c, const Catalogue& catalogue) {
    std::set<std::string> known(sendhub_tables().begin(), sendhub_tables().end());
    known.insert("schema_migrations");
    std::vector<std::string> unknown;
    for (const auto& r : c.query_with(catalogue.tables))
        if (!known.contains(r.text(0)) && !is_derived(r.text(0))) unknown.push_back(r.text(0));
    return unknown;
}

// The same value reads back as the same text from either engine: numbers by kind, text by length.
void append_value(std::string& out, const SqlValue& v) {
    std::visit(
        [&](const auto& x) {
            using T = std::decay_t<decltype(x)>;
            if constexpr (std::is_same_v<T, std::nullptr_t>)
                out += "n;";
            else if constexpr (std::is_same_v<T, std::int64_t>)
                out += fmt::format("i{};", x);
            else if constexpr (std::is_same_v<T, double>)
                out += fmt::format("r{};", x);
            else
                out += fmt::format("t{}:{};", x.size(), x);
        },
        v);
}

std::string comma_list(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
    return out;
}

struct TableRows {
    std::string table;
    std::vector<std::string> columns;
    SqlRows rows;
};

TableRows read_table(SqlConnection& c, const Catalogue& catalogue, const std::string& table) {
    auto columns = column_names(c, catalogue, table);
    // Table and column names come from sendhub's own list and the catalogue, never from input.
    auto rows = c.query_with("SELECT " + comma_list(columns) + " FROM " + table);
    return {table, std::move(columns), std::move(rows)};
}

TableFingerprint fingerprint_of(const TableRows& t) {
    // Column order may differ between engines; names do not. Values are taken in name order.
    std::vector<std::size_t> by_name(t.columns.size());
    for (std::size_t i = 0; i < by_name.size(); ++i) by_name[i] = i;
    std::ranges::sort(by_name, {}, [&](std::size_t i) { return t.columns[i]; });
    std::vector<std::string> row_digests;
    row_digests.reserve(t.rows.size());
    for (const auto& row : t.rows) {
        std::string text;
        for (std::size_t i : by_name) append_value(text, row.raw(i));
        row_digests.push_back(sha256_hex(text));
    }
    std::ranges::sort(row_digests);  // engines return rows in different orders
    std::string all;
    for (const auto& d : row_digests) all += d;
    return {t.table, static_cast<std::int64_t>(t.rows.size()), sha256_hex(all)};
}

std::int64_t schema_version(Database& db) {
    return db.read(
        [](SqlConnection& c) { return c.query_with(kSchemaVersion).front().integer(0); });
}

}  // namespace

const std::vector<std::string>& sendhub_tables() {
    static const std::vector<std::string> tables{"schools",
                                                 "outcodes",
                                                 "practitioners",
                                                 "practitioner_expertise",
                                                 "users",
                                                 "sessions",
                                                 "password_resets",
                                                 "login_failures",
                                                 "idempotency_keys",
                                                 "audit_log",
                                                 "outreach_requests",
                                                 "request_pupils",
                                                 "request_events",
                                                 "tariffs",
                                                 "invoices",
                                                 "agreements",
                                                 "agreement_outcomes",
                                                 "outcome_progress",
                                                 "visits",
                                                 "feedback",
                                                 "notifications",
                                                 "document_sequences",
                                                 "packages",
                                                 "invoice_lines",
                                                 "credit_notes",
                                                 "trust_settings",
                                                 "invoice_payments",
                                                 "issued_documents",
                                                 "practitioner_leave",
                                                 "held_visits",
                                                 "calendar_feeds",
                                                 "bank_holidays",
                                                 "school_terms",
                                                 "school_closures",
                                                 "local_authorities",
                                                 "partnerships",
                                                 "partnership_schools",
                                                 "enquiries",
                                                 "enquiry_notes",
                                                 "registrations",
                                                 "invitations",
                                                 "school_dsl",
                                                 "safeguarding_concerns",
                                                 "user_mfa",
                                                 "mfa_recovery_codes",
                                                 "mfa_settings",
                                                 "event_series",
                                                 "events",
                                                 "event_tags",
                                                 "event_bookings",
                                                 "event_feedback",
                                                 "resources",
                                                 "resource_tags",
                                                 "resource_versions",
                                                 "resource_files",
                                                 "census_schools",
                                                 "census_totals",
                                                 "census_local_authorities",
                                                 "ehcp_need_totals",
                                                 "ehcp_needs",
                                                 "school_returns",
                                                 "frameworks",
                                                 "framework_areas",
                                                 "framework_statements",
                                                 "self_evaluations",
                                                 "self_evaluation_ratings",
                                                 "clusters",
                                                 "cluster_schools",
                                                 "partnership_days",
                                                 "reality_goals",
                                                 "peer_reviews",
                                                 "peer_reviewers",
                                                 "enquiry_lines",
                                                 "review_findings",
                                                 "review_actions",
                                                 "action_follow_ups",
                                                 "screening_rounds",
                                                 "school_therapists",
                                                 "slcn_audits",
                                                 "slcn_audit_actions"};
    return tables;
}

std::vector<TableFingerprint> fingerprint(SqlConnection& c, std::string_view engine) {
    const Catalogue& catalogue = catalogue_of(engine);
    std::vector<TableFingerprint> out;
    for (const auto& table : sendhub_tables())
        out.push_back(fingerprint_of(read_table(c, catalogue, table)));
    return out;
}

std::vector<TableFingerprint> fingerprint(Database& db) {
    return db.read([&](SqlConnection& c) { return fingerprint(c, db.engine()); });
}

Result<std::vector<TableFingerprint>> copy_database(Database& from, Database& to) {
    auto from_version = schema_version(from), to_version = schema_version(to);
    if (from_version != to_version)
        return std::unexpected(Error::conflict(
            "schema_mismatch",
            fmt::format("The source is at schema version {} and the destination at {}; "
                        "run sendhub migrate on both first.",
                        from_version, to_version)));
    const Catalogue& source_catalogue = catalogue_of(from.engine());
    const Catalogue& destination_catalogue = catalogue_of(to.engine());

    auto source = from.read([&](SqlConnection& c) -> Result<std::vector<TableRows>> {
        if (auto unknown = unknown_tables(c, source_catalogue); !unknown.empty())
            return std::unexpected(Error::conflict(
                "unknown_table",
                "The source has tables sendhub copy does not know: " + comma_list(unknown) + "."));
        std::vector<TableRows> tables;
        for (const auto& table : sendhub_tables())
            tables.push_back(read_table(c, source_catalogue, table));
        return tables;
    });
    if (!source) return std::unexpected(source.error());
    // Fingerprinted from the rows read in that one snapshot, so the check is exact even if the
    // source is still being written to (whatever is written later is not copied).
    std::vector<TableFingerprint> source_prints;
    for (const auto& t : *source) source_prints.push_back(fingerprint_of(t));

    auto written = to.write([&](SqlConnection& c) -> Result<bool> {
        for (const auto& table : sendhub_tables()) {
            if (is_seeded(table)) continue;
            auto rows = c.query_with("SELECT count(*) FROM " + table).front().integer(0);
            if (rows > 0)
                return std::unexpected(Error::conflict(
                    "destination_not_empty",
                    fmt::format("The destination already holds data ({} rows in {}); copy into a "
                                "new, empty database.",
                                rows, table)));
        }
        for (auto seeded : kSeededTables) c.execute_with("DELETE FROM " + std::string(seeded));
        for (const auto& t : *source) {
            auto destination_columns = column_names(c, destination_catalogue, t.table);
            if (std::set(destination_columns.begin(), destination_columns.end()) !=
                std::set(t.columns.begin(), t.columns.end()))
                return std::unexpected(Error::conflict(
                    "column_mismatch",
                    "Table " + t.table + " has different columns in the two databases."));
            std::string placeholders;
            for (std::size_t i = 0; i < t.columns.size(); ++i) placeholders += i ? ", ?" : "?";
            std::string insert = "INSERT INTO " + t.table + " (" + comma_list(t.columns) +
                                 ") VALUES (" + placeholders + ")";
            std::vector<SqlValue> values;
            for (const auto& row : t.rows) {
                values.clear();
                for (std::size_t i = 0; i < row.size(); ++i) values.push_back(row.raw(i));
                c.execute(insert, values);
            }
            // Identity columns must continue after the copied ids, not collide with them.
            if (to.engine() == "postgresql" &&
                std::ranges::find(t.columns, "id") != t.columns.end())
                c.query_with("SELECT setval(pg_get_serial_sequence(?, 'id'), max(id)) FROM " +
                                 t.table + " HAVING max(id) IS NOT NULL",
                             t.table);
        }
        return true;
    });
    if (!written) return std::unexpected(written.error());

    auto copied_prints = fingerprint(to);
    for (std::size_t i = 0; i < source_prints.size(); ++i) {
        if (source_prints[i].rows != copied_prints[i].rows ||
            source_prints[i].checksum != copied_prints[i].checksum)
            return std::unexpected(Error::conflict(
                "copy_mismatch",
                fmt::format("Table {} differs after the copy: {} rows ({}) against {} rows ({}).",
                            source_prints[i].table, source_prints[i].rows,
                            source_prints[i].checksum.substr(0, 12), copied_prints[i].rows,
                            copied_prints[i].checksum.substr(0, 12))));
    }
    return copied_prints;
}

std::string export_snapshot(SqlConnection& c) {
    constexpr std::string_view kExportSnapshot = "SELECT pg_export_snapshot()";
    return c.query_with(kExportSnapshot).front().text(0);
}

}  // namespace sendhub
