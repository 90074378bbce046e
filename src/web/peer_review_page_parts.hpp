#pragma once
// What the cluster pages and the review pages share. Each page holds several forms, so each
// form's fields carry its name ("day.notes") to keep every id on the page unique and put a
// message beside the right box.
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/vocabulary.hpp"
#include "service/peer_review_service.hpp"
#include "web/form_view.hpp"

namespace sendhub::pages::peer_review {

template <class Enum>
[[nodiscard]] std::string label_of(std::span<const Term<Enum>> terms, Enum value) {
    return std::string(term_of(terms, value).label);
}

//! The error with each field named as the page's form names it ("notes" → "day.notes").
[[nodiscard]] Error in_form(Error error, const std::string& form);

//! The form that failed and its errors; every other form on the page is shown empty.
struct Failed {
    std::string form;
    FormView view;
    [[nodiscard]] const FormView& of(std::string_view name) const {
        static const FormView empty;
        return form == name ? view : empty;
    }
};

[[nodiscard]] std::string cluster_href(std::int64_t id);
[[nodiscard]] std::string review_href(std::int64_t id);
//! The name of a school in the cluster; empty when it is not one of them.
[[nodiscard]] std::string school_name(const ClusterRecord& cluster,
                                      std::optional<std::int64_t> urn);

}  // namespace sendhub::pages::peer_review
