#pragma once
// QR codes drawn as SVG on the server (libqrencode), so a page needs no script or image file.
#include <string>
#include <string_view>

namespace sendhub {

//! An <svg> holding `text` as a QR code (error correction M, a four-module quiet zone),
//! labelled `label` for screen readers. Throws std::runtime_error if the text is too long.
[[nodiscard]] std::string qr_svg(std::string_view text, std::string_view label);

}  // namespace sendhub
