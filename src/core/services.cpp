#include "core/services.hpp"

#include <array>

#include "core/text.hpp"

namespace sendhub {
namespace {
constexpr std::array<Term<Service>, 3> kServices{{
    {Service::outreach, "outreach", "Outreach"},
    {Service::educational_psychology, "educational_psychology", "Educational psychology"},
    {Service::speech_and_language, "speech_and_language", "Speech and language therapy"},
}};
constexpr std::array<Term<WorkType>, 4> kWorkTypes{{
    {WorkType::individual_child, "individual_child", "Early intervention for one child"},
    {WorkType::cohort, "cohort", "Work with a cohort of children"},
    {WorkType::whole_school_training, "whole_school_training", "Whole-school training"},
    {WorkType::staff_support, "staff_support", "Support for staff"},
}};
}  // namespace

std::span<const Term<Service>> service_terms() {
    return kServices;
}
std::span<const Term<WorkType>> work_type_terms() {
    return kWorkTypes;
}

std::optional<Service> parse_service(std::string_view typed) {
    const std::string code = trim(typed);
    if (code.empty()) return Service::outreach;
    return parse_term(service_terms(), code);
}

std::optional<Grade> service_level(Service service) {
    switch (service) {
        case Service::outreach:
            return std::nullopt;
        case Service::educational_psychology:
            return Grade::educational_psychology;
        case Service::speech_and_language:
            return Grade::speech_and_language;
    }
    return std::nullopt;
}

Service service_of(Grade level) {
    if (level == Grade::educational_psychology) return Service::educational_psychology;
    if (level == Grade::speech_and_language) return Service::speech_and_language;
    return Service::outreach;
}

}  // namespace sendhub
