#include "service/resource_service.hpp"

#include <algorithm>

#include "core/text.hpp"

namespace sendhub {
namespace {

Error no_resource() {
    return Error::not_found("No such resource.");
}

Error too_large() {
    return Error{.kind = ErrorKind::payload_too_large,
                 .code = "too_large",
                 .message =
                     "The file is larger than 20 MB. Make it smaller (save images at a "
                     "lower resolution, or split the document) and upload it again."};
}

// Resources live in their own store beside the shared ones: built on the database per call,
// so a new part of the product does not change what every translation unit includes.
ResourceStore resources_of(Services& s) {
    return ResourceStore(*s.database);
}

std::vector<FieldError> field_errors(Error e) {
    if (e.fields.empty()) return {FieldError{e.field, e.code, e.message}};
    return std::move(e.fields);
}

//! The file's type, or its problems added to `problems`.
std::optional<FileType> checked_file(const std::optional<UploadedFile>& file,
                                     std::vector<FieldError>& problems) {
    auto type = check_upload(file ? file->filename : "", file ? file->bytes : "", file.has_value());
    if (!type) {
        auto more = field_errors(type.error());
        problems.insert(problems.end(), more.begin(), more.end());
        return std::nullopt;
    }
    return *type;
}

bool sees(Services& s, const Actor* actor, const ResourceRecord& r) {
    return sees_resource(resource_viewer(s, actor), r.details.audience);
}

}  // namespace

ResourceViewer resource_viewer(Services& s, const Actor* actor) {
    ResourceViewer viewer;
    if (!actor) return viewer;
    viewer.role = actor->role;
    if (is_school_role(actor->role) && actor->school_urn)
        if (auto school = s.schools.find(*actor->school_urn))
            viewer.school_relationship = school->relationship;
    return viewer;
}

bool may_edit_resources(const Actor* actor) {
    return actor && edits_resources(actor->role);
}

Result<ResourceRecord> publish_resource(Services& s, const Actor& actor, const ResourceInput& input,
                                        const std::optional<UploadedFile>& file,
                                        const Acting& who) {
    if (!edits_resources(actor.role)) return std::unexpected(Error::forbidden());
    if (file && file->bytes.size() > kMaxResourceFileBytes) return std::unexpected(too_large());
    std::vector<FieldError> problems;
    auto details = validate_resource(input);
    if (!details) problems = field_errors(details.error());
    if (!input.url) {
        auto type = checked_file(file, problems);
        if (problems.empty())
            return resources_of(s).create_file(
                *details, NewFile{safe_filename(file->filename), *type, file->bytes}, who);
    } else if (problems.empty()) {
        return resources_of(s).create_link(*details, who);
    }
    return std::unexpected(Error::validation(std::move(problems)));
}

Result<ResourceRecord> add_resource_version(Services& s, const Actor& actor, std::int64_t id,
                                            const std::optional<UploadedFile>& file,
                                            const Acting& who) {
    if (!edits_resources(actor.role)) return std::unexpected(Error::forbidden());
    auto store = resources_of(s);
    auto existing = store.find(id);
    if (!existing) return std::unexpected(no_resource());
    if (existing->is_link())
        return std::unexpected(Error::conflict(
            "not_a_file", "This resource is a link; only a file resource has versions."));
    if (file && file->bytes.size() > kMaxResourceFileBytes) return std::unexpected(too_large());
    std::vector<FieldError> problems;
    auto type = checked_file(file, problems);
    if (!type) return std::unexpected(Error::validation(std::move(problems)));
    auto updated =
        store.add_version(id, NewFile{safe_filename(file->filename), *type, file->bytes}, who);
    if (!updated) return std::unexpected(no_resource());
    return *updated;
}

std::vector<ResourceRecord> search_resources(Services& s, const Actor* actor,
                                             const ResourceSearch& search) {
    const auto viewer = resource_viewer(s, actor);
    ResourceQuery query;
    query.words = search_words(search.q);
    if (search.tag && !trim(*search.tag).empty()) query.tag = to_lower(trim(*search.tag));
    std::optional<ResourceAudience> only;
    if (search.audience && !search.audience->empty()) {
        only = parse_term(resource_audience_terms(), *search.audience);
        if (!only) return {};
    }
    for (const auto& term : resource_audience_terms())
        if (sees_resource(viewer, term.value) && (!only || *only == term.value))
            query.audiences.push_back(term.value);

    auto found = resources_of(s).search(query);
    if (query.words.empty()) return found;  // newest first, as the store gives them
    // The index narrowed the list; the one rule of matching and ranking is core's.
    std::vector<std::pair<int, ResourceRecord>> ranked;
    for (auto& r : found)
        if (auto rank =
                search_rank(query.words, r.details.title, r.details.summary, r.details.tags))
            ranked.emplace_back(*rank, std::move(r));
    std::ranges::stable_sort(ranked, {}, [](const auto& p) { return p.first; });
    std::vector<ResourceRecord> out;
    out.reserve(ranked.size());
    for (auto& [rank, r] : ranked) out.push_back(std::move(r));
    return out;
}

Result<ResourceRecord> get_resource(Services& s, const Actor* actor, std::int64_t id) {
    auto found = resources_of(s).find(id);
    if (!found || !sees(s, actor, *found)) return std::unexpected(no_resource());
    return *found;
}

Result<StoredFile> download_resource(Services& s, const Actor* actor, std::int64_t id,
                                     std::optional<std::int64_t> version) {
    auto resource = get_resource(s, actor, id);
    if (!resource) return std::unexpected(resource.error());
    auto store = resources_of(s);
    auto file = store.file(id, version);
    if (!file) return std::unexpected(Error::not_found("No such file."));
    store.count_download(id, file->version.version);
    return std::move(*file);
}

}  // namespace sendhub
