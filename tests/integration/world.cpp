#include "world.hpp"

#include <stdexcept>

namespace sendhub::testing {

World& world() {
    static World* instance = [] {
        auto* w = new World;  // lives for the whole test run
        auto password = server().add_user("admin@it.example.org", "admin");
        if (w->admin.login_api("admin@it.example.org", password) != 200) throw std::runtime_error("admin login failed");
        for (int urn : {kOwnSchool, kOtherSchool}) {
            auto r = w->admin.api("POST", "/api/v1/schools",
                                  {{"urn", urn}, {"name", "School " + std::to_string(urn)}, {"postcode", "TA1 3ES"},
                                   {"phase", "primary"}, {"local_authority", "Somerset"}});
            if (r.status != 201) throw std::runtime_error("school create failed: " + r.body);
        }
        auto p = w->admin.api("POST", "/api/v1/practitioners",
                              {{"name", "Pat Practitioner"}, {"email", "pat@it.example.org"}, {"grade", "teacher"},
                               {"home_postcode", "TA1 3ES"}, {"expertise", {"ASD"}}, {"max_days_per_week", 2}});
        if (p.status != 201) throw std::runtime_error("practitioner create failed: " + p.body);
        w->practitioner_id = p.json()["id"];
        struct Person {
            Client* client;
            const char* email;
            const char* role;
            nlohmann::json extra;
        };
        Person people[] = {
            {&w->coordinator, "coordinator@it.example.org", "coordinator", {}},
            {&w->senco, "senco@it.example.org", "senco", {{"school_urn", kOwnSchool}}},
            {&w->finance, "finance@it.example.org", "finance", {}},
            {&w->practitioner, "pat@it.example.org", "practitioner", {{"practitioner_id", w->practitioner_id}}},
        };
        for (auto& person : people) {
            nlohmann::json body{{"email", person.email}, {"name", std::string("IT ") + person.role},
                                {"role", person.role}, {"password", "a-long-test-password"}};
            if (person.extra.is_object()) body.update(person.extra);
            auto r = w->admin.api("POST", "/api/v1/users", body);
            if (r.status != 201) throw std::runtime_error("user create failed: " + r.body);
            if (person.client->login_api(person.email, "a-long-test-password") != 200)
                throw std::runtime_error(std::string("login failed for ") + person.email);
        }
        return w;
    }();
    return *instance;
}

}  // namespace sendhub::testing
