#pragma once
// The resource hub's documents, versions and links (api-contract-resources.md). A file's bytes
// are kept in the database beside its version, so a refused upload stores nothing, every app
// instance sees every file, and backups and copies carry them. Search narrows by the engine's
// full-text index (SQLite FTS5, PostgreSQL tsvector); the service ranks what it finds.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/acting.hpp"
#include "core/clock.hpp"
#include "core/resources.hpp"
#include "store/database.hpp"

namespace sendhub {

struct ResourceVersionRecord {
    std::int64_t version = 0;
    std::string filename;  // already made safe
    FileType type = FileType::pdf;
    std::int64_t size_bytes = 0;
    std::int64_t downloads = 0;
    Timestamp uploaded_at;
};

struct ResourceRecord {
    std::int64_t id = 0;
    ResourceDetails details;                      // a link has details.url
    std::int64_t current_version = 0;             // 0 for a link
    std::vector<ResourceVersionRecord> versions;  // oldest first
    Timestamp created_at;
    [[nodiscard]] bool is_link() const { return details.url.has_value(); }
    [[nodiscard]] std::int64_t downloads() const {
        std::int64_t total = 0;
        for (const auto& v : versions) total += v.downloads;
        return total;
    }
};

struct StoredFile {
    ResourceVersionRecord version;
    std::string bytes;
};

struct NewFile {
    std::string filename;  // already made safe
    FileType type = FileType::pdf;
    std::string bytes;
};

struct ResourceQuery {
    std::vector<std::string> words;  // every one must be found; none: all
    std::optional<std::string> tag;
    //! The audiences the viewer may see; the store never returns another.
    std::vector<ResourceAudience> audiences;
};

class ResourceStore {
  public:
    explicit ResourceStore(Database& db) : db_(db) {}

    [[nodiscard]] ResourceRecord create_link(const ResourceDetails& details, const Acting& who);
    //! A file resource at version 1.
    [[nodiscard]] ResourceRecord create_file(const ResourceDetails& details, const NewFile& file,
                                             const Acting& who);
    //! The next version of a file resource; none when there is no such file resource.
    [[nodiscard]] std::optional<ResourceRecord> add_version(std::int64_t id, const NewFile& file,
                                                            const Acting& who);
    [[nodiscard]] std::optional<ResourceRecord> find(std::int64_t id);
    //! Newest first: the resources whose text holds every word, in the given audiences.
    [[nodiscard]] std::vector<ResourceRecord> search(const ResourceQuery& query);
    //! A version's bytes (the current one when `version` is none).
    [[nodiscard]] std::optional<StoredFile> file(std::int64_t id,
                                                 std::optional<std::int64_t> version);
    //! Counts one download, committed at once even from inside a read.
    void count_download(std::int64_t id, std::int64_t version);

  private:
    Database& db_;
};

}  // namespace sendhub
