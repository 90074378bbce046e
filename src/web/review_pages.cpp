// A peer review's page: self-evaluation, lines of enquiry, findings, actions and follow-ups,
// and its report.
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
                findings.push_back({{"kind", peer_review::label_of(finding_kind_terms(), f.kind)},
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
            follow_ups.push_back(
                {{"date", format_day_month_year(f.date)},
                 {"note", f.note},
                 {"status", peer_review::label_of(action_status_terms(), f.status)}});
        actions.push_back({{"text", a.text},
                           {"owner", a.owner},
                           {"due", format_day_month_year(a.due_date)},
                           {"impact", a.impact_measure},
                           {"done", a.status == ActionStatus::done},
                           {"status", peer_review::label_of(action_status_terms(), a.status)},
                           {"follow_ups", follow_ups},
                           {"has_follow_ups", !follow_ups.empty()}});
    }
    return actions;
}

http::Response render_review(RequestContext& ctx, const ReviewView& v,
                             const peer_review::Failed& failed, int status) {
    const auto& f = ctx.form;
    const auto& r = v.review;
    const bool draft = r.status == ReviewStatus::draft;
    nlohmann::json reviewers = nlohmann::json::array();
    for (const auto& u : r.reviewers)
        reviewers.push_back(
            {{"name", u.name}, {"school", peer_review::school_name(v.cluster, u.school_urn)}});
    nlohmann::json view{{"summary", failed.view.summary()},
                        {"id", std::to_string(r.id)},
                        {"host", r.host_name},
                        {"date", format_day_month_year(r.date)},
                        {"cluster", v.cluster.name},
                        {"cluster_href", peer_review::cluster_href(v.cluster.id)},
                        {"framework", v.framework.name},
                        {"published", !draft},
                        {"status", peer_review::label_of(review_status_terms(), r.status)},
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
    return form_failure(ctx, peer_review::in_form(error, form),
                        [&](const FormView& fv, int status) {
                            return render_review(ctx, *view, peer_review::Failed{form, fv}, status);
                        });
}

}  // namespace

http::Response review_page(RequestContext& ctx) {
    auto id = id_param<std::int64_t>(ctx);
    if (!id) return error_page(ctx, Error::not_found());
    auto view = get_review(ctx.services, ctx.actor(), *id);
    if (!view) return error_page(ctx, view.error());
    return render_review(ctx, *view, peer_review::Failed{}, 200);
}

http::Response review_report(RequestContext& ctx) {
    auto id = id_param<std::int64_t>(ctx);
    if (!id) return error_page(ctx, Error::not_found());
    auto view = get_review(ctx.services, ctx.actor(), *id);
    if (!view) return error_page(ctx, view.error());
    return download(review_report_pdf(*view, trust_settings(ctx.services)), "application/pdf",
                    review_report_filename(*id), true);
}

http::Response review_line_submit(RequestContext& ctx) {
    auto id = id_param<std::int64_t>(ctx);
    if (!id) return error_page(ctx, Error::not_found());
    const auto& f = ctx.form;
    auto line = add_enquiry_line(ctx.services, ctx.actor(), *id, f.get("line.statement_id"),
                                 f.get("line.question"));
    if (!line) return review_form_failure(ctx, *id, line.error(), "line");
    return redirect_with_flash(ctx, peer_review::review_href(*id), "The line of enquiry is added");
}

http::Response review_finding_submit(RequestContext& ctx) {
    auto id = id_param<std::int64_t>(ctx);
    if (!id) return error_page(ctx, Error::not_found());
    const auto& f = ctx.form;
    FindingInput input{f.get("finding.line_id"), f.get("finding.kind"), f.get("finding.text"),
                       f.get("finding.evidence")};
    auto finding = add_finding(ctx.services, ctx.actor(), *id, input);
    if (!finding) return review_form_failure(ctx, *id, finding.error(), "finding");
    return redirect_with_flash(ctx, peer_review::review_href(*id), "The finding is recorded");
}

http::Response review_publish_submit(RequestContext& ctx) {
    auto id = id_param<std::int64_t>(ctx);
    if (!id) return error_page(ctx, Error::not_found());
    auto published = publish_review(ctx.services, ctx.actor(), *id);
    if (!published) return error_page(ctx, published.error());
    return redirect_with_flash(ctx, peer_review::review_href(*id),
                               "The review is published. Every school in the cluster can read "
                               "it now");
}

http::Response review_action_submit(RequestContext& ctx) {
    auto id = id_param<std::int64_t>(ctx);
    if (!id) return error_page(ctx, Error::not_found());
    const auto& f = ctx.form;
    ActionInput input{f.get("action.text"), f.get("action.owner"), f.get("action.due_date"),
                      f.get("action.impact_measure"), f.get("action.finding_id")};
    auto action = add_review_action(ctx.services, ctx.actor(), *id, input);
    if (!action) return review_form_failure(ctx, *id, action.error(), "action");
    return redirect_with_flash(ctx, peer_review::review_href(*id), "The action is added");
}

http::Response review_follow_up_submit(RequestContext& ctx) {
    auto id = id_param<std::int64_t>(ctx);
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
    return redirect_with_flash(ctx, peer_review::review_href(*id), "The follow-up is recorded");
}

}  // namespace sendhub::pages