#include "core/school.hpp"

#include "core/postcode.hpp"
#include "core/text.hpp"

namespace sendhub {

Result<School> validate_school(const SchoolInput& input) {
    Validator v;
    School school;
    auto urn = parse_int(trim(input.urn));
    if (!urn || *urn < 100000 || *urn > 999999) {
        v.fail("urn", "invalid", "Enter the school's URN, a six-digit number");
    } else {
        school.urn = SchoolUrn{*urn};
    }
    school.name = trim(input.name);
    if (school.name.empty()) v.fail("name", "required", "Enter the school's name");
    else if (utf8_length(school.name) > 200) v.fail("name", "too_long", "Name must be 200 characters or fewer");
    auto postcode = normalise_postcode(input.postcode);
    if (!postcode) v.fail("postcode", "invalid", "Enter a real UK postcode, like TA1 3ES");
    else school.postcode = *postcode;
    auto phase = parse_term(phase_terms(), trim(input.phase));
    if (!phase) v.fail("phase", "invalid", "Select the school's phase");
    else school.phase = *phase;
    school.local_authority = trim(input.local_authority);
    if (school.local_authority.empty()) v.fail("local_authority", "required", "Enter the local authority");
    else if (utf8_length(school.local_authority) > 100)
        v.fail("local_authority", "too_long", "Local authority must be 100 characters or fewer");
    if (!v.ok()) return std::unexpected(std::move(v).error());
    return school;
}

}  // namespace sendhub
