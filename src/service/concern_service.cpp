#include "service/concern_service.hpp"

#include "service/outreach_service.hpp"

namespace sendhub {
namespace {
Error no_concern() {
    return Error::not_found("No such concern.");
}
Error no_school() {
    return Error::not_found("No school with this URN.");
}
}  // namespace

Result<Dsl> get_dsl(Services& s, const Actor& actor, SchoolUrn school) {
    if (!can_see_school(actor, school) || !s.schools.find(school))
        return std::unexpected(no_school());
    auto dsl = s.concerns.dsl(school);
    if (!dsl)
        return std::unexpected(
            Error::not_found("The school has not recorded its designated safeguarding lead."));
    return *dsl;
}

Result<Dsl> set_dsl(Services& s, const Actor& actor, SchoolUrn school, std::string_view name,
                    std::string_view email, const Acting& who) {
    if (!can_see_school(actor, school) || !s.schools.find(school))
        return std::unexpected(no_school());
    if (!may_set_dsl(actor, school)) return std::unexpected(Error::forbidden());
    SENDHUB_ASSIGN_OR_RETURN(Dsl dsl, validate_dsl(name, email));
    s.concerns.set_dsl(school, dsl, who);
    return dsl;
}

Result<ConcernRecord> raise_concern(Services& s, const Actor& actor, std::int64_t visit_id,
                                    const ConcernInput& input, const Acting& who) {
    SENDHUB_ASSIGN_OR_RETURN(auto visit, get_visit(s, actor, VisitId{visit_id}));
    if (!is_assigned(actor, visit.practitioner_id)) return std::unexpected(Error::forbidden());
    SENDHUB_ASSIGN_OR_RETURN(ConcernDetails details, validate_concern(input));
    const std::string base = s.config.public_url;
    const std::string school = visit.school_name;
    const std::string when = format_day_month_year(visit.date);
    auto email = [&](ConcernId id) {
        // A link, never what was seen: email is not a safe place for it.
        return ConcernEmail{
            "Safeguarding concern raised at " + school,
            "A practitioner raised a safeguarding concern after the outreach visit to " + school +
                " on " + when + ". Read it and acknowledge it on sendhub:\r\n\r\n" + base +
                "/concerns/" + std::to_string(id.value) +
                "\r\n\r\nRecord it in the school's own safeguarding system as usual."};
    };
    return s.concerns.raise(visit_id, details, email, who);
}

std::vector<SeenConcern> list_concerns(Services& s, const Actor& actor,
                                       std::optional<ConcernStatus> status) {
    std::vector<SeenConcern> out;
    for (auto& record : s.concerns.list(status, school_scope(actor))) {
        auto access = concern_access(actor, record.school_urn, record.raised_by);
        if (access != ConcernAccess::none) out.push_back({std::move(record), access});
    }
    return out;
}

Result<SeenConcern> get_concern(Services& s, const Actor& actor, ConcernId id) {
    auto record = s.concerns.find(id);
    if (!record) return std::unexpected(no_concern());
    auto access = concern_access(actor, record->school_urn, record->raised_by);
    if (access == ConcernAccess::none) return std::unexpected(no_concern());
    return SeenConcern{std::move(*record), access};
}

Result<SeenConcern> acknowledge_concern(Services& s, const Actor& actor, ConcernId id,
                                        const Acting& who) {
    SENDHUB_ASSIGN_OR_RETURN(auto seen, get_concern(s, actor, id));
    SENDHUB_TRY(check_acknowledge(actor, seen.record.school_urn, seen.record.status));
    seen.record = s.concerns.acknowledge(id, who);
    return seen;
}

}  // namespace sendhub
