#include "core/practitioner.hpp"

#include <algorithm>

#include "core/email.hpp"
#include "core/postcode.hpp"
#include "core/text.hpp"

namespace sendhub {

Result<Practitioner> validate_practitioner(const PractitionerInput& input) {
    Validator v;
    Practitioner p;
    p.name = v.required_text("name", input.name, "Enter the practitioner's name", "Name", 120);
    auto email = normalise_email(input.email);
    if (!email)
        v.fail("email", "invalid",
               "Enter an email address in the correct format, like name@example.org");
    else
        p.email = *email;
    auto service = parse_service(input.service);
    if (!service) {
        v.fail("service", "invalid", "Select the practitioner's service");
    } else if (auto level = service_level(*service)) {
        // Educational psychologists and therapists have no outreach grade: one rate each.
        p.service = *service;
        p.grade = *level;
    } else if (auto grade = parse_term(grade_terms(), trim(input.grade))) {
        p.grade = *grade;
    } else {
        v.fail("grade", "invalid", "Select the practitioner's grade");
    }
    auto postcode = normalise_postcode(input.home_postcode);
    if (!postcode)
        v.fail("home_postcode", "invalid", "Enter a real UK postcode, like TA1 3ES");
    else
        p.home_postcode = *postcode;
    for (const auto& code : input.expertise) {
        auto need = parse_term(primary_need_terms(), trim(code));
        if (!need) {
            v.fail("expertise", "invalid",
                   "Expertise must be DfE primary need codes, like ASD or SLCN");
            break;
        }
        if (std::ranges::find(p.expertise, *need) == p.expertise.end())
            p.expertise.push_back(*need);
    }
    auto days = parse_int(trim(input.max_days_per_week));
    if (!days || *days < 1 || *days > 5) {
        v.fail("max_days_per_week", "invalid",
               "Enter the most days a week they can do outreach, from 1 to 5");
    } else {
        p.max_days_per_week = static_cast<int>(*days);
    }
    if (!v.ok()) return std::unexpected(std::move(v).error());
    return p;
}

}  // namespace sendhub
