#include "core/census.hpp"
#include "core/peer_review.hpp"
#include "core/school_returns.hpp"
#include "core/screening.hpp"
#include "service/directory_service.hpp"
#include "service/home_service.hpp"
#include "web/handlers.hpp"
#include "web/outreach_views.hpp"
#include "web/page.hpp"
#include "web/views.hpp"

namespace sendhub::pages {
namespace {

struct Task {
    std::string_view href;
    std::string_view label;
    Permission permission;
};

constexpr Task kTasks[] = {
    {"/requests/new", "Ask for outreach support", Permission::submit_requests},
    {"/requests/new?service=educational_psychology", "Commission an educational psychologist",
     Permission::submit_requests},
    {"/requests/new?service=speech_and_language", "Commission speech and language therapy",
     Permission::submit_requests},
    {"/requests", "See outreach requests and their progress", Permission::use_outreach},
    {"/feedback", "Read schools' feedback", Permission::read_feedback},
    {"/events", "Book training, network meetings and the conference", Permission::signed_in},
    {"/events/new", "Publish an event or a series of meetings", Permission::organise_events},
    {"/resources", "Find guidance, templates and training materials", Permission::signed_in},
    {"/hub/autism", "Visit the Autism Education Hub", Permission::signed_in},
    {"/tariffs", "Manage the price list and its effective dates", Permission::manage_tariffs},
    {"/schools", "Find a school and its SEND numbers", Permission::read_schools},
    {"/schools/new", "Add a school", Permission::manage_schools},
    {"/enquiries", "Answer enquiries from the contact page", Permission::work_enquiries},
    {"/partnerships/new", "Record a partnership", Permission::manage_partnerships},
    {"/registrations", "Approve school staff who registered", Permission::manage_school_accounts},
    {"/invitations", "Invite a school's staff", Permission::manage_school_accounts},
    {"/practitioners", "See the outreach team", Permission::read_practitioners},
    {"/practitioners/new", "Add a practitioner", Permission::manage_practitioners},
    {"/term-dates", "Record local authorities' term dates", Permission::manage_term_dates},
    {"/users/new", "Add a user", Permission::manage_users},
    {"/audit", "Read the audit log", Permission::read_audit_log},
    {"/account/password", "Change your password", Permission::signed_in},
    {"/account/mfa", "Set up or check two-step sign-in", Permission::signed_in},
};

}  // namespace

Response home(RequestContext& ctx) {
    const Actor& actor = ctx.actor();
    HomeFacts facts = home_facts(ctx.services, actor);
    nlohmann::json view{
        {"heading", is_school_role(actor.role) ? "Your school" : "Home"},
        {"name", actor.name},
        {"role_label", role_label(actor.role)},
        {"school", false},
        {"no_school", false},
        {"practitioner", false},
        {"has_counts", false},
        {"has_clashes", false},
    };
    const WhatWaits waits = what_waits(ctx.services, actor);
    if (!waits.clashes.empty()) {
        view["clashes"] = clashes_view(waits.clashes);
        view["has_clashes"] = true;
    }
    if (is_school_role(actor.role)) {
        if (facts.school)
            view["school"] = school_view(*facts.school);
        else
            view["no_school"] = true;
    }
    if (facts.practitioner) {
        auto pv = practitioner_view(*facts.practitioner);
        view["practitioner"] = {{"grade", pv["grade_label"]},
                                {"expertise", pv["expertise_text"]},
                                {"max_days_per_week", pv["max_days_per_week"]}};
    }
    if (facts.schools) {
        nlohmann::json counts = nlohmann::json::array();
        counts.push_back({{"value", std::to_string(*facts.schools)},
                          {"label", "schools"},
                          {"href", "/schools"}});
        counts.push_back({{"value", std::to_string(facts.active_practitioners.value_or(0))},
                          {"label", "active practitioners"},
                          {"href", "/practitioners"}});
        if (facts.users)
            counts.push_back(
                {{"value", std::to_string(*facts.users)}, {"label", "users"}, {"href", "/users"}});
        view["counts"] = std::move(counts);
        view["has_counts"] = true;
    }
    nlohmann::json waiting = nlohmann::json::array();
    for (const auto& w : waits.piles) {
        std::string detail = waiting_detail(w);
        waiting.push_back(
            {{"text", waiting_text(w)},
             {"link", w.count > 0 ? nlohmann::json(std::string(waiting_link(w.kind)))
                                  : nlohmann::json(false)},
             {"detail", detail.empty() ? nlohmann::json(false) : nlohmann::json(detail)}});
    }
    view["has_waiting"] = !waiting.empty();
    view["waiting"] = std::move(waiting);
    nlohmann::json tasks = nlohmann::json::array();
    for (const auto& task : kTasks) {
        if (!allows(actor, task.permission)) continue;
        if (task.href == "/schools" && is_school_role(actor.role)) {
            if (actor.school_urn)
                tasks.push_back({{"href", "/schools/" + std::to_string(actor.school_urn->value)},
                                 {"label", "See your school's record"}});
            continue;
        }
        tasks.push_back({{"href", task.href}, {"label", task.label}});
    }
    // The census figures: the trust's view, or a school's own beside its authority and England.
    switch (insight_access(actor.role)) {
        case InsightAccess::everything:
        case InsightAccess::census_figures:
            tasks.push_back({{"href", "/insight"},
                             {"label", "Compare our schools' SEND figures with England"}});
            break;
        case InsightAccess::own_school:
            if (actor.school_urn)
                tasks.push_back(
                    {{"href", "/insight/schools/" + std::to_string(actor.school_urn->value)},
                     {"label",
                      "Compare your school's SEND figures with your authority and "
                      "England"}});
            break;
        case InsightAccess::none:
            break;
    }
    // Termly returns and self-evaluation: a school sends its own; the trust reads them all.
    switch (school_data_access(actor.role)) {
        case SchoolDataAccess::own_school:
            tasks.push_back(
                {{"href", "/insight/returns"}, {"label", "Send your school's termly SEND return"}});
            tasks.push_back({{"href", "/insight/frameworks"},
                             {"label", "Rate your school against the self-evaluation framework"}});
            break;
        case SchoolDataAccess::write_all:
        case SchoolDataAccess::read_all:
            tasks.push_back({{"href", "/insight/frameworks"},
                             {"label", "See schools' self-evaluation and training priorities"}});
            tasks.push_back(
                {{"href", "/insight/returns"}, {"label", "See schools' termly returns"}});
            break;
        case SchoolDataAccess::none:
            break;
    }
    // Peer review: the trust runs the clusters; a school's leads take part in theirs.
    switch (peer_review_role(actor.role)) {
        case PeerReviewRole::trust_lead:
            tasks.push_back({{"href", "/clusters"},
                             {"label", "Run peer review clusters and see their themes"}});
            break;
        case PeerReviewRole::school_lead:
            tasks.push_back(
                {{"href", "/clusters"}, {"label", "Take part in your peer review cluster"}});
            break;
        case PeerReviewRole::none:
            break;
    }
    // Early identification: screening and the named therapist's audits.
    switch (screening_access(actor.role)) {
        case ScreeningAccess::read_all:
            tasks.push_back(
                {{"href", "/slcn"}, {"label", "Name schools' speech and language therapists"}});
            tasks.push_back({{"href", "/screening"},
                             {"label", "See speech and language screening across the trust"}});
            break;
        case ScreeningAccess::own_school:
        case ScreeningAccess::named_schools:
            tasks.push_back(
                {{"href", "/slcn"}, {"label", "Audit speech and language provision and plan"}});
            tasks.push_back(
                {{"href", "/screening"}, {"label", "Record and compare screening rounds"}});
            break;
        case ScreeningAccess::none:
            if (actor.role == Role::school_staff)
                tasks.push_back({{"href", "/slcn"},
                                 {"label", "Find your school's speech and language therapist"}});
            break;
    }
    view["tasks"] = std::move(tasks);
    auto heading = view["heading"].get<std::string>();
    return render_page(ctx, heading, "home", std::move(view));
}

}  // namespace sendhub::pages
