#pragma once
// Schools: read, search, create, edit and bulk import from the DfE register.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/error.hpp"
#include "core/page.hpp"
#include "core/school.hpp"
#include "store/audit_store.hpp"
#include "store/database.hpp"

namespace sendhub {

struct SchoolFilter {
    std::string search;  // part of the name, a URN or a postcode
    std::optional<int> la_code;
    std::optional<SchoolUrn> only_urn;  // a school's staff: their own school
    std::optional<SchoolRelationship> relationship;
    std::optional<bool> arb;
    std::optional<std::int64_t> after_urn;  // cursor
    int limit = kDefaultPageSize;
};

enum class UpsertOutcome { added, updated, unchanged };

class SchoolStore {
  public:
    explicit SchoolStore(Database& db) : db_(db) {}

    [[nodiscard]] std::optional<School> find(SchoolUrn urn);
    [[nodiscard]] Page<School> list(const SchoolFilter& filter);
    [[nodiscard]] Result<School> create(const School& school, const Acting& who);
    [[nodiscard]] Result<School> update(const School& school, const Acting& who);
    //! Local authorities that have schools, for filters: {code, name}.
    [[nodiscard]] std::vector<std::pair<int, std::string>> local_authorities();
    [[nodiscard]] std::int64_t count();

    //! Inserts or refreshes one school inside an import transaction.
    static UpsertOutcome upsert(SqlConnection& c, const School& school);
    [[nodiscard]] static std::optional<School> find(SqlConnection& c, SchoolUrn urn);

  private:
    Database& db_;
};

}  // namespace sendhub
