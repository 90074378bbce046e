#pragma once
// Finding a child's records for a subject access request, and the retention job's reads and
// changes: anonymising closed requests and deleting old invoices.
#include <optional>
#include <string>
#include <vector>

#include "core/acting.hpp"
#include "core/dates.hpp"
#include "core/ids.hpp"
#include "store/database.hpp"

namespace sendhub {

struct RequestNamingPupil {
    std::int64_t id = 0;
    std::string reference;
    std::string kind;
    std::string status;
    std::vector<std::int64_t> pupil_ids;  // this child's rows in the request
    int group_size = 0;
};

//! A closed request not yet anonymised, with what its retention date is worked out from.
struct ClosedRequest {
    std::int64_t id = 0;
    std::optional<Date> submitted_on;
    Date closed_on;
    std::vector<std::string> year_groups;
};

struct HeldInvoice {
    std::int64_t id = 0;
    Date issued_on;
};

class SubjectAccessStore {
  public:
    explicit SubjectAccessStore(Database& db) : db_(db) {}

    //! The school's requests naming a pupil whose reference matches `ref` (trimmed, any case).
    [[nodiscard]] std::vector<RequestNamingPupil> requests_naming(SchoolUrn school,
                                                                  std::string_view ref);

    [[nodiscard]] std::vector<ClosedRequest> closed_requests();
    [[nodiscard]] std::vector<HeldInvoice> invoices();
    //! Blanks every text written about the request's children; counts, dates and money stay.
    //! Audited `anonymise` `request`. False when it was anonymised already.
    bool anonymise_request(std::int64_t id, Date on, const Acting& who);
    //! Deletes the invoice with its lines, payments, credit notes and documents; its visits
    //! stay marked as charged. Audited `delete` `invoice`. False when it is gone already.
    bool delete_invoice(std::int64_t id, const Acting& who);

  private:
    Database& db_;
};

}  // namespace sendhub
