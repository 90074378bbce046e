#include "web/peer_review_page_parts.hpp"

namespace sendhub::pages::peer_review {

Error in_form(Error error, const std::string& form) {
    if (!error.field.empty()) error.field = form + "." + error.field;
    for (auto& f : error.fields) f.field = form + "." + f.field;
    return error;
}

std::string cluster_href(std::int64_t id) {
    return "/clusters/" + std::to_string(id);
}
std::string review_href(std::int64_t id) {
    return "/reviews/" + std::to_string(id);
}

std::string school_name(const ClusterRecord& cluster, std::optional<std::int64_t> urn) {
    for (const auto& m : cluster.schools)
        if (urn == m.urn) return m.name;
    return "";
}

}  // namespace sendhub::pages::peer_review
