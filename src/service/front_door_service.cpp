#include "service/front_door_service.hpp"

#include "core/text.hpp"
#include "security/digest.hpp"
#include "service/finance_service.hpp"

namespace sendhub {
namespace {

EnquiryEmails enquiry_emails(const Enquiry& e, const std::string& base) {
    std::string topic(term_of(enquiry_topic_terms(), e.topic).label);
    EnquiryEmails m;
    m.to_partnerships_subject = "New enquiry from " + e.organisation;
    std::string opening = e.name + " from " + e.organisation + " sent an enquiry about: " + topic +
                          ".\r\n\r\nRead it and reply on sendhub:\r\n\r\n" + base + "/enquiries/";
    m.to_partnerships_body = [opening](EnquiryId id) { return opening + std::to_string(id.value); };
    m.confirmation_subject = "We have your enquiry";
    // The confirmation never repeats the message: the address typed may not be the sender's.
    m.confirmation_body =
        "Thank you for your enquiry about: " + topic +
        ".\r\n\r\nSomeone from the trust's partnerships team will reply within 5 school days. "
        "If you did not send an enquiry, you can ignore this email.";
    return m;
}
}  // namespace

OutreachOffer current_offer(Services& s) {
    auto tariffs = list_tariffs(s);
    return outreach_offer(tariffs, s.clock().today());
}

Result<Enquiry> send_enquiry(Services& s, const EnquiryInput& input,
                             std::string_view client_address, const Acting& who) {
    SENDHUB_ASSIGN_OR_RETURN(Enquiry e, validate_enquiry(input));
    auto emails = enquiry_emails(e, s.config.public_url);
    // Only a hash of the address is kept: enough to count an hour's enquiries.
    const std::string client_key = sha256_hex("enquiry-client:" + std::string(client_address));
    return s.enquiries.create(std::move(e), client_key, emails, who);
}

Page<Enquiry> list_enquiries(Services& s, const EnquiryFilter& filter) {
    return s.enquiries.list(filter);
}

Result<Enquiry> get_enquiry(Services& s, EnquiryId id) {
    auto e = s.enquiries.find(id);
    if (!e) return std::unexpected(Error::not_found("No such enquiry."));
    return *e;
}

std::vector<User> enquiry_handlers(Services& s) {
    std::vector<User> out;
    for (Role role : {Role::partnerships, Role::admin, Role::coordinator})
        for (auto& u : s.users.list({.role = role, .limit = kMaxPageSize}).items)
            if (u.active) out.push_back(std::move(u));
    return out;
}

Result<Enquiry> assign_enquiry(Services& s, EnquiryId id, std::string_view user_id,
                               const Acting& who) {
    auto user = parse_int(trim(user_id));
    if (!user || *user <= 0)
        return std::unexpected(
            Error::invalid("user_id", "invalid", "Choose someone from the trust's staff"));
    return s.enquiries.assign(id, UserId{*user}, who);
}

Result<EnquiryNote> add_enquiry_note(Services& s, EnquiryId id, std::string_view text,
                                     const Acting& who) {
    return s.enquiries.add_note(id, text, who);
}

Result<Enquiry> close_enquiry(Services& s, EnquiryId id, std::string_view outcome,
                              const Acting& who) {
    return s.enquiries.close(id, outcome, who);
}

Result<School> public_school(Services& s, SchoolUrn urn) {
    auto school = s.schools.find(urn);
    if (!school) return std::unexpected(Error::not_found("No school with this URN."));
    return *school;
}

std::vector<School> find_schools(Services& s, std::string_view search) {
    if (trim(search).empty()) return {};
    return s.schools
        .list({.search = std::string(search), .limit = static_cast<int>(kSchoolsFoundAtMost)})
        .items;
}

}  // namespace sendhub
