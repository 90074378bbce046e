#pragma once
// Safeguarding concerns seen on a visit (api-contract-trust.md, Safeguarding concerns). sendhub
// hands over to the school's designated safeguarding lead (DSL): it records that a concern was
// raised and who was told, emails the DSL a link (never the text), and the school acknowledges
// it. The school's own safeguarding system holds the case.
#include <optional>
#include <span>
#include <string>

#include "core/error.hpp"
#include "core/ids.hpp"
#include "core/policy.hpp"
#include "core/vocabulary.hpp"

namespace sendhub {

using ConcernId = StrongId<struct ConcernIdTag>;

enum class ConcernStatus { raised, acknowledged };
[[nodiscard]] std::span<const Term<ConcernStatus>> concern_status_terms();

inline constexpr std::size_t kMaxConcernSummary = 5000;

struct ConcernInput {
    std::string summary;
    std::string dsl_told_in_person;  // "true" or "false"
    std::string dsl_name;
};

struct ConcernDetails {
    std::string summary;
    bool dsl_told_in_person = false;
    std::string dsl_name;
};

//! summary 1–5000 characters; dsl_told_in_person a yes or no; dsl_name required when told.
[[nodiscard]] Result<ConcernDetails> validate_concern(const ConcernInput& input);

struct Dsl {
    std::string name;
    std::string email;  // normalised
};
[[nodiscard]] Result<Dsl> validate_dsl(std::string_view name, std::string_view email);

//! How much of a concern someone reads: all of it (who raised it, the school's headteacher and
//! SENCO, administrators), that it exists (coordinators), or nothing (as if there were none).
enum class ConcernAccess { full, exists_only, none };
[[nodiscard]] ConcernAccess concern_access(const Actor& actor, SchoolUrn school, UserId raised_by);
//! Who records the school's DSL: its headteacher or SENCO, or an administrator.
[[nodiscard]] bool may_set_dsl(const Actor& actor, SchoolUrn school);
//! Only the school's headteacher or SENCO acknowledges a concern, once (409 after).
[[nodiscard]] Result<void> check_acknowledge(const Actor& actor, SchoolUrn school,
                                             ConcernStatus status);

}  // namespace sendhub
