#include "app/demo_early_identification.hpp"

#include "security/random.hpp"
#include "service/account_service.hpp"
#include "service/directory_service.hpp"
#include "service/finance_service.hpp"
#include "service/outreach_service.hpp"
#include "service/screening_service.hpp"
#include "service/slcn_service.hpp"

namespace sendhub {
namespace {

struct Specialist {
    const char* name;
    const char* email;
    const char* service;
    const char* postcode;
};

constexpr Specialist kSpecialists[] = {
    {"Dr Hannah Okafor", "hannah.okafor@spt.example.org", "educational_psychology", "EX4 6PX"},
    {"Dr Tom Lindqvist", "tom.lindqvist@spt.example.org", "educational_psychology", "TA1 3ES"},
    {"Grace Mensah", "grace.mensah@spt.example.org", "speech_and_language", "TA6 3BP"},
    {"Owen Price", "owen.price@spt.example.org", "speech_and_language", "EX2 5DW"},
};

// A year of rounds: each of the therapist's schools screens in the autumn, spring and summer
// terms with one programme, the early years and Year 3 (or Year 7 at a secondary school).
Result<int> load_rounds(Services& s, const Actor& therapist, const std::vector<School>& schools) {
    const char* programmes[] = {"wellcomm", "talk_boost", "speech_and_language_link"};
    const Date today = s.clock().today();
    int made = 0;
    for (std::size_t i = 0; i < schools.size(); ++i) {
        const auto& school = schools[i];
        const char* programme = programmes[i % 3];
        const bool secondary = school.phase == Phase::secondary;
        for (int term = 0; term < 3; ++term) {
            const Date on = add_days(today, -330 + term * 110 + static_cast<int>(i) * 3);
            for (const char* cohort : {"early_years", secondary ? "year_7" : "year_3"}) {
                const int n = static_cast<int>(i);
                const int screened = 24 + (n * 7 + term * 5) % 12;
                const int identified = 3 + (n + term * 2) % 5;
                const int started = identified - (term % 2);
                const int exited = term == 0 ? started - 1 : term == 1 ? 1 : 0;
                ScreeningInput input{std::to_string(school.urn.value),
                                     programme,
                                     cohort,
                                     format_date(on),
                                     std::to_string(screened),
                                     std::to_string(identified),
                                     std::to_string(started),
                                     std::to_string(exited)};
                SENDHUB_TRY(create_screening_round(s, therapist, input));
                ++made;
            }
        }
    }
    return made;
}

}  // namespace

Result<void> load_demo_early_identification(Services& s, const Actor& admin,
                                            const Actor& coordinator, const Actor& senco,
                                            const School& senco_school,
                                            const std::vector<School>& academies, const Acting& who,
                                            std::FILE* out) {
    std::vector<Practitioner> team;
    for (const auto& p : kSpecialists) {
        PractitionerInput input{p.name, p.email, "", p.postcode, {"SLCN"}, "3", p.service};
        SENDHUB_ASSIGN_OR_RETURN(auto created, create_practitioner(s, input, who));
        team.push_back(std::move(created));
    }
    const Practitioner& ep = team[0];
    const Practitioner& therapist = team[2];
    const std::string password = random_password();
    UserInput login{therapist.email,
                    therapist.name,
                    "practitioner",
                    password,
                    "",
                    std::to_string(therapist.id.value)};
    SENDHUB_ASSIGN_OR_RETURN(auto user, create_user(s, login, who));
    const Actor therapist_actor{user.id,      user.name,   user.email, Role::practitioner,
                                std::nullopt, therapist.id};
    std::fprintf(out, "  %-12s %-30s %s\n", "therapist", therapist.email.c_str(), password.c_str());

    // Grace covers the demo school and two academies; Owen the others.
    std::vector<School> graces{senco_school};
    for (std::size_t i = 0; i < academies.size(); ++i) {
        const Practitioner& named = i < 2 ? therapist : team[3];
        SENDHUB_TRY(set_named_therapist(s, coordinator, academies[i].urn.value,
                                        std::to_string(named.id.value), who));
        if (i < 2) graces.push_back(academies[i]);
    }
    SENDHUB_TRY(set_named_therapist(s, coordinator, senco_school.urn.value,
                                    std::to_string(therapist.id.value), who));
    SENDHUB_ASSIGN_OR_RETURN(int rounds, load_rounds(s, therapist_actor, graces));

    const Date today = s.clock().today();
    AuditInput audit{
        std::to_string(senco_school.urn.value),
        format_date(add_days(today, -20)),
        "Reception staff model language well and use visual supports. Year 3 has "
        "no screening yet, and teaching assistants have had no training in "
        "language groups.",
        {{"Screen Year 3 with WellComm", "SENCO", format_date(add_days(today, 40)), "in_progress"},
         {"Talk Boost training for teaching assistants", "Grace Mensah",
          format_date(add_days(today, 60)), ""},
         {"Share the audit with governors", "Headteacher", format_date(add_days(today, -5)),
          "done"}}};
    SENDHUB_TRY(create_audit(s, therapist_actor, audit, who));

    // Educational psychology days are priced; therapy days wait for finance to set a rate.
    SENDHUB_TRY(add_tariff(
        s, admin, {TariffItem::educational_psychology_day, 45000, add_days(today, -90)}, who));
    RequestInput request;
    request.school_urn = std::to_string(senco_school.urn.value);
    request.service = "educational_psychology";
    request.work_type = "cohort";
    request.preferred_date = format_date(add_days(today, 21));
    request.concern =
        "Our Year 1 cohort has weak attention and listening; we would like an assessment of "
        "the group and advice for staff.";
    request.tried = "Attention Autism sessions twice a week since September.";
    SENDHUB_ASSIGN_OR_RETURN(auto created,
                             create_request(s, senco, request, Submission::submit, who));
    SENDHUB_TRY(triage_request(s, coordinator, created.id,
                               {"accept", "", "Accepted: a good fit for EP cohort work."}, who));
    SENDHUB_TRY(assign_request(s, coordinator, created.id, std::to_string(ep.id.value), who));
    std::fprintf(out,
                 "educational psychologists: 2; therapists: 2; screening rounds: %d; "
                 "EP requests waiting for an agreement: 1\n",
                 rounds);
    return {};
}

}  // namespace sendhub
