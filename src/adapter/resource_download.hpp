#pragma once
// A hub file on its way out: always an attachment under a safe name, typed by its extension
// (never text/html), and never sniffed by the browser into something else.
#include "http/message.hpp"
#include "service/resource_service.hpp"

namespace sendhub {

[[nodiscard]] inline http::Response resource_download(const StoredFile& file) {
    auto r =
        http::Response::with_body(200, std::string(content_type_of(file.version.type)), file.bytes);
    r.set_header("Content-Disposition", "attachment; filename=\"" + file.version.filename + "\"");
    r.set_header("X-Content-Type-Options", "nosniff");
    return r;
}

}  // namespace sendhub
