#include "core/safeguarding.hpp"

#include "core/email.hpp"
#include "core/enquiry.hpp"
#include "core/school.hpp"
#include "core/text.hpp"

namespace sendhub {

std::span<const Term<ConcernStatus>> concern_status_terms() {
    static constexpr Term<ConcernStatus> kTerms[] = {
        {ConcernStatus::raised, "raised", "Raised, waiting for the school"},
        {ConcernStatus::acknowledged, "acknowledged", "Acknowledged by the school"},
    };
    return kTerms;
}

Result<ConcernDetails> validate_concern(const ConcernInput& input) {
    Validator v;
    ConcernDetails c;
    c.summary = v.required_text("summary", input.summary,
                                "Describe what you saw or heard, and what you did", "The summary",
                                kMaxConcernSummary);
    auto told = parse_yes_no(input.dsl_told_in_person);
    if (!told)
        v.fail("dsl_told_in_person", "invalid",
               "Select whether you told the school's designated safeguarding lead in person");
    else
        c.dsl_told_in_person = *told;
    if (told && *told)
        c.dsl_name = one_line_text(v, "dsl_name", input.dsl_name,
                                   "Enter the name of the person you told", "The name", 200);
    if (!v.ok()) return std::unexpected(std::move(v).error());
    return c;
}

Result<Dsl> validate_dsl(std::string_view name, std::string_view email) {
    Validator v;
    Dsl dsl;
    dsl.name = one_line_text(v, "name", name, "Enter the designated safeguarding lead's name",
                             "The name", 200);
    if (auto normalised = normalise_email(email))
        dsl.email = *normalised;
    else
        v.fail("email", "invalid",
               "Enter an email address in the correct format, like dsl@school.org");
    if (!v.ok()) return std::unexpected(std::move(v).error());
    return dsl;
}

ConcernAccess concern_access(const Actor& actor, SchoolUrn school, UserId raised_by) {
    if (actor.role == Role::admin || actor.user_id == raised_by || is_school_leader(actor, school))
        return ConcernAccess::full;
    if (actor.role == Role::coordinator) return ConcernAccess::exists_only;
    return ConcernAccess::none;
}

bool may_set_dsl(const Actor& actor, SchoolUrn school) {
    return actor.role == Role::admin || is_school_leader(actor, school);
}

Result<void> check_acknowledge(const Actor& actor, SchoolUrn school, ConcernStatus status) {
    if (!is_school_leader(actor, school)) return std::unexpected(Error::forbidden());
    if (status == ConcernStatus::acknowledged)
        return std::unexpected(
            Error::conflict("acknowledged", "The school has already acknowledged this concern."));
    return {};
}

}  // namespace sendhub
