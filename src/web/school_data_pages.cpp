// Termly returns (a form, a CSV import and the list), self-evaluation frameworks, a school's
// self-evaluation against one, and the trust's heat map with its training priorities.
#include "adapter/upload.hpp"
#include "core/census.hpp"
#include "core/school.hpp"
#include "core/text.hpp"
#include "http/url.hpp"
#include "service/school_data_service.hpp"
#include "web/page.hpp"
#include "web/school_data_handlers.hpp"

namespace sendhub::pages {
namespace {

std::string percent_text(std::optional<double> v) {
    if (!v) return "Not known";
    return format_one_decimal(std::llround(*v * 10)) + "%";
}

std::string this_term(RequestContext& ctx) {
    return term_name(term_period_of(ctx.today()));
}

Options school_options(const std::vector<School>& schools) {
    Options out{{"", "Choose a school"}};
    for (const auto& s : schools)
        out.emplace_back(std::to_string(s.urn.value),
                         s.name + " (" + std::to_string(s.urn.value) + ")");
    return out;
}

std::string school_name(const std::vector<School>& schools, std::int64_t urn) {
    for (const auto& s : schools)
        if (s.urn.value == urn) return s.name;
    return "School " + std::to_string(urn);
}

http::Response render_returns(RequestContext& ctx, const FormView& form, const FormView& import,
                              int status) {
    const auto access = school_data_access_of(ctx.actor());
    auto returns = list_school_returns(ctx.services, ctx.actor(), "", "");
    if (!returns) return error_page(ctx, returns.error());
    const auto schools = schools_for_returns(ctx.services, ctx.actor());
    const auto& f = ctx.form;
    nlohmann::json measures = nlohmann::json::array();
    nlohmann::json headers = nlohmann::json::array();
    for (const auto& m : return_measures()) {
        const std::string code(m.code);
        measures.push_back(form.input(code, std::string(m.label), f.get(code),
                                      {.hint = "A percentage; leave it empty if not known",
                                       .width = "4",
                                       .inputmode = "decimal"}));
        headers.push_back({{"label", m.label}});
    }
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& r : *returns) {
        nlohmann::json cells = nlohmann::json::array();
        for (const auto& m : return_measures())
            cells.push_back({{"value", percent_text(r.values.measures.at(std::string(m.code)))}});
        rows.push_back({{"school", school_name(schools, r.values.school_urn)},
                        {"term", term_name(r.values.term)},
                        {"cells", cells}});
    }
    const bool writes =
        access == SchoolDataAccess::write_all || access == SchoolDataAccess::own_school;
    const std::string own_urn = access == SchoolDataAccess::own_school && !schools.empty()
                                    ? std::to_string(schools.front().urn.value)
                                    : "";
    nlohmann::json view{
        {"summary", form.has_errors() ? form.summary() : import.summary()},
        {"writes", writes},
        {"imports", access == SchoolDataAccess::write_all},
        {"own_school", own_urn.empty()
                           ? nlohmann::json(false)
                           : nlohmann::json({{"urn", own_urn}, {"name", schools.front().name}})},
        {"school",
         form.select("school_urn", "School", school_options(schools), f.get("school_urn"))},
        {"term", form.input("term", "Term", f.has("term") ? f.get("term") : this_term(ctx),
                            {.hint = "The school year and term, for example " + this_term(ctx),
                             .width = "10"})},
        {"measures", measures},
        {"file", import.input("file", "Upload a CSV file", "",
                              {.hint = "The first line names the columns: school_urn, term and "
                                       "any of the measures",
                               .type = "file"})},
        {"headers", headers},
        {"rows", rows},
        {"has_rows", !rows.empty()},
    };
    return render_page(ctx, "Termly returns", "insight_returns", std::move(view), status);
}

http::Response render_frameworks(RequestContext& ctx, const FormView& form, int status) {
    const auto& f = ctx.form;
    nlohmann::json items = nlohmann::json::array();
    for (const auto& fw : list_frameworks(ctx.services)) {
        std::size_t statements = 0;
        for (const auto& a : fw.areas) statements += a.statements.size();
        items.push_back(
            {{"href", "/insight/frameworks/" + std::to_string(fw.id)},
             {"name", fw.name},
             {"detail", std::to_string(fw.areas.size()) + " areas, " + std::to_string(statements) +
                            " statements, rated 1 to " + std::to_string(fw.scale_max)}});
    }
    nlohmann::json view{
        {"summary", form.summary()},
        {"items", items},
        {"has_items", !items.empty()},
        {"defines", insight_access(ctx.actor().role) == InsightAccess::everything},
        {"name", form.input("name", "Name", f.get("name"))},
        {"scale_max",
         form.input("scale_max", "Highest rating", f.has("scale_max") ? f.get("scale_max") : "4",
                    {.hint = "Schools rate each statement from 1 up to this, 2 to 10",
                     .width = "2",
                     .inputmode = "numeric"})},
        {"outline", form.textarea("areas", "Areas and statements", f.get("areas"),
                                  "Write each area's title on its own line, then its statements "
                                  "beneath it, each on a line starting with a dash (-). To link an "
                                  "area to training, put the topic its events and resources are "
                                  "tagged with in brackets after its title, like Teaching "
                                  "[adaptive teaching]",
                                  12)},
    };
    return render_page(ctx, "Self-evaluation frameworks", "insight_frameworks", std::move(view),
                       status);
}

//! Where the training for a statement's area is: the events and resources tagged with the
//! area's topic (false when the area has none).
nlohmann::json training_links(const Framework& fw, std::int64_t statement_id) {
    for (const auto& area : fw.areas)
        for (const auto& st : area.statements)
            if (st.id == statement_id && !area.topic.empty()) {
                const std::string tag = http::percent_encode(area.topic);
                return {{"topic", area.topic},
                        {"events_href", "/events?tag=" + tag},
                        {"resources_href", "/resources?tag=" + tag}};
            }
    return false;
}

//! The school's own self-evaluation form: a rating and evidence for each statement.
nlohmann::json evaluation_form(RequestContext& ctx, const Framework& fw, const FormView& form,
                               const std::string& period, std::int64_t urn) {
    const auto& f = ctx.form;
    std::map<std::int64_t, Rating> saved;
    if (auto existing = list_self_evaluations(ctx.services, ctx.actor(), std::to_string(urn),
                                              std::to_string(fw.id), period);
        existing && !existing->empty())
        for (const auto& r : existing->front().ratings) saved[r.statement_id] = r;
    Options scale;
    for (int i = 1; i <= fw.scale_max; ++i)
        scale.emplace_back(std::to_string(i), std::to_string(i));
    nlohmann::json areas = nlohmann::json::array();
    std::size_t index = 0;
    for (const auto& a : fw.areas) {
        nlohmann::json statements = nlohmann::json::array();
        for (const auto& st : a.statements) {
            const std::string at = "ratings[" + std::to_string(index++) + "]";
            const auto it = saved.find(st.id);
            const std::string rating = f.has(at + ".rating") ? f.get(at + ".rating")
                                       : it != saved.end()   ? std::to_string(it->second.rating)
                                                             : "";
            const std::string evidence = f.has(at + ".evidence") ? f.get(at + ".evidence")
                                         : it != saved.end()     ? it->second.evidence
                                                                 : "";
            auto radios =
                form.radios(at + ".rating", st.text, scale, rating,
                            "1 is the lowest, " + std::to_string(fw.scale_max) + " the highest");
            statements.push_back(
                {{"rating", radios},
                 {"evidence",
                  form.textarea(at + ".evidence", "Evidence (optional)", evidence, "", 2)}});
        }
        areas.push_back({{"title", a.title}, {"statements", statements}});
    }
    return {{"areas", areas}, {"urn", std::to_string(urn)}};
}

//! The heat map: every statement with its shade, and the training priorities lowest first.
nlohmann::json heat_map_view(const Framework& fw, const FrameworkHeatMap& heat) {
    nlohmann::json rows = nlohmann::json::array();
    std::string area;
    for (const auto& st : heat.summary.statements) {
        // Four shades from the bottom of the scale to the top; the mean is always written too.
        int level = 0;
        if (st.mean_hundredths) {
            const std::int64_t along =
                (*st.mean_hundredths - 100) * 100 / (std::int64_t{fw.scale_max - 1} * 100);
            level = 1 + static_cast<int>(std::min<std::int64_t>(3, along / 25));
        }
        rows.push_back({{"area", st.area == area ? "" : st.area},
                        {"text", st.text},
                        {"responses", std::to_string(st.responses)},
                        {"mean", st.mean_hundredths ? format_hundredths(*st.mean_hundredths)
                                                    : std::string("No ratings")},
                        {"low", std::to_string(st.at_or_below_2)},
                        {"level", std::to_string(level)},
                        {"priority", st.priority}});
        area = st.area;
    }
    nlohmann::json priorities = nlohmann::json::array();
    for (auto id : heat.summary.priorities)
        for (const auto& st : heat.summary.statements)
            if (st.statement_id == id)
                priorities.push_back({{"text", st.text},
                                      {"mean", format_hundredths(st.mean_hundredths.value_or(0))},
                                      {"area", st.area},
                                      {"training", training_links(fw, st.statement_id)}});
    return {{"schools", std::to_string(heat.schools)},
            {"rows", rows},
            {"priorities", priorities},
            {"has_priorities", !priorities.empty()}};
}

http::Response render_framework(RequestContext& ctx, const Framework& fw, const FormView& form,
                                int status) {
    const auto q = ctx.query();
    const std::string period = !trim(ctx.form.get("period")).empty() ? ctx.form.get("period")
                               : !trim(q.get("period")).empty()      ? q.get("period")
                                                                     : this_term(ctx);
    nlohmann::json view{
        {"name", fw.name},
        {"id", std::to_string(fw.id)},
        {"scale_max", std::to_string(fw.scale_max)},
        {"summary", form.summary()},
        {"period", period},
        {"period_field", form.input("period", "Term", period,
                                    {.hint = "For example, " + this_term(ctx), .width = "10"})},
        {"heat_map", false},
        {"evaluation", false}};
    if (insight_access(ctx.actor().role) == InsightAccess::everything) {
        auto heat =
            framework_heat_map(ctx.services, ctx.actor(), fw.id, period, q.get("relationship"));
        if (heat)
            view["heat_map"] = heat_map_view(fw, *heat);
        else if (heat.error().kind != ErrorKind::unprocessable)
            return error_page(ctx, heat.error());
        else if (!form.has_errors())
            return render_framework(ctx, fw, FormView(heat.error()), 422);
        // Otherwise the term typed is not a term: its box says so and the heat map waits.
    }
    if (school_data_access_of(ctx.actor()) == SchoolDataAccess::own_school &&
        ctx.actor().school_urn)
        view["evaluation"] = evaluation_form(ctx, fw, form, period, ctx.actor().school_urn->value);
    return render_page(ctx, fw.name, "insight_framework", std::move(view), status);
}

}  // namespace

http::Response school_returns_page(RequestContext& ctx) {
    if (school_data_access_of(ctx.actor()) == SchoolDataAccess::none)
        return error_page(ctx, Error::forbidden());
    return render_returns(ctx, FormView{}, FormView{}, 200);
}

http::Response school_return_submit(RequestContext& ctx) {
    const auto& f = ctx.form;
    SchoolReturnInput input{f.get("school_urn"), f.get("term"), {}};
    for (const auto& m : return_measures())
        input.measures[std::string(m.code)] = f.get(std::string(m.code));
    auto saved = save_school_return(ctx.services, ctx.actor(), input);
    if (!saved)
        return form_failure(ctx, saved.error(), [&](const FormView& form, int status) {
            return render_returns(ctx, form, FormView{}, status);
        });
    return redirect_with_flash(
        ctx, "/insight/returns",
        "The return for " + term_name(saved->record.values.term) + " is saved");
}

http::Response school_returns_import_page(RequestContext& ctx) {
    const auto upload = read_upload(ctx.request);
    const auto* file = upload ? upload->file("file") : nullptr;
    if (!file || file->body.empty())
        return render_returns(ctx, FormView{},
                              FormView(Error::invalid("file", "required", "Choose a CSV file")),
                              422);
    auto imported = import_school_returns(ctx.services, ctx.actor(), file->body);
    if (!imported) {
        if (imported.error().line == 0) return error_page(ctx, imported.error().error);
        return render_returns(ctx, FormView{},
                              FormView(Error::invalid("file", "invalid",
                                                      imported.error().error.message +
                                                          ". Nothing from the file was saved")),
                              422);
    }
    return redirect_with_flash(
        ctx, "/insight/returns",
        std::to_string(*imported) + (*imported == 1 ? " return" : " returns") + " imported");
}

http::Response frameworks_page(RequestContext& ctx) {
    return render_frameworks(ctx, FormView{}, 200);
}

http::Response framework_create_page(RequestContext& ctx) {
    const auto& f = ctx.form;
    FrameworkInput input{f.get("name"), f.get("scale_max"),
                         parse_framework_outline(f.get("areas"))};
    auto created = create_framework(ctx.services, ctx.actor(), input);
    if (!created) {
        // The outline is one box: a problem in any area or statement is shown beside it.
        Error error = created.error();
        for (auto& e : error.fields)
            if (e.field.starts_with("areas")) e.field = "areas";
        if (error.field.starts_with("areas")) error.field = "areas";
        return form_failure(ctx, error, [&](const FormView& form, int status) {
            return render_frameworks(ctx, form, status);
        });
    }
    return redirect_with_flash(ctx, "/insight/frameworks/" + std::to_string(created->id),
                               "The framework is ready for schools to rate themselves");
}

http::Response framework_page(RequestContext& ctx) {
    auto id = parse_int(ctx.param("id"));
    if (!id) return error_page(ctx, Error::not_found());
    auto fw = get_framework(ctx.services, *id);
    if (!fw) return error_page(ctx, fw.error());
    return render_framework(ctx, *fw, FormView{}, 200);
}

http::Response self_evaluation_submit(RequestContext& ctx) {
    auto id = parse_int(ctx.param("id"));
    if (!id) return error_page(ctx, Error::not_found());
    auto fw = get_framework(ctx.services, *id);
    if (!fw) return error_page(ctx, fw.error());
    const auto& f = ctx.form;
    SelfEvaluationInput input{f.get("school_urn"), std::to_string(*id), f.get("period"), {}};
    // Statements left unrated are not sent: a school may rate part of a framework.
    std::size_t index = 0;
    for (const auto& st : fw->statements()) {
        const std::string at = "ratings[" + std::to_string(index++) + "]";
        if (trim(f.get(at + ".rating")).empty() && trim(f.get(at + ".evidence")).empty()) continue;
        input.ratings.push_back(
            {std::to_string(st.id), f.get(at + ".rating"), f.get(at + ".evidence")});
    }
    auto saved = save_self_evaluation(ctx.services, ctx.actor(), input);
    if (!saved) {
        // Ratings are numbered by the statements sent; point each message at its statement's box.
        Error error = saved.error();
        auto box_of = [&](std::string field) {
            if (!field.starts_with("ratings[")) return field;
            const auto close = field.find(']');
            auto n = parse_int(std::string_view(field).substr(8, close - 8));
            if (!n || static_cast<std::size_t>(*n) >= input.ratings.size()) return field;
            const auto statements = fw->statements();
            for (std::size_t i = 0; i < statements.size(); ++i)
                if (std::to_string(statements[i].id) == input.ratings[*n].statement_id)
                    return "ratings[" + std::to_string(i) + "]" + field.substr(close + 1);
            return field;
        };
        for (auto& e : error.fields) e.field = box_of(e.field);
        error.field = box_of(error.field);
        if (error.field == "ratings") error.field = "ratings[0].rating";
        for (auto& e : error.fields)
            if (e.field == "ratings") e.field = "ratings[0].rating";
        return form_failure(ctx, error, [&](const FormView& form, int status) {
            return render_framework(ctx, *fw, form, status);
        });
    }
    return redirect_with_flash(
        ctx,
        "/insight/frameworks/" + std::to_string(*id) +
            "?period=" + http::percent_encode(term_name(saved->record.period)),
        "Your self-evaluation for " + term_name(saved->record.period) + " is saved");
}

}  // namespace sendhub::pages
