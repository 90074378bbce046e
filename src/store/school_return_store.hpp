#pragma once
// Schools' termly returns: one per school per term, replaced when sent again.
#include <optional>
#include <string>
#include <vector>

#include "core/dates.hpp"
#include "core/school_returns.hpp"
#include "store/database.hpp"

namespace sendhub {

struct SchoolReturnRecord {
    std::int64_t id = 0;
    SchoolReturnValues values;
    std::string updated_by;
    Timestamp updated_at{};
};

struct SchoolReturnFilter {
    std::optional<std::int64_t> school_urn;
    std::optional<TermPeriod> term;
};

class SchoolReturnStore {
  public:
    explicit SchoolReturnStore(Database& db) : db_(db) {}

    //! Adds or replaces each school's return for its term, all in one transaction; for each,
    //! whether it was new.
    std::vector<std::pair<SchoolReturnRecord, bool>> save(
        const std::vector<SchoolReturnValues>& returns, const std::string& by);
    //! By school, then term in school order.
    [[nodiscard]] std::vector<SchoolReturnRecord> list(const SchoolReturnFilter& filter);

  private:
    Database& db_;
};

}  // namespace sendhub
