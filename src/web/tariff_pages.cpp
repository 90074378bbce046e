// The price list with its effective dates; finance and admins add new prices.
#include "adapter/documents.hpp"
#include "adapter/error_response.hpp"
#include "core/tariff.hpp"
#include "service/finance_service.hpp"
#include "web/form_view.hpp"
#include "web/handlers.hpp"
#include "web/page.hpp"

namespace sendhub::pages {
namespace {

Response render_tariffs(RequestContext& ctx, const FormView& form, int status) {
    Date today = ctx.today();
    nlohmann::json rows = nlohmann::json::array();
    auto all = list_tariffs(ctx.services);
    for (std::size_t i = 0; i < all.size(); ++i) {
        const auto& t = all[i];
        bool later_started = i + 1 < all.size() && all[i + 1].item == t.item &&
                             days_between(all[i + 1].effective_from, today) >= 0;
        bool started = days_between(t.effective_from, today) >= 0;
        std::string state = !started        ? "From " + format_day_month_year(t.effective_from)
                            : later_started ? "Replaced"
                                            : "In force";
        rows.push_back({{"item", std::string(term_of(tariff_item_terms(), t.item).label)},
                        {"price", t.item == TariffItem::mileage ? std::to_string(t.pence) + "p"
                                                                : money(t.pence)},
                        {"from", format_day_month_year(t.effective_from)},
                        {"state", state},
                        {"current", started && !later_started}});
    }
    nlohmann::json view{
        {"summary", form.summary()},
        {"tariffs", rows},
        {"can_manage", allows(ctx.actor(), Permission::manage_tariffs)},
        {"fields",
         {{"item", form.select("item", "Item", options_of(tariff_item_terms(), "Choose an item"),
                               ctx.form.get("item"))},
          {"price", form.pounds("price", "Price", ctx.form.get("price"),
                                "In pounds, for example 190 or 187.50")},
          {"effective_from",
           form.date_input("effective_from", "In force from", ctx.form.get("effective_from"),
                           "Agreements accepted on or after this date use the new price. " +
                               date_example(ctx.today()))}}},
    };
    return render_page(ctx, "Tariffs", "tariffs", std::move(view), status);
}

}  // namespace

Response tariffs(RequestContext& ctx) {
    return render_tariffs(ctx, FormView{}, 200);
}

Response tariff_add(RequestContext& ctx) {
    auto pence = pence_from_pounds_box(ctx.form, "price", "Enter the price in pounds");
    auto tariff =
        pence ? errors_beside_box(
                    validate_tariff({ctx.form.get("item"), *pence, ctx.form.get("effective_from")}),
                    "pence", "price")
              : Result<Tariff>(std::unexpected(pence.error()));
    auto added = tariff ? add_tariff(ctx.services, ctx.actor(), *tariff, ctx.acting())
                        : Result<Tariff>(std::unexpected(tariff.error()));
    if (!added) {
        return form_failure(ctx, added.error(), [&](const FormView& form, int status) {
            return render_tariffs(ctx, form, status);
        });
    }
    return redirect_with_flash(ctx, "/tariffs", "The new price has been added");
}

}  // namespace sendhub::pages
