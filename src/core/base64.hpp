#pragma once
// Standard base64 (RFC 4648 §4, with padding): how a stored file's bytes travel as text, which
// both database engines hold and copy alike.
#include <optional>
#include <string>
#include <string_view>

namespace sendhub {

[[nodiscard]] std::string base64_encode(std::string_view bytes);
//! None when the text is not padded base64 of the standard alphabet.
[[nodiscard]] std::optional<std::string> base64_decode(std::string_view text);

}  // namespace sendhub
