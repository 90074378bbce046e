#include "http/static_files.hpp"

#include <fstream>
#include <sstream>

namespace sendhub::http {
namespace {
std::string content_type_for(const std::filesystem::path& path) {
    auto ext = path.extension().string();
    if (ext == ".css") return "text/css; charset=utf-8";
    if (ext == ".js" || ext == ".mjs") return "text/javascript; charset=utf-8";
    if (ext == ".json") return "application/json";
    if (ext == ".svg") return "image/svg+xml";
    if (ext == ".png") return "image/png";
    if (ext == ".ico") return "image/x-icon";
    if (ext == ".woff2") return "font/woff2";
    return "application/octet-stream";
}

// FNV-1a: a cache validator, not a security hash.
std::string fingerprint(std::string_view data) {
    std::uint64_t h = 1469598103934665603ULL;
    for (unsigned char c : data) {
        h ^= c;
        h *= 1099511628211ULL;
    }
    std::ostringstream out;
    out << std::hex << h;
    return out.str().substr(0, 12);
}
}  // namespace

StaticFiles::StaticFiles(const std::filesystem::path& directory) {
    if (!std::filesystem::is_directory(directory)) return;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(directory)) {
        if (!entry.is_regular_file()) continue;
        std::ifstream in(entry.path(), std::ios::binary);
        std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        auto name = std::filesystem::relative(entry.path(), directory).generic_string();
        std::string etag = "\"" + fingerprint(content) + "\"";
        files_.emplace(name,
                       File{std::move(content), content_type_for(entry.path()), std::move(etag)});
    }
}

std::optional<Response> StaticFiles::serve(std::string_view name, const Request& request) const {
    auto it = files_.find(name);
    if (it == files_.end()) return std::nullopt;
    const File& file = it->second;
    Response r;
    // URLs carry ?v=<hash>, so a browser may keep a copy for a year and never ask again.
    r.set_header("Cache-Control", "public, max-age=31536000, immutable");
    r.set_header("ETag", file.etag);
    if (request.header("if-none-match") == file.etag) {
        r.status = 304;
        return r;
    }
    r.set_header("Content-Type", file.content_type);
    r.body = file.content;
    return r;
}

std::string StaticFiles::version_of(std::string_view name) const {
    auto it = files_.find(name);
    if (it == files_.end()) return "0";
    return it->second.etag.substr(1, it->second.etag.size() - 2);
}

}  // namespace sendhub::http
