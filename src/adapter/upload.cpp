#include "adapter/upload.hpp"

namespace sendhub {

const http::MultipartPart* Upload::file(std::string_view name) const {
    for (const auto& part : files)
        if (part.name == name && (!part.filename->empty() || !part.body.empty())) return &part;
    return nullptr;
}

bool is_multipart(const http::Request& request) {
    return http::multipart_boundary(request.header("content-type").value_or("")).has_value();
}

std::optional<Upload> read_upload(const http::Request& request) {
    auto boundary = http::multipart_boundary(request.header("content-type").value_or(""));
    if (!boundary) return std::nullopt;
    auto parts = http::parse_multipart(request.body, *boundary);
    if (!parts) return std::nullopt;
    Upload upload;
    for (auto& part : *parts) {
        if (part.filename)
            upload.files.push_back(std::move(part));
        else
            upload.fields.add(std::move(part.name), std::move(part.body));
    }
    return upload;
}

}  // namespace sendhub
