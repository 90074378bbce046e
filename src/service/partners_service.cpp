#include "service/partners_service.hpp"

#include <algorithm>

namespace sendhub {
namespace {
Error hidden() {
    return Error::not_found("No such partnership.");
}
bool names_school(const Partnership& p, std::optional<SchoolUrn> school) {
    return school && std::ranges::find(p.school_urns, *school) != p.school_urns.end();
}
}  // namespace

Result<Partnership> create_partnership(Services& s, const PartnershipInput& input,
                                       const Acting& who) {
    SENDHUB_ASSIGN_OR_RETURN(Partnership p, validate_partnership(input));
    return s.partnerships.create(std::move(p), who);
}

Result<Partnership> get_partnership(Services& s, const Actor& actor, PartnershipId id) {
    auto p = s.partnerships.find(id);
    if (!p) return std::unexpected(hidden());
    if (auto own = school_scope(actor); own && !names_school(*p, own))
        return std::unexpected(hidden());
    return *p;
}

Page<Partnership> list_partnerships(Services& s, const Actor& actor, PartnershipFilter filter) {
    // A school's staff see the partnerships that name their school, whatever they ask for.
    if (auto own = school_scope(actor)) filter.school_urn = own;
    return s.partnerships.list(filter);
}

Result<Partnership> update_partnership(Services& s, PartnershipId id, const PartnershipInput& input,
                                       const Acting& who) {
    SENDHUB_ASSIGN_OR_RETURN(Partnership p, validate_partnership(input));
    return s.partnerships.update(id, std::move(p), who);
}

Result<Partnership> end_partnership(Services& s, PartnershipId id, std::string_view ends_on,
                                    std::string_view reason, const Acting& who) {
    return s.partnerships.end(id, ends_on, reason, who);
}

Result<SchoolHistory> school_history(Services& s, const Actor& actor, SchoolUrn urn) {
    auto school = can_see_school(actor, urn) ? s.schools.find(urn) : std::nullopt;
    if (!school) return std::unexpected(Error::not_found("No school with this URN."));
    SchoolHistory history = s.partnerships.history(urn);
    history.relationship = school->relationship;
    return history;
}

}  // namespace sendhub
