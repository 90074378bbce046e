#include "store/resource_store.hpp"

#include "core/base64.hpp"
#include "core/text.hpp"
#include "security/digest.hpp"
#include "store/audit_store.hpp"
#include "store/stored_value.hpp"

namespace sendhub {
namespace {

constexpr std::string_view kInsertResource =
    "INSERT INTO resources (title, summary, audience, kind, url, search_text, current_version,"
    " created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr std::string_view kInsertTag =
    "INSERT INTO resource_tags (resource_id, tag) VALUES (?, ?)";
constexpr std::string_view kInsertVersion =
    "INSERT INTO resource_versions (resource_id, version, filename, file_type, size_bytes,"
    " sha256, uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
constexpr std::string_view kInsertBytes =
    "INSERT INTO resource_files (resource_id, version, content_base64) VALUES (?, ?, ?)";
// Moves a file resource on one version; a link (or no resource) changes no row.
constexpr std::string_view kNextVersion =
    "UPDATE resources SET current_version = current_version + 1 WHERE id = ? AND kind = 'file'"
    " RETURNING current_version";
constexpr std::string_view kResourceColumns =
    "SELECT r.id, r.title, r.summary, r.audience, r.url, r.current_version, r.created_at"
    " FROM resources r";
const std::string kFindResource = std::string(kResourceColumns) + " WHERE r.id = ?";
constexpr std::string_view kTags =
    "SELECT tag FROM resource_tags WHERE resource_id = ? ORDER BY tag";
constexpr std::string_view kVersions =
    "SELECT version, filename, file_type, size_bytes, downloads, uploaded_at"
    " FROM resource_versions WHERE resource_id = ? ORDER BY version";
constexpr std::string_view kFile =
    "SELECT v.version, v.filename, v.file_type, v.size_bytes, v.downloads, v.uploaded_at,"
    " f.content_base64 FROM resource_versions v JOIN resource_files f"
    " ON f.resource_id = v.resource_id AND f.version = v.version"
    " JOIN resources r ON r.id = v.resource_id"
    " WHERE v.resource_id = ? AND v.version = coalesce(?, r.current_version)";
constexpr std::string_view kCountDownload =
    "UPDATE resource_versions SET downloads = downloads + 1 WHERE resource_id = ? AND version = ?";
// Each engine's full-text index, asked the same question: does the text hold every word?
constexpr std::string_view kSqliteMatch =
    " AND r.id IN (SELECT rowid FROM resource_search WHERE resource_search MATCH ?)";
constexpr std::string_view kPostgresMatch =
    " AND to_tsvector('simple'::regconfig, r.search_text) @@ plainto_tsquery('simple'::regconfig,"
    " ?)";

std::string code_of(FileType type) {
    return std::string(term_of(file_type_terms(), type).code);
}

//! What a search reads: title, summary and tags, lower case.
std::string search_text_of(const ResourceDetails& d) {
    std::string text = d.title + "\n" + d.summary + "\n";
    for (const auto& tag : d.tags) text += tag + " ";
    return to_lower(text);
}

//! FTS5's query language quotes each word, so none can be read as an operator.
std::string fts5_query(const std::vector<std::string>& words) {
    std::string q;
    for (const auto& w : words) {
        q += q.empty() ? "\"" : " \"";
        for (char ch : w) q += ch == '"' ? std::string("\"\"") : std::string(1, ch);
        q += '"';
    }
    return q;
}

ResourceVersionRecord version_from(const SqlRow& r) {
    ResourceVersionRecord v;
    v.version = r.integer(0);
    v.filename = r.text(1);
    v.type = stored_term(file_type_terms(), r.text(2), "resource_versions.file_type");
    v.size_bytes = r.integer(3);
    v.downloads = r.integer(4);
    v.uploaded_at = Timestamp{std::chrono::seconds{r.integer(5)}};
    return v;
}

ResourceRecord resource_from(SqlConnection& c, const SqlRow& r) {
    ResourceRecord out;
    out.id = r.integer(0);
    auto& d = out.details;
    d.title = r.text(1);
    d.summary = r.text(2);
    d.audience = stored_term(resource_audience_terms(), r.text(3), "resources.audience");
    if (!r.is_null(4)) d.url = r.text(4);
    out.current_version = r.integer(5);
    out.created_at = Timestamp{std::chrono::seconds{r.integer(6)}};
    for (const auto& t : c.query_with(kTags, out.id)) d.tags.push_back(t.text(0));
    for (const auto& v : c.query_with(kVersions, out.id)) out.versions.push_back(version_from(v));
    return out;
}

std::optional<ResourceRecord> find_in(SqlConnection& c, std::int64_t id) {
    auto row = c.query_one(kFindResource, id);
    if (!row) return std::nullopt;
    return resource_from(c, *row);
}

void insert_version(SqlConnection& c, std::int64_t id, std::int64_t version, const NewFile& file,
                    const Acting& who) {
    c.execute_with(kInsertVersion, id, version, file.filename, code_of(file.type),
                   static_cast<std::int64_t>(file.bytes.size()), sha256_hex(file.bytes),
                   who.user_value(), c.now_seconds());
    c.execute_with(kInsertBytes, id, version, base64_encode(file.bytes));
}

std::int64_t insert_resource(SqlConnection& c, const ResourceDetails& d, bool is_file,
                             const Acting& who) {
    const auto id = c.query_one(kInsertResource, d.title, d.summary,
                                std::string(term_of(resource_audience_terms(), d.audience).code),
                                is_file ? "file" : "link", d.url, search_text_of(d),
                                is_file ? 1 : 0, who.user_value(), c.now_seconds())
                        ->integer(0);
    for (const auto& tag : d.tags) c.execute_with(kInsertTag, id, tag);
    append_audit(c, who, "create", "resource", std::to_string(id), {{"title", d.title}});
    return id;
}

}  // namespace

ResourceRecord ResourceStore::create_link(const ResourceDetails& details, const Acting& who) {
    return db_.write(
        [&](SqlConnection& c) { return *find_in(c, insert_resource(c, details, false, who)); });
}

ResourceRecord ResourceStore::create_file(const ResourceDetails& details, const NewFile& file,
                                          const Acting& who) {
    ResourceDetails as_file = details;
    as_file.url.reset();
    return db_.write([&](SqlConnection& c) {
        const auto id = insert_resource(c, as_file, true, who);
        insert_version(c, id, 1, file, who);
        return *find_in(c, id);
    });
}

std::optional<ResourceRecord> ResourceStore::add_version(std::int64_t id, const NewFile& file,
                                                         const Acting& who) {
    return db_.write([&](SqlConnection& c) -> std::optional<ResourceRecord> {
        auto next = c.query_one(kNextVersion, id);
        if (!next) return std::nullopt;
        const auto version = next->integer(0);
        insert_version(c, id, version, file, who);
        append_audit(c, who, "update", "resource", std::to_string(id),
                     {{"version", version}, {"filename", file.filename}});
        return find_in(c, id);
    });
}

std::optional<ResourceRecord> ResourceStore::find(std::int64_t id) {
    return db_.read([&](SqlConnection& c) { return find_in(c, id); });
}

std::vector<ResourceRecord> ResourceStore::search(const ResourceQuery& query) {
    if (query.audiences.empty()) return {};
    std::string sql = std::string(kResourceColumns) + " WHERE r.audience IN (";
    std::vector<SqlValue> params;
    for (auto audience : query.audiences) {
        sql += params.empty() ? "?" : ", ?";
        params.emplace_back(std::string(term_of(resource_audience_terms(), audience).code));
    }
    sql += ")";
    if (query.tag) {
        sql +=
            " AND EXISTS (SELECT 1 FROM resource_tags t WHERE t.resource_id = r.id AND t.tag = ?)";
        params.emplace_back(*query.tag);
    }
    if (!query.words.empty()) {
        const bool postgres = db_.engine() == "postgresql";
        sql += postgres ? kPostgresMatch : kSqliteMatch;
        std::string joined;
        for (const auto& w : query.words) joined += (joined.empty() ? "" : " ") + w;
        params.emplace_back(postgres ? joined : fts5_query(query.words));
    }
    sql += " ORDER BY r.created_at DESC, r.id DESC";
    return db_.read([&](SqlConnection& c) {
        std::vector<ResourceRecord> out;
        for (const auto& row : c.query(sql, params)) out.push_back(resource_from(c, row));
        return out;
    });
}

std::optional<StoredFile> ResourceStore::file(std::int64_t id,
                                              std::optional<std::int64_t> version) {
    return db_.read([&](SqlConnection& c) -> std::optional<StoredFile> {
        auto row = c.query_one(kFile, id, version);
        if (!row) return std::nullopt;
        auto bytes = base64_decode(row->text(6));
        if (!bytes) unrecognised_stored_value("resource_files.content_base64", "(not base64)");
        return StoredFile{version_from(*row), std::move(*bytes)};
    });
}

void ResourceStore::count_download(std::int64_t id, std::int64_t version) {
    db_.write([&](SqlConnection& c) { c.execute_with(kCountDownload, id, version); });
}

}  // namespace sendhub
