#pragma once
// A multipart/form-data request read once into its plain fields and its files. The pipeline
// reads the fields for the CSRF check of an upload form; the handler takes the files.
#include <optional>
#include <string_view>
#include <vector>

#include "core/resources.hpp"
#include "http/message.hpp"
#include "http/multipart.hpp"
#include "http/url.hpp"

namespace sendhub {

//! The largest body an upload route takes: one file at its limit and room for the other parts.
inline constexpr std::size_t kMaxUploadBodyBytes = kMaxResourceFileBytes + (std::size_t{1} << 20);

struct Upload {
    http::FormData fields;                   // parts without a file name
    std::vector<http::MultipartPart> files;  // parts with one
    //! The file sent as `name` that has a name or bytes (a form's empty file box is no file).
    [[nodiscard]] const http::MultipartPart* file(std::string_view name) const;
};

[[nodiscard]] bool is_multipart(const http::Request& request);
//! None when the body is not well-formed multipart/form-data.
[[nodiscard]] std::optional<Upload> read_upload(const http::Request& request);

}  // namespace sendhub
