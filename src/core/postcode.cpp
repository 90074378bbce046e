#include "core/postcode.hpp"

#include <cctype>

namespace sendhub {
namespace {
bool is_alpha(char c) {
    return std::isalpha(static_cast<unsigned char>(c)) != 0;
}
bool is_digit(char c) {
    return std::isdigit(static_cast<unsigned char>(c)) != 0;
}

// Outward code shapes: A9, A99, AA9, AA99, A9A, AA9A (Royal Mail PAF guide).
bool is_outcode(std::string_view s) {
    if (s.size() < 2 || s.size() > 4 || !is_alpha(s[0])) return false;
    std::size_t i = 1;
    if (i < s.size() && is_alpha(s[i])) ++i;
    if (i >= s.size() || !is_digit(s[i])) return false;
    ++i;
    if (i < s.size() && (is_digit(s[i]) || is_alpha(s[i]))) ++i;
    return i == s.size();
}
}  // namespace

std::optional<std::string> normalise_postcode(std::string_view raw) {
    std::string compact;
    for (char c : raw) {
        if (c == ' ' || c == '\t') continue;
        compact += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    if (compact.size() < 5 || compact.size() > 7) return std::nullopt;
    std::string_view out(compact.data(), compact.size() - 3);
    std::string_view in(compact.data() + compact.size() - 3, 3);
    if (!is_outcode(out) || !is_digit(in[0]) || !is_alpha(in[1]) || !is_alpha(in[2]))
        return std::nullopt;
    return std::string(out) + " " + std::string(in);
}

std::string outcode_of(std::string_view normalised_postcode) {
    return std::string(normalised_postcode.substr(0, normalised_postcode.find(' ')));
}

}  // namespace sendhub
