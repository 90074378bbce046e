#pragma once
// The JSON shapes of partners and the front door (api-contract-partners.md), shared by the API
// and the audit log.
#include <nlohmann/json.hpp>

#include "core/enquiry.hpp"
#include "core/partnership.hpp"
#include "core/school_account.hpp"

namespace sendhub {

//! A partnership; `with_notes` is false for a school's staff, who never see the trust's notes.
[[nodiscard]] nlohmann::json partnership_json(const Partnership& p, bool with_notes = true);
[[nodiscard]] nlohmann::json enquiry_json(const Enquiry& e);
//! Never the password hash or the verification token.
[[nodiscard]] nlohmann::json registration_json(const Registration& r);
//! Never the token: it is only in the email.
[[nodiscard]] nlohmann::json invitation_json(const Invitation& i);

}  // namespace sendhub
