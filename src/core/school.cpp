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
    school.name = v.required_text("name", input.name, "Enter the school's name", "Name", 200);
    auto postcode = normalise_postcode(input.postcode);
    if (!postcode)
        v.fail("postcode", "invalid", "Enter a real UK postcode, like TA1 3ES");
    else
        school.postcode = *postcode;
    auto phase = parse_term(phase_terms(), trim(input.phase));
    if (!phase)
        v.fail("phase", "invalid", "Select the school's phase");
    else
        school.phase = *phase;
    school.local_authority = v.required_text("local_authority", input.local_authority,
                                             "Enter the local authority", "Local authority", 100);
    if (!v.ok()) return std::unexpected(std::move(v).error());
    return school;
}

}  // namespace sendhub
