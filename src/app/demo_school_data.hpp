#pragma once
// Demo termly returns and self-evaluation: a SEND self-evaluation framework of twenty
// statements in five areas, rated by each trust academy and the demo school this term and
// last, and their returns for both terms.
#include <cstdio>

#include "core/error.hpp"
#include "core/school.hpp"
#include "service/services.hpp"

namespace sendhub {

[[nodiscard]] Result<void> load_demo_school_data(Services& s, const Actor& coordinator,
                                                 const School& senco_school, std::FILE* out);

}  // namespace sendhub
