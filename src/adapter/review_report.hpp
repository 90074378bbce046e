#pragma once
// The printable peer review report a host school takes to its governors.
#include <string>

#include "core/trust_settings.hpp"
#include "service/peer_review_service.hpp"

namespace sendhub {

//! The host, date, cluster and reviewers; each line of enquiry with the statement it asks
//! about and its findings (strengths and areas for development, with evidence); then the
//! improvement actions with owners, due dates, impact measures and follow-ups.
[[nodiscard]] std::string review_report_pdf(const ReviewView& view, const TrustSettings& trust);
//! "peer-review-12.pdf"
[[nodiscard]] std::string review_report_filename(std::int64_t review_id);

}  // namespace sendhub
