#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace sendhub {

//! Trims and lower-cases an email address; nullopt unless it looks like local@domain.tld.
//! Deliverability is proved by sending, not by pattern (RFC 5321 allows far more).
[[nodiscard]] std::optional<std::string> normalise_email(std::string_view raw);

}  // namespace sendhub
