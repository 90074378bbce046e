#pragma once
// Partnerships between the trust and schools or other organisations (api-contract-partners.md,
// Partnerships): what one records, the checks on it, and who reads which part.
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/dates.hpp"
#include "core/error.hpp"
#include "core/ids.hpp"
#include "core/vocabulary.hpp"

namespace sendhub {

using PartnershipId = StrongId<struct PartnershipIdTag>;

enum class PartnershipKind { formal, informal };
enum class PartnershipStatus { active, ended };
[[nodiscard]] std::span<const Term<PartnershipKind>> partnership_kind_terms();
[[nodiscard]] std::span<const Term<PartnershipStatus>> partnership_status_terms();

struct LeadContact {
    std::string name;
    std::string email;
    std::string phone;
};

struct Partnership {
    PartnershipId id;
    PartnershipKind kind = PartnershipKind::formal;
    std::string model;  // free text: "service level agreement", "MAT partnership"…
    std::vector<SchoolUrn> school_urns;
    std::string organisation;  // a partner that is not one school: "Devon County Council"
    Date starts_on;
    std::optional<Date> ends_on;
    Date review_due_on;
    std::vector<std::string> services;  // "outreach", "CPD"…
    LeadContact lead;
    std::string notes;  // the trust's own; never shown to schools
    PartnershipStatus status = PartnershipStatus::active;
    std::string end_reason;
};

//! What a person or API client typed, every value text until checked.
struct PartnershipInput {
    std::string kind;
    std::string model;
    std::vector<std::string> school_urns;
    std::string organisation;
    std::string starts_on;
    std::string ends_on;
    std::string review_due_on;
    std::vector<std::string> services;
    std::string lead_name;
    std::string lead_email;
    std::string lead_phone;
    std::string notes;
};

//! A recorded partnership as input, so an edit can start from it and change only what it names.
[[nodiscard]] PartnershipInput partnership_input_of(const Partnership& p);

//! Checks every field and returns the partnership (status active), or every field error at
//! once. Whether each URN is a known school is the store's to say (`unknown_school`).
[[nodiscard]] Result<Partnership> validate_partnership(const PartnershipInput& input);

//! Ending on `ends_on` (today when empty): 409 once ended; `ends_on` not before the start.
[[nodiscard]] Result<Date> check_partnership_end(const Partnership& p, std::string_view ends_on,
                                                 Date today);

//! Whether the partnership's review falls due by `by` (active ones only).
[[nodiscard]] bool review_due(const Partnership& p, Date by);

}  // namespace sendhub
