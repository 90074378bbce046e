#pragma once
// multipart/form-data request bodies (RFC 7578): the form fields and files of an upload.
// The parser only splits the body; what a part may hold is decided by the caller.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sendhub::http {

struct MultipartPart {
    std::string name;
    std::optional<std::string> filename;  // a file part; none for a plain field
    std::string content_type;             // as the client said; never trusted for files
    std::string body;
};

//! The boundary of a `multipart/form-data; boundary=…` Content-Type, or none for any other
//! type or a boundary RFC 2046 does not allow (1 to 70 characters).
[[nodiscard]] std::optional<std::string> multipart_boundary(std::string_view content_type);

//! The parts of the body, in order; none when it is not well formed (no closing boundary, a
//! part without a Content-Disposition name, more than `max_parts` parts).
[[nodiscard]] std::optional<std::vector<MultipartPart>> parse_multipart(std::string_view body,
                                                                        std::string_view boundary,
                                                                        std::size_t max_parts = 32);

}  // namespace sendhub::http
