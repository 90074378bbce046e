#include "core/school.hpp"

#include "core/postcode.hpp"
#include "core/text.hpp"

namespace sendhub {

std::optional<Phase> parse_phase(std::string_view text) {
    const std::string wanted = to_lower(trim(text));
    for (const auto& term : phase_terms())
        if (wanted == term.code || wanted == to_lower(term.label)) return term.value;
    return std::nullopt;
}

std::span<const Term<SchoolRelationship>> school_relationship_terms() {
    static constexpr Term<SchoolRelationship> kTerms[] = {
        {SchoolRelationship::trust, "trust", "Trust academy"},
        {SchoolRelationship::partner, "partner", "Partner school"},
        {SchoolRelationship::other, "other", "Other school"},
    };
    return kTerms;
}

std::optional<bool> parse_yes_no(std::string_view text) {
    auto t = trim(text);
    if (t == "true" || t == "yes") return true;
    if (t == "false" || t == "no") return false;
    return std::nullopt;
}

Result<School> validate_school(const SchoolInput& input, const School& kept) {
    Validator v;
    School school;
    school.relationship = kept.relationship;
    school.arb = kept.arb;
    if (!trim(input.relationship).empty()) {
        auto relationship = parse_term(school_relationship_terms(), trim(input.relationship));
        if (!relationship)
            v.fail("relationship", "invalid",
                   "Select whether the school is a trust academy, a partner or another school");
        else
            school.relationship = *relationship;
    }
    if (!trim(input.arb).empty()) {
        auto arb = parse_yes_no(input.arb);
        if (!arb)
            v.fail("arb", "invalid", "Select whether the school has an area resource base");
        else
            school.arb = *arb;
    }
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
    auto phase = parse_phase(input.phase);
    if (!phase)
        v.fail("phase", "invalid", "Select the school's phase");
    else
        school.phase = *phase;
    std::string la_code = trim(input.la_code);
    if (!la_code.empty()) {
        auto code = parse_int(la_code);
        if (!code || *code < 100 || *code > 999)
            v.fail("la_code", "invalid",
                   "Enter the local authority's three-digit DfE code, like 933");
        else
            school.la_code = static_cast<int>(*code);
    }
    if (la_code.empty() || !trim(input.local_authority).empty())
        school.local_authority =
            v.required_text("local_authority", input.local_authority, "Enter the local authority",
                            "Local authority", 100);
    if (!v.ok()) return std::unexpected(std::move(v).error());
    return school;
}

}  // namespace sendhub
