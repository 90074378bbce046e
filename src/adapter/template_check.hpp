#pragma once
// Which keys a mustache template asks of its view that the view does not have. Mustache
// renders a missing key as nothing, so a view that forgets a key, or a key renamed on one
// side only, shows a blank on the page and no error anywhere. With strict templates on
// (the test suites turn it on), every render is checked and such a page fails loudly.
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sendhub {

//! The partial's source by name ({{> name}}), or nullopt when there is no such partial.
using PartialSource = std::function<std::optional<std::string_view>(std::string_view name)>;

//! The keys the template uses but cannot find in the view where they are used, each with
//! its section path ("school.name", "rows > status"), in order of first use. Walks the
//! template as mustache renders it: a section over a list is checked for each item, over an
//! object inside that object, and a section that would not render is not checked inside.
[[nodiscard]] std::vector<std::string> missing_template_keys(std::string_view source,
                                                             const nlohmann::json& view,
                                                             const PartialSource& partials);

}  // namespace sendhub
