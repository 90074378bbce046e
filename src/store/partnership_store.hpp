#pragma once
// Partnerships and the partner schools they name, and each school's history with the trust.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/page.hpp"
#include "core/partnership.hpp"
#include "core/school.hpp"
#include "store/audit_store.hpp"
#include "store/database.hpp"

namespace sendhub {

struct PartnershipFilter {
    std::optional<PartnershipStatus> status;
    std::optional<PartnershipKind> kind;
    std::optional<SchoolUrn> school_urn;
    std::optional<Date> review_due_by;  // active ones with review_due_on on or before
    std::optional<std::int64_t> after_id;
    int limit = kDefaultPageSize;
};

//! A school's whole history with the trust, counted in one read.
struct SchoolHistory {
    SchoolRelationship relationship = SchoolRelationship::other;
    std::vector<Partnership> partnerships;
    std::int64_t requests = 0;  // drafts not counted
    std::int64_t open_requests = 0;
    std::map<std::string, std::int64_t> requests_by_status;
    std::int64_t packages = 0;
    double package_days = 0;
    double package_days_left = 0;
    std::int64_t invoices = 0;
    std::int64_t invoiced_pence = 0;
};

class PartnershipStore {
  public:
    explicit PartnershipStore(Database& db) : db_(db) {}

    //! Records it (404-free: 422 `unknown_school` on `school_urns` for a URN not held) and
    //! makes each named school that was `other` a `partner`, in one transaction.
    [[nodiscard]] Result<Partnership> create(Partnership p, const Acting& who);
    //! Replaces every field of an active partnership (409 once ended).
    [[nodiscard]] Result<Partnership> update(PartnershipId id, Partnership p, const Acting& who);
    [[nodiscard]] Result<Partnership> end(PartnershipId id, std::string_view ends_on,
                                          std::string_view reason, const Acting& who);
    [[nodiscard]] std::optional<Partnership> find(PartnershipId id);
    [[nodiscard]] Page<Partnership> list(const PartnershipFilter& filter);
    [[nodiscard]] SchoolHistory history(SchoolUrn urn);

  private:
    Database& db_;
};

}  // namespace sendhub
