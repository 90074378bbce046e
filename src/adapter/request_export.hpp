#pragma once
// Outreach requests as a CSV a coordinator opens in a spreadsheet: who asked, what for,
// where it has got to, and who is doing it. No pupil or concern text leaves in it.
#include <string>
#include <vector>

#include "service/outreach_service.hpp"

namespace sendhub {

[[nodiscard]] std::string requests_csv(const std::vector<RequestRecord>& requests);

}  // namespace sendhub
