// Buy-back packages (finance sells them; a SENCO sees their school's balance) and the
// finance dashboard with its charts.
#include "adapter/documents.hpp"
#include "adapter/error_response.hpp"
#include "service/finance_service.hpp"
#include "web/finance_views.hpp"
#include "web/form_view.hpp"
#include "web/handlers.hpp"
#include "web/page.hpp"

namespace sendhub::pages {
namespace {

Response render_packages(RequestContext& ctx, const FormView& form, int status) {
    const Actor& actor = ctx.actor();
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& p : list_packages(ctx.services, actor, std::nullopt)) {
        const auto& t = p.terms;
        rows.push_back({{"id", std::to_string(p.id.value)},
                        {"description", t.description},
                        {"school_name", p.school_name},
                        {"level", std::string(term_of(level_terms(), t.grade).label)},
                        {"starts_on", format_day_month_year(t.starts_on)},
                        {"ends_on", format_day_month_year(t.ends_on)},
                        {"days", format_days(t.half_days)},
                        {"used", format_days(p.drawn_half_days)},
                        {"left", format_days(p.half_days_left())},
                        {"price", money(t.price_pence)}});
    }
    auto field = [&](const char* name) { return ctx.form.get(name); };
    nlohmann::json view{
        {"summary", form.summary()},
        {"packages", rows},
        {"count_text", rows.empty() ? "No packages yet"
                                    : std::to_string(rows.size()) +
                                          (rows.size() == 1 ? " package" : " packages")},
        {"can_manage", allows(actor, Permission::manage_invoices)},
        {"fields",
         {{"school_urn",
           form.input("school_urn", "School URN", field("school_urn"),
                      {.hint = "The six-digit URN", .width = "10", .inputmode = "numeric"})},
          {"grade", form.select("grade", "Level of practitioner",
                                options_of(grade_terms(), "Choose a level"), field("grade"))},
          {"days", form.input("days", "Days bought", field("days"),
                              {.hint = "In halves, for example 10 or 7.5", .width = "5"})},
          {"price", form.pounds("price", "Agreed price", field("price"),
                                "In pounds, for example 1,700 or 1700.50")},
          {"starts_on", form.date_input("starts_on", "First day it can be used", field("starts_on"),
                                        date_example(ctx.today()))},
          {"ends_on", form.date_input("ends_on", "Last day it can be used", field("ends_on"))},
          {"description",
           form.input("description", "Description (optional)", field("description"))}}},
    };
    return render_page(ctx, "Buy-back packages", "packages", std::move(view), status);
}

}  // namespace

Response packages_page(RequestContext& ctx) {
    return render_packages(ctx, FormView{}, 200);
}

Response package_create_submit(RequestContext& ctx) {
    auto f = [&](const char* name) { return ctx.form.get(name); };
    auto pence = pence_from_pounds_box(ctx.form, "price", "Enter the agreed price in pounds");
    auto added =
        pence ? errors_beside_box(add_package(ctx.services, ctx.actor(),
                                              {f("school_urn"), f("grade"), f("days"), *pence,
                                               f("starts_on"), f("ends_on"), f("description")},
                                              ctx.acting()),
                                  "price_pence", "price")
              : std::unexpected(pence.error());
    if (!added) {
        return form_failure(ctx, added.error(), [&](const FormView& form, int status) {
            return render_packages(ctx, form, status);
        });
    }
    return redirect_with_flash(
        ctx, "/packages", "The package has been added. It is invoiced in the next invoice run");
}

Response finance_page(RequestContext& ctx) {
    auto s = finance_dashboard(ctx.services);
    auto count = [](std::int64_t n) { return std::to_string(n); };
    nlohmann::json view{
        {"outstanding", money(s.outstanding_pence)},
        {"outstanding_count", count(s.outstanding_count)},
        {"overdue", money(s.overdue_pence)},
        {"overdue_count", count(s.overdue_count)},
        {"agreed_days", format_days(s.agreed_half_days)},
        {"delivered_days", format_days(s.delivered_half_days)},
        {"package_days", format_days(s.package_half_days)},
        {"drawn_days", format_days(s.drawn_half_days)},
        {"charts",
         {bar_chart("by-month", "Income by month, after credit notes", s.income_by_month),
          bar_chart("by-school", "Income by school, after credit notes (largest ten)",
                    s.income_by_school),
          bar_chart("by-grade", "Invoiced by practitioner level, before credit notes",
                    s.income_by_grade),
          bar_chart("by-service", "Invoiced by service, before credit notes",
                    s.income_by_service)}},
    };
    return render_page(ctx, "Finance", "finance", std::move(view));
}

}  // namespace sendhub::pages
