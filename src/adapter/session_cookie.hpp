#pragma once
// Names of sendhub's cookies. Behind TLS every cookie takes the __Host- prefix
// (RFC 6265bis §4.1.3.2: Secure, Path=/, no Domain), which a sibling host cannot set, so
// a neighbouring subdomain can plant neither a session nor a sign-in CSRF token.
#include <string>
#include <string_view>

#include "service/config.hpp"

namespace sendhub {

[[nodiscard]] inline std::string cookie_name(const Config& config, std::string_view name) {
    return (config.behind_tls ? "__Host-" : "") + std::string(name);
}

[[nodiscard]] inline std::string session_cookie_name(const Config& config) {
    return cookie_name(config, "sendhub_session");
}

//! Double-submit token for the sign-in form, which is posted before any session exists.
[[nodiscard]] inline std::string login_csrf_cookie_name(const Config& config) {
    return cookie_name(config, "sendhub_login_csrf");
}

//! The password step of a two-step sign-in, waiting for its code (it signs nobody in).
[[nodiscard]] inline std::string pending_sign_in_cookie_name(const Config& config) {
    return cookie_name(config, "sendhub_sign_in");
}

//! Set-Cookie attributes for this deployment (Secure behind TLS): Path=/, HttpOnly, SameSite=Lax.
[[nodiscard]] inline std::string cookie_attributes(const Config& config,
                                                   std::string_view extra = "") {
    std::string attributes = "; Path=/; HttpOnly; SameSite=Lax";
    if (config.behind_tls) attributes += "; Secure";
    if (!extra.empty()) attributes += "; " + std::string(extra);
    return attributes;
}

//! The one-off message shown after a form is saved ("Your password has been changed").
[[nodiscard]] inline std::string flash_cookie_name(const Config& config) {
    return cookie_name(config, "sendhub_flash");
}

}  // namespace sendhub
