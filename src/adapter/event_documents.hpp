#pragma once
// The certificate of attendance a school downloads once the register shows someone attended.
#include <string>

#include "service/event_service.hpp"

namespace sendhub {

//! A one-page PDF: the attendee's name, the event, its date ("3 December 2026") and hours.
[[nodiscard]] std::string certificate_pdf(const Certificate& certificate);
//! "certificate-12.pdf"
[[nodiscard]] std::string certificate_filename(std::int64_t booking_id);

}  // namespace sendhub
