#pragma once
// Peer review clusters and their reviews: members, Partnership Days, Reality & Goals,
// reviewers, lines of enquiry, findings, and improvement actions with their follow-ups.
#include <optional>
#include <string>
#include <vector>

#include "core/dates.hpp"
#include "core/error.hpp"
#include "core/peer_review.hpp"
#include "store/database.hpp"

namespace sendhub {

struct ClusterSchool {
    std::int64_t urn = 0;
    std::string name;
};
struct PartnershipDay {
    std::int64_t id = 0;
    Date date;
    std::string notes;
};
struct RealityGoals {
    std::int64_t school_urn = 0;
    std::string year;
    std::string current_reality;
    std::string goals;
};
struct ClusterRecord {
    std::int64_t id = 0;
    std::string name;
    ClusterPhase phase = ClusterPhase::primary;
    std::int64_t framework_id = 0;
    std::vector<ClusterSchool> schools;            // in the order they were named
    std::vector<PartnershipDay> partnership_days;  // oldest first
    std::vector<RealityGoals> reality_goals;       // by year, then school
    [[nodiscard]] bool has_member(std::int64_t urn) const;
};

struct Reviewer {
    std::int64_t id = 0;
    std::string name;
    std::optional<std::int64_t> school_urn;
};
struct EnquiryLine {
    std::int64_t id = 0;
    std::int64_t statement_id = 0;
    std::string question;
};
struct Finding {
    std::int64_t id = 0;
    std::int64_t line_id = 0;
    FindingKind kind = FindingKind::strength;
    std::string text;
    std::string evidence;
};
struct FollowUp {
    Date date;
    std::string note;
    ActionStatus status = ActionStatus::open;
};
struct ReviewAction {
    std::int64_t id = 0;
    std::string text;
    std::string owner;
    Date due_date;
    std::string impact_measure;
    std::optional<std::int64_t> finding_id;
    ActionStatus status = ActionStatus::open;
    std::vector<FollowUp> follow_ups;  // oldest first
};
struct ReviewRecord {
    std::int64_t id = 0;
    std::int64_t cluster_id = 0;
    std::int64_t host_urn = 0;
    std::string host_name;
    Date date;
    ReviewStatus status = ReviewStatus::draft;
    std::vector<Reviewer> reviewers;
    std::vector<EnquiryLine> lines;
    std::vector<Finding> findings;
    std::vector<ReviewAction> actions;
    [[nodiscard]] bool has_reviewer(std::int64_t user_id) const;
};

//! A SENCO or headteacher who could review: an active lead of a school.
struct SchoolLead {
    std::int64_t user_id = 0;
    std::string name;
    std::int64_t school_urn = 0;
};

//! The email each reviewer is sent; the store adds the link to the review.
struct ReviewerEmail {
    std::string subject;
    std::string body;
};

class PeerReviewStore {
  public:
    explicit PeerReviewStore(Database& db) : db_(db) {}

    ClusterRecord create_cluster(const ClusterValues& values);
    //! Every cluster, or those the school is a member of; by name.
    [[nodiscard]] std::vector<ClusterRecord> clusters(std::optional<std::int64_t> school_urn);
    [[nodiscard]] std::optional<ClusterRecord> find_cluster(std::int64_t id);
    PartnershipDay add_partnership_day(std::int64_t cluster_id, const PartnershipDayValues& day);
    //! Adds or replaces the school's Reality & Goals for the year; whether it is new.
    std::pair<RealityGoals, bool> save_reality_goals(std::int64_t cluster_id,
                                                     const RealityGoalsValues& values,
                                                     const std::string& by);

    //! Active SENCOs and headteachers of the schools, by school then name.
    [[nodiscard]] std::vector<SchoolLead> school_leads(const std::vector<std::int64_t>& urns);

    //! Creates a draft review and queues the email to each reviewer with it.
    ReviewRecord create_review(std::int64_t cluster_id, std::int64_t host_urn, Date date,
                               const std::vector<std::int64_t>& reviewer_ids,
                               const ReviewerEmail& email);
    //! Every review, or the cluster's; by date, newest first.
    [[nodiscard]] std::vector<ReviewRecord> reviews(std::optional<std::int64_t> cluster_id);
    [[nodiscard]] std::optional<ReviewRecord> find_review(std::int64_t id);

    //! A published review takes no more lines or findings (409 review_published).
    [[nodiscard]] Result<EnquiryLine> add_line(std::int64_t review_id, std::int64_t statement_id,
                                               const std::string& question, const std::string& by);
    //! The line must be this review's (422 invalid, line_id).
    [[nodiscard]] Result<Finding> add_finding(std::int64_t review_id, const FindingValues& values,
                                              const std::string& by);
    //! Publishing again is 409 already_published.
    [[nodiscard]] Result<void> publish(std::int64_t review_id);
    //! A finding named must be this review's (422 invalid, finding_id).
    [[nodiscard]] Result<ReviewAction> add_action(std::int64_t review_id,
                                                  const ActionValues& values);
    //! Sets the action's status and appends the follow-up dated `today`; an action of another
    //! review is not found.
    [[nodiscard]] Result<ReviewAction> add_follow_up(std::int64_t review_id, std::int64_t action_id,
                                                     const FollowUpValues& values, Date today,
                                                     const std::string& by);

  private:
    Database& db_;
};

}  // namespace sendhub
