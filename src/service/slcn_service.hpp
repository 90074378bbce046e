#pragma once
// A school's named speech and language therapist and its provision audits
// (api-contract-early-identification.md). One visibility rule covers them and the school's
// screening rounds: administrators and coordinators see every school (reading only), a
// school's SENCO and headteacher their own, a therapist the schools they are named for;
// another school's record is "not found". A school's other staff may see who their
// therapist is and nothing else.
#include <optional>
#include <string>
#include <vector>

#include "core/policy.hpp"
#include "core/screening.hpp"
#include "service/services.hpp"
#include "store/slcn_store.hpp"

namespace sendhub {

//! The schools whose speech and language records the actor sees; nullopt for every school.
using VisibleSchools = std::optional<std::vector<std::int64_t>>;
[[nodiscard]] Result<VisibleSchools> slcn_visible_schools(Services& s, const Actor& actor);
[[nodiscard]] bool sees_school(const VisibleSchools& schools, std::int64_t urn);
//! The trust's leads read every school's records and name therapists; they write no records.
[[nodiscard]] bool leads_slcn(const Actor& actor);
//! A school's SENCO and headteacher, and therapists, write their schools' records.
[[nodiscard]] bool writes_slcn(const Actor& actor);
//! The schools the actor records audits and rounds for (none for the trust's leads).
[[nodiscard]] std::vector<School> slcn_schools_to_record(Services& s, const Actor& actor);
//! Writing is for the school's own leads and its named therapist: 403 for the trust, 404
//! for another school.
[[nodiscard]] Result<void> may_write_slcn(Services& s, const Actor& actor, std::int64_t urn);

[[nodiscard]] Result<NamedTherapist> get_named_therapist(Services& s, const Actor& actor,
                                                         std::int64_t urn);
//! `practitioner` as typed ("" or none clears): a speech and language practitioner, else 422
//! wrong_service.
[[nodiscard]] Result<NamedTherapist> set_named_therapist(Services& s, const Actor& actor,
                                                         std::int64_t urn,
                                                         std::optional<std::string> practitioner,
                                                         const Acting& who);
//! The named therapists the actor may see: every school's for the trust, a therapist's own.
[[nodiscard]] Result<std::vector<NamedTherapist>> list_named_therapists(Services& s,
                                                                        const Actor& actor);
//! Speech and language practitioners who can be named, active ones by name.
[[nodiscard]] std::vector<Practitioner> therapists_to_name(Services& s);

[[nodiscard]] Result<Audit> create_audit(Services& s, const Actor& actor, const AuditInput& input,
                                         const Acting& who);
[[nodiscard]] Result<Audit> get_audit(Services& s, const Actor& actor, std::int64_t id);
//! `school_urn` as typed ("" for every visible school).
[[nodiscard]] Result<std::vector<Audit>> list_audits(Services& s, const Actor& actor,
                                                     std::string_view school_urn);
[[nodiscard]] Result<Audit> update_audit_action(Services& s, const Actor& actor, std::int64_t audit,
                                                std::int64_t action, std::string_view status,
                                                const Acting& who);

}  // namespace sendhub
