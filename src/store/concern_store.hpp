#pragma once
// Safeguarding concerns raised on visits, and each school's designated safeguarding lead.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/dates.hpp"
#include "core/error.hpp"
#include "core/safeguarding.hpp"
#include "store/audit_store.hpp"
#include "store/database.hpp"

namespace sendhub {

struct ConcernRecord {
    ConcernId id;
    std::int64_t visit_id = 0;
    std::int64_t request_id = 0;
    std::string request_reference;
    SchoolUrn school_urn;
    std::string school_name;
    Date visit_date;
    ConcernStatus status = ConcernStatus::raised;
    ConcernDetails details;
    UserId raised_by;
    std::string raised_by_name;
    Timestamp raised_at;
    std::optional<UserId> acknowledged_by;
    std::string acknowledged_by_name;
    std::optional<Timestamp> acknowledged_at;
};

//! The email a new concern sends, written by the service (a link, never the summary).
struct ConcernEmail {
    std::string subject;
    std::string body;
};

class ConcernStore {
  public:
    explicit ConcernStore(Database& db) : db_(db) {}

    [[nodiscard]] std::optional<Dsl> dsl(SchoolUrn school);
    void set_dsl(SchoolUrn school, const Dsl& dsl, const Acting& who);

    //! Records the concern on the visit and, in the same transaction, emails the school's DSL
    //! (or, with none recorded, its headteachers and SENCOs).
    [[nodiscard]] ConcernRecord raise(std::int64_t visit_id, const ConcernDetails& details,
                                      const std::function<ConcernEmail(ConcernId)>& email,
                                      const Acting& who);
    [[nodiscard]] std::optional<ConcernRecord> find(ConcernId id);
    //! Newest first; `school` limits them to one school's.
    [[nodiscard]] std::vector<ConcernRecord> list(std::optional<ConcernStatus> status,
                                                  std::optional<SchoolUrn> school);
    [[nodiscard]] ConcernRecord acknowledge(ConcernId id, const Acting& who);

  private:
    Database& db_;
};

}  // namespace sendhub
