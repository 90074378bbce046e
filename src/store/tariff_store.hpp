#pragma once
// Tariffs: every price with the date it took effect; old rows are never changed.
#include <vector>

#include "core/tariff.hpp"
#include "store/audit_store.hpp"
#include "store/database.hpp"

namespace sendhub {

class TariffStore {
  public:
    explicit TariffStore(Database& db) : db_(db) {}

    //! Every tariff, by item then effective date.
    [[nodiscard]] std::vector<Tariff> all();
    //! Adds a price from a date; a second price for the same item and date is refused (422).
    [[nodiscard]] Result<Tariff> add(const Tariff& tariff, const Acting& who);

  private:
    Database& db_;
};

}  // namespace sendhub
