#include "world.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <stdexcept>
#include <thread>

#include "core/clock.hpp"
#include "core/dates.hpp"

namespace sendhub::testing {

World& world() {
    static World* instance = [] {
        auto* w = new World;  // lives for the whole test run
        auto password = server().add_user("admin@it.example.org", "admin");
        if (w->admin.login_api("admin@it.example.org", password) != 200)
            throw std::runtime_error("admin login failed");
        for (int urn : {kOwnSchool, kOtherSchool}) {
            auto r = w->admin.api("POST", "/api/v1/schools",
                                  {{"urn", urn},
                                   {"name", "School " + std::to_string(urn)},
                                   {"postcode", "TA1 3ES"},
                                   {"phase", "primary"},
                                   {"local_authority", "Somerset"}});
            if (r.status != 201) throw std::runtime_error("school create failed: " + r.body);
        }
        auto p = w->admin.api("POST", "/api/v1/practitioners",
                              {{"name", "Pat Practitioner"},
                               {"email", "pat@it.example.org"},
                               {"grade", "teacher"},
                               {"home_postcode", "TA1 3ES"},
                               {"expertise", {"ASD"}},
                               {"max_days_per_week", 2}});
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
            {&w->headteacher, "head@it.example.org", "headteacher", {{"school_urn", kOwnSchool}}},
            {&w->school_staff,
             "staff@it.example.org",
             "school_staff",
             {{"school_urn", kOwnSchool}}},
            {&w->partnerships, "partnerships@it.example.org", "partnerships", {}},
            {&w->practitioner,
             "pat@it.example.org",
             "practitioner",
             {{"practitioner_id", w->practitioner_id}}},
        };
        for (auto& person : people) {
            nlohmann::json body{{"email", person.email},
                                {"name", std::string("IT ") + person.role},
                                {"role", person.role},
                                {"password", "a-long-test-password"}};
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

std::vector<std::string> emails_to(const std::string& email, const std::string& kind,
                                   std::size_t at_least) {
    std::vector<std::string> found;
    for (int attempt = 0; attempt < 600; ++attempt) {  // ASan builds deliver slowly
        found.clear();
        std::vector<std::filesystem::path> files;
        if (std::filesystem::exists(server().mail_dir()))
            for (const auto& entry : std::filesystem::directory_iterator(server().mail_dir()))
                if (entry.path().string().ends_with("-" + kind + ".eml"))
                    files.push_back(entry.path());
        // Files are "<id>-<kind>.eml", renamed into place whole; oldest is the lowest id.
        std::ranges::sort(files, {}, [](const std::filesystem::path& path) {
            return std::stol(path.filename().string());
        });
        for (const auto& path : files) {
            std::ifstream in(path);
            std::string text((std::istreambuf_iterator<char>(in)),
                             std::istreambuf_iterator<char>());
            if (text.find("To: " + email + "\r") != std::string::npos ||
                text.find("To: <" + email + ">") != std::string::npos ||
                text.find("To: " + email + "\n") != std::string::npos)
                found.push_back(std::move(text));
        }
        if (found.size() >= at_least) return found;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return found;
}

std::string token_after(const std::string& text, const std::string& marker) {
    auto at = text.find(marker);
    if (at == std::string::npos) return "";
    at += marker.size();
    return text.substr(at, text.find_first_of("\r\n ", at) - at);
}

std::string day(int offset) {
    return format_date(std::chrono::sys_days{system_clock()->today()} + std::chrono::days{offset});
}

std::string school_day(int offset) {
    // Each offset gets its own date: tests share one practitioner's diary, and two offsets
    // that fall on the same school day (around a weekend or in a holiday) would double-book.
    static std::map<int, std::string> known;
    static std::set<std::string> handed_out;
    if (auto it = known.find(offset); it != known.end()) return it->second;
    const int step = offset < 0 ? -1 : 1;
    // Fifty days either way crosses the summer holiday.
    constexpr int kReach = 50;
    auto from = day(offset - kReach), to = day(offset + kReach);
    auto days =
        world().senco.api("GET", "/api/v1/school-days?school_urn=" + std::to_string(kOwnSchool) +
                                     "&from=" + from + "&to=" + to);
    EXPECT_EQ(days.status, 200) << days.body;
    std::set<std::string> open;
    const auto body = days.json();  // kept: a range-for over a temporary's member dangles
    for (const auto& item : body["items"])
        if (item["school_day"].get<bool>()) open.insert(item["date"].get<std::string>());
    for (int d = offset; d != offset + step * (kReach + 1); d += step) {
        auto date = day(d);
        if (open.contains(date) && handed_out.insert(date).second) return known[offset] = date;
    }
    ADD_FAILURE() << "no school day near " << day(offset) << ": " << days.body;
    return day(offset);
}

void expect_error(const HttpResponse& r, long status, const char* code, const char* field) {
    EXPECT_EQ(r.status, status) << r.body;
    auto error = r.json()["error"];
    EXPECT_EQ(error["code"], code) << r.body;
    if (field) {
        EXPECT_EQ(error["field"], field) << r.body;
    }
}

Client browser_for(const Client& api_client) {
    Client browser(server().base_url());
    browser.cookies["sendhub_session"] = api_client.token;
    return browser;
}

// Digits by hand: std::regex trips a GCC 12 warning under ASan.
std::string number_after(const std::string& text, const std::string& marker, std::size_t from) {
    auto at = text.find(marker, from);
    if (at == std::string::npos) return "";
    at += marker.size();
    auto end = at;
    while (end < text.size() && std::isdigit(static_cast<unsigned char>(text[end]))) ++end;
    return text.substr(at, end - at);
}

nlohmann::json pupil(const char* ref, const char* route, const char* need) {
    return {{"ref", ref}, {"year_group", "Y3"}, {"need_route", route}, {"primary_need", need}};
}

nlohmann::json individual(int preferred_in_days) {
    return {{"school_urn", kOwnSchool},
            {"kind", "individual"},
            {"pupils", {pupil("AB")}},
            {"consent",
             {{"type", "signed"}, {"obtained_on", day(-1)}, {"obtained_by", "Ms Class Teacher"}}},
            {"expertise_level", "teacher"},
            {"preferred_date", day(preferred_in_days)},
            {"concern", "AB finds transitions between lessons very hard."},
            {"tried", "Visual timetable, now-and-next board."}};
}

std::string assigned_request(World& w, const nlohmann::json& body) {
    // The coordinator asks on a school's behalf when the body names another school.
    Client& asker =
        body.contains("school_urn") && body["school_urn"] != kOwnSchool ? w.coordinator : w.senco;
    auto request = asker.api("POST", "/api/v1/requests", body);
    EXPECT_EQ(request.status, 201) << request.body;
    std::string path = "/api/v1/requests/" + std::to_string(request.json()["id"].get<int>());
    EXPECT_EQ(
        w.coordinator
            .api("POST", path + "/triage", {{"decision", "accept"}, {"expertise_level", "teacher"}})
            .status,
        200);
    EXPECT_EQ(w.coordinator.api("POST", path + "/assign", {{"practitioner_id", w.practitioner_id}})
                  .status,
              200);
    return path;
}

int draft_agreement(World& w, int sessions, int first_day_offset, double report_writing_days) {
    const std::string path = assigned_request(w, individual());
    auto agreement = w.coordinator.api("POST", path + "/agreement",
                                       {{"type", "Observation"},
                                        {"level", "teacher"},
                                        {"frequency", "weekly"},
                                        {"sessions", sessions},
                                        {"session_days", 1},
                                        {"start_date", day(first_day_offset)},
                                        {"report_writing_days", report_writing_days},
                                        {"outcomes", {"Calmer transitions"}}});
    EXPECT_EQ(agreement.status, 201) << agreement.body;
    return agreement.json()["id"].get<int>();
}

int agree(World& w, int sessions, int first_day_offset, double report_writing_days) {
    int id = draft_agreement(w, sessions, first_day_offset, report_writing_days);
    EXPECT_EQ(w.senco.api("POST", "/api/v1/agreements/" + std::to_string(id) + "/accept").status,
              200);
    return id;
}

std::string pdf_text(const std::string& pdf, const std::string& name) {
    auto file = server().dir() / name;
    std::ofstream(file, std::ios::binary) << pdf;
    std::string text;
    if (FILE* pipe = popen(("pdftotext -layout " + file.string() + " -").c_str(), "r")) {
        char buffer[4096];
        while (auto n = fread(buffer, 1, sizeof buffer, pipe)) text.append(buffer, n);
        pclose(pipe);
    }
    return text;
}

Delivered deliver(World& w, const std::vector<int>& day_offsets, double miles,
                  double report_writing_days) {
    Delivered out{
        agree(w, static_cast<int>(day_offsets.size()), day_offsets.front(), report_writing_days),
        {}};
    std::string agreement_path = "/api/v1/agreements/" + std::to_string(out.agreement_id);
    // Each on its own school day: a weekend or bank holiday moves a visit to the school day
    // before, so two offsets may meet; the later one moves further back.
    std::set<std::string> taken;
    for (int offset : day_offsets) {
        std::string date = school_day(offset);
        for (int back = offset - 1; taken.contains(date); --back) date = school_day(back);
        taken.insert(date);
        auto visit =
            w.coordinator.api("POST", agreement_path + "/visits", {{"date", date}, {"days", 1}});
        EXPECT_EQ(visit.status, 201) << visit.body;
        int id = visit.json()["id"];
        auto report = w.practitioner.api("POST", "/api/v1/visits/" + std::to_string(id) + "/report",
                                         {{"work_undertaken", "Observed."},
                                          {"actions_agreed", "Cue cards."},
                                          {"next_steps", "Review."},
                                          {"miles", miles}});
        EXPECT_EQ(report.status, 200) << report.body;
        out.visit_ids.push_back(id);
    }
    return out;
}

nlohmann::json all_invoices(Client& c) {
    auto list = c.api("GET", "/api/v1/invoices?limit=500");
    EXPECT_EQ(list.status, 200) << list.body;
    return list.json()["items"];
}

std::vector<nlohmann::json> lines_for_visit(const nlohmann::json& invoices, int visit_id) {
    std::vector<nlohmann::json> out;
    for (const auto& inv : invoices)
        for (const auto& line : inv["lines"])
            if (line["visit_id"] == visit_id) out.push_back(line);
    return out;
}

}  // namespace sendhub::testing
