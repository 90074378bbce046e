#pragma once
// A school's feedback on outreach work: one rating and comment per agreement per term,
// once a visit has been delivered (the rule is core/agreement_steps.hpp check_feedback_due).
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "store/agreement_store.hpp"

namespace sendhub {

struct FeedbackRecord {
    AgreementId agreement_id;
    std::string school_name;
    std::string practitioner_name;
    std::string agreement_type;
    int rating = 0;
    std::string comments;
    std::string given_by;
    Timestamp given_at;
};

//! Decides, inside the transaction, whether feedback may be added now: told whether any of
//! the agreement's visits has been delivered and the dates feedback was given before.
using FeedbackGate =
    std::function<Result<void>(bool any_visit_delivered, std::span<const Date> given_on)>;

class FeedbackStore {
  public:
    explicit FeedbackStore(Database& db) : db_(db) {}

    //! Adds the feedback when the agreement is in place and `gate` allows it, atomically, so
    //! two submissions at once cannot both count.
    [[nodiscard]] Result<FeedbackRecord> add(AgreementId id, int rating, std::string comments,
                                             const Acting& who, const FeedbackGate& gate);
    //! Newest first; every agreement's when `only` is nullopt.
    [[nodiscard]] std::vector<FeedbackRecord> list(std::optional<AgreementId> only);

  private:
    Database& db_;
};

}  // namespace sendhub
