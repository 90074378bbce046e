#pragma once
// What every invoice and credit note prints about the trust: who to pay, how, and whom to
// ask. Pure C++, no I/O.
#include <optional>
#include <string>

#include "core/error.hpp"

namespace sendhub {

struct TrustSettings {
    std::string name;
    std::string address;  // lines separated by newlines
    std::string email;
    std::string phone;
    std::optional<std::string> vat_number;  // none: not registered for VAT
    std::string bank_account_name;
    std::string sort_code;       // "12-34-56"
    std::string account_number;  // 8 digits
};

//! Checks and tidies the settings: a name, an address, a valid email, a UK sort code (six
//! digits, stored as 12-34-56), an 8-digit account number and, if given, a UK VAT number
//! (GB and 9 or 12 digits, stored without spaces). Every problem is named on its field.
[[nodiscard]] Result<TrustSettings> validate_trust_settings(TrustSettings input);
//! "VAT registration number GB123456789", or that the trust does not charge VAT.
[[nodiscard]] std::string vat_status(const TrustSettings& settings);

}  // namespace sendhub
