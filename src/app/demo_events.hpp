#pragma once
// Demo training and events: a half-termly SENCO network series, the annual conference, a free
// webinar for anyone, and a small course already full with people waiting.
#include <cstdio>

#include "core/error.hpp"
#include "service/services.hpp"

namespace sendhub {

//! `organiser` creates the events; `booker` (a school's SENCO) books the course's places.
[[nodiscard]] Result<void> load_demo_events(Services& s, const Actor& organiser,
                                            const Actor& booker, const Acting& who, std::FILE* out);

}  // namespace sendhub
