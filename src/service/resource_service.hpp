#pragma once
// The resource hub: the operations behind /resources, /hub/autism and /api/v1/resources. Who
// sees a resource (core sees_resource) and who may publish (core edits_resources) are decided
// here, once, for pages and API. A resource the viewer may not see is "not found".
#include <optional>
#include <string>
#include <vector>

#include "core/resources.hpp"
#include "service/services.hpp"
#include "store/resource_store.hpp"

namespace sendhub {

//! A file part of an upload, as the client sent it (its type is decided by its name and bytes).
struct UploadedFile {
    std::string filename;
    std::string bytes;
};

//! Who is looking; none when nobody is signed in.
[[nodiscard]] ResourceViewer resource_viewer(Services& s, const Actor* actor);
[[nodiscard]] bool may_edit_resources(const Actor* actor);

//! A link resource (from `details.url`) or, with `file`, a file resource at version 1. 413 for a
//! file over 20 MiB; otherwise every problem of the form at once (422), and nothing stored.
[[nodiscard]] Result<ResourceRecord> publish_resource(Services& s, const Actor& actor,
                                                      const ResourceInput& input,
                                                      const std::optional<UploadedFile>& file,
                                                      const Acting& who);
//! The next version of a file resource (409 not_a_file for a link).
[[nodiscard]] Result<ResourceRecord> add_resource_version(Services& s, const Actor& actor,
                                                          std::int64_t id,
                                                          const std::optional<UploadedFile>& file,
                                                          const Acting& who);

struct ResourceSearch {
    std::string q;
    std::optional<std::string> tag;
    std::optional<std::string> audience;  // a code; an unknown one finds nothing
};
//! The visible resources: ranked by the words when there are any (title matches first), newest
//! first within a rank and when there are none.
[[nodiscard]] std::vector<ResourceRecord> search_resources(Services& s, const Actor* actor,
                                                           const ResourceSearch& search);
[[nodiscard]] Result<ResourceRecord> get_resource(Services& s, const Actor* actor, std::int64_t id);
//! A version's bytes (the current one when `version` is none), counted as a download.
[[nodiscard]] Result<StoredFile> download_resource(Services& s, const Actor* actor, std::int64_t id,
                                                   std::optional<std::int64_t> version);

}  // namespace sendhub
