#include "store/feedback_store.hpp"

#include "core/audit_words.hpp"
#include "store/audit_store.hpp"

namespace sendhub {
namespace {

constexpr std::string_view kInsert =
    "INSERT INTO feedback (agreement_id, rating, comments, given_by, given_by_name, given_at) "
    "VALUES (?, ?, ?, ?, ?, ?)";
constexpr std::string_view kList =
    "SELECT f.agreement_id, s.name, coalesce(p.name, ''), a.type, f.rating, f.comments, "
    "f.given_by_name, f.given_at"
    " FROM feedback f JOIN agreements a ON a.id = f.agreement_id JOIN outreach_requests r ON r.id "
    "= a.request_id"
    " JOIN schools s ON s.urn = r.school_urn LEFT JOIN practitioners p ON p.id = r.practitioner_id"
    " WHERE (? IS NULL OR f.agreement_id = ?) ORDER BY f.id DESC";
constexpr std::string_view kGivenAt = "SELECT given_at FROM feedback WHERE agreement_id = ?";
constexpr std::string_view kAnyDelivered =
    "SELECT 1 FROM visits WHERE agreement_id = ? AND status = 'delivered' LIMIT 1";

}  // namespace

Result<FeedbackRecord> FeedbackStore::add(AgreementId id, int rating, std::string comments,
                                          const Acting& who, const FeedbackGate& gate) {
    return db_.write([&](SqlConnection& c) -> Result<FeedbackRecord> {
        auto a = AgreementStore::find(c, id);
        if (!a) return std::unexpected(Error::not_found("No such agreement."));
        if (a->status != AgreementStatus::agreed && a->status != AgreementStatus::completed)
            return std::unexpected(Error::conflict(
                "not_agreed", "Feedback can be given once the agreement is in place."));
        std::vector<Date> given_on;
        for (const auto& r : c.query_with(kGivenAt, id.value))
            given_on.push_back(london_date(Timestamp{std::chrono::seconds{r.integer(0)}}));
        SENDHUB_TRY(gate(c.query_one(kAnyDelivered, id.value).has_value(), given_on));
        auto ts = c.now_seconds();
        c.execute_with(kInsert, id.value, rating, comments, who.user_value(), who.name, ts);
        RequestStore::record_event(c, a->request_id, who, "gave feedback", "", "",
                                   std::to_string(rating) + " out of 5");
        // Which fields were given, never the school's words about a child.
        append_audit(c, who, "feedback", "agreement", std::to_string(id.value),
                     {{"fields", fields_given({{"rating", "given"}, {"comments", comments}})},
                      {"rating", rating}});
        return FeedbackRecord{id,
                              a->school_name,
                              a->practitioner_name,
                              a->terms.type,
                              rating,
                              std::move(comments),
                              who.name,
                              Timestamp{std::chrono::seconds{ts}}};
    });
}

std::vector<FeedbackRecord> FeedbackStore::list(std::optional<AgreementId> only) {
    std::optional<std::int64_t> id;
    if (only) id = only->value;
    return db_.read([&](SqlConnection& c) {
        std::vector<FeedbackRecord> out;
        for (const auto& r : c.query_with(kList, id, id)) {
            out.push_back({AgreementId{r.integer(0)}, r.text(1), r.text(2), r.text(3),
                           static_cast<int>(r.integer(4)), r.text(5), r.text(6),
                           Timestamp{std::chrono::seconds{r.integer(7)}}});
        }
        return out;
    });
}

}  // namespace sendhub
