#include "service/slcn_service.hpp"

#include <algorithm>

#include "core/screening.hpp"
#include "core/text.hpp"

namespace sendhub {
namespace {

SlcnStore store_of(Services& s) {
    return SlcnStore(*s.database);
}

Error no_audit() {
    return Error::not_found("No such audit.");
}

}  // namespace

bool leads_slcn(const Actor& actor) {
    return screening_access(actor.role) == ScreeningAccess::read_all;
}

bool writes_slcn(const Actor& actor) {
    auto access = screening_access(actor.role);
    return access == ScreeningAccess::own_school || access == ScreeningAccess::named_schools;
}

Result<VisibleSchools> slcn_visible_schools(Services& s, const Actor& actor) {
    switch (screening_access(actor.role)) {
        case ScreeningAccess::read_all:
            return VisibleSchools{};
        case ScreeningAccess::own_school:
            if (actor.school_urn) return VisibleSchools{std::vector{actor.school_urn->value}};
            return VisibleSchools{std::vector<std::int64_t>{}};
        case ScreeningAccess::named_schools:
            if (actor.practitioner_id)
                return VisibleSchools{store_of(s).schools_of(*actor.practitioner_id)};
            return VisibleSchools{std::vector<std::int64_t>{}};
        case ScreeningAccess::none:
            break;
    }
    return std::unexpected(Error::forbidden());
}

bool sees_school(const VisibleSchools& schools, std::int64_t urn) {
    return !schools || std::ranges::find(*schools, urn) != schools->end();
}

Result<void> may_write_slcn(Services& s, const Actor& actor, std::int64_t urn) {
    SENDHUB_ASSIGN_OR_RETURN(auto schools, slcn_visible_schools(s, actor));
    if (leads_slcn(actor)) return std::unexpected(Error::forbidden());
    if (!sees_school(schools, urn)) return std::unexpected(Error::not_found("No such school."));
    return {};
}

std::vector<School> slcn_schools_to_record(Services& s, const Actor& actor) {
    std::vector<School> out;
    auto schools = slcn_visible_schools(s, actor);
    if (!writes_slcn(actor) || !schools || !*schools) return out;
    for (auto urn : **schools)
        if (auto school = s.schools.find(SchoolUrn{urn})) out.push_back(std::move(*school));
    return out;
}

Result<NamedTherapist> get_named_therapist(Services& s, const Actor& actor, std::int64_t urn) {
    // A school's other staff may know who their therapist is, and no more.
    const bool own_staff =
        actor.role == Role::school_staff && actor.school_urn && actor.school_urn->value == urn;
    if (!own_staff) {
        SENDHUB_ASSIGN_OR_RETURN(auto schools, slcn_visible_schools(s, actor));
        if (!sees_school(schools, urn)) return std::unexpected(Error::not_found("No such school."));
    }
    if (!s.schools.find(SchoolUrn{urn}))
        return std::unexpected(Error::not_found("No such school."));
    return store_of(s).therapist_of(urn);
}

Result<NamedTherapist> set_named_therapist(Services& s, const Actor& actor, std::int64_t urn,
                                           std::optional<std::string> practitioner,
                                           const Acting& who) {
    if (!leads_slcn(actor)) return std::unexpected(Error::forbidden());
    if (!s.schools.find(SchoolUrn{urn}))
        return std::unexpected(Error::not_found("No such school."));
    std::optional<PractitionerId> chosen;
    if (practitioner && !trim(*practitioner).empty()) {
        auto id = parse_int(trim(*practitioner));
        auto found = id ? s.practitioners.find(PractitionerId{*id}) : std::nullopt;
        if (!found)
            return std::unexpected(
                Error::invalid("practitioner_id", "unknown", "Choose one of the therapists"));
        if (found->service != Service::speech_and_language)
            return std::unexpected(Error::invalid(
                "practitioner_id", "wrong_service",
                found->name + " is not a speech and language therapist: choose a therapist"));
        chosen = found->id;
    }
    return store_of(s).set_therapist(urn, chosen, who);
}

Result<std::vector<NamedTherapist>> list_named_therapists(Services& s, const Actor& actor) {
    SENDHUB_ASSIGN_OR_RETURN(auto schools, slcn_visible_schools(s, actor));
    auto all = store_of(s).therapists();
    std::erase_if(all,
                  [&](const NamedTherapist& t) { return !sees_school(schools, t.school_urn); });
    return all;
}

std::vector<Practitioner> therapists_to_name(Services& s) {
    auto page = s.practitioners.list({.service = Service::speech_and_language, .limit = 500});
    std::ranges::sort(page.items, {}, &Practitioner::name);
    return page.items;
}

Result<Audit> create_audit(Services& s, const Actor& actor, const AuditInput& input,
                           const Acting& who) {
    SENDHUB_TRY(slcn_visible_schools(s, actor));
    if (leads_slcn(actor)) return std::unexpected(Error::forbidden());
    SENDHUB_ASSIGN_OR_RETURN(auto values, validate_audit(input, s.clock().today()));
    SENDHUB_TRY(may_write_slcn(s, actor, values.school_urn));
    if (!s.schools.find(SchoolUrn{values.school_urn}))
        return std::unexpected(
            Error::invalid("school_urn", "unknown_school", "No school has that URN"));
    return store_of(s).create_audit(values, who);
}

Result<Audit> get_audit(Services& s, const Actor& actor, std::int64_t id) {
    SENDHUB_ASSIGN_OR_RETURN(auto schools, slcn_visible_schools(s, actor));
    auto audit = store_of(s).find_audit(id);
    if (!audit || !sees_school(schools, audit->values.school_urn))
        return std::unexpected(no_audit());
    return *audit;
}

Result<std::vector<Audit>> list_audits(Services& s, const Actor& actor,
                                       std::string_view school_urn) {
    SENDHUB_ASSIGN_OR_RETURN(auto schools, slcn_visible_schools(s, actor));
    std::vector<std::int64_t> wanted;
    if (!trim(school_urn).empty()) {
        auto urn = parse_int(trim(school_urn));
        if (!urn) return std::unexpected(Error::invalid("school_urn", "invalid", "Enter a URN"));
        if (!sees_school(schools, *urn))
            return std::unexpected(Error::not_found("No such school."));
        wanted = {*urn};
    } else if (schools) {
        if (schools->empty()) return std::vector<Audit>{};
        wanted = *schools;
    }
    return store_of(s).audits(wanted);
}

Result<Audit> update_audit_action(Services& s, const Actor& actor, std::int64_t audit,
                                  std::int64_t action, std::string_view status, const Acting& who) {
    SENDHUB_ASSIGN_OR_RETURN(auto existing, get_audit(s, actor, audit));
    SENDHUB_TRY(may_write_slcn(s, actor, existing.values.school_urn));
    SENDHUB_ASSIGN_OR_RETURN(auto new_status, parse_plan_status(status));
    if (!store_of(s).set_action_status(audit, action, new_status, who))
        return std::unexpected(Error::not_found("No such action on this audit."));
    return *store_of(s).find_audit(audit);
}

}  // namespace sendhub
