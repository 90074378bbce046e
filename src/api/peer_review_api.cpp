// Peer review clusters and reviews (api-contract-peer-review.md).
#include "api/json_input.hpp"
#include "api/peer_review_handlers.hpp"
#include "api/respond.hpp"
#include "core/school_returns.hpp"
#include "core/text.hpp"
#include "service/peer_review_service.hpp"

namespace sendhub::api {
namespace {

template <class Enum>
std::string code(std::span<const Term<Enum>> terms, Enum value) {
    return std::string(term_of(terms, value).code);
}

nlohmann::json cluster_json(const ClusterRecord& c) {
    nlohmann::json schools = nlohmann::json::array();
    for (const auto& m : c.schools) schools.push_back({{"urn", m.urn}, {"name", m.name}});
    nlohmann::json days = nlohmann::json::array();
    for (const auto& d : c.partnership_days)
        days.push_back({{"id", d.id}, {"date", format_date(d.date)}, {"notes", d.notes}});
    nlohmann::json goals = nlohmann::json::array();
    for (const auto& g : c.reality_goals)
        goals.push_back({{"school_urn", g.school_urn},
                         {"year", g.year},
                         {"current_reality", g.current_reality},
                         {"goals", g.goals}});
    return {{"id", c.id},
            {"name", c.name},
            {"phase", code(cluster_phase_terms(), c.phase)},
            {"framework_id", c.framework_id},
            {"schools", schools},
            {"partnership_days", days},
            {"reality_goals", goals}};
}

nlohmann::json day_json(const PartnershipDay& d) {
    return {{"id", d.id}, {"date", format_date(d.date)}, {"notes", d.notes}};
}

nlohmann::json themes_json(const ClusterThemes& t) {
    nlohmann::json areas = nlohmann::json::array();
    for (const auto& a : t.areas)
        areas.push_back({{"area_id", a.area_id},
                         {"title", a.title},
                         {"areas_for_development", a.areas_for_development},
                         {"strengths", a.strengths}});
    return {
        {"cluster_id", t.cluster_id}, {"published_reviews", t.published_reviews}, {"areas", areas}};
}

nlohmann::json line_json(const EnquiryLine& l, const Framework& framework) {
    std::string area;
    for (const auto& st : framework.statements())
        if (st.id == l.statement_id) area = st.area;
    return {
        {"id", l.id}, {"statement_id", l.statement_id}, {"area", area}, {"question", l.question}};
}

nlohmann::json finding_json(const Finding& f) {
    return {{"id", f.id},
            {"line_id", f.line_id},
            {"kind", code(finding_kind_terms(), f.kind)},
            {"text", f.text},
            {"evidence", f.evidence}};
}

nlohmann::json action_json(const ReviewAction& a) {
    nlohmann::json follow_ups = nlohmann::json::array();
    for (const auto& f : a.follow_ups)
        follow_ups.push_back({{"date", format_date(f.date)},
                              {"note", f.note},
                              {"status", code(action_status_terms(), f.status)}});
    return {{"id", a.id},
            {"text", a.text},
            {"owner", a.owner},
            {"due_date", format_date(a.due_date)},
            {"impact_measure", a.impact_measure},
            {"finding_id", a.finding_id ? nlohmann::json(*a.finding_id) : nlohmann::json(nullptr)},
            {"status", code(action_status_terms(), a.status)},
            {"follow_ups", follow_ups}};
}

nlohmann::json review_fields(const ReviewRecord& r) {
    nlohmann::json reviewers = nlohmann::json::array();
    for (const auto& u : r.reviewers)
        reviewers.push_back({{"id", u.id},
                             {"name", u.name},
                             {"school_urn", u.school_urn ? nlohmann::json(*u.school_urn)
                                                         : nlohmann::json(nullptr)}});
    nlohmann::json findings = nlohmann::json::array();
    for (const auto& f : r.findings) findings.push_back(finding_json(f));
    nlohmann::json actions = nlohmann::json::array();
    for (const auto& a : r.actions) actions.push_back(action_json(a));
    return {{"id", r.id},
            {"cluster_id", r.cluster_id},
            {"host_urn", r.host_urn},
            {"date", format_date(r.date)},
            {"status", code(review_status_terms(), r.status)},
            {"reviewers", reviewers},
            {"findings", findings},
            {"actions", actions}};
}

nlohmann::json review_json(const ReviewView& v) {
    auto out = review_fields(v.review);
    nlohmann::json lines = nlohmann::json::array();
    for (const auto& l : v.review.lines) lines.push_back(line_json(l, v.framework));
    out["lines_of_enquiry"] = std::move(lines);
    if (v.host_self_evaluation) {
        nlohmann::json ratings = nlohmann::json::array();
        for (const auto& r : v.host_self_evaluation->ratings)
            ratings.push_back(
                {{"statement_id", r.statement_id}, {"rating", r.rating}, {"evidence", r.evidence}});
        out["host_self_evaluation"] = {{"period", term_name(v.host_self_evaluation->period)},
                                       {"ratings", ratings}};
    } else {
        out["host_self_evaluation"] = nullptr;
    }
    return out;
}

std::optional<std::int64_t> id_param(RequestContext& ctx, const char* name = "id") {
    auto id = parse_int(ctx.param(name));
    if (!id) return std::nullopt;
    return *id;
}

Error no_cluster() {
    return Error::not_found("No such cluster.");
}
Error no_review() {
    return Error::not_found("No such review.");
}

}  // namespace

http::Response cluster_create(RequestContext& ctx) {
    auto body = JsonFields::from_body(ctx.request);
    ClusterInput input{body.text("name"), body.text("phase"), body.text("framework_id"),
                       body.strings("school_urns")};
    if (auto ok = body.check(); !ok) return json_error(ok.error());
    return respond(create_cluster(ctx.services, ctx.actor(), input), 201, cluster_json);
}

http::Response clusters_list(RequestContext& ctx) {
    return respond(list_clusters(ctx.services, ctx.actor()), 200, [](const auto& items) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& c : items) out.push_back(cluster_json(c));
        return nlohmann::json{{"items", out}};
    });
}

http::Response cluster_get(RequestContext& ctx) {
    auto id = id_param(ctx);
    if (!id) return json_error(no_cluster());
    return respond(get_cluster(ctx.services, ctx.actor(), *id), 200, cluster_json);
}

http::Response cluster_partnership_day(RequestContext& ctx) {
    auto id = id_param(ctx);
    if (!id) return json_error(no_cluster());
    auto body = JsonFields::from_body(ctx.request);
    const auto date = body.text("date");
    const auto notes = body.text("notes");
    if (auto ok = body.check(); !ok) return json_error(ok.error());
    return respond(add_partnership_day(ctx.services, ctx.actor(), *id, date, notes), 201, day_json);
}

http::Response cluster_reality_goals(RequestContext& ctx) {
    auto id = id_param(ctx);
    if (!id) return json_error(no_cluster());
    auto body = JsonFields::from_body(ctx.request);
    RealityGoalsInput input{body.text("school_urn"), body.text("year"),
                            body.text("current_reality"), body.text("goals")};
    if (auto ok = body.check(); !ok) return json_error(ok.error());
    auto saved = save_reality_goals(ctx.services, ctx.actor(), *id, input);
    if (!saved) return json_error(saved.error());
    const auto& g = saved->record;
    return json_response(saved->created ? 201 : 200, {{"school_urn", g.school_urn},
                                                      {"year", g.year},
                                                      {"current_reality", g.current_reality},
                                                      {"goals", g.goals}});
}

http::Response cluster_themes_get(RequestContext& ctx) {
    auto id = id_param(ctx);
    if (!id) return json_error(no_cluster());
    return respond(cluster_themes(ctx.services, ctx.actor(), *id), 200, themes_json);
}

http::Response review_create(RequestContext& ctx) {
    auto body = JsonFields::from_body(ctx.request);
    ReviewInput input{body.text("cluster_id"), body.text("host_urn"), body.text("date"),
                      body.strings("reviewer_ids")};
    if (auto ok = body.check(); !ok) return json_error(ok.error());
    return respond(create_review(ctx.services, ctx.actor(), input), 201, review_json);
}

http::Response reviews_list(RequestContext& ctx) {
    return respond(list_reviews(ctx.services, ctx.actor(), ctx.query().get("cluster_id")), 200,
                   [](const auto& items) {
                       nlohmann::json out = nlohmann::json::array();
                       for (const auto& r : items) out.push_back(review_json(r));
                       return nlohmann::json{{"items", out}};
                   });
}

http::Response review_get(RequestContext& ctx) {
    auto id = id_param(ctx);
    if (!id) return json_error(no_review());
    return respond(get_review(ctx.services, ctx.actor(), *id), 200, review_json);
}

http::Response review_line_add(RequestContext& ctx) {
    auto id = id_param(ctx);
    if (!id) return json_error(no_review());
    auto body = JsonFields::from_body(ctx.request);
    const auto statement = body.text("statement_id");
    const auto question = body.text("question");
    if (auto ok = body.check(); !ok) return json_error(ok.error());
    auto line = add_enquiry_line(ctx.services, ctx.actor(), *id, statement, question);
    if (!line) return json_error(line.error());
    auto view = get_review(ctx.services, ctx.actor(), *id);
    if (!view) return json_error(view.error());
    return json_response(201, line_json(*line, view->framework));
}

http::Response review_finding_add(RequestContext& ctx) {
    auto id = id_param(ctx);
    if (!id) return json_error(no_review());
    auto body = JsonFields::from_body(ctx.request);
    FindingInput input{body.text("line_id"), body.text("kind"), body.text("text"),
                       body.text("evidence")};
    if (auto ok = body.check(); !ok) return json_error(ok.error());
    return respond(add_finding(ctx.services, ctx.actor(), *id, input), 201, finding_json);
}

http::Response review_publish(RequestContext& ctx) {
    auto id = id_param(ctx);
    if (!id) return json_error(no_review());
    return respond(publish_review(ctx.services, ctx.actor(), *id), 200, review_json);
}

http::Response review_action_add(RequestContext& ctx) {
    auto id = id_param(ctx);
    if (!id) return json_error(no_review());
    auto body = JsonFields::from_body(ctx.request);
    ActionInput input{body.text("text"), body.text("owner"), body.text("due_date"),
                      body.text("impact_measure"), body.text("finding_id")};
    if (auto ok = body.check(); !ok) return json_error(ok.error());
    return respond(add_review_action(ctx.services, ctx.actor(), *id, input), 201, action_json);
}

http::Response review_follow_up_add(RequestContext& ctx) {
    auto id = id_param(ctx);
    auto action = id_param(ctx, "action_id");
    if (!id || !action) return json_error(no_review());
    auto body = JsonFields::from_body(ctx.request);
    const auto note = body.text("note");
    const auto status = body.text("status");
    if (auto ok = body.check(); !ok) return json_error(ok.error());
    return respond(add_follow_up(ctx.services, ctx.actor(), *id, *action, note, status), 200,
                   action_json);
}

}  // namespace sendhub::api
