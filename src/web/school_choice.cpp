#include "web/school_choice.hpp"

#include "service/slcn_service.hpp"

namespace sendhub::pages {

Options schools_to_record(RequestContext& ctx) {
    Options out;
    for (const auto& school : slcn_schools_to_record(ctx.services, ctx.actor()))
        out.emplace_back(std::to_string(school.urn.value), school.name);
    return out;
}

nlohmann::json school_choice(const FormView& form, const Options& schools, std::string_view typed) {
    if (schools.size() == 1)
        return {{"one_school", schools.front().second},
                {"one_school_urn", schools.front().first},
                {"school_urn", false}};
    Options choices = schools;
    choices.insert(choices.begin(), {"", "Choose a school"});
    return {{"one_school", nullptr},
            {"one_school_urn", ""},
            {"school_urn", form.select("school_urn", "School", choices, typed)}};
}

std::string posted_school(const http::FormData& form, const Options& schools) {
    std::string urn = form.get("school_urn");
    if (urn.empty() && schools.size() == 1) urn = schools.front().first;
    return urn;
}

}  // namespace sendhub::pages
