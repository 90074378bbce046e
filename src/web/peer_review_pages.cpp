// Peer review clusters (members, Partnership Days, Reality & Goals, themes, reviews) and a
// review's page (self-evaluation, lines of enquiry, findings, actions and follow-ups). Each
// page holds several forms, so each form's fields carry its name ("day.notes") to keep every
// id on the page unique and put a message beside the right box.
#include "adapter/download.hpp"
#include "adapter/review_report.hpp"
#include "core/school_returns.hpp"
#include "core/text.hpp"
#include "service/finance_service.hpp"
#include "service/peer_review_service.hpp"
#include "service/school_data_service.hpp"
#include "web/page.hpp"
#include "web/peer_review_handlers.hpp"

namespace sendhub::pages {
namespace {

template <class Enum>
std::string label_of(std::span<const Term<Enum>> terms, Enum value) {
    return std::string(term_of(terms, value).label);
}

//! The error with each field named as the page's form names it ("notes" → "day.notes").
Error in_form(Error error, const std::string& form) {
    if (!error.field.empty()) error.field = form + "." + error.field;
    for (auto& f : error.fields) f.field = form + "." + f.field;
    return error;
}

//! The form that failed and its errors; every other form on the page is shown empty.
struct Failed {
    std::string form;
    FormView view;
    [[nodiscard]] const FormView& of(std::string_view name) const {
        static const FormView empty;
        return form == name ? view : empty;
    }
};

std::optional<std::int64_t> id_param(RequestContext& ctx, const char* name = "id") {
    auto id = parse_int(ctx.param(name));
    if (!id) return std::nullopt;
    return *id;
}

std::string school_year_of(Date today) {
    return term_period_of(today).academic_year;
}

std::string cluster_href(std::int64_t id) {
    return "/clusters/" + std::to_string(id);
}
std::string review_href(std::int64_t id) {
    return "/reviews/" + std::to_string(id);
}

std::string school_name(const ClusterRecord& cluster, std::optional<std::int64_t> urn) {
    for (const auto& m : cluster.schools)
        if (urn == m.urn) return m.name;
    return "";
}

Options school_options(const std::vector<ClusterSchool>& schools) {
    Options out;
    if (schools.size() > 1) out.emplace_back("", "Choose a school");
    for (const auto& m : schools) out.emplace_back(std::to_string(m.urn), m.name);
    return out;
}

nlohmann::json review_rows(const std::vector<ReviewView>& reviews) {
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& view : reviews) {
        const auto& r = view.review;
        rows.push_back({{"href", review_href(r.id)},
                        {"host", r.host_name},
                        {"date", format_day_month_year(r.date)},
                        {"published", r.status == ReviewStatus::published},
                        {"status", label_of(review_status_terms(), r.status)}});
    }
    return rows;
}

http::Response render_clusters(RequestContext& ctx, const FormView& form, int status) {
    auto clusters = list_clusters(ctx.services, ctx.actor());
    if (!clusters) return error_page(ctx, clusters.error());
    nlohmann::json items = nlohmann::json::array();
    for (const auto& c : *clusters)
        items.push_back({{"href", cluster_href(c.id)},
                         {"name", c.name},
                         {"detail", label_of(cluster_phase_terms(), c.phase) + ", " +
                                        std::to_string(c.schools.size()) + " schools"}});
    const bool forms = peer_review_role(ctx.actor().role) == PeerReviewRole::trust_lead;
    nlohmann::json view{{"summary", form.summary()},
                        {"items", items},
                        {"has_items", !items.empty()},
                        {"forms", false}};
    if (forms) {
        const auto& f = ctx.form;
        Options frameworks{{"", "Choose a framework"}};
        for (const auto& fw : list_frameworks(ctx.services))
            frameworks.emplace_back(std::to_string(fw.id), fw.name);
        Options schools;
        for (const auto& s : cluster_school_choices(ctx.services))
            schools.emplace_back(std::to_string(s.urn.value), s.name);
        const auto chosen = f.get_all("school_urns");
        view["forms"] = {
            {"name", form.input("name", "Name", f.get("name"),
                                {.hint = "For example, North Devon primary cluster"})},
            {"phase",
             form.radios("phase", "Phase", options_of(cluster_phase_terms()), f.get("phase"))},
            {"framework",
             form.select("framework_id", "Framework", frameworks, f.get("framework_id"),
                         "Schools self-evaluate and are reviewed against it")},
            {"schools", form.checkboxes("school_urns", "Member schools", schools,
                                        std::set<std::string>(chosen.begin(), chosen.end()),
                                        "Choose two or more of the trust's and partner schools")}};
    }
    return render_page(ctx, "Peer review clusters", "clusters_list", std::move(view), status);
}

nlohmann::json themes_view(const ClusterThemes& themes) {
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& a : themes.areas)
        rows.push_back({{"title", a.title},
                        {"afd", std::to_string(a.areas_for_development)},
                        {"strengths", std::to_string(a.strengths)}});
    return {{"published", std::to_string(themes.published_reviews)},
            {"has_published", themes.published_reviews > 0},
            {"rows", rows}};
}

http::Response render_cluster(RequestContext& ctx, const ClusterRecord& cluster,
                              const Failed& failed, int status) {
    const auto& f = ctx.form;
    const auto& actor = ctx.actor();
    auto themes = cluster_themes(ctx.services, actor, cluster.id);
    if (!themes) return error_page(ctx, themes.error());
    auto reviews = list_reviews(ctx.services, actor, std::to_string(cluster.id));
    if (!reviews) return error_page(ctx, reviews.error());
    auto framework = get_framework(ctx.services, cluster.framework_id);

    nlohmann::json members = nlohmann::json::array();
    for (const auto& m : cluster.schools)
        members.push_back({{"name", m.name}, {"urn", std::to_string(m.urn)}});
    nlohmann::json days = nlohmann::json::array();
    for (const auto& d : cluster.partnership_days)
        days.push_back({{"date", format_day_month_year(d.date)}, {"notes", d.notes}});
    nlohmann::json goals = nlohmann::json::array();
    for (const auto& g : cluster.reality_goals)
        goals.push_back({{"school", school_name(cluster, g.school_urn)},
                         {"year", g.year},
                         {"reality", g.current_reality},
                         {"goals", g.goals}});

    const bool trust = peer_review_role(actor.role) == PeerReviewRole::trust_lead;
    nlohmann::json view{
        {"summary", failed.view.summary()},
        {"id", std::to_string(cluster.id)},
        {"name", cluster.name},
        {"phase", label_of(cluster_phase_terms(), cluster.phase)},
        {"framework", framework ? framework->name : std::string("")},
        {"framework_href", "/insight/frameworks/" + std::to_string(cluster.framework_id)},
        {"members", members},
        {"days", days},
        {"has_days", !days.empty()},
        {"goals", goals},
        {"has_goals", !goals.empty()},
        {"themes", themes_view(*themes)},
        {"reviews", review_rows(*reviews)},
        {"has_reviews", !reviews->empty()},
        {"day_form", false},
        {"goals_form", false},
        {"review_form", false}};
    if (trust) {
        const auto& form = failed.of("day");
        view["day_form"] = {
            {"date", form.date_input("day.date", "Date of the Partnership Day", f.get("day.date"),
                                     date_example(ctx.today()))},
            {"notes", form.textarea("day.notes", "Notes", f.get("day.notes"),
                                    "The strengths and challenges the schools explored and the "
                                    "goals they set together",
                                    5)}};
    }
    if (const auto schools = reality_goals_schools(actor, cluster); !schools.empty()) {
        const auto& form = failed.of("goals");
        view["goals_form"] = {
            {"school", form.select("goals.school_urn", "School", school_options(schools),
                                   f.get("goals.school_urn"))},
            {"year",
             form.input("goals.year", "School year",
                        f.has("goals.year") ? f.get("goals.year") : school_year_of(ctx.today()),
                        {.hint = "For example, " + school_year_of(ctx.today()), .width = "5"})},
            {"reality", form.textarea("goals.current_reality", "Current reality",
                                      f.get("goals.current_reality"),
                                      "Where the school is now: its strengths and challenges", 4)},
            {"goals", form.textarea("goals.goals", "Goals", f.get("goals.goals"),
                                    "What the school wants to achieve this year", 4)}};
    }
    if (const auto hosts = review_hosts(actor, cluster); !hosts.empty()) {
        const auto& form = failed.of("review");
        Options leads;
        // A school arranging its own review sees only the other schools' leads.
        for (const auto& l : cluster_leads(ctx.services, cluster))
            if (hosts.size() != 1 || l.school_urn != hosts.front().urn)
                leads.emplace_back(std::to_string(l.user_id),
                                   l.name + ", " + school_name(cluster, l.school_urn));
        const auto chosen = f.get_all("review.reviewer_ids");
        view["review_form"] = {
            {"host", form.select("review.host_urn", "Host school", school_options(hosts),
                                 f.get("review.host_urn"))},
            {"date", form.date_input("review.date", "Date of the review", f.get("review.date"),
                                     date_example(ctx.today()))},
            {"reviewers",
             form.checkboxes("review.reviewer_ids", "Reviewers", leads,
                             std::set<std::string>(chosen.begin(), chosen.end()),
                             "SENCOs and headteachers of the other member schools; never the "
                             "host school's own staff")}};
    }
    return render_page(ctx, cluster.name, "cluster_show", std::move(view), status);
}

//! Renders the cluster again with the failed form's messages.
http::Response cluster_form_failure(RequestContext& ctx, std::int64_t cluster_id,
                                    const Error& error, const std::string& form) {
    auto cluster = get_cluster(ctx.services, ctx.actor(), cluster_id);
    if (!cluster) return error_page(ctx, cluster.error());
    return form_failure(ctx, in_form(error, form), [&](const FormView& view, int status) {
        return render_cluster(ctx, *cluster, Failed{form, view}, status);
    });
}

std::string statement_label(const Framework& framework, std::int64_t id) {
    for (const auto& st : framework.statements())
        if (st.id == id) return st.area + ": " + st.text;
    return "";
}

nlohmann::json self_evaluation_view(const ReviewView& v) {
    if (!v.host_self_evaluation) return false;
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& r : v.host_self_evaluation->ratings)
        rows.push_back(
            {{"statement", statement_label(v.framework, r.statement_id)},
             {"rating", std::to_string(r.rating) + " of " + std::to_string(v.framework.scale_max)},
             {"evidence", r.evidence}});
    return {{"period", describe(v.host_self_evaluation->period)}, {"rows", rows}};
}

nlohmann::json lines_view(const ReviewView& v) {
    nlohmann::json lines = nlohmann::json::array();
    for (const auto& line : v.review.lines) {
        nlohmann::json findings = nlohmann::json::array();
        for (const auto& f : v.review.findings)
            if (f.line_id == line.id)
                findings.push_back({{"kind", label_of(finding_kind_terms(), f.kind)},
                                    {"strength", f.kind == FindingKind::strength},
                                    {"text", f.text},
                                    {"evidence", f.evidence}});
        lines.push_back({{"question", line.question},
                         {"statement", statement_label(v.framework, line.statement_id)},
                         {"findings", findings},
                         {"has_findings", !findings.empty()}});
    }
    return lines;
}

nlohmann::json actions_view(const ReviewView& v) {
    nlohmann::json actions = nlohmann::json::array();
    for (const auto& a : v.review.actions) {
        nlohmann::json follow_ups = nlohmann::json::array();
        for (const auto& f : a.follow_ups)
            follow_ups.push_back({{"date", format_day_month_year(f.date)},
                                  {"note", f.note},
                                  {"status", label_of(action_status_terms(), f.status)}});
        actions.push_back({{"text", a.text},
                           {"owner", a.owner},
                           {"due", format_day_month_year(a.due_date)},
                           {"impact", a.impact_measure},
                           {"done", a.status == ActionStatus::done},
                           {"status", label_of(action_status_terms(), a.status)},
                           {"follow_ups", follow_ups},
                           {"has_follow_ups", !follow_ups.empty()}});
    }
    return actions;
}

http::Response render_review(RequestContext& ctx, const ReviewView& v, const Failed& failed,
                             int status) {
    const auto& f = ctx.form;
    const auto& r = v.review;
    const bool draft = r.status == ReviewStatus::draft;
    nlohmann::json reviewers = nlohmann::json::array();
    for (const auto& u : r.reviewers)
        reviewers.push_back({{"name", u.name}, {"school", school_name(v.cluster, u.school_urn)}});
    nlohmann::json view{{"summary", failed.view.summary()},
                        {"id", std::to_string(r.id)},
                        {"host", r.host_name},
                        {"date", format_day_month_year(r.date)},
                        {"cluster", v.cluster.name},
                        {"cluster_href", cluster_href(v.cluster.id)},
                        {"framework", v.framework.name},
                        {"published", !draft},
                        {"status", label_of(review_status_terms(), r.status)},
                        {"reviewers", reviewers},
                        {"self_evaluation", self_evaluation_view(v)},
                        {"lines", lines_view(v)},
                        {"has_lines", !r.lines.empty()},
                        {"actions", actions_view(v)},
                        {"has_actions", !r.actions.empty()},
                        {"publish", draft && v.rights.publish},
                        {"line_form", false},
                        {"finding_form", false},
                        {"action_form", false},
                        {"follow_up_form", false}};
    if (draft && v.rights.add_lines) {
        const auto& form = failed.of("line");
        Options statements{{"", "Choose a statement"}};
        for (const auto& st : v.framework.statements())
            statements.emplace_back(std::to_string(st.id), st.area + ": " + st.text);
        view["line_form"] = {
            {"statement",
             form.select("line.statement_id", "Statement", statements, f.get("line.statement_id"),
                         "The statement of the framework the line explores")},
            {"question", form.textarea("line.question", "Question", f.get("line.question"),
                                       "What the reviewers will look into, for example: how do "
                                       "teachers adapt lessons for pupils with EHC plans?",
                                       3)}};
    }
    if (draft && v.rights.add_findings && !r.lines.empty()) {
        const auto& form = failed.of("finding");
        Options lines{{"", "Choose a line of enquiry"}};
        for (const auto& l : r.lines) lines.emplace_back(std::to_string(l.id), l.question);
        view["finding_form"] = {
            {"line",
             form.select("finding.line_id", "Line of enquiry", lines, f.get("finding.line_id"))},
            {"kind", form.radios("finding.kind", "Kind of finding",
                                 options_of(finding_kind_terms()), f.get("finding.kind"))},
            {"text", form.textarea("finding.text", "Finding", f.get("finding.text"), "", 3)},
            {"evidence",
             form.textarea("finding.evidence", "Evidence (optional)", f.get("finding.evidence"),
                           "What you saw, heard or read that shows it", 3)}};
    }
    if (v.rights.manage_actions) {
        const auto& form = failed.of("action");
        Options findings{{"", "Not linked to a finding"}};
        for (const auto& fd : r.findings) findings.emplace_back(std::to_string(fd.id), fd.text);
        view["action_form"] = {
            {"text", form.textarea("action.text", "Action", f.get("action.text"), "", 3)},
            {"owner", form.input("action.owner", "Owner", f.get("action.owner"),
                                 {.hint = "Who leads it, for example the SENCO"})},
            {"due", form.date_input("action.due_date", "Due date", f.get("action.due_date"),
                                    date_example(ctx.today()))},
            {"impact", form.textarea("action.impact_measure", "Impact measure",
                                     f.get("action.impact_measure"),
                                     "How the school will know it has made a difference", 3)},
            {"finding", form.select("action.finding_id", "Finding it answers (optional)", findings,
                                    f.get("action.finding_id"))}};
        if (!r.actions.empty()) {
            const auto& fu = failed.of("follow_up");
            Options actions;
            if (r.actions.size() > 1) actions.emplace_back("", "Choose an action");
            for (const auto& a : r.actions) actions.emplace_back(std::to_string(a.id), a.text);
            view["follow_up_form"] = {
                {"action",
                 fu.select("follow_up.action_id", "Action", actions, f.get("follow_up.action_id"))},
                {"note", fu.textarea("follow_up.note", "What has happened since",
                                     f.get("follow_up.note"), "", 3)},
                {"status",
                 fu.radios("follow_up.status", "Is the action done?",
                           {{"open", "Not yet, it is still open"}, {"done", "Yes, done"}},
                           f.has("follow_up.status") ? f.get("follow_up.status") : "open")}};
        }
    }
    return render_page(ctx, "Peer review at " + r.host_name, "review_show", std::move(view),
                       status);
}

http::Response review_form_failure(RequestContext& ctx, std::int64_t review_id, const Error& error,
                                   const std::string& form) {
    auto view = get_review(ctx.services, ctx.actor(), review_id);
    if (!view) return error_page(ctx, view.error());
    return form_failure(ctx, in_form(error, form), [&](const FormView& fv, int status) {
        return render_review(ctx, *view, Failed{form, fv}, status);
    });
}

}  // namespace

http::Response clusters_page(RequestContext& ctx) {
    return render_clusters(ctx, FormView{}, 200);
}

http::Response cluster_create_page(RequestContext& ctx) {
    const auto& f = ctx.form;
    ClusterInput input{f.get("name"), f.get("phase"), f.get("framework_id"),
                       f.get_all("school_urns")};
    auto created = create_cluster(ctx.services, ctx.actor(), input);
    if (!created)
        return form_failure(ctx, created.error(), [&](const FormView& form, int status) {
            return render_clusters(ctx, form, status);
        });
    return redirect_with_flash(ctx, cluster_href(created->id),
                               "The cluster is formed. Its schools can see it now");
}

http::Response cluster_page(RequestContext& ctx) {
    auto id = id_param(ctx);
    if (!id) return error_page(ctx, Error::not_found());
    auto cluster = get_cluster(ctx.services, ctx.actor(), *id);
    if (!cluster) return error_page(ctx, cluster.error());
    return render_cluster(ctx, *cluster, Failed{}, 200);
}

http::Response partnership_day_submit(RequestContext& ctx) {
    auto id = id_param(ctx);
    if (!id) return error_page(ctx, Error::not_found());
    const auto& f = ctx.form;
    auto saved =
        add_partnership_day(ctx.services, ctx.actor(), *id, f.get("day.date"), f.get("day.notes"));
    if (!saved) return cluster_form_failure(ctx, *id, saved.error(), "day");
    return redirect_with_flash(ctx, cluster_href(*id), "The Partnership Day is recorded");
}

http::Response reality_goals_submit(RequestContext& ctx) {
    auto id = id_param(ctx);
    if (!id) return error_page(ctx, Error::not_found());
    const auto& f = ctx.form;
    RealityGoalsInput input{f.get("goals.school_urn"), f.get("goals.year"),
                            f.get("goals.current_reality"), f.get("goals.goals")};
    auto saved = save_reality_goals(ctx.services, ctx.actor(), *id, input);
    if (!saved) return cluster_form_failure(ctx, *id, saved.error(), "goals");
    return redirect_with_flash(ctx, cluster_href(*id),
                               "Reality & Goals for " + saved->record.year + " are saved");
}

http::Response review_create_page(RequestContext& ctx) {
    auto id = id_param(ctx);
    if (!id) return error_page(ctx, Error::not_found());
    const auto& f = ctx.form;
    ReviewInput input{std::to_string(*id), f.get("review.host_urn"), f.get("review.date"),
                      f.get_all("review.reviewer_ids")};
    auto created = create_review(ctx.services, ctx.actor(), input);
    if (!created) return cluster_form_failure(ctx, *id, created.error(), "review");
    return redirect_with_flash(ctx, review_href(created->review.id),
                               "The review is arranged and the reviewers have been emailed");
}

http::Response review_page(RequestContext& ctx) {
    auto id = id_param(ctx);
    if (!id) return error_page(ctx, Error::not_found());
    auto view = get_review(ctx.services, ctx.actor(), *id);
    if (!view) return error_page(ctx, view.error());
    return render_review(ctx, *view, Failed{}, 200);
}

http::Response review_report(RequestContext& ctx) {
    auto id = id_param(ctx);
    if (!id) return error_page(ctx, Error::not_found());
    auto view = get_review(ctx.services, ctx.actor(), *id);
    if (!view) return error_page(ctx, view.error());
    return download(review_report_pdf(*view, trust_settings(ctx.services)), "application/pdf",
                    review_report_filename(*id), true);
}

http::Response review_line_submit(RequestContext& ctx) {
    auto id = id_param(ctx);
    if (!id) return error_page(ctx, Error::not_found());
    const auto& f = ctx.form;
    auto line = add_enquiry_line(ctx.services, ctx.actor(), *id, f.get("line.statement_id"),
                                 f.get("line.question"));
    if (!line) return review_form_failure(ctx, *id, line.error(), "line");
    return redirect_with_flash(ctx, review_href(*id), "The line of enquiry is added");
}

http::Response review_finding_submit(RequestContext& ctx) {
    auto id = id_param(ctx);
    if (!id) return error_page(ctx, Error::not_found());
    const auto& f = ctx.form;
    FindingInput input{f.get("finding.line_id"), f.get("finding.kind"), f.get("finding.text"),
                       f.get("finding.evidence")};
    auto finding = add_finding(ctx.services, ctx.actor(), *id, input);
    if (!finding) return review_form_failure(ctx, *id, finding.error(), "finding");
    return redirect_with_flash(ctx, review_href(*id), "The finding is recorded");
}

http::Response review_publish_submit(RequestContext& ctx) {
    auto id = id_param(ctx);
    if (!id) return error_page(ctx, Error::not_found());
    auto published = publish_review(ctx.services, ctx.actor(), *id);
    if (!published) return error_page(ctx, published.error());
    return redirect_with_flash(ctx, review_href(*id),
                               "The review is published. Every school in the cluster can read "
                               "it now");
}

http::Response review_action_submit(RequestContext& ctx) {
    auto id = id_param(ctx);
    if (!id) return error_page(ctx, Error::not_found());
    const auto& f = ctx.form;
    ActionInput input{f.get("action.text"), f.get("action.owner"), f.get("action.due_date"),
                      f.get("action.impact_measure"), f.get("action.finding_id")};
    auto action = add_review_action(ctx.services, ctx.actor(), *id, input);
    if (!action) return review_form_failure(ctx, *id, action.error(), "action");
    return redirect_with_flash(ctx, review_href(*id), "The action is added");
}

http::Response review_follow_up_submit(RequestContext& ctx) {
    auto id = id_param(ctx);
    if (!id) return error_page(ctx, Error::not_found());
    const auto& f = ctx.form;
    // The page has one follow-up form; the action is chosen in it.
    auto action = parse_int(f.get("follow_up.action_id"));
    if (!action)
        return review_form_failure(
            ctx, *id, Error::invalid("action_id", "required", "Choose the action"), "follow_up");
    auto saved = add_follow_up(ctx.services, ctx.actor(), *id, *action, f.get("follow_up.note"),
                               f.get("follow_up.status"));
    if (!saved) return review_form_failure(ctx, *id, saved.error(), "follow_up");
    return redirect_with_flash(ctx, review_href(*id), "The follow-up is recorded");
}

}  // namespace sendhub::pages
