#pragma once
// Names of sendhub's cookies. Behind TLS the session cookie takes the __Host- prefix
// (RFC 6265bis §4.1.3.2: Secure, Path=/, no Domain), which a sibling host cannot set.
#include <string>

#include "service/config.hpp"

namespace sendhub {

[[nodiscard]] inline std::string session_cookie_name(const Config& config) {
    return config.behind_tls ? "__Host-sendhub_session" : "sendhub_session";
}

//! Double-submit token for the sign-in form, which is posted before any session exists.
inline constexpr std::string_view kLoginCsrfCookie = "sendhub_login_csrf";

}  // namespace sendhub
