#pragma once
// Who is acting, carried from the request into every write: a request's history shows the
// name, the audit log the user and email, and the request id ties each change to the log
// line of the HTTP request that made it. Authorisation asks the Actor (core/policy.hpp);
// what is recorded is this, made from that Actor by acting_as().
#include <cstdint>
#include <optional>
#include <string>

#include "core/ids.hpp"
#include "core/policy.hpp"

namespace sendhub {

struct Acting {
    std::optional<UserId> user_id;  // none for the command line and background work
    std::string name;
    std::string email;
    std::string request_id;

    //! The user id as a stored value (none for the command line and background work).
    [[nodiscard]] std::optional<std::int64_t> user_value() const {
        return user_id ? std::optional(user_id->value) : std::nullopt;
    }
};

//! The signed-in person, acting within one HTTP request.
[[nodiscard]] inline Acting acting_as(const Actor& actor, std::string request_id) {
    return {actor.user_id, actor.name, actor.email, std::move(request_id)};
}

}  // namespace sendhub
