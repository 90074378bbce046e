#include "store/peer_review_store.hpp"

#include <algorithm>

#include "store/outbox_store.hpp"

namespace sendhub {
namespace {

Date stored_date(const std::string& text) {
    return parse_date(text).value_or(Date{});
}

template <class Enum>
Enum stored_term(std::span<const Term<Enum>> terms, const std::string& code, Enum fallback) {
    return parse_term(terms, code).value_or(fallback);
}

std::string code_of(ClusterPhase p) {
    return std::string(term_of(cluster_phase_terms(), p).code);
}
std::string code_of(FindingKind k) {
    return std::string(term_of(finding_kind_terms(), k).code);
}
std::string code_of(ActionStatus s) {
    return std::string(term_of(action_status_terms(), s).code);
}

constexpr std::string_view kClusters =
    "SELECT id, name, phase, framework_id FROM clusters"
    " WHERE (? IS NULL OR id = ?) AND (? IS NULL OR id IN"
    " (SELECT cluster_id FROM cluster_schools WHERE school_urn = ?)) ORDER BY name, id";

std::vector<ClusterRecord> clusters_in(SqlConnection& c, std::optional<std::int64_t> id,
                                       std::optional<std::int64_t> school_urn) {
    std::vector<ClusterRecord> out;
    for (const auto& r : c.query_with(kClusters, id, id, school_urn, school_urn)) {
        ClusterRecord k;
        k.id = r.integer(0);
        k.name = r.text(1);
        k.phase = stored_term(cluster_phase_terms(), r.text(2), ClusterPhase::primary);
        k.framework_id = r.integer(3);
        for (const auto& s :
             c.query_with("SELECT m.school_urn, s.name FROM cluster_schools m JOIN schools s"
                          " ON s.urn = m.school_urn WHERE m.cluster_id = ? ORDER BY m.position",
                          k.id))
            k.schools.push_back({s.integer(0), s.text(1)});
        for (const auto& d :
             c.query_with("SELECT id, day, notes FROM partnership_days WHERE cluster_id = ?"
                          " ORDER BY day, id",
                          k.id))
            k.partnership_days.push_back({d.integer(0), stored_date(d.text(1)), d.text(2)});
        for (const auto& g : c.query_with(
                 "SELECT g.school_urn, g.year, g.current_reality, g.goals FROM reality_goals g"
                 " JOIN schools s ON s.urn = g.school_urn WHERE g.cluster_id = ?"
                 " ORDER BY g.year DESC, s.name",
                 k.id))
            k.reality_goals.push_back({g.integer(0), g.text(1), g.text(2), g.text(3)});
        out.push_back(std::move(k));
    }
    return out;
}

std::vector<FollowUp> follow_ups_in(SqlConnection& c, std::int64_t action_id) {
    std::vector<FollowUp> out;
    for (const auto& f : c.query_with(
             "SELECT day, note, status FROM action_follow_ups WHERE action_id = ? ORDER BY id",
             action_id))
        out.push_back({stored_date(f.text(0)), f.text(1),
                       stored_term(action_status_terms(), f.text(2), ActionStatus::open)});
    return out;
}

ReviewAction action_of(SqlConnection& c, const SqlRow& a) {
    ReviewAction out{a.integer(0),
                     a.text(1),
                     a.text(2),
                     stored_date(a.text(3)),
                     a.text(4),
                     a.optional_integer(5),
                     stored_term(action_status_terms(), a.text(6), ActionStatus::open),
                     {}};
    out.follow_ups = follow_ups_in(c, out.id);
    return out;
}

constexpr std::string_view kActions =
    "SELECT id, text, owner, due_date, impact_measure, finding_id, status FROM review_actions"
    " WHERE review_id = ? AND (? IS NULL OR id = ?) ORDER BY due_date, id";

constexpr std::string_view kReviews =
    "SELECT r.id, r.cluster_id, r.host_urn, s.name, r.review_date, r.status FROM peer_reviews r"
    " JOIN schools s ON s.urn = r.host_urn WHERE (? IS NULL OR r.id = ?)"
    " AND (? IS NULL OR r.cluster_id = ?) ORDER BY r.review_date DESC, r.id DESC";

std::vector<ReviewRecord> reviews_in(SqlConnection& c, std::optional<std::int64_t> id,
                                     std::optional<std::int64_t> cluster_id) {
    std::vector<ReviewRecord> out;
    for (const auto& r : c.query_with(kReviews, id, id, cluster_id, cluster_id)) {
        ReviewRecord v;
        v.id = r.integer(0);
        v.cluster_id = r.integer(1);
        v.host_urn = r.integer(2);
        v.host_name = r.text(3);
        v.date = stored_date(r.text(4));
        v.status = stored_term(review_status_terms(), r.text(5), ReviewStatus::draft);
        for (const auto& u :
             c.query_with("SELECT u.id, u.name, u.school_urn FROM peer_reviewers p JOIN users u"
                          " ON u.id = p.user_id WHERE p.review_id = ? ORDER BY u.name, u.id",
                          v.id))
            v.reviewers.push_back({u.integer(0), u.text(1), u.optional_integer(2)});
        for (const auto& l :
             c.query_with("SELECT id, statement_id, question FROM enquiry_lines WHERE review_id = ?"
                          " ORDER BY id",
                          v.id))
            v.lines.push_back({l.integer(0), l.integer(1), l.text(2)});
        for (const auto& f :
             c.query_with("SELECT id, line_id, kind, text, evidence FROM review_findings"
                          " WHERE review_id = ? ORDER BY id",
                          v.id))
            v.findings.push_back(
                {f.integer(0), f.integer(1),
                 stored_term(finding_kind_terms(), f.text(2), FindingKind::strength), f.text(3),
                 f.text(4)});
        for (const auto& a : c.query_with(kActions, v.id, std::optional<std::int64_t>{},
                                          std::optional<std::int64_t>{}))
            v.actions.push_back(action_of(c, a));
        out.push_back(std::move(v));
    }
    return out;
}

//! The one record a keyed read found, if any.
template <class T>
std::optional<T> only(std::vector<T> found) {
    if (found.empty()) return std::nullopt;
    return std::move(found.front());
}

Error review_published() {
    return Error::conflict("review_published",
                           "The review is published, so its lines of enquiry and findings are "
                           "final.");
}

//! The review's status inside a write, so a publish cannot slip between the check and the
//! change; nullopt when there is no such review.
std::optional<ReviewStatus> status_in(SqlConnection& c, std::int64_t review_id) {
    auto row = c.query_one("SELECT status FROM peer_reviews WHERE id = ?", review_id);
    if (!row) return std::nullopt;
    return stored_term(review_status_terms(), row->text(0), ReviewStatus::draft);
}

}  // namespace

bool ClusterRecord::has_member(std::int64_t urn) const {
    return std::ranges::any_of(schools, [&](const ClusterSchool& s) { return s.urn == urn; });
}

bool ReviewRecord::has_reviewer(std::int64_t user_id) const {
    return std::ranges::any_of(reviewers, [&](const Reviewer& r) { return r.id == user_id; });
}

ClusterRecord PeerReviewStore::create_cluster(const ClusterValues& values) {
    return db_.write([&](SqlConnection& c) {
        const auto id =
            c.query_one(
                 "INSERT INTO clusters (name, phase, framework_id, created_at)"
                 " VALUES (?, ?, ?, ?) RETURNING id",
                 values.name, code_of(values.phase), values.framework_id, c.now_seconds())
                ->integer(0);
        std::int64_t position = 0;
        for (auto urn : values.school_urns)
            c.execute_with(
                "INSERT INTO cluster_schools (cluster_id, school_urn, position) VALUES (?, ?, ?)",
                id, urn, position++);
        return clusters_in(c, id, std::nullopt).at(0);
    });
}

std::vector<ClusterRecord> PeerReviewStore::clusters(std::optional<std::int64_t> school_urn) {
    return db_.read([&](SqlConnection& c) { return clusters_in(c, std::nullopt, school_urn); });
}

std::optional<ClusterRecord> PeerReviewStore::find_cluster(std::int64_t id) {
    return db_.read([&](SqlConnection& c) { return only(clusters_in(c, id, std::nullopt)); });
}

PartnershipDay PeerReviewStore::add_partnership_day(std::int64_t cluster_id,
                                                    const PartnershipDayValues& day) {
    return db_.write([&](SqlConnection& c) {
        const auto id = c.query_one(
                             "INSERT INTO partnership_days (cluster_id, day, notes, created_at)"
                             " VALUES (?, ?, ?, ?) RETURNING id",
                             cluster_id, format_date(day.date), day.notes, c.now_seconds())
                            ->integer(0);
        return PartnershipDay{id, day.date, day.notes};
    });
}

std::pair<RealityGoals, bool> PeerReviewStore::save_reality_goals(std::int64_t cluster_id,
                                                                  const RealityGoalsValues& values,
                                                                  const std::string& by) {
    return db_.write([&](SqlConnection& c) {
        const auto changed = c.execute_with(
            "UPDATE reality_goals SET current_reality = ?, goals = ?, updated_by = ?,"
            " updated_at = ? WHERE cluster_id = ? AND school_urn = ? AND year = ?",
            values.current_reality, values.goals, by, c.now_seconds(), cluster_id,
            values.school_urn, values.year);
        if (changed == 0)
            c.execute_with(
                "INSERT INTO reality_goals (cluster_id, school_urn, year, current_reality, goals,"
                " updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                cluster_id, values.school_urn, values.year, values.current_reality, values.goals,
                by, c.now_seconds());
        return std::pair{
            RealityGoals{values.school_urn, values.year, values.current_reality, values.goals},
            changed == 0};
    });
}

std::vector<SchoolLead> PeerReviewStore::school_leads(const std::vector<std::int64_t>& urns) {
    return db_.read([&](SqlConnection& c) {
        std::vector<SchoolLead> out;
        for (auto urn : urns)
            for (const auto& u : c.query_with(
                     "SELECT id, name, school_urn FROM users WHERE school_urn = ? AND active = ?"
                     " AND role IN ('senco', 'headteacher') ORDER BY name, id",
                     urn, true))
                out.push_back({u.integer(0), u.text(1), u.integer(2)});
        return out;
    });
}

ReviewRecord PeerReviewStore::create_review(std::int64_t cluster_id, std::int64_t host_urn,
                                            Date date,
                                            const std::vector<std::int64_t>& reviewer_ids,
                                            const ReviewerEmail& email) {
    return db_.write([&](SqlConnection& c) {
        const auto id = c.query_one(
                             "INSERT INTO peer_reviews (cluster_id, host_urn, review_date, status,"
                             " created_at) VALUES (?, ?, ?, ?, ?) RETURNING id",
                             cluster_id, host_urn, format_date(date),
                             std::string(term_of(review_status_terms(), ReviewStatus::draft).code),
                             c.now_seconds())
                            ->integer(0);
        const std::string link = "/reviews/" + std::to_string(id);
        for (auto user : reviewer_ids) {
            c.execute_with("INSERT INTO peer_reviewers (review_id, user_id) VALUES (?, ?)", id,
                           user);
            if (auto recipient = c.query_one("SELECT id, email FROM users WHERE id = ?", user))
                notify_user(c, *recipient,
                            {"peer_review_invitation", email.subject, email.body, link});
        }
        return reviews_in(c, id, std::nullopt).at(0);
    });
}

std::vector<ReviewRecord> PeerReviewStore::reviews(std::optional<std::int64_t> cluster_id) {
    return db_.read([&](SqlConnection& c) { return reviews_in(c, std::nullopt, cluster_id); });
}

std::optional<ReviewRecord> PeerReviewStore::find_review(std::int64_t id) {
    return db_.read([&](SqlConnection& c) { return only(reviews_in(c, id, std::nullopt)); });
}

Result<EnquiryLine> PeerReviewStore::add_line(std::int64_t review_id, std::int64_t statement_id,
                                              const std::string& question, const std::string& by) {
    return db_.write([&](SqlConnection& c) -> Result<EnquiryLine> {
        const auto status = status_in(c, review_id);
        if (!status) return std::unexpected(Error::not_found("No such review."));
        if (*status == ReviewStatus::published) return std::unexpected(review_published());
        const auto id = c.query_one(
                             "INSERT INTO enquiry_lines (review_id, statement_id, question,"
                             " created_by, created_at) VALUES (?, ?, ?, ?, ?) RETURNING id",
                             review_id, statement_id, question, by, c.now_seconds())
                            ->integer(0);
        return EnquiryLine{id, statement_id, question};
    });
}

Result<Finding> PeerReviewStore::add_finding(std::int64_t review_id, const FindingValues& values,
                                             const std::string& by) {
    return db_.write([&](SqlConnection& c) -> Result<Finding> {
        const auto status = status_in(c, review_id);
        if (!status) return std::unexpected(Error::not_found("No such review."));
        if (*status == ReviewStatus::published) return std::unexpected(review_published());
        if (!c.query_one("SELECT id FROM enquiry_lines WHERE id = ? AND review_id = ?",
                         values.line_id, review_id))
            return std::unexpected(
                Error::invalid("line_id", "invalid", "Choose a line of enquiry of this review"));
        const auto id = c.query_one(
                             "INSERT INTO review_findings (review_id, line_id, kind, text,"
                             " evidence, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
                             " RETURNING id",
                             review_id, values.line_id, code_of(values.kind), values.text,
                             values.evidence, by, c.now_seconds())
                            ->integer(0);
        return Finding{id, values.line_id, values.kind, values.text, values.evidence};
    });
}

Result<void> PeerReviewStore::publish(std::int64_t review_id) {
    return db_.write([&](SqlConnection& c) -> Result<void> {
        const auto changed = c.execute_with(
            "UPDATE peer_reviews SET status = ?, published_at = ? WHERE id = ? AND status = ?",
            std::string(term_of(review_status_terms(), ReviewStatus::published).code),
            c.now_seconds(), review_id,
            std::string(term_of(review_status_terms(), ReviewStatus::draft).code));
        if (changed == 1) return {};
        if (!status_in(c, review_id)) return std::unexpected(Error::not_found("No such review."));
        return std::unexpected(
            Error::conflict("already_published", "The review is already published."));
    });
}

Result<ReviewAction> PeerReviewStore::add_action(std::int64_t review_id,
                                                 const ActionValues& values) {
    return db_.write([&](SqlConnection& c) -> Result<ReviewAction> {
        if (values.finding_id &&
            !c.query_one("SELECT id FROM review_findings WHERE id = ? AND review_id = ?",
                         *values.finding_id, review_id))
            return std::unexpected(
                Error::invalid("finding_id", "invalid", "Choose a finding of this review"));
        const auto id =
            c.query_one(
                 "INSERT INTO review_actions (review_id, text, owner, due_date, impact_measure,"
                 " finding_id, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                 review_id, values.text, values.owner, format_date(values.due_date),
                 values.impact_measure, values.finding_id, code_of(ActionStatus::open),
                 c.now_seconds())
                ->integer(0);
        std::optional<std::int64_t> only = id;
        return action_of(c, c.query_with(kActions, review_id, only, only).at(0));
    });
}

Result<ReviewAction> PeerReviewStore::add_follow_up(std::int64_t review_id, std::int64_t action_id,
                                                    const FollowUpValues& values, Date today,
                                                    const std::string& by) {
    return db_.write([&](SqlConnection& c) -> Result<ReviewAction> {
        std::optional<std::int64_t> only = action_id;
        if (c.query_with(kActions, review_id, only, only).empty())
            return std::unexpected(Error::not_found("No such action."));
        c.execute_with("UPDATE review_actions SET status = ? WHERE id = ?", code_of(values.status),
                       action_id);
        c.execute_with(
            "INSERT INTO action_follow_ups (action_id, day, note, status, created_by,"
            " created_at) VALUES (?, ?, ?, ?, ?, ?)",
            action_id, format_date(today), values.note, code_of(values.status), by,
            c.now_seconds());
        return action_of(c, c.query_with(kActions, review_id, only, only).at(0));
    });
}

}  // namespace sendhub
