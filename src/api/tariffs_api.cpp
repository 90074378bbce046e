#include "api/handlers.hpp"
#include "api/json_input.hpp"
#include "api/respond.hpp"
#include "core/tariff.hpp"
#include "service/finance_service.hpp"

namespace sendhub::api {
namespace {
nlohmann::json tariff_json(const Tariff& t) {
    return {{"item", std::string(term_of(tariff_item_terms(), t.item).code)},
            {"pence", t.pence},
            {"effective_from", format_date(t.effective_from)}};
}
}  // namespace

Response tariffs_list(RequestContext& ctx) {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& t : list_tariffs(ctx.services)) items.push_back(tariff_json(t));
    return json_response(200, list_body(items, std::nullopt));
}

Response tariff_create(RequestContext& ctx) {
    auto f = JsonFields::from_body(ctx.request);
    TariffInput in{f.text("item"), f.text("pence"), f.text("effective_from")};
    if (auto checked = f.check(); !checked) return json_error(checked.error());
    auto tariff = validate_tariff(in);
    if (!tariff) return json_error(tariff.error());
    return respond(add_tariff(ctx.services, ctx.actor(), *tariff, ctx.acting()), 201, tariff_json);
}

}  // namespace sendhub::api
