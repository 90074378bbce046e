#pragma once
// Self-evaluation frameworks (areas and statements) and schools' self-evaluations against them.
#include <optional>
#include <string>
#include <vector>

#include "core/dates.hpp"
#include "core/self_evaluation.hpp"
#include "store/database.hpp"

namespace sendhub {

struct FrameworkArea {
    std::int64_t id = 0;
    std::string title;
    std::string topic;  // "" for none
    std::vector<FrameworkStatement> statements;
};
struct Framework {
    std::int64_t id = 0;
    std::string name;
    int scale_max = 4;
    std::vector<FrameworkArea> areas;
    [[nodiscard]] std::vector<FrameworkStatement> statements() const;
};

struct SelfEvaluationRecord {
    std::int64_t id = 0;
    std::int64_t school_urn = 0;
    std::int64_t framework_id = 0;
    TermPeriod period;
    std::vector<Rating> ratings;  // in the framework's order
    std::string updated_by;
    Timestamp updated_at{};
};

struct SelfEvaluationFilter {
    std::optional<std::int64_t> school_urn;
    std::optional<std::int64_t> framework_id;
    std::optional<TermPeriod> period;
};

class FrameworkStore {
  public:
    explicit FrameworkStore(Database& db) : db_(db) {}

    Framework create(const FrameworkValues& values);
    [[nodiscard]] std::vector<Framework> list();
    [[nodiscard]] std::optional<Framework> find(std::int64_t id);

    //! Adds or replaces the school's self-evaluation for the framework and period; whether new.
    std::pair<SelfEvaluationRecord, bool> save_evaluation(std::int64_t school_urn,
                                                          std::int64_t framework_id,
                                                          const TermPeriod& period,
                                                          const std::vector<Rating>& ratings,
                                                          const std::string& by);
    [[nodiscard]] std::vector<SelfEvaluationRecord> evaluations(const SelfEvaluationFilter& filter);
    [[nodiscard]] std::optional<SelfEvaluationRecord> find_evaluation(std::int64_t id);

  private:
    Database& db_;
};

}  // namespace sendhub
