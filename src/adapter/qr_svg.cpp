#include "adapter/qr_svg.hpp"

#include <qrencode.h>

#include <memory>
#include <stdexcept>

namespace sendhub {
namespace {
struct QrFree {
    void operator()(QRcode* code) const { QRcode_free(code); }
};
constexpr int kQuietZone = 4;

std::string attribute_text(std::string_view text) {
    std::string out;
    for (char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            default:
                out += c;
        }
    }
    return out;
}
}  // namespace

std::string qr_svg(std::string_view text, std::string_view label) {
    std::string input(text);
    std::unique_ptr<QRcode, QrFree> code(
        QRcode_encodeString(input.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1));
    if (!code) throw std::runtime_error("the QR code could not be made");
    const int width = code->width;
    const int size = width + 2 * kQuietZone;
    // One path of unit squares: small, and crisp at any zoom.
    std::string path;
    path.reserve(static_cast<std::size_t>(width * width) * 6);
    for (int y = 0; y < width; ++y) {
        for (int x = 0; x < width; ++x) {
            if ((code->data[y * width + x] & 1) == 0) continue;
            path += "M" + std::to_string(x + kQuietZone) + " " + std::to_string(y + kQuietZone) +
                    "h1v1h-1z";
        }
    }
    std::string s = std::to_string(size);
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"app-qr-code\" viewBox=\"0 0 " + s +
           " " + s + "\" width=\"" + std::to_string(size * 5) + "\" height=\"" +
           std::to_string(size * 5) + "\" role=\"img\" aria-label=\"" + attribute_text(label) +
           "\" shape-rendering=\"crispEdges\"><rect width=\"" + s + "\" height=\"" + s +
           "\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>";
}

}  // namespace sendhub
