#pragma once
// A school or setting that buys outreach, as held by sendhub (register + census facts).
#include <optional>
#include <string>

#include "core/error.hpp"
#include "core/ids.hpp"
#include "core/needs.hpp"
#include "core/vocabulary.hpp"

namespace sendhub {

//! What the school is to the trust: one of its own academies, a partner, or any other school.
enum class SchoolRelationship { trust, partner, other };
[[nodiscard]] std::span<const Term<SchoolRelationship>> school_relationship_terms();

struct School {
    SchoolUrn urn;
    std::string name;
    std::string postcode;  // normalised
    Phase phase = Phase::not_applicable;
    std::string local_authority;
    std::optional<int> la_code;
    std::string school_type;
    std::optional<double> latitude;
    std::optional<double> longitude;
    std::optional<int> pupils;              // number on roll, January census
    std::optional<int> ehcp_pupils;         // TSENELSE
    std::optional<int> sen_support_pupils;  // TSENELK
    SchoolRelationship relationship = SchoolRelationship::other;
    bool arb = false;  // has an area resource base

    friend bool operator==(const School&, const School&) = default;
};

//! What a person or API client typed; every value is text until validated.
struct SchoolInput {
    std::string urn;
    std::string name;
    std::string postcode;
    std::string phase;
    std::string local_authority;
    std::string la_code;       // the DfE code; filled in from local_authority when left out
    std::string relationship;  // "trust", "partner" or "other"; empty keeps what it was
    std::string arb;           // "true" or "false"; empty keeps what it was
};

//! A yes/no typed as text: "true"/"false" (the API) or "yes"/"no" (radios); nullopt otherwise.
[[nodiscard]] std::optional<bool> parse_yes_no(std::string_view text);

//! A phase by its code or by the schools register's name ("Primary", "16 plus"…), in any case.
[[nodiscard]] std::optional<Phase> parse_phase(std::string_view text);

//! Checks every field and returns the school, or all field errors at once. The local
//! authority may be given by name, by DfE code, or both. A relationship or ARB left empty
//! takes `kept`'s (a new school's: other, no ARB).
[[nodiscard]] Result<School> validate_school(const SchoolInput& input, const School& kept = {});

}  // namespace sendhub
