#pragma once
// Peer review clusters (api-contract-peer-review.md). The trust's leads run clusters; a
// member school's SENCO and headteacher take part. Who sees and does what with a review is
// core's review_rights, applied here: a review someone may not see is "not found", one they
// see but may not act on is "forbidden".
#include <optional>
#include <string>
#include <vector>

#include "core/policy.hpp"
#include "service/services.hpp"
#include "store/framework_store.hpp"
#include "store/peer_review_store.hpp"

namespace sendhub {

[[nodiscard]] Result<ClusterRecord> create_cluster(Services& s, const Actor& actor,
                                                   const ClusterInput& input);
//! The schools a cluster may be formed from: the trust's academies and its partners, by name.
[[nodiscard]] std::vector<School> cluster_school_choices(Services& s);
[[nodiscard]] Result<std::vector<ClusterRecord>> list_clusters(Services& s, const Actor& actor);
[[nodiscard]] Result<ClusterRecord> get_cluster(Services& s, const Actor& actor, std::int64_t id);
[[nodiscard]] Result<PartnershipDay> add_partnership_day(Services& s, const Actor& actor,
                                                         std::int64_t cluster_id,
                                                         std::string_view date,
                                                         std::string_view notes);
struct SavedRealityGoals {
    RealityGoals record;
    bool created = false;
};
[[nodiscard]] Result<SavedRealityGoals> save_reality_goals(Services& s, const Actor& actor,
                                                           std::int64_t cluster_id,
                                                           const RealityGoalsInput& input);
//! The schools whose Reality & Goals the actor may write in the cluster.
[[nodiscard]] std::vector<ClusterSchool> reality_goals_schools(const Actor& actor,
                                                               const ClusterRecord& cluster);

struct ClusterThemes {
    std::int64_t cluster_id = 0;
    int published_reviews = 0;
    std::vector<ThemeCount> areas;
};
[[nodiscard]] Result<ClusterThemes> cluster_themes(Services& s, const Actor& actor,
                                                   std::int64_t cluster_id);

struct ReviewInput {
    std::string cluster_id;
    std::string host_urn;
    std::string date;
    std::vector<std::string> reviewer_ids;
};
//! A review with what its page and JSON show beside it.
struct ReviewView {
    ReviewRecord review;
    ClusterRecord cluster;
    Framework framework;
    //! The host's self-evaluation for the framework with the latest period, if any.
    std::optional<SelfEvaluationRecord> host_self_evaluation;
    ReviewRights rights;
};
[[nodiscard]] Result<ReviewView> create_review(Services& s, const Actor& actor,
                                               const ReviewInput& input);
//! The reviews the actor may see; `cluster_id` as typed ("" for every cluster).
[[nodiscard]] Result<std::vector<ReviewView>> list_reviews(Services& s, const Actor& actor,
                                                           std::string_view cluster_id);
[[nodiscard]] Result<ReviewView> get_review(Services& s, const Actor& actor, std::int64_t id);
//! The hosts the actor may arrange a review for in the cluster (their own school, or any
//! member for the trust's leads).
[[nodiscard]] std::vector<ClusterSchool> review_hosts(const Actor& actor,
                                                      const ClusterRecord& cluster);
//! The SENCOs and headteachers of member schools, each of whom may review any other member.
[[nodiscard]] std::vector<SchoolLead> cluster_leads(Services& s, const ClusterRecord& cluster);

[[nodiscard]] Result<EnquiryLine> add_enquiry_line(Services& s, const Actor& actor,
                                                   std::int64_t review_id,
                                                   std::string_view statement_id,
                                                   std::string_view question);
struct FindingInput {
    std::string line_id;
    std::string kind;
    std::string text;
    std::string evidence;
};
[[nodiscard]] Result<Finding> add_finding(Services& s, const Actor& actor, std::int64_t review_id,
                                          const FindingInput& input);
[[nodiscard]] Result<ReviewView> publish_review(Services& s, const Actor& actor,
                                                std::int64_t review_id);
[[nodiscard]] Result<ReviewAction> add_review_action(Services& s, const Actor& actor,
                                                     std::int64_t review_id,
                                                     const ActionInput& input);
[[nodiscard]] Result<ReviewAction> add_follow_up(Services& s, const Actor& actor,
                                                 std::int64_t review_id, std::int64_t action_id,
                                                 std::string_view note, std::string_view status);

}  // namespace sendhub
