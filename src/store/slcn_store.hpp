#pragma once
// Each school's named speech and language therapist and its provision audits with their
// action plans (api-contract-early-identification.md).
#include <optional>
#include <string>
#include <vector>

#include "core/acting.hpp"
#include "core/error.hpp"
#include "core/ids.hpp"
#include "core/slcn_audit.hpp"
#include "store/database.hpp"

namespace sendhub {

struct NamedTherapist {
    std::int64_t school_urn = 0;
    std::string school_name;
    std::optional<PractitionerId> practitioner_id;  // none: no therapist named yet
    std::string name;
    std::string email;
};

struct Audit {
    std::int64_t id = 0;
    std::string school_name;
    std::string recorded_by;
    AuditValues values;
};

class SlcnStore {
  public:
    explicit SlcnStore(Database& db) : db_(db) {}

    //! Names (or with none, clears) a school's therapist.
    NamedTherapist set_therapist(std::int64_t urn, std::optional<PractitionerId> practitioner,
                                 const Acting& who);
    [[nodiscard]] NamedTherapist therapist_of(std::int64_t urn);
    //! Every school with a named therapist, by school name.
    [[nodiscard]] std::vector<NamedTherapist> therapists();
    //! The schools a practitioner is named therapist of.
    [[nodiscard]] std::vector<std::int64_t> schools_of(PractitionerId practitioner);

    Audit create_audit(const AuditValues& values, const Acting& who);
    [[nodiscard]] std::optional<Audit> find_audit(std::int64_t id);
    //! Newest first; empty `school_urns` is every school.
    [[nodiscard]] std::vector<Audit> audits(const std::vector<std::int64_t>& school_urns);
    //! False when the audit has no such action.
    bool set_action_status(std::int64_t audit, std::int64_t action, PlanStatus status,
                           const Acting& who);

  private:
    Database& db_;
};

}  // namespace sendhub
