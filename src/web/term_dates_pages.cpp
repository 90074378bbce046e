// Local authorities' term dates (school days): what is recorded, one authority's year on a
// form of GOV.UK date inputs, and a CSV pasted from a spreadsheet for many at once.
#include <fmt/format.h>

#include "service/school_days_service.hpp"
#include "web/form_view.hpp"
#include "web/handlers.hpp"
#include "web/page.hpp"

namespace sendhub::pages {
namespace {

constexpr std::size_t kTermsOnTheForm = 3;     // autumn, spring, summer
constexpr std::size_t kClosuresOnTheForm = 6;  // INSET days
constexpr const char* kTermNames[] = {"Autumn term", "Spring term", "Summer term"};
constexpr const char* kCsvHint =
    "Paste rows from a spreadsheet saved as CSV, with this header row: la_code, academic_year, "
    "starts_on, ends_on, half_term_starts_on, half_term_ends_on, closures. One row per term; "
    "list INSET days in closures, separated by semicolons. Dates like 2027-01-04.";

//! This academic year and the next two, for the year chooser.
Options year_options(Date today) {
    Options out;
    for (int ahead = 0; ahead < 3; ++ahead) {
        auto year = academic_year_of(add_days(today, 365 * ahead));
        out.emplace_back(year, year);
    }
    return out;
}

std::string optional_text(const std::optional<Date>& d) {
    return d ? format_date(*d) : std::string();
}

std::string term_field(std::size_t k, std::string_view part) {
    return fmt::format("terms.{}.{}", k, part);
}

//! The form's terms and closures as entered: blank terms and closure boxes are left out,
//! and `term_rows`/`closure_rows` remember which box each entered one came from.
struct EnteredDates {
    TermDatesInput input;
    std::vector<std::size_t> term_rows;
    std::vector<std::size_t> closure_rows;
    std::size_t term_boxes = kTermsOnTheForm;
};

EnteredDates entered_dates(const http::FormData& form, std::string academic_year) {
    EnteredDates out;
    out.input.academic_year = std::move(academic_year);
    out.term_boxes = std::max<std::size_t>(
        kTermsOnTheForm, std::min<std::size_t>(kMaxTermsInAYear,
                                               static_cast<std::size_t>(
                                                   parse_int(form.get("term_boxes")).value_or(0))));
    for (std::size_t k = 0; k < out.term_boxes; ++k) {
        TermsInput t{date_field(form, term_field(k, "starts_on")),
                     date_field(form, term_field(k, "ends_on")),
                     date_field(form, term_field(k, "half_term_starts_on")),
                     date_field(form, term_field(k, "half_term_ends_on"))};
        if (t.starts_on.empty() && t.ends_on.empty() && t.half_term_starts_on.empty() &&
            t.half_term_ends_on.empty())
            continue;
        out.input.terms.push_back(std::move(t));
        out.term_rows.push_back(k);
    }
    for (std::size_t k = 0; k < kClosuresOnTheForm; ++k) {
        auto day = date_field(form, fmt::format("closures.{}", k));
        if (day.empty()) continue;
        out.input.closures.push_back(std::move(day));
        out.closure_rows.push_back(k);
    }
    return out;
}

//! The service names the nth entered term ("terms.1.ends_on"); the page names its box.
Error on_form_boxes(Error error, const EnteredDates& entered) {
    auto rename = [&](std::string& field) {
        for (auto [prefix, rows] :
             {std::pair{std::string_view("terms."), &entered.term_rows},
              std::pair{std::string_view("closures."), &entered.closure_rows}}) {
            if (!field.starts_with(prefix)) continue;
            auto rest = std::string_view(field).substr(prefix.size());
            auto dot = rest.find('.');
            auto n = parse_int(rest.substr(0, dot));
            if (!n || static_cast<std::size_t>(*n) >= rows->size()) return;
            field = std::string(prefix) + std::to_string((*rows)[static_cast<std::size_t>(*n)]) +
                    (dot == std::string_view::npos ? "" : std::string(rest.substr(dot)));
        }
    };
    rename(error.field);
    for (auto& f : error.fields) rename(f.field);
    // "Enter at least one term" belongs beside the first term's first box.
    for (auto& f : error.fields)
        if (f.field == "terms") f.field = term_field(0, "starts_on");
    if (error.field == "terms") error.field = term_field(0, "starts_on");
    return error;
}

Response render_overview(RequestContext& ctx, const FormView& form, int status) {
    auto overview = term_dates_overview(ctx.services, ctx.actor());
    if (!overview) return error_page(ctx, overview.error());
    nlohmann::json recorded = nlohmann::json::array();
    for (const auto& y : overview->recorded)
        recorded.push_back(
            {{"authority", y.authority.empty() ? std::to_string(y.la_code) : y.authority},
             {"la_code", y.la_code},
             {"year", y.academic_year},
             {"terms", y.terms},
             {"closures", y.closures},
             {"href", fmt::format("/term-dates/edit?la_code={}&academic_year={}", y.la_code,
                                  y.academic_year)}});
    Options authorities{{"", "Choose a local authority"}};
    for (const auto& [code, name] : overview->authorities)
        authorities.emplace_back(std::to_string(code), name);
    nlohmann::json view{
        {"summary", form.summary()},
        {"recorded", recorded},
        {"has_recorded", !recorded.empty()},
        {"fields",
         {{"la_code", form.select("la_code", "Local authority", authorities, "")},
          {"academic_year", form.select("academic_year", "Academic year", year_options(ctx.today()),
                                        academic_year_of(ctx.today()))},
          {"csv", form.textarea("csv", "Term dates as CSV", ctx.form.get("csv"), kCsvHint, 8)}}},
    };
    return render_page(ctx, "Term dates", "term_dates", std::move(view), status);
}

Response render_year(RequestContext& ctx, const std::string& la_code, const std::string& authority,
                     const std::string& year, const EnteredDates& shown, const FormView& form,
                     int status) {
    // The hint's example date falls in the year being recorded.
    const auto bounds = academic_year_bounds(year);
    const std::string example =
        "For example, 3 9 " +
        std::to_string(bounds ? static_cast<int>(bounds->first.year()) : 2026);
    nlohmann::json terms = nlohmann::json::array();
    for (std::size_t k = 0; k < shown.term_boxes; ++k) {
        // Boxes show what was entered (after an error) or what is recorded, by box.
        auto at = std::ranges::find(shown.term_rows, k);
        TermsInput t;
        if (at != shown.term_rows.end())
            t = shown.input.terms[static_cast<std::size_t>(at - shown.term_rows.begin())];
        std::string name = k < kTermsOnTheForm ? kTermNames[k] : fmt::format("Term {}", k + 1);
        terms.push_back(
            {{"name", name},
             {"starts_on",
              form.date_input(term_field(k, "starts_on"), "First day", t.starts_on, example)},
             {"ends_on", form.date_input(term_field(k, "ends_on"), "Last day", t.ends_on)},
             {"half_term_starts_on",
              form.date_input(term_field(k, "half_term_starts_on"), "Half term starts",
                              t.half_term_starts_on, "Leave half term blank if there is none")},
             {"half_term_ends_on", form.date_input(term_field(k, "half_term_ends_on"),
                                                   "Half term ends", t.half_term_ends_on)}});
    }
    nlohmann::json closures = nlohmann::json::array();
    for (std::size_t k = 0; k < kClosuresOnTheForm; ++k) {
        auto at = std::ranges::find(shown.closure_rows, k);
        std::string value =
            at != shown.closure_rows.end()
                ? shown.input.closures[static_cast<std::size_t>(at - shown.closure_rows.begin())]
                : std::string();
        closures.push_back(form.date_input(fmt::format("closures.{}", k),
                                           fmt::format("Closure day {}", k + 1), value));
    }
    nlohmann::json view{
        {"summary", form.summary()},
        {"authority", authority},
        {"la_code", la_code},
        {"year", year},
        {"term_boxes", shown.term_boxes},
        {"terms", terms},
        {"closures", closures},
    };
    return render_page(ctx, "Term dates for " + authority + " " + year, "term_dates_form", view,
                       status);
}

//! What is recorded for the year, laid out one term and one closure per box.
EnteredDates recorded_dates(const TermDates& dates) {
    EnteredDates out;
    out.input.academic_year = dates.academic_year;
    for (std::size_t k = 0; k < dates.terms.size(); ++k) {
        const auto& t = dates.terms[k];
        out.input.terms.push_back({format_date(t.starts_on), format_date(t.ends_on),
                                   optional_text(t.half_term_starts_on),
                                   optional_text(t.half_term_ends_on)});
        out.term_rows.push_back(k);
    }
    for (std::size_t k = 0; k < dates.closures.size() && k < kClosuresOnTheForm; ++k) {
        out.input.closures.push_back(format_date(dates.closures[k]));
        out.closure_rows.push_back(k);
    }
    out.term_boxes = std::max(kTermsOnTheForm, dates.terms.size());
    return out;
}

}  // namespace

Response term_dates_page(RequestContext& ctx) {
    return render_overview(ctx, FormView{}, 200);
}

Response term_dates_edit(RequestContext& ctx) {
    auto query = ctx.query();
    std::string code = query.get("la_code"), year = query.get("academic_year");
    if (code.empty()) {
        return render_overview(
            ctx, FormView(Error::invalid("la_code", "required", "Choose the local authority")),
            422);
    }
    auto authority = authority_name(ctx.services, code);
    if (!authority) return error_page(ctx, authority.error());
    auto recorded = get_term_dates(ctx.services, code, year);
    EnteredDates shown;
    if (recorded) {
        shown = recorded_dates(*recorded);
    } else if (recorded.error().kind != ErrorKind::not_found) {
        return error_page(ctx, recorded.error());
    } else if (year.empty()) {
        year = academic_year_of(ctx.today());
    }
    if (recorded) year = recorded->academic_year;
    return render_year(ctx, code, *authority, year, shown, FormView{}, 200);
}

Response term_dates_save(RequestContext& ctx) {
    std::string code = ctx.form.get("la_code"), year = ctx.form.get("academic_year");
    auto authority = authority_name(ctx.services, code);
    if (!authority) return error_page(ctx, authority.error());
    auto entered = entered_dates(ctx.form, year);
    auto saved = put_term_dates(ctx.services, ctx.actor(), code, entered.input, ctx.acting());
    if (!saved) {
        return form_failure(
            ctx, on_form_boxes(saved.error(), entered), [&](const FormView& form, int status) {
                return render_year(ctx, code, *authority, year, entered, form, status);
            });
    }
    return redirect_with_flash(ctx, "/term-dates",
                               "Term dates for " + *authority + " " + saved->academic_year +
                                   " saved. Visits there are now planned on these school days");
}

Response term_dates_import_submit(RequestContext& ctx) {
    auto imported = import_term_dates(ctx.services, ctx.actor(), ctx.form.get("csv"), ctx.acting());
    if (!imported) {
        return form_failure(ctx, imported.error(), [&](const FormView& form, int status) {
            return render_overview(ctx, form, status);
        });
    }
    auto n = imported->size();
    return redirect_with_flash(ctx, "/term-dates",
                               n == 1
                                   ? std::string("Term dates for 1 authority's year recorded")
                                   : fmt::format("Term dates for {} authority years recorded", n));
}

}  // namespace sendhub::pages
