#pragma once
// The public front door and the enquiries it brings: the outreach offer with today's prices,
// enquiries (and the partnerships lead's work on them), and finding a school to register.
#include "core/enquiry.hpp"
#include "core/offer.hpp"
#include "core/policy.hpp"
#include "core/school.hpp"
#include "service/services.hpp"

namespace sendhub {

[[nodiscard]] OutreachOffer current_offer(Services& s);

//! Takes an enquiry from anyone (at most five an hour from one client address) and emails
//! the partnerships lead and the sender.
[[nodiscard]] Result<Enquiry> send_enquiry(Services& s, const EnquiryInput& input,
                                           std::string_view client_address, const Acting& who);
[[nodiscard]] Page<Enquiry> list_enquiries(Services& s, const EnquiryFilter& filter);
[[nodiscard]] Result<Enquiry> get_enquiry(Services& s, EnquiryId id);
//! The trust's active staff who can take an enquiry on: partnerships leads, administrators
//! and coordinators.
[[nodiscard]] std::vector<User> enquiry_handlers(Services& s);
[[nodiscard]] Result<Enquiry> assign_enquiry(Services& s, EnquiryId id, std::string_view user_id,
                                             const Acting& who);
[[nodiscard]] Result<EnquiryNote> add_enquiry_note(Services& s, EnquiryId id, std::string_view text,
                                                   const Acting& who);
[[nodiscard]] Result<Enquiry> close_enquiry(Services& s, EnquiryId id, std::string_view outcome,
                                            const Acting& who);

//! A school as the public may see it (name, postcode, authority): 404 when not held.
[[nodiscard]] Result<School> public_school(Services& s, SchoolUrn urn);
//! Schools matching a name, URN or postcode, for someone finding theirs to register: at most
//! kSchoolsFoundAtMost, in URN order.
inline constexpr std::size_t kSchoolsFoundAtMost = 20;
[[nodiscard]] std::vector<School> find_schools(Services& s, std::string_view search);

}  // namespace sendhub
