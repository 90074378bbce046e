#include "core/email.hpp"

#include <algorithm>

#include "core/text.hpp"

namespace sendhub {

std::optional<std::string> normalise_email(std::string_view raw) {
    std::string email = to_lower(trim(raw));
    auto at = email.find('@');
    if (email.size() > 254 || at == std::string::npos || at == 0 ||
        email.find('@', at + 1) != std::string::npos)
        return std::nullopt;
    auto domain = std::string_view(email).substr(at + 1);
    auto dot = domain.rfind('.');
    if (dot == std::string_view::npos || dot == 0 || dot + 1 >= domain.size()) return std::nullopt;
    bool bad_char = std::ranges::any_of(email, [](char c) {
        return static_cast<unsigned char>(c) <= ' ' || c == '<' || c == '>' || c == '"' || c == ',';
    });
    if (bad_char) return std::nullopt;
    return email;
}

}  // namespace sendhub
