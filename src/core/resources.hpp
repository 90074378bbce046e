#pragma once
// The resource hub and the Autism Education Hub (api-contract-resources.md): who sees a
// resource, which files are accepted and how they are named on the way out, and how a search
// matches and ranks. Pure rules with table tests; storage and pages build on them.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "core/role.hpp"
#include "core/school.hpp"
#include "core/vocabulary.hpp"

namespace sendhub {

//! `everyone` is the code `public`.
enum class ResourceAudience { everyone, schools, partners, trust_staff };
[[nodiscard]] std::span<const Term<ResourceAudience>> resource_audience_terms();

//! Who is looking: nobody signed in, or a role with (for a school's staff) what their school
//! is to the trust.
struct ResourceViewer {
    std::optional<Role> role;
    std::optional<SchoolRelationship> school_relationship;
};
//! public: everyone; schools: every signed-in user; partners: trust staff and users of the
//! trust's own and partner schools; trust_staff: trust staff only.
[[nodiscard]] bool sees_resource(const ResourceViewer& viewer, ResourceAudience audience);
//! Editors publish resources and upload versions: administrators, coordinators, partnerships.
[[nodiscard]] bool edits_resources(Role role);

//! The files the hub accepts, typed by the name's extension.
enum class FileType { pdf, docx, xlsx, pptx, png, jpeg };
//! Codes as stored ("pdf", "docx"…) and labels as people say them ("Word document").
[[nodiscard]] std::span<const Term<FileType>> file_type_terms();
//! From the extension, any case (".jpg" and ".jpeg" are both JPEG); none for any other.
[[nodiscard]] std::optional<FileType> file_type_of(std::string_view filename);
//! The Content-Type a download is served with: never text/html.
[[nodiscard]] std::string_view content_type_of(FileType type);
//! Whether the bytes begin as that type's files do (a ".pdf" must start "%PDF-"; Office
//! files are ZIP archives). The uploader's own Content-Type is never trusted.
[[nodiscard]] bool bytes_match(FileType type, std::string_view bytes);
//! Largest file accepted (413 above it).
inline constexpr std::size_t kMaxResourceFileBytes = std::size_t{20} * 1024 * 1024;

//! The uploaded name's last path segment with only letters, digits, '.', '-', '_' and single
//! spaces between words, not starting with '.', its extension kept:
//! "../My plan (v2).docx" → "My plan v2.docx".
[[nodiscard]] std::string safe_filename(std::string_view uploaded);

//! The file checks of an upload, in the contract's order: present (`required`), a known
//! extension (`unsupported_type`), bytes that match it (`content_mismatch`); all on `file`.
[[nodiscard]] Result<FileType> check_upload(std::string_view filename, std::string_view bytes,
                                            bool present);

struct ResourceInput {
    std::string title;
    std::string summary;
    std::string audience;
    std::vector<std::string> tags;
    std::optional<std::string> url;  // a link resource; none for a file
};
struct ResourceDetails {
    std::string title;
    std::string summary;
    ResourceAudience audience = ResourceAudience::everyone;
    std::vector<std::string> tags;  // lower case, trimmed, without repeats
    std::optional<std::string> url;
};
//! A file's size as people read it: "850 bytes", "12 KB", "1.4 MB" (1 KB = 1024 bytes).
[[nodiscard]] std::string format_file_size(std::int64_t bytes);
//! Tags as typed in one box, separated by commas ("autism, Early years").
[[nodiscard]] std::vector<std::string> split_tags(std::string_view typed);
//! Every rule of the contract at once (422): title and summary required and bounded,
//! audience one of four, a link starting https:// or http://.
[[nodiscard]] Result<ResourceDetails> validate_resource(const ResourceInput& input);

//! The words of a search, lower case, without punctuation at their edges.
[[nodiscard]] std::vector<std::string> search_words(std::string_view q);
//! How well a resource answers the words: nothing when some word is in none of title,
//! summary or tags; 0 when the title holds every word; 1 when it does not.
[[nodiscard]] std::optional<int> search_rank(std::span<const std::string> words,
                                             std::string_view title, std::string_view summary,
                                             std::span<const std::string> tags);

}  // namespace sendhub
