#include "store/trust_settings_store.hpp"

namespace sendhub {
namespace {

constexpr std::string_view kFind =
    "SELECT name, address, email, phone, vat_number, bank_account_name, sort_code, "
    "account_number FROM trust_settings WHERE id = 1";
constexpr std::string_view kSave =
    "INSERT INTO trust_settings (id, name, address, email, phone, vat_number, bank_account_name, "
    "sort_code, account_number, updated_at) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    " ON CONFLICT (id) DO UPDATE SET name = excluded.name, address = excluded.address,"
    " email = excluded.email, phone = excluded.phone, vat_number = excluded.vat_number,"
    " bank_account_name = excluded.bank_account_name, sort_code = excluded.sort_code,"
    " account_number = excluded.account_number, updated_at = excluded.updated_at";

}  // namespace

std::optional<TrustSettings> TrustSettingsStore::find() {
    return db_.read([&](SqlConnection& c) -> std::optional<TrustSettings> {
        auto r = c.query_one(kFind);
        if (!r) return std::nullopt;
        TrustSettings t{r->text(0),   r->text(1), r->text(2), r->text(3),
                        std::nullopt, r->text(5), r->text(6), r->text(7)};
        if (!r->is_null(4)) t.vat_number = r->text(4);
        return t;
    });
}

void TrustSettingsStore::save(const TrustSettings& t, const Acting& who) {
    db_.write([&](SqlConnection& c) {
        c.execute_with(kSave, t.name, t.address, t.email, t.phone, t.vat_number,
                       t.bank_account_name, t.sort_code, t.account_number, c.now_seconds());
        append_audit(c, who, "update", "trust_settings", "",
                     {{"fields", nlohmann::json::array({"name", "address", "email", "phone",
                                                        "vat_number", "bank_account_name",
                                                        "sort_code", "account_number"})}});
    });
}

}  // namespace sendhub
