#include "app/demo.hpp"

#include "app/importer.hpp"
#include "security/random.hpp"
#include "service/account_service.hpp"
#include "service/directory_service.hpp"

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
        {"Amira Shah", "amira.shah@spt.example.org", "specialist_ta", "TA2 7QD", {"ASD", "SLCN"}, "3"},
        {"Ben Carter", "ben.carter@spt.example.org", "specialist_ta", "EX4 6PX", {"SEMH", "MLD"}, "4"},
        {"Hannah Lewis", "hannah.lewis@spt.example.org", "specialist_ta", "DT1 1XJ", {"PD", "MSI"}, "3"},
        {"Chloe Martin", "chloe.martin@spt.example.org", "teacher", "BS6 5BQ", {"ASD", "SEMH"}, "3"},
        {"Daniel Okafor", "daniel.okafor@spt.example.org", "teacher", "PL4 8AA", {"SLCN", "HI"}, "2"},
        {"Eleanor Price", "eleanor.price@spt.example.org", "teacher", "TR1 2JH", {"SPLD", "MLD"}, "2"},
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

}  // namespace

bool demo_loaded(Services& s) { return s.users.count() > 0; }

Result<void> load_demo(Services& s, const std::filesystem::path& shared_data, std::FILE* out) {
    if (demo_loaded(s)) return std::unexpected(Error::conflict("not_empty", "the database already has users; demo data is loaded only into an empty database"));
    AuditContext system{.user_email = "demo loader"};

    SENDHUB_ASSIGN_OR_RETURN(auto outcodes, import_outcodes(s, shared_data));
    std::fprintf(out, "postcode districts: %zu loaded\n", outcodes);
    SENDHUB_ASSIGN_OR_RETURN(auto report, import_schools(s, shared_data, south_west_la_codes(), system));
    print_report(report, out);

    std::optional<PractitionerId> first_practitioner;
    for (const auto& p : demo_team()) {
        SENDHUB_ASSIGN_OR_RETURN(auto created,
                                 create_practitioner(s, {p.name, p.email, p.grade, p.home_postcode, p.expertise, p.days}, system));
        if (!first_practitioner) first_practitioner = created.id;
    }
    std::fprintf(out, "practitioners: %zu added\n", demo_team().size());

    auto school = demo_school(s);
    if (!school) return std::unexpected(Error::not_found("no school was imported, so the demo SENCO has no school"));

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
    };
    std::fprintf(out, "\nDemo sign-ins (shown once; passwords are random):\n");
    for (const auto& u : users) {
        std::string password = random_password();
        UserInput input{u.email, u.name, std::string(role_code(u.role)), password, "", ""};
        if (u.role == Role::senco) input.school_urn = std::to_string(school->urn.value);
        if (u.role == Role::practitioner) input.practitioner_id = std::to_string(first_practitioner->value);
        SENDHUB_TRY(create_user(s, input, system));
        std::fprintf(out, "  %-12s %-30s %s\n", std::string(role_code(u.role)).c_str(), u.email, password.c_str());
    }
    std::fprintf(out, "  (the SENCO works at %s, URN %lld)\n\n", school->name.c_str(),
                 static_cast<long long>(school->urn.value));
    return {};
}

}  // namespace sendhub
