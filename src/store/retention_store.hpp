#pragma once
// The retention job's reads and changes: closed requests and old events' bookings anonymised
// at the end of their period, old invoices deleted. Each change is one transaction with its audit
// entry, so the job can run beside `serve` and stop at any point.
#include <optional>
#include <string>
#include <vector>

#include "core/acting.hpp"
#include "core/dates.hpp"
#include "store/database.hpp"

namespace sendhub {

//! A closed request not yet anonymised, with what its retention date is worked out from.
struct ClosedRequest {
    std::int64_t id = 0;
    Date submitted_on;  // or created, for a request never submitted
    std::vector<std::string> year_groups;
};

struct HeldInvoice {
    std::int64_t id = 0;
    Date issued_on;
};

//! An event whose bookings still hold attendees' names.
struct BookedEvent {
    std::int64_t id = 0;
    Date ended_on;
};

class RetentionStore {
  public:
    explicit RetentionStore(Database& db) : db_(db) {}

    [[nodiscard]] std::vector<ClosedRequest> closed_requests();
    [[nodiscard]] std::vector<HeldInvoice> invoices();
    //! Blanks every text written about the request's children and their references; counts,
    //! needs, dates, statuses, money and ratings stay. Audited `anonymise` `request`. False when
    //! it was anonymised already.
    bool anonymise_request(std::int64_t id, Date on, const Acting& who);
    //! Deletes the invoice with its lines, payments, credit notes and documents; what it charged
    //! stays marked as charged, so it is never invoiced again. Audited `delete` `invoice`. False
    //! when it is gone already.
    bool delete_invoice(std::int64_t id, const Acting& who);
    [[nodiscard]] std::vector<BookedEvent> booked_events();
    //! Blanks the names and email addresses on the event's bookings and their feedback
    //! comments; the bookings, attendance and ratings stay. Audited `anonymise`
    //! `event_bookings`. False when they were anonymised already.
    bool anonymise_bookings(std::int64_t event_id, Date on, const Acting& who);

  private:
    Database& db_;
};

}  // namespace sendhub
