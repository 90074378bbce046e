#pragma once
// View models and the status page shared by the outreach page handlers.
#include <nlohmann/json.hpp>

#include "adapter/request_context.hpp"
#include "service/outreach_service.hpp"
#include "service/planning_service.hpp"
#include "web/form_view.hpp"

namespace sendhub {

//! A visit's length, as the radios offer it.
[[nodiscard]] Options visit_length_options();

[[nodiscard]] std::string status_tag_class(RequestStatus status);
//! The levels work can be accepted and agreed at: an outreach grade, or the service's own.
[[nodiscard]] Options level_choices(const RequestInput& answers);
//! A quote's lines as the page's table shows them: {"description", "amount"}.
[[nodiscard]] nlohmann::json quote_rows(const Quote& quote);
[[nodiscard]] nlohmann::json request_summary_view(const RequestSummary& r);
[[nodiscard]] nlohmann::json request_summary_view(const RequestRecord& r);
//! The request's status page with every action this person may take; `form` carries the
//! errors of whichever form on it was just posted.
[[nodiscard]] http::Response render_request_page(RequestContext& ctx, const RequestRecord& r,
                                                 const FormView& form, int status);
//! A RequestInput from the request form's fields (blank pupil rows are skipped).
[[nodiscard]] RequestInput request_input_from_form(const http::FormData& form);
//! Visits that clash with leave or working days, each linked to where it is moved or cancelled.
[[nodiscard]] nlohmann::json clashes_view(const std::vector<Clash>& clashes);
//! Renames an error's fields (the service says "date"; the page's field is "progress_date").
[[nodiscard]] Error with_prefixed_fields(Error error, std::string_view prefix);

}  // namespace sendhub
