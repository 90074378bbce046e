#pragma once
// Speech and language screening rounds: counts only, never a child.
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/screening.hpp"
#include "store/database.hpp"

namespace sendhub {

struct ScreeningRound {
    std::int64_t id = 0;
    std::string school_name;
    ScreeningValues values;
};

struct ScreeningFilter {
    std::vector<std::int64_t> school_urns;  // empty: every school
    std::optional<ScreeningProgramme> programme;
    std::optional<ScreeningCohort> cohort;
    std::optional<Date> from;  // inclusive
    std::optional<Date> to;    // inclusive
};

class ScreeningStore {
  public:
    explicit ScreeningStore(Database& db) : db_(db) {}

    //! A second round for the same school, programme, cohort and date is 409 duplicate.
    [[nodiscard]] Result<ScreeningRound> create(const ScreeningValues& values,
                                                const std::string& by);
    //! Replaces the round's programme, cohort, date and counts (its school stays).
    [[nodiscard]] Result<ScreeningRound> update(std::int64_t id, const ScreeningValues& values,
                                                const std::string& by);
    [[nodiscard]] std::optional<ScreeningRound> find(std::int64_t id);
    //! By date, then school name, oldest first.
    [[nodiscard]] std::vector<ScreeningRound> list(const ScreeningFilter& filter);

  private:
    Database& db_;
};

}  // namespace sendhub
