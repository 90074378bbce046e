#include "app/demo.hpp"

#include "app/demo_early_identification.hpp"
#include "app/demo_events.hpp"
#include "app/demo_peer_review.hpp"
#include "app/demo_resources.hpp"
#include "app/demo_school_data.hpp"
#include "app/importer.hpp"
#include "core/availability.hpp"
#include "core/text.hpp"
#include "security/random.hpp"
#include "service/account_service.hpp"
#include "service/concern_service.hpp"
#include "service/directory_service.hpp"
#include "service/finance_service.hpp"
#include "service/front_door_service.hpp"
#include "service/outreach_service.hpp"
#include "service/partners_service.hpp"
#include "service/school_account_service.hpp"

namespace sendhub {
namespace {

struct DemoPractitioner {
    const char* name;
    const char* email;
    const char* grade;
    const char* home_postcode;  // fictional addresses in real postcode districts
    std::vector<std::string> expertise;
    const char* days;
};

const std::vector<DemoPractitioner>& demo_team() {
    static const std::vector<DemoPractitioner> team{
        {"Amira Shah",
         "amira.shah@spt.example.org",
         "specialist_ta",
         "TA2 7QD",
         {"ASD", "SLCN"},
         "3"},
        {"Ben Carter",
         "ben.carter@spt.example.org",
         "specialist_ta",
         "EX4 6PX",
         {"SEMH", "MLD"},
         "4"},
        {"Hannah Lewis",
         "hannah.lewis@spt.example.org",
         "specialist_ta",
         "DT1 1XJ",
         {"PD", "MSI"},
         "3"},
        {"Chloe Martin",
         "chloe.martin@spt.example.org",
         "teacher",
         "BS6 5BQ",
         {"ASD", "SEMH"},
         "3"},
        {"Daniel Okafor",
         "daniel.okafor@spt.example.org",
         "teacher",
         "PL4 8AA",
         {"SLCN", "HI"},
         "2"},
        {"Eleanor Price",
         "eleanor.price@spt.example.org",
         "teacher",
         "TR1 2JH",
         {"SPLD", "MLD"},
         "2"},
        {"Fiona Grant", "fiona.grant@spt.example.org", "slt", "BA1 2QH", {"SEMH", "PMLD"}, "1"},
        {"George Evans", "george.evans@spt.example.org", "slt", "GL1 2EH", {"ASD", "SLD"}, "2"},
    };
    return team;
}

// The SENCO's school: the first primary in Somerset (LA 933) by URN, so the demo is stable.
std::optional<School> demo_school(Services& s) {
    std::optional<std::int64_t> after;
    for (int pages = 0; pages < 20; ++pages) {
        auto page = s.schools.list({.la_code = 933, .after_urn = after, .limit = kMaxPageSize});
        for (const auto& school : page.items) {
            if (school.phase == Phase::primary) return school;
        }
        if (!page.next_cursor) break;
        after = std::stoll(*page.next_cursor);
    }
    auto any = s.schools.list({.limit = 1});
    if (any.items.empty()) return std::nullopt;
    return any.items.front();
}

// Requests accepted and waiting for a practitioner, one school per local authority, so the
// candidates list and the term planner have work to show. Pupils are initials only.
Result<int> load_demo_requests(Services& s, const Actor& coordinator, const Acting& who) {
    struct DemoRequest {
        const char* ref;
        const char* year;
        const char* route;
        const char* need;
        const char* level;
        int in_days;
        const char* concern;
    };
    const DemoRequest requests[] = {
        {"JT", "Y2", "sen_support", "ASD", "specialist_ta", 14,
         "JT struggles with changes to routine and noisy spaces."},
        {"MK", "Y5", "ehcp", "SEMH", "teacher", 21,
         "MK's outbursts in maths are increasing; the EHCP review is due."},
        {"RB", "R", "early_years", "SLCN", "specialist_ta", 10,
         "RB has very few words and is starting Reception."},
        {"LW", "Y9", "annual_review", "SPLD", "teacher", 28,
         "LW needs a reading and spelling plan for the annual review."},
        {"AH", "Y6", "transition", "ASD", "slt", 35,
         "AH moves to secondary in September and is very anxious."},
        {"DP", "Y3", "sen_support", "MLD", "teacher", 17,
         "DP is working well below age expectations in all subjects."},
    };
    std::vector<SchoolUrn> schools;
    for (int la : south_west_la_codes()) {
        auto page = s.schools.list({.la_code = la, .limit = 1});
        if (!page.items.empty()) schools.push_back(page.items.front().urn);
        if (schools.size() == std::size(requests)) break;
    }
    int made = 0;
    for (std::size_t i = 0; i < schools.size(); ++i) {
        const auto& r = requests[i];
        RequestInput input{std::to_string(schools[i].value),
                           "individual",
                           {{r.ref, r.year, r.route, r.need}},
                           "signed",
                           format_date(add_days(s.clock().today(), -3)),
                           "Class teacher",
                           r.level,
                           format_date(add_days(s.clock().today(), r.in_days)),
                           r.concern,
                           "Visual timetable and a quiet space."};
        SENDHUB_ASSIGN_OR_RETURN(auto created,
                                 create_request(s, coordinator, input, Submission::submit, who));
        SENDHUB_TRY(triage_request(
            s, coordinator, created.id,
            {"accept", r.level, "Accepted: the needs fit our outreach offer."}, who));
        ++made;
    }
    return made;
}

//! Schools of the South West whose register type says "special", in URN order.
std::vector<School> special_schools(Services& s, std::size_t wanted) {
    std::vector<School> found;
    for (int la : south_west_la_codes()) {
        std::optional<std::int64_t> after;
        for (int pages = 0; pages < 40 && found.size() < wanted; ++pages) {
            auto page = s.schools.list({.la_code = la, .after_urn = after, .limit = kMaxPageSize});
            for (const auto& school : page.items)
                if (to_lower(school.school_type).find("special") != std::string::npos &&
                    found.size() < wanted)
                    found.push_back(school);
            if (!page.next_cursor) break;
            after = std::stoll(*page.next_cursor);
        }
        if (found.size() >= wanted) break;
    }
    return found;
}

SchoolInput input_of(const School& school, std::string_view relationship, bool arb) {
    return {std::to_string(school.urn.value),
            school.name,
            school.postcode,
            std::string(term_of(phase_terms(), school.phase).code),
            school.local_authority,
            school.la_code ? std::to_string(*school.la_code) : "",
            std::string(relationship),
            arb ? "true" : "false"};
}

// The trust's own special schools, two partnerships (a formal service level agreement and an
// informal network), open enquiries and a registration waiting for approval.
Result<void> load_demo_partners(Services& s, const School& senco_school, const Acting& who,
                                std::FILE* out) {
    auto academies = special_schools(s, 4);
    for (const auto& school : academies)
        SENDHUB_TRY(update_school(s, school.urn, input_of(school, "trust", false), who));
    std::vector<SchoolUrn> others;
    for (int la : south_west_la_codes()) {
        auto page = s.schools.list({.la_code = la, .limit = 3});
        for (const auto& school : page.items)
            if (school.urn != senco_school.urn && school.relationship == SchoolRelationship::other)
                others.push_back(school.urn);
        if (others.size() >= 4) break;
    }
    const Date today = s.clock().today();
    auto on = [&](int days) { return format_date(add_days(today, days)); };
    PartnershipInput formal;
    formal.kind = "formal";
    formal.model = "Service level agreement";
    formal.school_urns = {std::to_string(senco_school.urn.value)};
    if (!others.empty()) formal.school_urns.push_back(std::to_string(others[0].value));
    formal.starts_on = on(-92);
    formal.ends_on = on(273);
    formal.review_due_on = on(21);
    formal.services = {"outreach", "CPD"};
    formal.lead_name = "Dana Hughes";
    formal.lead_email = "dana.hughes@school.example.org";
    formal.notes = "Buys back 10 outreach days a year; wants SENCO network places.";
    SENDHUB_TRY(create_partnership(s, formal, who));
    PartnershipInput network;
    network.kind = "informal";
    network.model = "SENCO network and shared training";
    network.organisation = "Somerset Council";
    for (std::size_t i = 1; i < others.size() && i < 4; ++i)
        network.school_urns.push_back(std::to_string(others[i].value));
    network.starts_on = on(-400);
    network.review_due_on = on(120);
    network.services = {"CPD", "resources"};
    network.lead_name = "Sol Byrne";
    SENDHUB_TRY(create_partnership(s, network, who));
    if (others.size() > 1)
        if (auto arb = s.schools.find(others[1]))
            SENDHUB_TRY(update_school(s, arb->urn, input_of(*arb, "partner", true), who));

    const EnquiryInput enquiries[] = {
        {"Kim Doyle", "kim.doyle@example.org", "Riverside Primary School", "", "outreach",
         "We have two pupils in Year 1 with very limited speech. Could someone visit to advise "
         "our teaching assistants, and what would it cost?"},
        {"Lee Marsh", "lee.marsh@example.org", "Coastal Learning Trust", "", "partnership",
         "Our trust of five primary schools would like to talk about a partnership for "
         "outreach and training next year."},
    };
    for (const auto& e : enquiries) SENDHUB_TRY(send_enquiry(s, e, "demo", who));
    const std::string token = random_token();
    SENDHUB_TRY(
        register_school_user(s,
                             {std::to_string(senco_school.urn.value), "Robin Hale",
                              "robin.hale@school.example.org", "school_staff", random_password()},
                             token));
    SENDHUB_TRY(verify_registration(s, token));
    std::fprintf(out,
                 "trust academies: %zu; partnerships: 2; enquiries: %zu; registrations waiting: "
                 "1\n",
                 academies.size(), std::size(enquiries));
    return {};
}

}  // namespace

bool demo_loaded(Services& s) {
    return s.users.count() > 0;
}

Result<void> load_demo(Services& s, const std::filesystem::path& shared_data, std::FILE* out) {
    if (demo_loaded(s))
        return std::unexpected(Error::conflict(
            "not_empty",
            "the database already has users; demo data is loaded only into an empty database"));
    Acting system{.name = "demo loader", .email = "demo loader"};

    // Postcode district centroids ship with the migrations (0006); the demo reuses them.
    SENDHUB_ASSIGN_OR_RETURN(auto report,
                             import_schools(s, shared_data, south_west_la_codes(), system));
    print_report(report, out);
    SENDHUB_ASSIGN_OR_RETURN(auto census, import_census(s, shared_data));
    for (const auto& [year, schools] : census)
        std::fprintf(out, "census %d: %lld schools\n", year, static_cast<long long>(schools));

    std::optional<PractitionerId> first_practitioner;
    for (const auto& p : demo_team()) {
        SENDHUB_ASSIGN_OR_RETURN(
            auto created,
            create_practitioner(s, {p.name, p.email, p.grade, p.home_postcode, p.expertise, p.days},
                                system));
        if (!first_practitioner) first_practitioner = created.id;
    }
    std::fprintf(out, "practitioners: %zu added\n", demo_team().size());

    auto school = demo_school(s);
    if (!school)
        return std::unexpected(
            Error::not_found("no school was imported, so the demo SENCO has no school"));

    struct DemoUser {
        const char* email;
        const char* name;
        Role role;
    };
    const DemoUser users[] = {
        {"admin@spt.example.org", "Alex Morgan", Role::admin},
        {"coordinator@spt.example.org", "Priya Patel", Role::coordinator},
        {"amira.shah@spt.example.org", "Amira Shah", Role::practitioner},
        {"senco@school.example.org", "Sam Taylor", Role::senco},
        {"finance@spt.example.org", "Jordan Reed", Role::finance},
        {"partnerships@spt.example.org", "Morgan Ellis", Role::partnerships},
        {"head@school.example.org", "Jamie Clarke", Role::headteacher},
        {"staff@school.example.org", "Robin Shaw", Role::school_staff},
    };
    std::fprintf(out, "\nDemo sign-ins (shown once; passwords are random):\n");
    std::optional<Actor> coordinator;
    std::optional<Actor> admin;
    std::optional<Actor> senco;
    for (const auto& u : users) {
        std::string password = random_password();
        UserInput input{u.email, u.name, std::string(role_code(u.role)), password, "", ""};
        if (is_school_role(u.role)) input.school_urn = std::to_string(school->urn.value);
        if (u.role == Role::practitioner)
            input.practitioner_id = std::to_string(first_practitioner->value);
        SENDHUB_ASSIGN_OR_RETURN(auto user, create_user(s, input, system));
        if (u.role == Role::coordinator)
            coordinator = Actor{user.id,           user.name,    user.email,
                                Role::coordinator, std::nullopt, std::nullopt};
        if (u.role == Role::admin)
            admin = Actor{user.id, user.name, user.email, Role::admin, std::nullopt, std::nullopt};
        if (u.role == Role::senco)
            senco = Actor{user.id, user.name, user.email, Role::senco, school->urn, std::nullopt};
        std::fprintf(out, "  %-12s %-30s %s\n", std::string(role_code(u.role)).c_str(), u.email,
                     password.c_str());
    }
    std::fprintf(out, "  (the school's staff work at %s, URN %lld)\n\n", school->name.c_str(),
                 static_cast<long long>(school->urn.value));
    // What a school's finance team needs on an invoice; the administrator changes it on the
    // "Trust details" page.
    SENDHUB_TRY(
        save_trust_settings(s, *admin,
                            {s.config.trust_name, "Trust office\n1 Mill Lane\nExeter\nEX1 1AA",
                             "finance@spt.example.org", "01632 960 001", std::nullopt,
                             s.config.trust_name, "30-99-50", "00733445"},
                            system));
    SENDHUB_TRY(load_demo_partners(s, *school, system, out));
    // Concerns raised on visits to the demo school are emailed to its safeguarding lead.
    SENDHUB_TRY(set_dsl(s, *admin, school->urn, "Dee Lead", "dsl@school.example.org", system));
    SENDHUB_TRY(load_demo_events(s, *coordinator, *senco, system, out));
    SENDHUB_TRY(load_demo_resources(s, *coordinator, system, out));
    SENDHUB_TRY(load_demo_school_data(s, *coordinator, *school, out));
    SENDHUB_TRY(load_demo_peer_review(s, *coordinator, *senco, *school, special_schools(s, 4),
                                      system, out));
    SENDHUB_TRY(load_demo_early_identification(s, *admin, *coordinator, *senco, *school,
                                               special_schools(s, 4), system, out));
    SENDHUB_ASSIGN_OR_RETURN(auto waiting, load_demo_requests(s, *coordinator, system));
    std::fprintf(out, "requests accepted and waiting for a practitioner: %d\n", waiting);
    return {};
}

}  // namespace sendhub
