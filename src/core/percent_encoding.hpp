#pragma once
// Percent-encoding (RFC 3986 §2.1): unreserved characters as they are, every other byte %XX.
#include <string>
#include <string_view>

namespace sendhub {

//! Encodes `text`, leaving RFC 3986's unreserved characters and any in `also_keep` as they are.
[[nodiscard]] std::string percent_encode_except(std::string_view text,
                                                std::string_view also_keep = "");

}  // namespace sendhub
