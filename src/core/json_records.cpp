#include "core/json_records.hpp"

#include "core/json_object.hpp"

namespace sendhub {
namespace {
template <class T>
nlohmann::json optional_json(const std::optional<T>& value) {
    return value ? nlohmann::json(*value) : nlohmann::json();
}
}  // namespace

nlohmann::json school_json(const School& s) {
    return JsonObject{}("arb", s.arb)("ehcp_pupils", optional_json(s.ehcp_pupils))(
               "la_code", optional_json(s.la_code))("latitude", optional_json(s.latitude))(
               "local_authority", s.local_authority)("longitude", optional_json(s.longitude))(
               "name", s.name)("phase", term_of(phase_terms(), s.phase).code)(
               "postcode", s.postcode)("pupils", optional_json(s.pupils))(
               "relationship", term_of(school_relationship_terms(), s.relationship).code)(
               "school_type", s.school_type)(
               "sen_support_pupils", optional_json(s.sen_support_pupils))("urn", s.urn.value)
        .take();
}

nlohmann::json practitioner_json(const Practitioner& p, HomeAddress home) {
    nlohmann::json expertise = nlohmann::json::array();
    for (auto need : p.expertise) expertise.push_back(term_of(primary_need_terms(), need).code);
    nlohmann::json out{
        {"id", p.id.value},
        {"name", p.name},
        {"email", p.email},
        {"service", term_of(service_terms(), p.service).code},
        {"grade", is_outreach_grade(p.grade) ? nlohmann::json(term_of(grade_terms(), p.grade).code)
                                             : nlohmann::json()},
        {"expertise", expertise},
        {"max_days_per_week", p.max_days_per_week},
        {"active", p.active},
    };
    if (home == HomeAddress::shown) {
        out["home_postcode"] = p.home_postcode;
        out["home_latitude"] = optional_json(p.home_latitude);
        out["home_longitude"] = optional_json(p.home_longitude);
    }
    return out;
}

nlohmann::json user_json(const User& u) {
    return {
        {"id", u.id.value},
        {"email", u.email},
        {"name", u.name},
        {"role", role_code(u.role)},
        {"school_urn", u.school_urn ? nlohmann::json(u.school_urn->value) : nlohmann::json()},
        {"practitioner_id",
         u.practitioner_id ? nlohmann::json(u.practitioner_id->value) : nlohmann::json()},
        {"active", u.active},
    };
}

}  // namespace sendhub
