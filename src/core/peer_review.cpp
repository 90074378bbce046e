#include "core/peer_review.hpp"

#include <algorithm>
#include <map>

#include "core/school_returns.hpp"
#include "core/text.hpp"

namespace sendhub {
namespace {

constexpr std::size_t kNameMax = 120;
constexpr std::size_t kTextMax = 4000;

constexpr Term<ClusterPhase> kPhases[] = {
    {ClusterPhase::primary, "primary", "Primary"},
    {ClusterPhase::secondary, "secondary", "Secondary"},
    {ClusterPhase::cross_phase, "cross_phase", "Cross-phase"},
};
constexpr Term<ReviewStatus> kStatuses[] = {
    {ReviewStatus::draft, "draft", "Draft"},
    {ReviewStatus::published, "published", "Published to the cluster"},
};
constexpr Term<FindingKind> kKinds[] = {
    {FindingKind::strength, "strength", "Strength"},
    {FindingKind::area_for_development, "area_for_development", "Area for development"},
};
constexpr Term<ActionStatus> kActionStatuses[] = {
    {ActionStatus::open, "open", "Open"},
    {ActionStatus::done, "done", "Done"},
};

std::optional<std::int64_t> positive_id(std::string_view text) {
    auto id = parse_int(trim(text));
    if (!id || *id <= 0) return std::nullopt;
    return *id;
}

//! A date that must be given: blank is `required`, anything but a real date `invalid`.
std::optional<Date> required_date(Validator& v, const std::string& field, std::string_view typed,
                                  std::string_view what) {
    if (trim(typed).empty()) {
        v.fail(field, "required", date_problem(typed, what));
        return std::nullopt;
    }
    auto date = parse_date(trim(typed));
    if (!date) v.fail(field, "invalid", date_problem(typed, what));
    return date;
}

}  // namespace

std::span<const Term<ClusterPhase>> cluster_phase_terms() {
    return kPhases;
}
std::span<const Term<ReviewStatus>> review_status_terms() {
    return kStatuses;
}
std::span<const Term<FindingKind>> finding_kind_terms() {
    return kKinds;
}
std::span<const Term<ActionStatus>> action_status_terms() {
    return kActionStatuses;
}

PeerReviewRole peer_review_role(Role role) {
    switch (role) {
        case Role::admin:
        case Role::coordinator:
        case Role::partnerships:
            return PeerReviewRole::trust_lead;
        case Role::senco:
        case Role::headteacher:
            return PeerReviewRole::school_lead;
        case Role::practitioner:
        case Role::finance:
        case Role::school_staff:
            break;
    }
    return PeerReviewRole::none;
}

Result<ClusterValues> validate_cluster(const ClusterInput& input) {
    Validator v;
    ClusterValues out;
    out.name =
        v.required_text("name", input.name, "Enter the cluster's name", "The name", kNameMax);
    if (auto phase = parse_term(cluster_phase_terms(), trim(input.phase)))
        out.phase = *phase;
    else
        v.fail("phase", "invalid", "Choose primary, secondary or cross-phase");
    if (auto id = positive_id(input.framework_id))
        out.framework_id = *id;
    else
        v.fail("framework_id", "invalid", "Choose the framework the cluster reviews against");
    bool all_urns = true;
    for (const auto& typed : input.school_urns) {
        auto urn = positive_id(typed);
        if (!urn) {
            all_urns = false;
            continue;
        }
        if (std::ranges::find(out.school_urns, *urn) == out.school_urns.end())
            out.school_urns.push_back(*urn);
    }
    if (!all_urns)
        v.fail("school_urns", "unknown_school", "Each school must be a URN");
    else if (out.school_urns.size() < 2)
        v.fail("school_urns", "members_count", "Choose two or more schools");
    if (!v.ok()) return std::unexpected(std::move(v).error());
    return out;
}

Result<PartnershipDayValues> validate_partnership_day(std::string_view date,
                                                      std::string_view notes) {
    Validator v;
    PartnershipDayValues out;
    auto day = required_date(v, "date", date, "the date of the Partnership Day");
    out.notes = v.required_text("notes", notes, "Enter what the schools explored and agreed",
                                "The notes", kTextMax);
    if (!v.ok()) return std::unexpected(std::move(v).error());
    out.date = *day;
    return out;
}

Result<RealityGoalsValues> validate_reality_goals(const RealityGoalsInput& input) {
    Validator v;
    RealityGoalsValues out;
    if (auto urn = positive_id(input.school_urn))
        out.school_urn = *urn;
    else
        v.fail("school_urn", "required", "Choose the school");
    if (auto year = parse_school_year(input.year))
        out.year = *year;
    else
        v.fail("year", "invalid", "Enter the school year like 2026-27");
    out.current_reality =
        v.required_text("current_reality", input.current_reality,
                        "Enter the school's current reality", "The current reality", kTextMax);
    out.goals = v.required_text("goals", input.goals, "Enter the school's goals for the year",
                                "The goals", kTextMax);
    if (!v.ok()) return std::unexpected(std::move(v).error());
    return out;
}

std::string_view reviewer_problem(const ReviewerCandidate& candidate, std::int64_t host_urn,
                                  const std::set<std::int64_t>& members) {
    if (candidate.school_urn == host_urn) return "reviewer_from_host";
    const bool leads_a_school = peer_review_role(candidate.role) == PeerReviewRole::school_lead;
    if (!candidate.active || !leads_a_school || !candidate.school_urn ||
        !members.contains(*candidate.school_urn))
        return "reviewer_not_in_cluster";
    return "";
}

ReviewRights review_rights(const ReviewViewer& viewer, ReviewStatus status) {
    ReviewRights r;
    const bool trust = viewer.role == PeerReviewRole::trust_lead;
    const bool host = viewer.role == PeerReviewRole::school_lead && viewer.leads_host;
    const bool reviewer = viewer.role == PeerReviewRole::school_lead && viewer.is_reviewer;
    const bool member = viewer.role == PeerReviewRole::school_lead && viewer.leads_member;
    r.see = trust || host || reviewer || (status == ReviewStatus::published && member);
    if (!r.see) return r;
    r.add_lines = trust || host || reviewer;
    r.add_findings = reviewer;
    r.publish = host;
    r.manage_actions = trust || host;
    return r;
}

Result<EnquiryLineValues> validate_enquiry_line(
    std::string_view statement_id, std::string_view question,
    const std::set<std::int64_t>& framework_statements) {
    Validator v;
    EnquiryLineValues out;
    auto id = positive_id(statement_id);
    if (id && framework_statements.contains(*id))
        out.statement_id = *id;
    else
        v.fail("statement_id", "invalid", "Choose a statement of the cluster's framework");
    out.question = v.required_text("question", question, "Enter the question to explore",
                                   "The question", kTextMax);
    if (!v.ok()) return std::unexpected(std::move(v).error());
    return out;
}

Result<FindingValues> validate_finding(std::string_view line_id, std::string_view kind,
                                       std::string_view text, std::string_view evidence) {
    Validator v;
    FindingValues out;
    if (auto id = positive_id(line_id))
        out.line_id = *id;
    else
        v.fail("line_id", "invalid", "Choose the line of enquiry the finding answers");
    if (auto k = parse_term(finding_kind_terms(), trim(kind)))
        out.kind = *k;
    else
        v.fail("kind", "invalid", "Choose strength or area for development");
    out.text = v.required_text("text", text, "Enter the finding", "The finding", kTextMax);
    out.evidence = trim(evidence);
    if (out.evidence.size() > kTextMax)
        v.fail("evidence", "too_long", "The evidence must be 4000 characters or fewer");
    if (!v.ok()) return std::unexpected(std::move(v).error());
    return out;
}

Result<ActionValues> validate_action(const ActionInput& input) {
    Validator v;
    ActionValues out;
    out.text = v.required_text("text", input.text, "Enter the action", "The action", kTextMax);
    out.owner =
        v.required_text("owner", input.owner, "Enter who owns the action", "The owner", kNameMax);
    auto due = required_date(v, "due_date", input.due_date, "the date it is due");
    out.impact_measure = v.required_text("impact_measure", input.impact_measure,
                                         "Enter how the school will know it has made a difference",
                                         "The impact measure", kTextMax);
    if (!trim(input.finding_id).empty()) {
        out.finding_id = positive_id(input.finding_id);
        if (!out.finding_id) v.fail("finding_id", "invalid", "Choose a finding of this review");
    }
    if (!v.ok()) return std::unexpected(std::move(v).error());
    out.due_date = *due;
    return out;
}

Result<FollowUpValues> validate_follow_up(std::string_view note, std::string_view status) {
    Validator v;
    FollowUpValues out;
    out.note = v.required_text("note", note, "Enter what has happened since", "The note", kTextMax);
    if (auto s = parse_term(action_status_terms(), trim(status)))
        out.status = *s;
    else
        v.fail("status", "invalid", "Choose whether the action is still open or done");
    if (!v.ok()) return std::unexpected(std::move(v).error());
    return out;
}

std::vector<ThemeCount> count_themes(const std::vector<ThemeArea>& areas,
                                     const std::vector<ThemeFinding>& findings) {
    std::vector<ThemeCount> out;
    std::map<std::int64_t, std::size_t> area_of_statement;
    for (const auto& a : areas) {
        for (auto id : a.statement_ids) area_of_statement[id] = out.size();
        out.push_back({a.area_id, a.title, 0, 0});
    }
    for (const auto& f : findings) {
        auto it = area_of_statement.find(f.statement_id);
        if (it == area_of_statement.end()) continue;
        auto& count = out[it->second];
        (f.kind == FindingKind::area_for_development ? count.areas_for_development
                                                     : count.strengths)++;
    }
    std::ranges::stable_sort(out, std::ranges::greater{}, &ThemeCount::areas_for_development);
    return out;
}

}  // namespace sendhub
