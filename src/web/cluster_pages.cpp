// Peer review clusters: members, Partnership Days, Reality & Goals, themes and the reviews
// arranged in them. A review's own page is review_pages.cpp.
#include "adapter/download.hpp"
#include "adapter/review_report.hpp"
#include "core/school_returns.hpp"
#include "core/text.hpp"
#include "service/finance_service.hpp"
#include "service/peer_review_service.hpp"
#include "service/school_data_service.hpp"
#include "web/page.hpp"
#include "web/peer_review_handlers.hpp"
#include "web/peer_review_page_parts.hpp"

namespace sendhub::pages {
namespace {

std::string school_year_of(Date today) {
    return term_period_of(today).academic_year;
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
        rows.push_back({{"href", peer_review::review_href(r.id)},
                        {"host", r.host_name},
                        {"date", format_day_month_year(r.date)},
                        {"published", r.status == ReviewStatus::published},
                        {"status", peer_review::label_of(review_status_terms(), r.status)}});
    }
    return rows;
}

http::Response render_clusters(RequestContext& ctx, const FormView& form, int status) {
    auto clusters = list_clusters(ctx.services, ctx.actor());
    if (!clusters) return error_page(ctx, clusters.error());
    nlohmann::json items = nlohmann::json::array();
    for (const auto& c : *clusters)
        items.push_back({{"href", peer_review::cluster_href(c.id)},
                         {"name", c.name},
                         {"detail", peer_review::label_of(cluster_phase_terms(), c.phase) + ", " +
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
                              const peer_review::Failed& failed, int status) {
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
        goals.push_back({{"school", peer_review::school_name(cluster, g.school_urn)},
                         {"year", g.year},
                         {"reality", g.current_reality},
                         {"goals", g.goals}});

    const bool trust = peer_review_role(actor.role) == PeerReviewRole::trust_lead;
    nlohmann::json view{
        {"summary", failed.view.summary()},
        {"id", std::to_string(cluster.id)},
        {"name", cluster.name},
        {"phase", peer_review::label_of(cluster_phase_terms(), cluster.phase)},
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
                                   l.name + ", " + peer_review::school_name(cluster, l.school_urn));
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
    return form_failure(
        ctx, peer_review::in_form(error, form), [&](const FormView& view, int status) {
            return render_cluster(ctx, *cluster, peer_review::Failed{form, view}, status);
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
    return redirect_with_flash(ctx, peer_review::cluster_href(created->id),
                               "The cluster is formed. Its schools can see it now");
}

http::Response cluster_page(RequestContext& ctx) {
    auto id = id_param<std::int64_t>(ctx);
    if (!id) return error_page(ctx, Error::not_found());
    auto cluster = get_cluster(ctx.services, ctx.actor(), *id);
    if (!cluster) return error_page(ctx, cluster.error());
    return render_cluster(ctx, *cluster, peer_review::Failed{}, 200);
}

http::Response partnership_day_submit(RequestContext& ctx) {
    auto id = id_param<std::int64_t>(ctx);
    if (!id) return error_page(ctx, Error::not_found());
    const auto& f = ctx.form;
    auto saved =
        add_partnership_day(ctx.services, ctx.actor(), *id, f.get("day.date"), f.get("day.notes"));
    if (!saved) return cluster_form_failure(ctx, *id, saved.error(), "day");
    return redirect_with_flash(ctx, peer_review::cluster_href(*id),
                               "The Partnership Day is recorded");
}

http::Response reality_goals_submit(RequestContext& ctx) {
    auto id = id_param<std::int64_t>(ctx);
    if (!id) return error_page(ctx, Error::not_found());
    const auto& f = ctx.form;
    RealityGoalsInput input{f.get("goals.school_urn"), f.get("goals.year"),
                            f.get("goals.current_reality"), f.get("goals.goals")};
    auto saved = save_reality_goals(ctx.services, ctx.actor(), *id, input);
    if (!saved) return cluster_form_failure(ctx, *id, saved.error(), "goals");
    return redirect_with_flash(ctx, peer_review::cluster_href(*id),
                               "Reality & Goals for " + saved->record.year + " are saved");
}

http::Response review_create_page(RequestContext& ctx) {
    auto id = id_param<std::int64_t>(ctx);
    if (!id) return error_page(ctx, Error::not_found());
    const auto& f = ctx.form;
    ReviewInput input{std::to_string(*id), f.get("review.host_urn"), f.get("review.date"),
                      f.get_all("review.reviewer_ids")};
    auto created = create_review(ctx.services, ctx.actor(), input);
    if (!created) return cluster_form_failure(ctx, *id, created.error(), "review");
    return redirect_with_flash(ctx, peer_review::review_href(created->review.id),
                               "The review is arranged and the reviewers have been emailed");
}

}  // namespace sendhub::pages
