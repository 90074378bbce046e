// The resource hub: search, a resource's page with its versions, publishing a document or a
// link, downloads, and the Autism Education Hub (public, and fuller once signed in).
#include "adapter/resource_download.hpp"
#include "adapter/upload.hpp"
#include "core/text.hpp"
#include "service/event_service.hpp"
#include "service/resource_service.hpp"
#include "web/form_view.hpp"
#include "web/page.hpp"
#include "web/resource_handlers.hpp"

namespace sendhub::pages {
namespace {

constexpr std::string_view kAutismTag = "autism";

const Actor* viewer_of(const RequestContext& ctx) {
    return ctx.signed_in() ? &ctx.actor() : nullptr;
}

std::optional<std::int64_t> path_number(const RequestContext& ctx, std::string_view name) {
    auto n = parse_int(ctx.param(name));
    if (!n || *n <= 0) return std::nullopt;
    return n;
}

std::string tags_text(const std::vector<std::string>& tags) {
    std::string out;
    for (const auto& t : tags) out += (out.empty() ? "" : ", ") + t;
    return out;
}

std::string file_href(std::int64_t id) {
    return "/resources/" + std::to_string(id) + "/file";
}

//! One result of a list: the page to open (signed in) and what to download or follow.
nlohmann::json resource_card(const ResourceRecord& r, bool signed_in) {
    const auto& d = r.details;
    nlohmann::json card{
        {"href", "/resources/" + std::to_string(r.id)},
        {"signed_in", signed_in},
        {"title", d.title},
        {"summary", d.summary},
        {"audience", term_of(resource_audience_terms(), d.audience).label},
        {"tags", d.tags.empty() ? nlohmann::json(false) : nlohmann::json(tags_text(d.tags))},
        {"link", r.is_link() ? nlohmann::json(*d.url) : nlohmann::json(false)},
        {"file", false},
    };
    if (!r.is_link() && !r.versions.empty()) {
        const auto& v = r.versions.back();
        card["file"] = {{"href", file_href(r.id)},
                        {"type", term_of(file_type_terms(), v.type).label},
                        {"size", format_file_size(v.size_bytes)}};
    }
    return card;
}

nlohmann::json cards_of(const std::vector<ResourceRecord>& resources, bool signed_in) {
    nlohmann::json cards = nlohmann::json::array();
    for (const auto& r : resources) cards.push_back(resource_card(r, signed_in));
    return cards;
}

nlohmann::json file_box(const FormView& form, std::string label, std::string hint) {
    return form.input("file", std::move(label), "", {.hint = std::move(hint), .type = "file"});
}

constexpr std::string_view kFileHint =
    "A PDF, Word, Excel or PowerPoint document, or a PNG or JPEG image, up to 20 MB";

http::Response render_resource_form(RequestContext& ctx, const FormView& form, int status) {
    const auto& f = ctx.form;
    nlohmann::json view{
        {"summary", form.summary()},
        {"fields",
         {{"title", form.input("title", "Title", f.get("title"))},
          {"summary_text", form.textarea("summary", "What it is and who it helps", f.get("summary"),
                                         "Shown in search results", 5)},
          {"audience", form.radios("audience", "Who may see it?",
                                   options_of(resource_audience_terms()), f.get("audience"),
                                   "Anyone: it is on the public hub too, without signing in")},
          {"tags", form.input("tags", "Tags (optional)", f.get("tags"),
                              {.hint = "Separated by commas, like autism, adaptive teaching"})},
          {"file", file_box(form, "Upload a document", std::string(kFileHint))},
          {"url",
           form.input("url", "Or give a link instead, such as a training video", f.get("url"),
                      {.hint = "Starts with https://. Leave it empty when you upload a "
                               "document.",
                       .type = "url",
                       .spellcheck = false})}}},
    };
    return render_page(ctx, "Publish a resource", "resource_form", std::move(view), status);
}

http::Response render_resource(RequestContext& ctx, const ResourceRecord& r, const FormView& form,
                               int status) {
    const auto& d = r.details;
    nlohmann::json versions = nlohmann::json::array();
    for (auto it = r.versions.rbegin(); it != r.versions.rend(); ++it)
        versions.push_back({{"version", it->version},
                            {"href", "/resources/" + std::to_string(r.id) + "/versions/" +
                                         std::to_string(it->version) + "/file"},
                            {"filename", it->filename},
                            {"type", term_of(file_type_terms(), it->type).label},
                            {"size", format_file_size(it->size_bytes)},
                            {"uploaded", format_long_date(london_date(it->uploaded_at))},
                            {"downloads", it->downloads},
                            {"current", it->version == r.current_version}});
    const bool editor = may_edit_resources(&ctx.actor());
    nlohmann::json view{
        {"summary", form.summary()},
        {"resource", resource_card(r, true)},
        {"id", r.id},
        {"summary_text", d.summary},
        {"published", format_long_date(london_date(r.created_at))},
        {"versions", versions},
        {"has_versions", !versions.empty()},
        {"editor", editor},
        {"downloads",
         r.downloads() == 1 ? std::string("once") : std::to_string(r.downloads()) + " times"},
        {"version_file", file_box(form, "Upload a new version", std::string(kFileHint))},
    };
    return render_page(ctx, d.title, "resource_show", std::move(view), status);
}

std::optional<UploadedFile> file_of(const std::optional<Upload>& upload) {
    if (!upload) return std::nullopt;
    const auto* part = upload->file("file");
    if (!part) return std::nullopt;
    return UploadedFile{part->filename.value_or(""), part->body};
}

http::Response send_resource_file(RequestContext& ctx, std::optional<std::int64_t> version) {
    auto id = path_number(ctx, "id");
    if (!id) return error_page(ctx, Error::not_found());
    auto file = download_resource(ctx.services, viewer_of(ctx), *id, version);
    if (!file) return error_page(ctx, file.error());
    return resource_download(*file);
}

}  // namespace

http::Response resources_page(RequestContext& ctx) {
    const auto q = ctx.query();
    ResourceSearch search{.q = q.get("q"), .tag = std::nullopt, .audience = std::nullopt};
    if (!q.get("tag").empty()) search.tag = q.get("tag");
    auto found = search_resources(ctx.services, &ctx.actor(), search);
    const bool searched = !trim(search.q).empty() || search.tag.has_value();
    nlohmann::json view{
        {"trust_name", ctx.services.config.trust_name},
        {"q", search.q},
        {"tag", search.tag.value_or("")},
        {"resources", cards_of(found, true)},
        {"has_resources", !found.empty()},
        {"searched", searched},
        {"count", std::to_string(found.size()) + (found.size() == 1 ? " resource" : " resources")},
        {"editor", may_edit_resources(&ctx.actor())},
    };
    return render_page(ctx, "Resource hub", "resources_list", std::move(view));
}

http::Response resource_new(RequestContext& ctx) {
    if (!may_edit_resources(&ctx.actor())) return error_page(ctx, Error::forbidden());
    return render_resource_form(ctx, FormView{}, 200);
}

http::Response resource_create_page(RequestContext& ctx) {
    const auto& f = ctx.form;
    const auto upload = read_upload(ctx.request);
    const auto file = file_of(upload);
    // A link typed in makes a link resource; otherwise the form asks for its document.
    std::optional<std::string> url;
    if (!trim(f.get("url")).empty()) url = f.get("url");
    ResourceInput input{.title = f.get("title"),
                        .summary = f.get("summary"),
                        .audience = f.get("audience"),
                        .tags = split_tags(f.get("tags")),
                        .url = url};
    auto created = publish_resource(ctx.services, ctx.actor(), input, file, ctx.acting());
    if (!created)
        return form_failure(ctx, created.error(), [&](const FormView& form, int status) {
            return render_resource_form(ctx, form, status);
        });
    return redirect_with_flash(ctx, "/resources/" + std::to_string(created->id),
                               "The resource is published");
}

http::Response resource_page(RequestContext& ctx) {
    auto id = path_number(ctx, "id");
    if (!id) return error_page(ctx, Error::not_found());
    auto resource = get_resource(ctx.services, &ctx.actor(), *id);
    if (!resource) return error_page(ctx, resource.error());
    return render_resource(ctx, *resource, FormView{}, 200);
}

http::Response resource_version_page(RequestContext& ctx) {
    auto id = path_number(ctx, "id");
    if (!id) return error_page(ctx, Error::not_found());
    auto added = add_resource_version(ctx.services, ctx.actor(), *id,
                                      file_of(read_upload(ctx.request)), ctx.acting());
    if (!added) {
        auto resource = get_resource(ctx.services, &ctx.actor(), *id);
        if (!resource) return error_page(ctx, resource.error());
        return form_failure(ctx, added.error(), [&](const FormView& form, int status) {
            return render_resource(ctx, *resource, form, status);
        });
    }
    return redirect_with_flash(ctx, "/resources/" + std::to_string(*id),
                               "Version " + std::to_string(added->current_version) +
                                   " is uploaded; earlier versions stay listed");
}

http::Response resource_file_page(RequestContext& ctx) {
    return send_resource_file(ctx, std::nullopt);
}

http::Response resource_version_file_page(RequestContext& ctx) {
    auto version = path_number(ctx, "n");
    if (!version) return error_page(ctx, Error::not_found());
    return send_resource_file(ctx, *version);
}

http::Response autism_hub_page(RequestContext& ctx) {
    const Actor* viewer = viewer_of(ctx);
    std::vector<EventRecord> events;
    if (viewer) {
        EventFilter filter;
        filter.tag = std::string(kAutismTag);
        filter.starting_after = format_local_time(london_local_time(ctx.services.clock().now()));
        events = list_events(ctx.services, *viewer, filter);
    } else {
        events = public_events(ctx.services);
        std::erase_if(events, [](const EventRecord& e) {
            return std::ranges::find(e.details.tags, kAutismTag) == e.details.tags.end();
        });
    }
    nlohmann::json event_items = nlohmann::json::array();
    for (const auto& e : events)
        event_items.push_back({{"href", "/events/" + std::to_string(e.id)},
                               {"title", e.details.title},
                               {"when", format_event_when(e.details.starts_at, e.details.ends_at)},
                               {"where", event_where(e.details)},
                               {"summary", e.details.summary}});
    auto resources = search_resources(
        ctx.services, viewer, {.q = "", .tag = std::string(kAutismTag), .audience = std::nullopt});
    nlohmann::json view{
        {"trust_name", ctx.services.config.trust_name},
        {"signed_in", viewer != nullptr},
        {"events", event_items},
        {"has_events", !event_items.empty()},
        {"resources", cards_of(resources, viewer != nullptr)},
        {"has_resources", !resources.empty()},
    };
    return render_page(ctx, "Autism Education Hub", "autism_hub", std::move(view));
}

}  // namespace sendhub::pages
