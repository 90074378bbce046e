#pragma once
// Requests for outreach support, their pupils and their history.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/outreach.hpp"
#include "core/page.hpp"
#include "core/request_search.hpp"
#include "store/audit_store.hpp"
#include "store/database.hpp"

namespace sendhub {

struct RequestRecord {
    RequestId id;
    std::string reference;
    SchoolUrn school_urn;
    std::string school_name;
    RequestStatus status = RequestStatus::draft;
    RequestInput input;  // as the school gave it (validated unless a draft)
    std::optional<Grade> accepted_level;
    std::optional<PractitionerId> practitioner_id;
    std::string practitioner_name;
    std::string triage_notes;
    std::string cancel_reason;
    std::optional<Timestamp> submitted_at;
    Timestamp created_at;
    std::optional<std::int64_t> agreement_id;
    //! Set once the retention period ended: references and texts about children are blank.
    std::optional<Date> anonymised_on;
};

//! One row of a list of requests: what the table shows, without the school's answers, so a
//! page of them reads a few short columns instead of every text the school wrote.
struct RequestSummary {
    RequestId id;
    std::string reference;
    std::string school_name;
    std::string practitioner_name;  // empty until one is assigned
    RequestStatus status = RequestStatus::draft;
    bool has_agreement = false;
    //! The level's code: the one the trust accepted, else the one the school asked for.
    std::string level;
    std::string preferred_date;
    std::int64_t pupil_count = 0;
    std::string first_pupil_ref;
};

//! The same row taken from a whole request, for pages that already hold one.
[[nodiscard]] RequestSummary summary_of(const RequestRecord& r);

struct RequestEvent {
    Timestamp at;
    std::string user_name;
    std::string action;
    std::string from_status;
    std::string to_status;
    std::string note;
};

struct RequestFilter {
    std::optional<RequestStatus> status;
    std::optional<SchoolUrn> school_urn;
    std::optional<PractitionerId> practitioner_id;
    std::optional<Grade> level;
    std::optional<Service> service;
    std::optional<PrimaryNeed> need;
    std::optional<int> older_than_days;
    //! Words typed into the search box: a school's or practitioner's name, or a reference.
    std::string search;
    //! Without a sort the list is oldest first and pages by `after_id`; with one, by `offset`.
    std::optional<RequestSort> sort;
    //! Drafts are the school's own (policy.hpp: lists_drafts).
    bool include_drafts = true;
    std::optional<std::int64_t> after_id;
    std::int64_t offset = 0;
    int limit = kDefaultPageSize;
};

//! What a state change also writes, inside the same transaction.
using ChangeFn = std::function<Result<void>(SqlConnection&, const RequestRecord&)>;

class RequestStore {
  public:
    explicit RequestStore(Database& db) : db_(db) {}

    //! Creates the request; `then` runs in the same transaction (notifications of the change).
    [[nodiscard]] Result<RequestRecord> create(const RequestDraft& request, RequestStatus status,
                                               const Acting& who, const ChangeFn& then = {});
    [[nodiscard]] std::optional<RequestRecord> find(RequestId id);
    [[nodiscard]] static std::optional<RequestRecord> find(SqlConnection& c, RequestId id);
    [[nodiscard]] Page<RequestRecord> list(const RequestFilter& filter);
    //! The same search as list(), one table row per request.
    [[nodiscard]] Page<RequestSummary> list_summaries(const RequestFilter& filter);
    [[nodiscard]] std::vector<RequestEvent> history(RequestId id);

    //! Moves the request along the status flow (409 if the flow forbids it, also when another
    //! person changed it first), runs `change`, and records history and audit, atomically.
    [[nodiscard]] Result<RequestRecord> transition(RequestId id, RequestAction action,
                                                   const Acting& who, std::string_view note,
                                                   const ChangeFn& change);
    //! Inside the caller's transaction: checks the flow, moves the request from its current
    //! status with a conditional update (409 if someone changed it first), and records the
    //! history row (`event`, or the action's name) and the audit row.
    [[nodiscard]] static Result<RequestStatus> move(SqlConnection& c, const RequestRecord& current,
                                                    RequestAction action, const Acting& who,
                                                    std::string_view note,
                                                    std::string_view event = {});
    //! Replaces the school's answers (draft edits and resubmission).
    static void replace_input(SqlConnection& c, RequestId id, const RequestDraft& request);
    static void record_event(SqlConnection& c, RequestId id, const Acting& who,
                             std::string_view action, std::string_view from, std::string_view to,
                             std::string_view note);
    //! The coordinator's triage: the level accepted (kept when nullopt) and the notes.
    static void record_triage(SqlConnection& c, RequestId id, std::optional<Grade> accepted_level,
                              std::string_view notes);
    static void set_practitioner(SqlConnection& c, RequestId id, PractitionerId practitioner);
    //! Deletes a draft and its pupils and history; false when it is no longer a draft.
    [[nodiscard]] static bool delete_draft(SqlConnection& c, RequestId id);
    //! Records why, and cancels the request's open agreement and its planned visits.
    static void record_cancellation(SqlConnection& c, RequestId id, std::string_view reason);

  private:
    Database& db_;
};

}  // namespace sendhub
