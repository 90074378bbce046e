#pragma once
// The trust's details printed on invoices and credit notes (one row).
#include <optional>

#include "core/trust_settings.hpp"
#include "store/audit_store.hpp"
#include "store/database.hpp"

namespace sendhub {

class TrustSettingsStore {
  public:
    explicit TrustSettingsStore(Database& db) : db_(db) {}

    //! None until an administrator has saved them.
    [[nodiscard]] std::optional<TrustSettings> find();
    void save(const TrustSettings& settings, const Acting& who);

  private:
    Database& db_;
};

}  // namespace sendhub
