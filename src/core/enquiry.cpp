#include "core/enquiry.hpp"

#include "core/email.hpp"
#include "core/text.hpp"

namespace sendhub {

std::span<const Term<EnquiryTopic>> enquiry_topic_terms() {
    static constexpr Term<EnquiryTopic> kTerms[] = {
        {EnquiryTopic::outreach, "outreach", "Outreach support for a pupil or group"},
        {EnquiryTopic::partnership, "partnership", "Becoming a partner of the trust"},
        {EnquiryTopic::training, "training", "Training, networks and events"},
        {EnquiryTopic::autism_hub, "autism_hub", "The Autism Education Hub"},
        {EnquiryTopic::other, "other", "Something else"},
    };
    return kTerms;
}

std::span<const Term<EnquiryStatus>> enquiry_status_terms() {
    static constexpr Term<EnquiryStatus> kTerms[] = {
        {EnquiryStatus::new_enquiry, "new", "New"},
        {EnquiryStatus::in_progress, "in_progress", "In progress"},
        {EnquiryStatus::closed, "closed", "Closed"},
    };
    return kTerms;
}

std::string one_line_text(Validator& v, std::string field, std::string_view value,
                          std::string_view missing, std::string_view label, std::size_t max) {
    std::string text = v.required_text(field, value, missing, label, max);
    if (text.find_first_of("\r\n") != std::string::npos)
        v.fail(std::move(field), "invalid", std::string(label) + " must be on one line");
    return text;
}

Result<Enquiry> validate_enquiry(const EnquiryInput& input) {
    Validator v;
    Enquiry e;
    e.name = one_line_text(v, "name", input.name, "Enter your name", "Your name", 200);
    if (auto email = normalise_email(input.email))
        e.email = *email;
    else
        v.fail("email", "invalid",
               "Enter an email address in the correct format, like name@example.org");
    e.organisation = one_line_text(v, "organisation", input.organisation,
                                   "Enter your school or organisation", "The organisation", 200);
    if (auto urn_text = trim(input.school_urn); !urn_text.empty()) {
        auto urn = parse_int(urn_text);
        if (!urn || *urn < 100000 || *urn > 999999)
            v.fail("school_urn", "unknown_school",
                   "Enter your school's six-digit URN, or leave it blank");
        else
            e.school_urn = SchoolUrn{*urn};
    }
    if (auto topic = parse_term(enquiry_topic_terms(), trim(input.topic)))
        e.topic = *topic;
    else
        v.fail("topic", "invalid", "Select what your enquiry is about");
    e.message = v.required_text("message", input.message, "Enter your message", "Your message",
                                kMaxEnquiryMessage);
    if (!v.ok()) return std::unexpected(std::move(v).error());
    return e;
}

Result<void> check_enquiry_allowance(std::int64_t accepted_last_hour) {
    if (accepted_last_hour < kEnquiriesPerClientPerHour) return {};
    Error error{.kind = ErrorKind::too_many_requests,
                .code = "too_many_requests",
                .message =
                    "You have sent several enquiries in the last hour. Please wait an "
                    "hour and try again, or email the trust."};
    error.retry_after_seconds = 3600;
    return std::unexpected(std::move(error));
}

Result<void> check_enquiry_open(const Enquiry& enquiry) {
    if (enquiry.status != EnquiryStatus::closed) return {};
    return std::unexpected(Error::conflict("closed", "This enquiry is closed."));
}

}  // namespace sendhub
