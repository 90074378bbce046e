#pragma once
// Enquiries sent from the public front door and the partnerships lead's work on them.
#include <functional>
#include <optional>
#include <string>

#include "core/enquiry.hpp"
#include "core/error.hpp"
#include "core/page.hpp"
#include "store/audit_store.hpp"
#include "store/database.hpp"

namespace sendhub {

struct EnquiryFilter {
    std::optional<EnquiryStatus> status;
    std::optional<EnquiryTopic> topic;
    std::optional<std::int64_t> before_id;  // newest first
    int limit = kDefaultPageSize;
};

//! The two emails an enquiry sends, written by the service.
struct EnquiryEmails {
    std::string to_partnerships_subject;
    std::function<std::string(EnquiryId)> to_partnerships_body;  // it links to the enquiry
    std::string confirmation_subject;
    std::string confirmation_body;
};

class EnquiryStore {
  public:
    explicit EnquiryStore(Database& db) : db_(db) {}

    //! Takes the enquiry unless `client_key` already sent its hour's allowance (429), or the
    //! URN names no held school (422 `unknown_school`); emails every active partnerships lead
    //! and the sender, in one transaction.
    [[nodiscard]] Result<Enquiry> create(Enquiry e, const std::string& client_key,
                                         const EnquiryEmails& emails, const Acting& who);
    [[nodiscard]] std::optional<Enquiry> find(EnquiryId id);
    [[nodiscard]] Page<Enquiry> list(const EnquiryFilter& filter);
    //! To one of the trust's active staff (else 422 `user_id`): a new enquiry is then in
    //! progress. A closed one does not move (409).
    [[nodiscard]] Result<Enquiry> assign(EnquiryId id, UserId user, const Acting& who);
    [[nodiscard]] Result<EnquiryNote> add_note(EnquiryId id, std::string_view text,
                                               const Acting& who);
    [[nodiscard]] Result<Enquiry> close(EnquiryId id, std::string_view outcome, const Acting& who);

  private:
    Database& db_;
};

}  // namespace sendhub
