#pragma once
// Files compiled into the binary (migrations, templates, the OpenAPI document).
#include <string_view>
#include <vector>

namespace sendhub {

struct EmbeddedFile {
    std::string_view path;  // relative to the repository root, e.g. "templates/layout.mustache"
    std::string_view content;
};

[[nodiscard]] const std::vector<EmbeddedFile>& embedded_files();

}  // namespace sendhub
