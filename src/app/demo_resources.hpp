#pragma once
// Demo resource hub: the adaptive teaching pack (guides, a checklist and a planning
// spreadsheet), public autism guidance, templates for partner schools and a trust staff guide.
#include <cstdio>

#include "core/error.hpp"
#include "service/services.hpp"

namespace sendhub {

//! `editor` (an administrator or coordinator) publishes every resource.
[[nodiscard]] Result<void> load_demo_resources(Services& s, const Actor& editor, const Acting& who,
                                               std::FILE* out);

}  // namespace sendhub
