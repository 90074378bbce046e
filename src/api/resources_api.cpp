// The resource hub (api-contract-resources.md).
#include "adapter/resource_download.hpp"
#include "adapter/upload.hpp"
#include "api/json_input.hpp"
#include "api/paged.hpp"
#include "api/resource_handlers.hpp"
#include "api/respond.hpp"
#include "service/resource_service.hpp"

namespace sendhub::api {
namespace {

nlohmann::json resource_json(const ResourceRecord& r) {
    const auto& d = r.details;
    nlohmann::json tags = nlohmann::json::array();
    for (const auto& t : d.tags) tags.push_back(t);
    nlohmann::json versions = nlohmann::json::array();
    for (const auto& v : r.versions)
        versions.push_back({{"version", v.version},
                            {"filename", v.filename},
                            {"content_type", content_type_of(v.type)},
                            {"size_bytes", v.size_bytes},
                            {"downloads", v.downloads},
                            {"uploaded_at", format_timestamp(v.uploaded_at)}});
    nlohmann::json out = {
        {"id", r.id},
        {"title", d.title},
        {"summary", d.summary},
        {"audience", term_of(resource_audience_terms(), d.audience).code},
        {"tags", tags},
        {"kind", r.is_link() ? "link" : "file"},
        {"versions", versions},
        {"downloads", r.downloads()},
        {"created_at", format_timestamp(r.created_at)},
    };
    if (r.is_link())
        out["url"] = *d.url;
    else
        out["current_version"] = r.current_version;
    return out;
}

Error no_resource() {
    return Error::not_found("No such resource.");
}

Error unreadable_upload() {
    return Error::bad_request("bad_multipart",
                              "The upload could not be read: send multipart/form-data.");
}

std::optional<UploadedFile> file_of(const Upload& upload) {
    const auto* part = upload.file("file");
    if (!part) return std::nullopt;
    return UploadedFile{part->filename.value_or(""), part->body};
}

ResourceSearch search_of(RequestContext& ctx) {
    const auto q = ctx.query();
    ResourceSearch search{.q = q.get("q"), .tag = std::nullopt, .audience = std::nullopt};
    if (q.has("tag")) search.tag = q.get("tag");
    if (q.has("audience")) search.audience = q.get("audience");
    return search;
}

http::Response file_response(const Result<StoredFile>& file) {
    if (!file) return json_error(file.error());
    return resource_download(*file);
}

}  // namespace

http::Response resources_list(RequestContext& ctx) {
    return paged(ctx, search_resources(ctx.services, &ctx.actor(), search_of(ctx)), resource_json);
}

http::Response resource_create(RequestContext& ctx) {
    if (is_multipart(ctx.request)) {
        auto upload = read_upload(ctx.request);
        if (!upload) return json_error(unreadable_upload());
        const auto& fields = upload->fields;
        ResourceInput input{.title = fields.get("title"),
                            .summary = fields.get("summary"),
                            .audience = fields.get("audience"),
                            .tags = split_tags(fields.get("tags")),
                            .url = std::nullopt};
        return respond(
            publish_resource(ctx.services, ctx.actor(), input, file_of(*upload), ctx.acting()), 201,
            resource_json);
    }
    auto f = JsonFields::from_body(ctx.request);
    ResourceInput input{.title = f.text("title"),
                        .summary = f.text("summary"),
                        .audience = f.text("audience"),
                        .tags = f.strings("tags"),
                        .url = f.text("url")};
    if (auto checked = f.check(); !checked) return json_error(checked.error());
    return respond(publish_resource(ctx.services, ctx.actor(), input, std::nullopt, ctx.acting()),
                   201, resource_json);
}

http::Response resource_get(RequestContext& ctx) {
    auto id = parse_int(ctx.param("id"));
    if (!id) return json_error(no_resource());
    return respond(get_resource(ctx.services, &ctx.actor(), *id), 200, resource_json);
}

http::Response resource_version_create(RequestContext& ctx) {
    auto id = parse_int(ctx.param("id"));
    if (!id) return json_error(no_resource());
    auto upload = read_upload(ctx.request);
    if (!upload) return json_error(unreadable_upload());
    return respond(
        add_resource_version(ctx.services, ctx.actor(), *id, file_of(*upload), ctx.acting()), 201,
        resource_json);
}

http::Response resource_file(RequestContext& ctx) {
    auto id = parse_int(ctx.param("id"));
    if (!id) return json_error(no_resource());
    return file_response(download_resource(ctx.services, &ctx.actor(), *id, std::nullopt));
}

http::Response resource_version_file(RequestContext& ctx) {
    auto id = parse_int(ctx.param("id"));
    auto version = parse_int(ctx.param("n"));
    if (!id || !version) return json_error(no_resource());
    return file_response(download_resource(ctx.services, &ctx.actor(), *id, *version));
}

// The public hub answers as if nobody were signed in, whoever asks.
http::Response public_resources_list(RequestContext& ctx) {
    auto search = search_of(ctx);
    search.audience.reset();
    return paged(ctx, search_resources(ctx.services, nullptr, search), resource_json);
}

http::Response public_resource_get(RequestContext& ctx) {
    auto id = parse_int(ctx.param("id"));
    if (!id) return json_error(no_resource());
    return respond(get_resource(ctx.services, nullptr, *id), 200, resource_json);
}

http::Response public_resource_file(RequestContext& ctx) {
    auto id = parse_int(ctx.param("id"));
    if (!id) return json_error(no_resource());
    return file_response(download_resource(ctx.services, nullptr, *id, std::nullopt));
}

}  // namespace sendhub::api
