#pragma once
// Practitioners and the postcode-district centroids that place their homes.
#include <optional>
#include <vector>

#include "core/error.hpp"
#include "core/geo.hpp"
#include "core/page.hpp"
#include "core/practitioner.hpp"
#include "store/audit_store.hpp"
#include "store/database.hpp"

namespace sendhub {

struct PractitionerFilter {
    std::optional<Grade> grade;
    std::optional<Service> service;
    bool include_inactive = false;
    std::optional<std::int64_t> after_id;
    int limit = kDefaultPageSize;
};

struct Outcode {
    std::string code;
    GeoPoint centroid;
    std::string town;
    std::string region;
};

class PractitionerStore {
  public:
    explicit PractitionerStore(Database& db) : db_(db) {}

    [[nodiscard]] std::optional<Practitioner> find(PractitionerId id);
    [[nodiscard]] Page<Practitioner> list(const PractitionerFilter& filter);
    [[nodiscard]] std::int64_t count_active();
    //! Creates the record; the home is placed at its outcode centroid when the outcode is known.
    [[nodiscard]] Result<Practitioner> create(Practitioner practitioner, const Acting& who);
    [[nodiscard]] Result<Practitioner> update(Practitioner practitioner, const Acting& who);

    //! Replaces the outcode table (shared/data/postcodes); returns rows loaded.
    std::size_t load_outcodes(const std::vector<Outcode>& outcodes);
    [[nodiscard]] std::optional<GeoPoint> outcode_centroid(std::string_view outcode);

  private:
    Database& db_;
};

}  // namespace sendhub
