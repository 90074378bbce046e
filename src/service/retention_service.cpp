#include "service/retention_service.hpp"

namespace sendhub {

Result<std::span<const RetentionRule>> retention_schedule(Services&, const Actor& actor) {
    if (!allows(actor, Permission::read_retention)) return std::unexpected(Error::forbidden());
    return retention_rules();
}

std::vector<RetentionChange> retention_due(Services& s, Date as_of) {
    std::vector<RetentionChange> due;
    for (const auto& r : s.retention.closed_requests())
        if (request_kept_until(r.year_groups, r.submitted_on) < as_of)
            due.push_back({"anonymise", "request", r.id});
    for (const auto& i : s.retention.invoices())
        if (invoice_kept_until(i.issued_on) < as_of) due.push_back({"delete", "invoice", i.id});
    for (const auto& e : s.retention.booked_events())
        if (bookings_kept_until(e.ended_on) < as_of)
            due.push_back({"anonymise", "event_bookings", e.id});
    return due;
}

std::vector<RetentionChange> run_retention(Services& s, Date as_of, bool dry_run,
                                           const Acting& who) {
    auto due = retention_due(s, as_of);
    if (dry_run) return due;
    std::vector<RetentionChange> made;
    made.reserve(due.size());
    for (const auto& change : due) {
        bool changed =
            change.record == "request"   ? s.retention.anonymise_request(change.id, as_of, who)
            : change.record == "invoice" ? s.retention.delete_invoice(change.id, who)
                                         : s.retention.anonymise_bookings(change.id, as_of, who);
        if (changed) made.push_back(change);
    }
    return made;
}

}  // namespace sendhub
