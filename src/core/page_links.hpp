#pragma once
// Where a notification leads: the page of the request or visit it is about. Emails and the
// inbox carry these paths; the routes in src/app/routes.cpp serve them.
#include <string>
#include <string_view>

#include "core/agreement.hpp"
#include "core/outreach.hpp"

namespace sendhub {

[[nodiscard]] inline std::string request_link(RequestId id) {
    return "/requests/" + std::to_string(id.value);
}
[[nodiscard]] inline std::string visit_link(VisitId id) {
    return "/visits/" + std::to_string(id.value);
}

//! Where opening a message may lead: a path on this site, else `fallback` (a stored link is
//! never a way off it: "//evil.example" and "https://…" are refused).
[[nodiscard]] inline std::string local_link_or(std::string_view link, std::string_view fallback) {
    bool local = link.starts_with('/') && !link.starts_with("//") && !link.starts_with("/\\");
    return std::string(local ? link : fallback);
}

}  // namespace sendhub
