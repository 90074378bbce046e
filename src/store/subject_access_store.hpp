#pragma once
// Finding the requests that name a child, for a subject access request.
#include <string_view>
#include <vector>

#include "core/ids.hpp"
#include "store/database.hpp"

namespace sendhub {

class SubjectAccessStore {
  public:
    explicit SubjectAccessStore(Database& db) : db_(db) {}

    //! Ids of the school's requests naming a pupil whose reference, trimmed and in any case,
    //! is `ref`; oldest first.
    [[nodiscard]] std::vector<std::int64_t> requests_naming(SchoolUrn school, std::string_view ref);

  private:
    Database& db_;
};

}  // namespace sendhub
