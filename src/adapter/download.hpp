#pragma once
// File downloads (PDF, CSV, XLSX): the same bytes whatever the Accept header says.
#include <string>

#include "http/message.hpp"

namespace sendhub {

//! `inline` opens in the browser (PDF); `attachment` saves (exports).
[[nodiscard]] inline http::Response download(std::string bytes, const std::string& content_type,
                                             const std::string& filename, bool inline_view) {
    auto r = http::Response::with_body(200, content_type, std::move(bytes));
    r.set_header("Content-Disposition", std::string(inline_view ? "inline" : "attachment") +
                                            "; filename=\"" + filename + "\"");
    return r;
}

}  // namespace sendhub
