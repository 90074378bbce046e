#include "core/trust_settings.hpp"

#include <cctype>

#include "core/email.hpp"
#include "core/text.hpp"

namespace sendhub {
namespace {

std::string digits_of(std::string_view text) {
    std::string out;
    for (char ch : text)
        if (std::isdigit(static_cast<unsigned char>(ch))) out += ch;
    return out;
}

bool only(std::string_view text, std::string_view allowed_punctuation) {
    for (char ch : text)
        if (!std::isdigit(static_cast<unsigned char>(ch)) &&
            allowed_punctuation.find(ch) == std::string_view::npos)
            return false;
    return true;
}

}  // namespace

Result<TrustSettings> validate_trust_settings(TrustSettings in) {
    Validator v;
    in.name = trim(in.name);
    in.address = trim(in.address);
    in.phone = trim(in.phone);
    in.bank_account_name = trim(in.bank_account_name);
    if (in.name.empty()) v.fail("name", "required", "Enter the trust's name");
    if (in.address.empty()) v.fail("address", "required", "Enter the trust's postal address");
    if (auto email = normalise_email(in.email))
        in.email = *email;
    else
        v.fail("email", "invalid", "Enter the finance email address, like finance@trust.org.uk");
    if (!in.phone.empty() && (!only(in.phone, " +()-") || digits_of(in.phone).size() < 10))
        v.fail("phone", "invalid", "Enter a phone number, like 01632 960 001");
    if (in.bank_account_name.empty())
        v.fail("bank_account_name", "required", "Enter the name on the bank account");
    const std::string sort = digits_of(in.sort_code);
    if (sort.size() != 6 || !only(in.sort_code, " -"))
        v.fail("sort_code", "invalid", "Enter a sort code of 6 digits, like 30-99-50");
    else
        in.sort_code = sort.substr(0, 2) + "-" + sort.substr(2, 2) + "-" + sort.substr(4, 2);
    const std::string account = digits_of(in.account_number);
    if (account.size() != 8 || !only(in.account_number, " "))
        v.fail("account_number", "invalid", "Enter an account number of 8 digits, like 00733445");
    else
        in.account_number = account;
    if (in.vat_number) {
        std::string vat;
        for (char ch : *in.vat_number)
            if (ch != ' ') vat += static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
        if (vat.empty()) {
            in.vat_number.reset();
        } else {
            if (vat.starts_with("GB")) vat = vat.substr(2);
            if ((vat.size() != 9 && vat.size() != 12) || digits_of(vat) != vat)
                v.fail("vat_number", "invalid",
                       "Enter a UK VAT number, like GB123456789, or leave it empty if the trust "
                       "is not registered for VAT");
            else
                in.vat_number = "GB" + vat;
        }
    }
    if (!v.ok()) return std::unexpected(std::move(v).error());
    return in;
}

std::string vat_status(const TrustSettings& settings) {
    if (settings.vat_number) return "VAT registration number " + *settings.vat_number;
    return "Not registered for VAT: no VAT is charged";
}

}  // namespace sendhub
