#pragma once
// Provision agreements and everything that hangs from them: outcomes and progress,
// visits and their reports; and the tariff in force on a date.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/agreement.hpp"
#include "core/outreach.hpp"
#include "core/pricing.hpp"
#include "store/database.hpp"
#include "store/request_store.hpp"

namespace sendhub {

struct OutcomeRecord {
    OutcomeId id;
    std::string text;
};

struct AgreementRecord {
    AgreementId id;
    RequestId request_id;
    SchoolUrn school_urn;
    std::string school_name;
    std::optional<PractitionerId> practitioner_id;
    std::string practitioner_name;
    AgreementStatus status = AgreementStatus::draft;
    AgreementTerms terms;
    std::vector<OutcomeRecord> outcomes;
    std::int64_t travel_tenths_per_visit = 0;
    std::optional<Rates> locked_rates;
    std::string accepted_by_name;
    std::optional<Timestamp> accepted_at;
    std::string purchase_order;  // the school's, for its invoices
};

struct VisitRecord {
    VisitId id;
    AgreementId agreement_id;
    RequestId request_id;
    SchoolUrn school_urn;
    std::string school_name;
    PractitionerId practitioner_id;
    std::string practitioner_name;
    Date date;
    int half_days = 2;
    VisitStatus status = VisitStatus::planned;
    VisitReport report;
    std::optional<Timestamp> reported_at;
    std::string cancel_reason;  // why a cancelled visit was cancelled
};

struct ProgressRecord {
    OutcomeId outcome_id;
    Date date;
    ProgressStatus status = ProgressStatus::not_started;
    std::string note;
    std::string recorded_by;
};

class AgreementStore {
  public:
    //! The agreement's visits that count against its sessions: all but cancelled ones.
    [[nodiscard]] static std::int64_t visits_counted(SqlConnection& c, AgreementId id);

    explicit AgreementStore(Database& db) : db_(db) {}

    //! The tariff item's price in force on `date` (the newest effective_from on or before it).
    [[nodiscard]] static std::optional<std::int64_t> tariff_on(SqlConnection& c,
                                                               std::string_view item, Date date);
    //! The day rate of `level` in force on `date`; none until finance prices it.
    [[nodiscard]] std::optional<std::int64_t> day_rate_on(Grade level, Date date);
    [[nodiscard]] Rates rates_on(Grade grade, Date date);

    //! Creates the draft agreement of an assigned request.
    [[nodiscard]] Result<AgreementRecord> create(RequestId request, const AgreementTerms& terms,
                                                 std::int64_t travel_tenths_per_visit,
                                                 const Acting& who);
    [[nodiscard]] std::optional<AgreementRecord> find(AgreementId id);
    [[nodiscard]] static std::optional<AgreementRecord> find(SqlConnection& c, AgreementId id);
    //! The school accepts: rates in force today are locked in, the request becomes agreed.
    //! Locks today's rates, records who accepted (and the school's purchase order number,
    //! if given) and plans any held dates.
    [[nodiscard]] Result<AgreementRecord> accept(AgreementId id, Date today,
                                                 const std::string& purchase_order,
                                                 const Acting& who);
    [[nodiscard]] Result<AgreementRecord> set_purchase_order(AgreementId id,
                                                             const std::string& purchase_order,
                                                             const Acting& who);
    [[nodiscard]] Result<AgreementRecord> complete(AgreementId id, const Acting& who);
    //! The school asked for a change: the draft is withdrawn (its outcomes with it), the note
    //! goes on the request's history and coordinators are told, so the trust draws up a new one.
    [[nodiscard]] Result<void> withdraw_for_change(AgreementId id, const std::string& note,
                                                   const Acting& who);

    //! Plans a visit; a practitioner is never booked for more than one day on a date (409).
    [[nodiscard]] Result<VisitRecord> plan_visit(AgreementId id, Date date, int half_days,
                                                 const Acting& who);
    [[nodiscard]] std::optional<VisitRecord> find_visit(VisitId id);
    [[nodiscard]] std::vector<VisitRecord> visits_of_agreement(AgreementId id);
    [[nodiscard]] std::vector<VisitRecord> visits_of_practitioner(PractitionerId id);
    //! Moves or resizes a planned visit (409 if it is no longer planned, or the practitioner
    //! would have more than a day of visits that date); the SENCO and practitioner are told.
    [[nodiscard]] Result<VisitRecord> move_visit(VisitId id, Date date, int half_days,
                                                 const Acting& who);
    //! Cancels a planned visit with the reason; it frees its date and is never invoiced.
    [[nodiscard]] Result<VisitRecord> cancel_visit(VisitId id, const std::string& reason,
                                                   const Acting& who);
    [[nodiscard]] Result<VisitRecord> record_report(VisitId id, const VisitReport& report,
                                                    const Acting& who);

    [[nodiscard]] Result<ProgressRecord> record_progress(AgreementId id, OutcomeId outcome,
                                                         Date date, ProgressStatus status,
                                                         std::string note, const Acting& who);
    [[nodiscard]] std::vector<ProgressRecord> progress_of(AgreementId id);

    //! Active work of each practitioner: requests assigned or agreed, and planned visits.
    [[nodiscard]] std::map<std::int64_t, std::pair<int, int>> workload();
    //! Practitioners who have been assigned work at the school before (continuity).
    [[nodiscard]] std::set<std::int64_t> practitioners_at_school(SchoolUrn school);

  private:
    //! Why a step that needs an agreement in place was refused.
    [[nodiscard]] static Error not_agreed();

    Database& db_;
};

}  // namespace sendhub
