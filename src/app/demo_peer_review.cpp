#include "app/demo_peer_review.hpp"

#include "core/availability.hpp"
#include "security/random.hpp"
#include "service/account_service.hpp"
#include "service/peer_review_service.hpp"
#include "service/school_data_service.hpp"

namespace sendhub {
namespace {

constexpr int kSomerset = 933;

//! Somerset schools of the phase other than the demo school, in URN order.
std::vector<School> somerset_schools(Services& s, Phase phase, std::int64_t except,
                                     std::size_t wanted) {
    std::vector<School> found;
    std::optional<std::int64_t> after;
    for (int pages = 0; pages < 20 && found.size() < wanted; ++pages) {
        auto page = s.schools.list({.la_code = kSomerset, .after_urn = after, .limit = 500});
        for (const auto& school : page.items)
            if (school.phase == phase && school.urn.value != except && found.size() < wanted)
                found.push_back(school);
        if (!page.next_cursor) break;
        after = std::stoll(*page.next_cursor);
    }
    return found;
}

std::string id_text(std::int64_t id) {
    return std::to_string(id);
}

//! A SENCO account at the school; its sign-in is printed with the others.
Result<Actor> make_senco(Services& s, const School& school, const char* label, const char* name,
                         const char* email, const Acting& who, std::FILE* out) {
    const std::string password = random_password();
    SENDHUB_ASSIGN_OR_RETURN(
        auto user,
        create_user(s, {email, name, "senco", password, id_text(school.urn.value), ""}, who));
    std::fprintf(out, "  %-12s %-30s %s (SENCO of %s)\n", label, email, password.c_str(),
                 school.name.c_str());
    return Actor{user.id, user.name, user.email, Role::senco, school.urn, std::nullopt};
}

std::string school_year(Date today) {
    return term_period_of(today).academic_year;
}

}  // namespace

Result<void> load_demo_peer_review(Services& s, const Actor& coordinator, const Actor& senco,
                                   const School& senco_school, const std::vector<School>& academies,
                                   const Acting& who, std::FILE* out) {
    const auto frameworks = list_frameworks(s);
    if (frameworks.empty()) return std::unexpected(Error::not_found("no framework to review"));
    const auto& framework = frameworks.front();
    const auto primaries = somerset_schools(s, Phase::primary, senco_school.urn.value, 3);
    if (primaries.size() < 3) return std::unexpected(Error::not_found("too few primaries"));
    std::fprintf(out, "Peer reviewers' sign-ins (shown once):\n");
    SENDHUB_ASSIGN_OR_RETURN(auto chris, make_senco(s, primaries[0], "reviewer", "Chris Lowe",
                                                    "chris.lowe@school.example.org", who, out));
    SENDHUB_ASSIGN_OR_RETURN(auto dani, make_senco(s, primaries[1], "reviewer2", "Dani Frost",
                                                   "dani.frost@school.example.org", who, out));

    const Date today = s.clock().today();
    auto on = [&](int days) { return format_date(add_days(today, days)); };
    ClusterInput primary{"Somerset primary SEND cluster",
                         "primary",
                         id_text(framework.id),
                         {id_text(senco_school.urn.value)}};
    for (const auto& p : primaries) primary.school_urns.push_back(id_text(p.urn.value));
    SENDHUB_ASSIGN_OR_RETURN(auto cluster, create_cluster(s, coordinator, primary));
    SENDHUB_TRY(add_partnership_day(
        s, coordinator, cluster.id, on(-70),
        "The four schools shared their strengths (early identification, strong links with "
        "families) and challenges (adaptive teaching in mixed-age classes, preparing pupils for "
        "secondary transfer). They agreed to review each other this year, starting with "
        "adaptive teaching."));
    const std::string year = school_year(today);
    SENDHUB_TRY(save_reality_goals(
        s, senco, cluster.id,
        {id_text(senco_school.urn.value), year,
         "Needs are identified early, but too many pupils on SEN support rely on adult help "
         "in lessons.",
         "Every class teacher adapts lessons so that pupils on SEN support work more "
         "independently; halve the use of 1:1 support by the summer term."}));
    SENDHUB_TRY(save_reality_goals(
        s, chris, cluster.id,
        {id_text(primaries[0].urn.value), year,
         "A new SENCO and a rising number of pupils with speech and language needs.",
         "Screen every Reception child for language and train all teaching assistants in "
         "language-rich teaching."}));

    // The demo school's review: published, its actions under way.
    SENDHUB_ASSIGN_OR_RETURN(
        auto review, create_review(s, senco,
                                   {id_text(cluster.id),
                                    id_text(senco_school.urn.value),
                                    on(-21),
                                    {id_text(chris.user_id.value), id_text(dani.user_id.value)}}));
    const auto statements = framework.statements();
    struct LineFindings {
        std::size_t statement;
        const char* question;
        const char* kind;
        const char* finding;
        const char* evidence;
    };
    const LineFindings lines[] = {
        {8, "How well do teachers adapt lessons so pupils on SEN support can work independently?",
         "area_for_development",
         "Adaptations rely on adult support rather than changes to tasks and resources.",
         "Six lesson visits; in four, pupils on SEN support worked with a teaching assistant "
         "throughout."},
        {4, "How early and accurately are needs identified?", "strength",
         "Needs are identified early through a clear graduated approach.",
         "SEND register and Reception baseline records; conversations with class teachers."},
        {10, "How are teaching assistants deployed?", "area_for_development",
         "Teaching assistants are not yet trained to promote independence.",
         "Interviews with three teaching assistants."},
    };
    std::vector<std::int64_t> finding_ids;
    for (const auto& l : lines) {
        SENDHUB_ASSIGN_OR_RETURN(
            auto line, add_enquiry_line(s, senco, review.review.id,
                                        id_text(statements.at(l.statement).id), l.question));
        SENDHUB_ASSIGN_OR_RETURN(auto finding,
                                 add_finding(s, chris, review.review.id,
                                             {id_text(line.id), l.kind, l.finding, l.evidence}));
        finding_ids.push_back(finding.id);
    }
    SENDHUB_TRY(publish_review(s, senco, review.review.id));
    SENDHUB_ASSIGN_OR_RETURN(
        auto training,
        add_review_action(
            s, senco, review.review.id,
            {"Train all teaching assistants in promoting independence", "SENCO", on(40),
             "Lesson visits show pupils on SEN support working independently "
             "for most of the lesson",
             id_text(finding_ids[2])}));
    SENDHUB_TRY(add_follow_up(s, senco, review.review.id, training.id,
                              "The first two training sessions are booked for this half term.",
                              "open"));
    SENDHUB_TRY(add_review_action(
        s, senco, review.review.id,
        {"Adaptive teaching focus in every staff meeting this term", "Deputy headteacher", on(70),
         "Fewer pupils on 1:1 support at the termly review", id_text(finding_ids[0])}));

    // A review the demo SENCO is one of the reviewers of, still a draft.
    SENDHUB_ASSIGN_OR_RETURN(auto draft, create_review(s, chris,
                                                       {id_text(cluster.id),
                                                        id_text(primaries[0].urn.value),
                                                        on(14),
                                                        {id_text(senco.user_id.value)}}));
    SENDHUB_TRY(add_enquiry_line(s, chris, draft.review.id, id_text(statements.at(5).id),
                                 "How does assessment shape each pupil's support plan?"));

    // The trust's academies and a secondary, reviewing across phases.
    ClusterInput cross{"Trust cross-phase SEND cluster", "cross_phase", id_text(framework.id), {}};
    for (const auto& a : academies) cross.school_urns.push_back(id_text(a.urn.value));
    for (const auto& sec : somerset_schools(s, Phase::secondary, 0, 1))
        cross.school_urns.push_back(id_text(sec.urn.value));
    SENDHUB_ASSIGN_OR_RETURN(auto cross_cluster, create_cluster(s, coordinator, cross));
    SENDHUB_TRY(add_partnership_day(
        s, coordinator, cross_cluster.id, on(-35),
        "Special and mainstream leaders compared how they prepare pupils for adulthood and "
        "agreed to share transition planning."));
    std::fprintf(out,
                 "peer review: 2 clusters; 2 reviews, one published with its actions under "
                 "way\n\n");
    return {};
}

}  // namespace sendhub
