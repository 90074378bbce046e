#pragma once
// Documents kept exactly as first issued (invoices and credit notes): a later download is
// byte for byte the same, whatever has changed since (payments, credit notes, settings).
#include <functional>
#include <string>
#include <string_view>

#include "store/database.hpp"

namespace sendhub {

class DocumentStore {
  public:
    explicit DocumentStore(Database& db) : db_(db) {}

    //! The stored document of `kind` for `record_id`; on first use `render` makes it and it
    //! is kept (two first downloads at once keep whichever was written first).
    [[nodiscard]] std::string issued(std::string_view kind, std::int64_t record_id,
                                     const std::function<std::string()>& render);

  private:
    Database& db_;
};

}  // namespace sendhub
