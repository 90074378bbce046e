// Speech and language screening: identification rates by programme, cohort and school as
// charts with their tables, the rounds themselves, and the form a school or its therapist
// records a round with.
#include "core/text.hpp"
#include "service/screening_service.hpp"
#include "service/slcn_service.hpp"
#include "web/bar_chart.hpp"
#include "web/early_identification_handlers.hpp"
#include "web/page.hpp"
#include "web/school_choice.hpp"

namespace sendhub::pages {
namespace {

//! 125 thousandths → "12.5%"; no rate without anyone screened.
std::string percent(const ScreeningCounts& c) {
    auto rate = identification_rate_thousandths(c);
    if (!rate) return "None screened";
    return std::to_string(*rate / 10) + "." + std::to_string(*rate % 10) + "%";
}

ChartBar bar(std::string label, const ScreeningCounts& c) {
    return {std::move(label), identification_rate_thousandths(c).value_or(0), percent(c)};
}

const ChartWords kRateWords{"Identified", "No screening rounds recorded yet."};

nlohmann::json counts_row(std::string label, const ScreeningCounts& c) {
    return {{"label", std::move(label)},
            {"rounds", std::to_string(c.rounds)},
            {"screened", std::to_string(c.screened)},
            {"identified", std::to_string(c.identified)},
            {"started", std::to_string(c.started_intervention)},
            {"exited", std::to_string(c.exited_intervention)},
            {"rate", percent(c)}};
}

nlohmann::json counts_table(std::string caption, std::string first_heading, nlohmann::json rows) {
    return {{"caption", std::move(caption)},
            {"first_heading", std::move(first_heading)},
            {"rows", std::move(rows)}};
}

http::Response render_new(RequestContext& ctx, const FormView& form, int status) {
    if (!writes_slcn(ctx.actor())) return error_page(ctx, Error::forbidden());
    const auto& f = ctx.form;
    auto schools = schools_to_record(ctx);
    if (schools.empty())
        return error_page(ctx, Error::forbidden("You are not the therapist of any school yet."));
    auto count = [&](const char* name, std::string label, std::string hint = "") {
        return form.input(name, std::move(label), f.get(name),
                          {.hint = std::move(hint), .width = "4", .inputmode = "numeric"});
    };
    nlohmann::json view = school_choice(form, schools, f.get("school_urn"));
    view["summary"] = form.summary();
    view["fields"] = {
        {"programme", form.radios("programme", "Programme", options_of(screening_programme_terms()),
                                  f.get("programme"))},
        {"cohort",
         form.radios("cohort", "Cohort", options_of(screening_cohort_terms()), f.get("cohort"))},
        {"date",
         form.date_input("date", "Date of the screening", f.get("date"), "For example, 5 10 2026")},
        {"screened", count("screened", "Children screened")},
        {"identified",
         count("identified", "Children identified", "No more than the number screened")},
        {"started_intervention",
         count("started_intervention", "Children who started an intervention",
               "No more than the number identified")},
        {"exited_intervention",
         count("exited_intervention", "Children who finished an intervention",
               "No more than the number who started one")}};
    return render_page(ctx, "Record a screening round", "screening_new", std::move(view), status);
}

}  // namespace

http::Response screening_page(RequestContext& ctx) {
    const auto query = ctx.query();
    ScreeningQuery filter{query.get("school_urn"), "", "", "", ""};
    auto overview = screening_overview(ctx.services, ctx.actor(), filter);
    if (!overview) return error_page(ctx, overview.error());
    auto rounds = list_screening_rounds(ctx.services, ctx.actor(), filter);
    if (!rounds) return error_page(ctx, rounds.error());

    std::vector<ChartBar> programme_bars, cohort_bars, school_bars;
    nlohmann::json programme_rows = nlohmann::json::array();
    for (const auto& [p, c] : overview->summary.by_programme) {
        std::string label(term_of(screening_programme_terms(), p).label);
        programme_bars.push_back(bar(label, c));
        programme_rows.push_back(counts_row(label, c));
    }
    nlohmann::json cohort_rows = nlohmann::json::array();
    for (const auto& [k, c] : overview->summary.by_cohort) {
        std::string label(term_of(screening_cohort_terms(), k).label);
        cohort_bars.push_back(bar(label, c));
        cohort_rows.push_back(counts_row(label, c));
    }
    nlohmann::json school_rows = nlohmann::json::array();
    for (const auto& s : overview->by_school) {
        school_bars.push_back(bar(s.name, s.counts));
        school_rows.push_back(counts_row(s.name, s.counts));
    }
    std::vector<DatedScreeningCounts> dated;
    for (const auto& r : *rounds) dated.push_back({r.values.date, r.values.counts});
    std::vector<ChartBar> term_bars;
    nlohmann::json term_rows = nlohmann::json::array();
    for (const auto& [term, c] : screening_by_term(dated)) {
        term_bars.push_back(bar(term, c));
        term_rows.push_back(counts_row(term, c));
    }
    nlohmann::json round_rows = nlohmann::json::array();
    for (auto it = rounds->rbegin(); it != rounds->rend(); ++it) {
        const auto& v = it->values;
        auto row = counts_row(it->school_name, v.counts);
        row["programme"] = term_of(screening_programme_terms(), v.programme).label;
        row["cohort"] = term_of(screening_cohort_terms(), v.cohort).label;
        row["date"] = format_day_month_year(v.date);
        round_rows.push_back(std::move(row));
    }
    const bool several_schools = overview->by_school.size() > 1;
    nlohmann::json view{
        {"may_record", writes_slcn(ctx.actor())},
        {"has_rounds", !rounds->empty()},
        {"total", counts_row("All rounds", overview->summary.total)},
        {"programme_chart",
         bar_chart("programme-chart", "Identified, by programme", programme_bars, kRateWords)},
        {"cohort_chart",
         bar_chart("cohort-chart", "Identified, by cohort", cohort_bars, kRateWords)},
        {"school_chart", several_schools ? bar_chart("school-chart", "Identified, by school",
                                                     school_bars, kRateWords)
                                         : nlohmann::json(false)},
        {"term_chart", bar_chart("term-chart", "Identified, by term", term_bars, kRateWords)},
        {"term_table", counts_table("Screening by term", "Term", term_rows)},
        {"programme_table", counts_table("Screening by programme", "Programme", programme_rows)},
        {"cohort_table", counts_table("Screening by cohort", "Cohort", cohort_rows)},
        {"school_table", several_schools
                             ? counts_table("Screening by school", "School", school_rows)
                             : nlohmann::json(false)},
        {"several_schools", several_schools},
        {"rounds", round_rows},
        {"csv_href",
         "/api/v1/screening-rounds.csv" +
             (filter.school_urn.empty() ? std::string() : "?school_urn=" + filter.school_urn)},
    };
    return render_page(ctx, "Speech and language screening", "screening", std::move(view));
}

http::Response screening_new_page(RequestContext& ctx) {
    return render_new(ctx, FormView{}, 200);
}

http::Response screening_create_page(RequestContext& ctx) {
    const auto& f = ctx.form;
    ScreeningInput input{posted_school(f, schools_to_record(ctx)),
                         f.get("programme"),
                         f.get("cohort"),
                         f.get("date"),
                         f.get("screened"),
                         f.get("identified"),
                         f.get("started_intervention"),
                         f.get("exited_intervention")};
    auto created = create_screening_round(ctx.services, ctx.actor(), input);
    if (!created)
        return form_failure(ctx, created.error(), [&](const FormView& form, int status) {
            return render_new(ctx, form, status);
        });
    return redirect_with_flash(ctx, "/screening",
                               "The screening round is recorded: " +
                                   percent(created->values.counts) + " of children identified");
}

}  // namespace sendhub::pages
