#pragma once
// Enquiries from the public front door (api-contract-partners.md, Public front door): what a
// visitor may send, how often, and how the partnerships lead works them to a close.
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/ids.hpp"
#include "core/vocabulary.hpp"

namespace sendhub {

using EnquiryId = StrongId<struct EnquiryIdTag>;

enum class EnquiryTopic { outreach, partnership, training, autism_hub, other };
enum class EnquiryStatus { new_enquiry, in_progress, closed };
[[nodiscard]] std::span<const Term<EnquiryTopic>> enquiry_topic_terms();
[[nodiscard]] std::span<const Term<EnquiryStatus>> enquiry_status_terms();

//! Accepted enquiries from one client address in an hour; refused ones do not count.
inline constexpr int kEnquiriesPerClientPerHour = 5;
inline constexpr std::size_t kMaxEnquiryMessage = 5000;

struct EnquiryInput {
    std::string name;
    std::string email;
    std::string organisation;
    std::string school_urn;
    std::string topic;
    std::string message;
};

struct EnquiryNote {
    std::int64_t id = 0;
    std::string author;
    std::string text;
    std::int64_t created_at = 0;  // seconds since the epoch
};

struct Enquiry {
    EnquiryId id;
    std::string name;
    std::string email;  // normalised
    std::string organisation;
    std::optional<SchoolUrn> school_urn;
    EnquiryTopic topic = EnquiryTopic::other;
    std::string message;
    EnquiryStatus status = EnquiryStatus::new_enquiry;
    std::optional<UserId> assigned_to;
    std::string outcome;
    std::string assigned_name;
    std::int64_t created_at = 0;  // seconds since the epoch
    std::vector<EnquiryNote> notes;
};

//! Checks every field; whether the URN names a known school is the store's to say.
[[nodiscard]] Result<Enquiry> validate_enquiry(const EnquiryInput& input);

//! Whether another enquiry from a client with `accepted_last_hour` is taken: 429 when not.
[[nodiscard]] Result<void> check_enquiry_allowance(std::int64_t accepted_last_hour);

//! Assigning, adding a note or closing: nothing moves a closed enquiry (409).
[[nodiscard]] Result<void> check_enquiry_open(const Enquiry& enquiry);

//! Free text that must be a single line ("Enter your name"…): refuses line breaks.
[[nodiscard]] std::string one_line_text(Validator& v, std::string field, std::string_view value,
                                        std::string_view missing, std::string_view label,
                                        std::size_t max);

}  // namespace sendhub
