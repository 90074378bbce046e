#pragma once
// Requests for outreach support (seed 002) and the rules of api-contract.md, "Requests for
// outreach support": who the work is for, the parents' consent, the notice period and
// the status flow. Pure domain: no I/O.
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/dates.hpp"
#include "core/error.hpp"
#include "core/ids.hpp"
#include "core/needs.hpp"
#include "core/services.hpp"
#include "core/vocabulary.hpp"

namespace sendhub {

using RequestId = StrongId<struct RequestIdTag>;

enum class RequestKind { individual, group };
//! How the child's needs were identified (seed 002, "About the Service").
enum class NeedRoute { early_years, sen_support, ehcp, annual_review, transition };
//! Who recorded the pupil's primary need: schools' and local authorities' codes often differ.
enum class NeedSource { school, local_authority };
enum class ConsentType { signature, verbal };  // codes "signed" and "verbal"
enum class RequestStatus {
    draft,
    submitted,
    accepted,
    declined,
    more_info,
    assigned,
    agreed,
    completed,
    cancelled
};
enum class RequestAction {
    submit,
    accept,
    decline,
    ask_more_info,
    resubmit,
    assign,
    agree,
    complete,
    cancel
};

[[nodiscard]] std::span<const Term<RequestKind>> request_kind_terms();
[[nodiscard]] std::span<const Term<NeedRoute>> need_route_terms();
[[nodiscard]] std::span<const Term<ConsentType>> consent_type_terms();
[[nodiscard]] std::span<const Term<RequestStatus>> request_status_terms();
//! Year groups from nursery to post-16: N1, N2, R, Y1 … Y14.
[[nodiscard]] const std::vector<std::string>& year_groups();

//! Seed 002: requests reach the trust "at least a week in advance of the agreed visit".
inline constexpr int kMinimumNoticeDays = 7;
inline constexpr std::size_t kMaxConcernLength = 5000;
inline constexpr std::size_t kMaxPupilsInGroup = 30;

struct PupilInput {
    std::string ref;
    std::string year_group;
    std::string need_route;
    std::string primary_need;
    std::string primary_need_source;       // "" takes need_source_default()
    std::string primary_need_recorded_on;  // "" when not known
};

//! The request form as typed; kept as text so a draft can hold unfinished answers.
struct RequestInput {
    std::string school_urn;
    std::string kind;
    std::vector<PupilInput> pupils;
    std::string consent_type;
    std::string consent_obtained_on;
    std::string consent_obtained_by;
    std::string expertise_level;
    std::string preferred_date;
    std::string concern;
    std::string tried;      // what the school has already tried
    std::string service;    // "" is outreach
    std::string work_type;  // the other services only
};

struct Pupil {
    std::string ref;
    std::string year_group;
    NeedRoute need_route = NeedRoute::sen_support;
    PrimaryNeed primary_need = PrimaryNeed::OTH;
    NeedSource primary_need_source = NeedSource::school;
    std::optional<Date> primary_need_recorded_on;
};

[[nodiscard]] std::span<const Term<NeedSource>> need_source_terms();
//! An EHC plan's need (and its review's) is the local authority's; any other, the school's.
[[nodiscard]] NeedSource need_source_default(NeedRoute route);

//! A request that passed every rule and can be submitted.
struct RequestDetails {
    SchoolUrn school_urn;
    Service service = Service::outreach;
    std::optional<WorkType> work_type;  // the other services only
    RequestKind kind = RequestKind::individual;
    std::vector<Pupil> pupils;
    ConsentType consent_type = ConsentType::signature;
    Date consent_obtained_on;
    std::string consent_obtained_by;
    Grade expertise_level = Grade::teacher;
    Date preferred_date;
    std::string concern;
    std::string tried;
};

//! A request as it is stored: its school and kind checked, every answer trimmed and every
//! code in its canonical case. A draft's other answers may still be unfinished; a
//! submitted request's are the canonical form of its RequestDetails.
struct RequestDraft {
    SchoolUrn school_urn;
    RequestKind kind = RequestKind::individual;
    RequestInput answers;
};

//! Educational psychology and therapy work for one child is held as an individual request;
//! the other kinds of work as a group request with no pupils named.
[[nodiscard]] RequestKind kind_for(WorkType work_type);
//! The service a request's answers commission ("" is outreach, as before services existed).
[[nodiscard]] Service request_service(const RequestInput& answers);

//! Applies every rule; `today` is the submission day in Europe/London. Error codes and
//! fields are those of the contract (consent_required, pupils_count, too_soon, invalid).
[[nodiscard]] Result<RequestDetails> validate_request(const RequestInput& input, Date today);
//! A draft needs only a school and a kind; everything else may be unfinished.
[[nodiscard]] Result<RequestDraft> validate_draft(const RequestInput& input);
//! The stored form of a request that passed every rule.
[[nodiscard]] RequestDraft stored_form(const RequestDetails& details);

//! The status after `action`, or a conflict (409) when the flow does not allow it.
[[nodiscard]] Result<RequestStatus> next_status(RequestStatus from, RequestAction action);
//! Open requests can still be cancelled.
[[nodiscard]] bool is_open(RequestStatus status);
//! The status as people read it, naming whose turn it is: once a practitioner is assigned,
//! the trust draws up the agreement and then it waits for the school to accept it.
[[nodiscard]] std::string_view request_status_text(RequestStatus status, bool agreement_drawn_up);

//! "OR-00042": the reference a school quotes.
[[nodiscard]] std::string request_reference(RequestId id);

}  // namespace sendhub
