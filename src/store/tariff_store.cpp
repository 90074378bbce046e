#include "store/tariff_store.hpp"

namespace sendhub {
namespace {
constexpr std::string_view kAll =
    "SELECT item, pence, effective_from FROM tariffs ORDER BY item, effective_from";
constexpr std::string_view kExists = "SELECT 1 FROM tariffs WHERE item = ? AND effective_from = ?";
constexpr std::string_view kInsert =
    "INSERT INTO tariffs (item, pence, effective_from) VALUES (?, ?, ?)";
}  // namespace

std::vector<Tariff> TariffStore::all() {
    return db_.read([&](SqlConnection& c) {
        std::vector<Tariff> out;
        for (const auto& r : c.query_with(kAll)) {
            auto item = parse_term(tariff_item_terms(), r.text(0));
            auto from = parse_date(r.text(2));
            if (item && from) out.push_back({*item, r.integer(1), *from});
        }
        return out;
    });
}

Result<Tariff> TariffStore::add(const Tariff& t, const Acting& who) {
    return db_.write([&](SqlConnection& c) -> Result<Tariff> {
        std::string item(term_of(tariff_item_terms(), t.item).code);
        std::string from = format_date(t.effective_from);
        if (c.query_one(kExists, item, from))
            return std::unexpected(Error::invalid("effective_from", "taken",
                                                  "This item already has a price from that date"));
        c.execute_with(kInsert, item, t.pence, from);
        append_audit(c, who, "create", "tariff", item + "@" + from,
                     {{"item", item}, {"pence", t.pence}, {"effective_from", from}});
        return t;
    });
}

}  // namespace sendhub
