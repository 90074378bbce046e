#pragma once
// The school part of the screening and audit forms: a SENCO records for their own school,
// shown by name; a therapist named for several chooses one.
#include <nlohmann/json.hpp>
#include <string>

#include "adapter/request_context.hpp"
#include "web/form_view.hpp"

namespace sendhub::pages {

//! The schools the actor records audits and rounds for, as form options.
[[nodiscard]] Options schools_to_record(RequestContext& ctx);
//! {one_school, one_school_urn, school_urn}: the only school by name with a hidden field, or
//! a select of several.
[[nodiscard]] nlohmann::json school_choice(const FormView& form, const Options& schools,
                                           std::string_view typed);
//! The school the form posted, or the actor's only one.
[[nodiscard]] std::string posted_school(const http::FormData& form, const Options& schools);

}  // namespace sendhub::pages
