#include "service/peer_review_service.hpp"

#include <algorithm>
#include <map>

#include "core/text.hpp"

namespace sendhub {
namespace {

PeerReviewStore store_of(Services& s) {
    return PeerReviewStore(*s.database);
}

Error no_cluster() {
    return Error::not_found("No such cluster.");
}
Error no_review() {
    return Error::not_found("No such review.");
}

Result<PeerReviewRole> taking_part(const Actor& actor) {
    const auto role = peer_review_role(actor.role);
    if (role == PeerReviewRole::none) return std::unexpected(Error::forbidden());
    return role;
}

bool leads_school(const Actor& actor, std::int64_t urn) {
    return peer_review_role(actor.role) == PeerReviewRole::school_lead &&
           actor.school_urn == SchoolUrn{urn};
}

bool sees_cluster(const Actor& actor, const ClusterRecord& cluster) {
    const auto role = peer_review_role(actor.role);
    if (role == PeerReviewRole::trust_lead) return true;
    return role == PeerReviewRole::school_lead && actor.school_urn &&
           cluster.has_member(actor.school_urn->value);
}

Result<void> leads_the_trust(const Actor& actor) {
    if (peer_review_role(actor.role) == PeerReviewRole::trust_lead) return {};
    return std::unexpected(Error::forbidden());
}

ReviewRights rights_of(const Actor& actor, const ReviewRecord& review,
                       const ClusterRecord& cluster) {
    ReviewViewer viewer{peer_review_role(actor.role), leads_school(actor, review.host_urn),
                        review.has_reviewer(actor.user_id.value),
                        actor.school_urn && cluster.has_member(actor.school_urn->value)};
    return review_rights(viewer, review.status);
}

//! The review with its cluster, framework and rights, or not found when the actor may not
//! see it.
Result<ReviewView> view_of(Services& s, const Actor& actor, ReviewRecord review,
                           const ClusterRecord& cluster) {
    const auto rights = rights_of(actor, review, cluster);
    if (!rights.see) return std::unexpected(no_review());
    FrameworkStore frameworks(*s.database);
    auto framework = frameworks.find(cluster.framework_id);
    if (!framework) return std::unexpected(no_review());
    auto evaluations =
        frameworks.evaluations({.school_urn = review.host_urn, .framework_id = framework->id});
    std::optional<SelfEvaluationRecord> latest;
    if (!evaluations.empty()) latest = evaluations.back();  // ordered by period
    return ReviewView{std::move(review), cluster, std::move(*framework), std::move(latest), rights};
}

Result<ReviewView> view_of(Services& s, const Actor& actor, ReviewRecord review) {
    auto cluster = store_of(s).find_cluster(review.cluster_id);
    if (!cluster) return std::unexpected(no_review());
    return view_of(s, actor, std::move(review), *cluster);
}

//! The review, seen by the actor and allowed `may` (403 when seen but not allowed).
Result<ReviewView> review_for(Services& s, const Actor& actor, std::int64_t id,
                              bool ReviewRights::*may) {
    SENDHUB_TRY(taking_part(actor));
    auto review = store_of(s).find_review(id);
    if (!review) return std::unexpected(no_review());
    auto view = view_of(s, actor, std::move(*review));
    if (!view) return std::unexpected(view.error());
    if (!(view->rights.*may)) return std::unexpected(Error::forbidden());
    return view;
}

//! Each proposed reviewer: a user who leads another member school.
Result<std::vector<std::int64_t>> checked_reviewers(Services& s, const ClusterRecord& cluster,
                                                    std::int64_t host_urn,
                                                    const std::vector<std::string>& typed) {
    if (typed.empty())
        return std::unexpected(
            Error::invalid("reviewer_ids", "required", "Choose one or more reviewers"));
    std::set<std::int64_t> members;
    for (const auto& m : cluster.schools) members.insert(m.urn);
    std::vector<std::int64_t> out;
    for (const auto& text : typed) {
        auto id = parse_int(trim(text));
        auto user = id ? s.users.find(UserId{*id}) : std::nullopt;
        if (!user)
            return std::unexpected(
                Error::invalid("reviewer_ids", "invalid", "No account has that reviewer's id"));
        const ReviewerCandidate candidate{
            user->role,
            user->school_urn ? std::optional<std::int64_t>(user->school_urn->value) : std::nullopt,
            user->active};
        const auto problem = reviewer_problem(candidate, host_urn, members);
        if (problem == "reviewer_from_host")
            return std::unexpected(Error::invalid(
                "reviewer_ids", std::string(problem),
                user->name + " works at the host school; reviewers come from other member "
                             "schools"));
        if (!problem.empty())
            return std::unexpected(Error::invalid(
                "reviewer_ids", std::string(problem),
                user->name + " is not the SENCO or headteacher of a school in the cluster"));
        if (std::ranges::find(out, *id) == out.end()) out.push_back(*id);
    }
    return out;
}

ReviewerEmail reviewer_email(const ClusterRecord& cluster, const std::string& host_name,
                             Date date) {
    const std::string when = format_long_date(date);
    return {"Peer review at " + host_name + " on " + when,
            "You have been asked to be a peer reviewer at " + host_name + " on " + when +
                ", as part of the " + cluster.name +
                " cluster.\n\nOn sendhub you can read the school's self-evaluation, agree the "
                "lines of enquiry with the school and record your findings with their "
                "evidence."};
}

std::optional<std::int64_t> optional_id(std::string_view typed) {
    if (auto id = parse_int(trim(typed)); id && *id > 0) return *id;
    return std::nullopt;
}

}  // namespace

Result<ClusterRecord> create_cluster(Services& s, const Actor& actor, const ClusterInput& input) {
    SENDHUB_TRY(leads_the_trust(actor));
    auto values = validate_cluster(input);
    if (!values) return std::unexpected(values.error());
    if (!FrameworkStore(*s.database).find(values->framework_id))
        return std::unexpected(
            Error::invalid("framework_id", "invalid", "Choose one of the trust's frameworks"));
    for (auto urn : values->school_urns)
        if (!s.schools.find(SchoolUrn{urn}))
            return std::unexpected(Error::invalid("school_urns", "unknown_school",
                                                  "No school has the URN " + std::to_string(urn)));
    return store_of(s).create_cluster(*values);
}

std::vector<School> cluster_school_choices(Services& s) {
    std::vector<School> out;
    for (auto relationship : {SchoolRelationship::trust, SchoolRelationship::partner}) {
        auto page = s.schools.list({.relationship = relationship, .limit = 500});
        out.insert(out.end(), page.items.begin(), page.items.end());
    }
    std::ranges::sort(out, {}, &School::name);
    return out;
}

Result<std::vector<ClusterRecord>> list_clusters(Services& s, const Actor& actor) {
    const auto role = taking_part(actor);
    if (!role) return std::unexpected(role.error());
    if (*role == PeerReviewRole::trust_lead) return store_of(s).clusters(std::nullopt);
    if (!actor.school_urn) return std::vector<ClusterRecord>{};
    return store_of(s).clusters(actor.school_urn->value);
}

Result<ClusterRecord> get_cluster(Services& s, const Actor& actor, std::int64_t id) {
    SENDHUB_TRY(taking_part(actor));
    auto cluster = store_of(s).find_cluster(id);
    if (!cluster || !sees_cluster(actor, *cluster)) return std::unexpected(no_cluster());
    return *cluster;
}

Result<PartnershipDay> add_partnership_day(Services& s, const Actor& actor, std::int64_t cluster_id,
                                           std::string_view date, std::string_view notes) {
    auto cluster = get_cluster(s, actor, cluster_id);
    if (!cluster) return std::unexpected(cluster.error());
    SENDHUB_TRY(leads_the_trust(actor));
    auto values = validate_partnership_day(date, notes);
    if (!values) return std::unexpected(values.error());
    return store_of(s).add_partnership_day(cluster_id, *values);
}

std::vector<ClusterSchool> reality_goals_schools(const Actor& actor, const ClusterRecord& cluster) {
    std::vector<ClusterSchool> out;
    for (const auto& m : cluster.schools)
        if (peer_review_role(actor.role) == PeerReviewRole::trust_lead ||
            leads_school(actor, m.urn))
            out.push_back(m);
    return out;
}

Result<SavedRealityGoals> save_reality_goals(Services& s, const Actor& actor,
                                             std::int64_t cluster_id,
                                             const RealityGoalsInput& input) {
    auto cluster = get_cluster(s, actor, cluster_id);
    if (!cluster) return std::unexpected(cluster.error());
    auto values = validate_reality_goals(input);
    if (!values) return std::unexpected(values.error());
    if (!cluster->has_member(values->school_urn))
        return std::unexpected(Error::invalid("school_urn", "not_member",
                                              "The school is not a member of this cluster"));
    if (peer_review_role(actor.role) != PeerReviewRole::trust_lead &&
        !leads_school(actor, values->school_urn))
        return std::unexpected(Error::not_found("No such school in this cluster."));
    auto [record, created] = store_of(s).save_reality_goals(cluster_id, *values, actor.name);
    return SavedRealityGoals{std::move(record), created};
}

Result<ClusterThemes> cluster_themes(Services& s, const Actor& actor, std::int64_t cluster_id) {
    auto cluster = get_cluster(s, actor, cluster_id);
    if (!cluster) return std::unexpected(cluster.error());
    auto framework = FrameworkStore(*s.database).find(cluster->framework_id);
    std::vector<ThemeArea> areas;
    if (framework)
        for (const auto& a : framework->areas) {
            ThemeArea area{a.id, a.title, {}};
            for (const auto& st : a.statements) area.statement_ids.push_back(st.id);
            areas.push_back(std::move(area));
        }
    ClusterThemes out{cluster_id, 0, {}};
    std::vector<ThemeFinding> findings;
    for (const auto& review : store_of(s).reviews(cluster_id)) {
        if (review.status != ReviewStatus::published) continue;
        ++out.published_reviews;
        std::map<std::int64_t, std::int64_t> statement_of_line;
        for (const auto& line : review.lines) statement_of_line[line.id] = line.statement_id;
        for (const auto& f : review.findings)
            findings.push_back({statement_of_line[f.line_id], f.kind});
    }
    out.areas = count_themes(areas, findings);
    return out;
}

std::vector<ClusterSchool> review_hosts(const Actor& actor, const ClusterRecord& cluster) {
    return reality_goals_schools(actor, cluster);
}

std::vector<SchoolLead> cluster_leads(Services& s, const ClusterRecord& cluster) {
    std::vector<std::int64_t> urns;
    urns.reserve(cluster.schools.size());
    for (const auto& m : cluster.schools) urns.push_back(m.urn);
    return store_of(s).school_leads(urns);
}

Result<ReviewView> create_review(Services& s, const Actor& actor, const ReviewInput& input) {
    SENDHUB_TRY(taking_part(actor));
    Validator v;
    const auto cluster_id = optional_id(input.cluster_id);
    auto cluster = cluster_id ? store_of(s).find_cluster(*cluster_id) : std::nullopt;
    if (!cluster || !sees_cluster(actor, *cluster)) {
        v.fail("cluster_id", "invalid", "Choose one of your clusters");
        cluster.reset();
    }
    const auto host = optional_id(input.host_urn);
    if (!host)
        v.fail("host_urn", "required", "Choose the school that hosts the review");
    else if (cluster && !cluster->has_member(*host))
        v.fail("host_urn", "not_member", "The host school is not a member of this cluster");
    std::optional<Date> date;
    if (trim(input.date).empty())
        v.fail("date", "required", date_problem(input.date, "the date of the review"));
    else if (date = parse_date(trim(input.date)); !date)
        v.fail("date", "invalid", date_problem(input.date, "the date of the review"));
    if (!v.ok()) return std::unexpected(std::move(v).error());
    if (peer_review_role(actor.role) != PeerReviewRole::trust_lead && !leads_school(actor, *host))
        return std::unexpected(Error::forbidden(
            "Only the host school's SENCO or headteacher can arrange its review."));
    auto reviewers = checked_reviewers(s, *cluster, *host, input.reviewer_ids);
    if (!reviewers) return std::unexpected(reviewers.error());
    std::string host_name;
    for (const auto& m : cluster->schools)
        if (m.urn == *host) host_name = m.name;
    auto review = store_of(s).create_review(cluster->id, *host, *date, *reviewers,
                                            reviewer_email(*cluster, host_name, *date));
    return view_of(s, actor, std::move(review));
}

Result<std::vector<ReviewView>> list_reviews(Services& s, const Actor& actor,
                                             std::string_view cluster_id) {
    SENDHUB_TRY(taking_part(actor));
    std::optional<std::int64_t> filter;
    if (!trim(cluster_id).empty()) {
        filter = optional_id(cluster_id);
        if (!filter)
            return std::unexpected(Error::invalid("cluster_id", "invalid", "Enter a cluster id"));
    }
    // Each cluster is read once for all its reviews, not once per review.
    std::map<std::int64_t, std::optional<ClusterRecord>> clusters;
    std::vector<ReviewView> out;
    for (auto& review : store_of(s).reviews(filter)) {
        auto [it, fresh] = clusters.try_emplace(review.cluster_id);
        if (fresh) it->second = store_of(s).find_cluster(review.cluster_id);
        if (!it->second) continue;
        if (auto view = view_of(s, actor, std::move(review), *it->second))
            out.push_back(std::move(*view));
    }
    return out;
}

Result<ReviewView> get_review(Services& s, const Actor& actor, std::int64_t id) {
    return review_for(s, actor, id, &ReviewRights::see);
}

Result<EnquiryLine> add_enquiry_line(Services& s, const Actor& actor, std::int64_t review_id,
                                     std::string_view statement_id, std::string_view question) {
    auto view = review_for(s, actor, review_id, &ReviewRights::add_lines);
    if (!view) return std::unexpected(view.error());
    std::set<std::int64_t> statements;
    for (const auto& st : view->framework.statements()) statements.insert(st.id);
    auto values = validate_enquiry_line(statement_id, question, statements);
    if (!values) return std::unexpected(values.error());
    return store_of(s).add_line(review_id, values->statement_id, values->question, actor.name);
}

Result<Finding> add_finding(Services& s, const Actor& actor, std::int64_t review_id,
                            const FindingInput& input) {
    auto view = review_for(s, actor, review_id, &ReviewRights::add_findings);
    if (!view) return std::unexpected(view.error());
    auto values = validate_finding(input.line_id, input.kind, input.text, input.evidence);
    if (!values) return std::unexpected(values.error());
    return store_of(s).add_finding(review_id, *values, actor.name);
}

Result<ReviewView> publish_review(Services& s, const Actor& actor, std::int64_t review_id) {
    auto view = review_for(s, actor, review_id, &ReviewRights::publish);
    if (!view) return std::unexpected(view.error());
    SENDHUB_TRY(store_of(s).publish(review_id));
    return get_review(s, actor, review_id);
}

Result<ReviewAction> add_review_action(Services& s, const Actor& actor, std::int64_t review_id,
                                       const ActionInput& input) {
    auto view = review_for(s, actor, review_id, &ReviewRights::manage_actions);
    if (!view) return std::unexpected(view.error());
    auto values = validate_action(input);
    if (!values) return std::unexpected(values.error());
    return store_of(s).add_action(review_id, *values);
}

Result<ReviewAction> add_follow_up(Services& s, const Actor& actor, std::int64_t review_id,
                                   std::int64_t action_id, std::string_view note,
                                   std::string_view status) {
    auto view = review_for(s, actor, review_id, &ReviewRights::manage_actions);
    if (!view) return std::unexpected(view.error());
    auto values = validate_follow_up(note, status);
    if (!values) return std::unexpected(values.error());
    return store_of(s).add_follow_up(review_id, action_id, *values, s.clock().today(), actor.name);
}

}  // namespace sendhub
