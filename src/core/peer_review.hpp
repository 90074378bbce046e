#pragma once
// Peer review clusters (api-contract-peer-review.md): schools of one phase review each other
// against a self-evaluation framework. The rules of who may take part, who sees a review in
// each state, what a review's findings add up to, and what a valid input is. Pure C++, no I/O.
#include <cstdint>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <vector>

#include "core/dates.hpp"
#include "core/error.hpp"
#include "core/role.hpp"
#include "core/vocabulary.hpp"

namespace sendhub {

enum class ClusterPhase { primary, secondary, cross_phase };
[[nodiscard]] std::span<const Term<ClusterPhase>> cluster_phase_terms();

//! The trust's leads (administrators, coordinators, the partnerships lead) run clusters; a
//! school's leads (its SENCO and headteacher) take part for their school; nobody else does.
enum class PeerReviewRole { none, trust_lead, school_lead };
[[nodiscard]] PeerReviewRole peer_review_role(Role role);

struct ClusterInput {
    std::string name;
    std::string phase;
    std::string framework_id;
    std::vector<std::string> school_urns;
};
struct ClusterValues {
    std::string name;
    ClusterPhase phase = ClusterPhase::primary;
    std::int64_t framework_id = 0;
    std::vector<std::int64_t> school_urns;  // distinct, in the order given
};
//! Every problem at once: `name` required, `phase` and `framework_id` invalid, two or more
//! distinct schools (`members_count`, `school_urns`). Whether they exist is the caller's.
[[nodiscard]] Result<ClusterValues> validate_cluster(const ClusterInput& input);

struct PartnershipDayValues {
    Date date;
    std::string notes;
};
[[nodiscard]] Result<PartnershipDayValues> validate_partnership_day(std::string_view date,
                                                                    std::string_view notes);

struct RealityGoalsInput {
    std::string school_urn;
    std::string year;
    std::string current_reality;
    std::string goals;
};
struct RealityGoalsValues {
    std::int64_t school_urn = 0;
    std::string year;  // "2026-27"
    std::string current_reality;
    std::string goals;
};
[[nodiscard]] Result<RealityGoalsValues> validate_reality_goals(const RealityGoalsInput& input);

//! Someone proposed as a reviewer, as the accounts know them.
struct ReviewerCandidate {
    Role role = Role::senco;
    std::optional<std::int64_t> school_urn;
    bool active = true;
};
//! Why the candidate may not review the host ("" when they may): a reviewer is the SENCO
//! or headteacher of another member school. `reviewer_from_host` for the host's own staff,
//! `reviewer_not_in_cluster` for anyone else who is not such a lead.
[[nodiscard]] std::string_view reviewer_problem(const ReviewerCandidate& candidate,
                                                std::int64_t host_urn,
                                                const std::set<std::int64_t>& members);

enum class ReviewStatus { draft, published };
[[nodiscard]] std::span<const Term<ReviewStatus>> review_status_terms();

//! Where a person stands towards one review.
struct ReviewViewer {
    PeerReviewRole role = PeerReviewRole::none;
    bool leads_host = false;    // a lead of the host school
    bool is_reviewer = false;   // one of the review's reviewers
    bool leads_member = false;  // a lead of any member school of the cluster
};
//! What a person may do with a review; `see` false means they must not learn it exists.
struct ReviewRights {
    bool see = false;
    bool add_lines = false;       // host's leads, reviewers, trust leads
    bool add_findings = false;    // reviewers
    bool publish = false;         // host's leads
    bool manage_actions = false;  // host's leads, trust leads
};
//! While a draft only the host's leads, its reviewers and trust leads see it; once published
//! every member school's leads do too.
[[nodiscard]] ReviewRights review_rights(const ReviewViewer& viewer, ReviewStatus status);

struct EnquiryLineValues {
    std::int64_t statement_id = 0;
    std::string question;
};
//! A line of enquiry asks a question about one statement of the cluster's framework
//! (`invalid`, statement_id); the question is required.
[[nodiscard]] Result<EnquiryLineValues> validate_enquiry_line(
    std::string_view statement_id, std::string_view question,
    const std::set<std::int64_t>& framework_statements);

enum class FindingKind { strength, area_for_development };
[[nodiscard]] std::span<const Term<FindingKind>> finding_kind_terms();

struct FindingValues {
    std::int64_t line_id = 0;
    FindingKind kind = FindingKind::strength;
    std::string text;
    std::string evidence;
};
[[nodiscard]] Result<FindingValues> validate_finding(std::string_view line_id,
                                                     std::string_view kind, std::string_view text,
                                                     std::string_view evidence);

struct ActionInput {
    std::string text;
    std::string owner;
    std::string due_date;
    std::string impact_measure;
    std::string finding_id;  // "" for none
};
struct ActionValues {
    std::string text;
    std::string owner;
    Date due_date;
    std::string impact_measure;
    std::optional<std::int64_t> finding_id;
};
[[nodiscard]] Result<ActionValues> validate_action(const ActionInput& input);

enum class ActionStatus { open, done };
[[nodiscard]] std::span<const Term<ActionStatus>> action_status_terms();
struct FollowUpValues {
    std::string note;
    ActionStatus status = ActionStatus::open;
};
[[nodiscard]] Result<FollowUpValues> validate_follow_up(std::string_view note,
                                                        std::string_view status);

//! A framework area and the statements in it, for counting themes.
struct ThemeArea {
    std::int64_t area_id = 0;
    std::string title;
    std::vector<std::int64_t> statement_ids;
};
struct ThemeFinding {
    std::int64_t statement_id = 0;
    FindingKind kind = FindingKind::strength;
};
struct ThemeCount {
    std::int64_t area_id = 0;
    std::string title;
    int areas_for_development = 0;
    int strengths = 0;
};
//! Findings counted by the area of their line's statement: every area listed, most areas for
//! development first, then the framework's order.
[[nodiscard]] std::vector<ThemeCount> count_themes(const std::vector<ThemeArea>& areas,
                                                   const std::vector<ThemeFinding>& findings);

}  // namespace sendhub
