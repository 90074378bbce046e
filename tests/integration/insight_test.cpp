// Trust-wide SEND insight from the school census (api-contract-insight.md). Every figure the
// API gives is recomputed here straight from the DfE files, so the import, the sums and the
// rounding are checked against the source, not against themselves.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <sstream>

#include "world.hpp"

namespace sendhub::testing {
namespace {

std::string shared_data() {
    const char* shared = std::getenv("SENDHUB_SHARED_DATA");
    return shared && *shared ? shared : std::string(SENDHUB_SOURCE_DIR) + "/../shared/data";
}

std::vector<std::string> split(const std::string& line) {
    std::vector<std::string> cells;
    std::stringstream in(line);
    std::string cell;
    while (std::getline(in, cell, ',')) cells.push_back(cell);
    if (!line.empty() && line.back() == ',') cells.emplace_back();
    return cells;
}

std::optional<std::int64_t> count_of(const std::string& cell) {
    if (cell.empty() || cell.find_first_not_of("0123456789") != std::string::npos) return {};
    return std::stoll(cell);
}

struct Row {
    int la = 0;
    std::string type;
    std::optional<std::int64_t> pupils, ehcp, support;
    [[nodiscard]] bool complete() const { return pupils && ehcp && support; }
};

//! One census file, by URN, read the plain way: URN, LA, ESTAB, SCHOOLTYPE, NOR, …
std::map<std::int64_t, Row> census_file(const std::string& name) {
    std::ifstream in(shared_data() + "/sen_school_level/" + name);
    std::map<std::int64_t, Row> rows;
    std::string line;
    std::getline(in, line);  // header
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        auto c = split(line);
        if (c.size() < 12 || c[0] == "NAT") continue;
        rows[std::stoll(c[0])] = {std::stoi(c[1]), c[3], count_of(c[4]), count_of(c[9]),
                                  count_of(c[11])};
    }
    return rows;
}

const std::map<std::int64_t, Row>& census_2025() {
    static const auto rows = census_file("england_census_2024-25.csv");
    return rows;
}
const std::map<std::int64_t, Row>& census_2019() {
    static const auto rows = census_file("england_census_2018-19.csv");
    return rows;
}

struct Sums {
    std::int64_t schools = 0, pupils = 0, ehcp = 0, support = 0;
    void add(const Row& r) {
        if (!r.complete()) return;
        ++schools;
        pupils += *r.pupils;
        ehcp += *r.ehcp;
        support += *r.support;
    }
};

//! 100 × part ÷ whole, half up to one decimal, in tenths.
std::optional<std::int64_t> tenths(std::optional<std::int64_t> part,
                                   std::optional<std::int64_t> whole) {
    if (!part || !whole || *whole == 0) return {};
    return (2000 * *part + *whole) / (2 * *whole);
}

std::optional<std::int64_t> tenths_in(const nlohmann::json& v) {
    if (v.is_null()) return {};
    return std::llround(v.get<double>() * 10);
}

void expect_figures(const nlohmann::json& j, std::optional<std::int64_t> pupils,
                    std::optional<std::int64_t> ehcp, std::optional<std::int64_t> support,
                    const std::string& where) {
    auto number = [](std::optional<std::int64_t> v) {
        return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
    };
    EXPECT_EQ(j["pupils"], number(pupils)) << where;
    EXPECT_EQ(j["ehcp"], number(ehcp)) << where;
    EXPECT_EQ(j["sen_support"], number(support)) << where;
    EXPECT_EQ(tenths_in(j["ehcp_pct"]), tenths(ehcp, pupils)) << where;
    EXPECT_EQ(tenths_in(j["sen_support_pct"]), tenths(support, pupils)) << where;
}

void expect_sums(const nlohmann::json& j, const Sums& s, const std::string& where) {
    EXPECT_EQ(j["schools"], s.schools) << where;
    expect_figures(j, s.pupils, s.ehcp, s.support, where);
}

//! Loads the census into the shared server's database once for the whole binary.
const std::string& imported() {
    static const std::string output = [] {
        auto r = server().run(
            {"import", "census", "--db", server().db_url(), "--shared-data", shared_data()});
        EXPECT_EQ(r.exit_code, 0) << r.output;
        return r.output;
    }();
    return output;
}

// Real schools, none of which another test creates: a Somerset special school in both
// censuses, one opened since 2019, and a school that had no pupils in 2019.
constexpr int kTrustSpecial = 123938;
constexpr int kNewSchool = 147126;
constexpr int kEmptyIn2019 = 123337;
constexpr int kPartnerSchool = 123940;

void ensure_school(World& w, int urn, const std::string& relationship) {
    auto r = w.admin.api("POST", "/api/v1/schools",
                         {{"urn", urn},
                          {"name", "Insight school " + std::to_string(urn)},
                          {"postcode", "TA1 3ES"},
                          {"phase", "all_through"},
                          {"local_authority", "Somerset"},
                          {"relationship", relationship}});
    ASSERT_TRUE(r.status == 201 || r.status == 409) << r.body;
}

World& insight_world() {
    World& w = world();
    imported();
    static const bool schools = [&w] {
        ensure_school(w, kTrustSpecial, "trust");
        ensure_school(w, kNewSchool, "trust");
        ensure_school(w, kEmptyIn2019, "trust");
        ensure_school(w, kPartnerSchool, "partner");
        return true;
    }();
    (void)schools;
    return w;
}

std::string csv_cell(const nlohmann::json& v) {
    if (v.is_null()) return "";
    if (v.is_string()) return v.get<std::string>();
    if (v.is_number_float()) {
        char text[32];
        std::snprintf(text, sizeof text, "%.1f", v.get<double>());
        return text;
    }
    return v.dump();
}

}  // namespace

TEST(Insight, TheImportPrintsTheSchoolsEachYearAndRunningItAgainReplaces) {
    const std::string& first = imported();
    EXPECT_NE(first.find("census 2019: 23939 schools"), std::string::npos) << first;
    EXPECT_NE(first.find("census 2025: 24470 schools"), std::string::npos) << first;
    auto again = server().run(
        {"import", "census", "--db", server().db_url(), "--shared-data", shared_data()});
    ASSERT_EQ(again.exit_code, 0) << again.output;
    EXPECT_NE(again.output.find("census 2025: 24470 schools"), std::string::npos) << again.output;
    World& w = insight_world();
    auto england = w.admin.api("GET", "/api/v1/insight/england?year=2025");
    ASSERT_EQ(england.status, 200) << england.body;
    EXPECT_EQ(england.json()["schools"].get<std::int64_t>() +
                  std::count_if(census_2025().begin(), census_2025().end(),
                                [](const auto& r) { return !r.second.complete(); }),
              24470)
        << "every school is counted once, the incomplete ones left out of the sums";
}

TEST(Insight, EnglandMatchesTheCensusByTypeAndAuthority) {
    World& w = insight_world();
    for (int year : {2019, 2025}) {
        const auto& rows = year == 2019 ? census_2019() : census_2025();
        Sums all;
        std::map<std::string, Sums> by_type;
        std::map<int, Sums> by_la;
        for (const auto& [urn, row] : rows) {
            all.add(row);
            by_type[row.type].add(row);
            by_la[row.la].add(row);
        }
        auto r = w.practitioner.api("GET", "/api/v1/insight/england?year=" + std::to_string(year));
        ASSERT_EQ(r.status, 200) << r.body;
        auto j = r.json();
        EXPECT_EQ(j["year"], year);
        expect_sums(j, all, "England " + std::to_string(year));
        ASSERT_EQ(j["by_school_type"].size(), by_type.size());
        for (const auto& t : j["by_school_type"])
            expect_sums(t, by_type[t["school_type"]], t["school_type"]);
        ASSERT_EQ(j["by_la"].size(), by_la.size());
        for (const auto& la : j["by_la"])
            expect_sums(la, by_la[la["la_code"].get<int>()], la["name"]);
    }
    auto latest = w.admin.api("GET", "/api/v1/insight/england");
    ASSERT_EQ(latest.status, 200);
    EXPECT_EQ(latest.json()["year"], 2025);
    expect_error(w.admin.api("GET", "/api/v1/insight/england?year=2020"), 422, "invalid", "year");
    expect_error(w.admin.api("GET", "/api/v1/insight/england?year=soon"), 422, "invalid", "year");
}

TEST(Insight, ASchoolStandsBesideItsAuthorityAndEnglandForItsTypeEachYear) {
    World& w = insight_world();
    auto r = w.coordinator.api("GET", "/api/v1/insight/schools/" + std::to_string(kTrustSpecial));
    ASSERT_EQ(r.status, 200) << r.body;
    auto j = r.json();
    EXPECT_EQ(j["urn"], kTrustSpecial);
    EXPECT_EQ(j["name"], "Insight school " + std::to_string(kTrustSpecial));
    ASSERT_EQ(j["years"].size(), 2u);
    for (const auto& y : j["years"]) {
        const int year = y["year"];
        const auto& rows = year == 2019 ? census_2019() : census_2025();
        const Row& own = rows.at(kTrustSpecial);
        EXPECT_EQ(y["school_type"], own.type);
        EXPECT_EQ(y["la_code"], own.la);
        expect_figures(y, own.pupils, own.ehcp, own.support, "school " + std::to_string(year));
        Sums la, england;
        for (const auto& [urn, row] : rows) {
            if (row.type != own.type) continue;
            england.add(row);
            if (row.la == own.la) la.add(row);
        }
        EXPECT_EQ(y["la"]["la_code"], own.la);
        EXPECT_EQ(y["la"]["name"], "Somerset");
        expect_sums(y["la"], la, "authority " + std::to_string(year));
        expect_sums(y["england"], england, "England " + std::to_string(year));
    }
    EXPECT_EQ(j["years"][0]["year"], 2019) << "oldest first";

    auto only_new = w.admin.api("GET", "/api/v1/insight/schools/" + std::to_string(kNewSchool));
    ASSERT_EQ(only_new.status, 200);
    ASSERT_EQ(only_new.json()["years"].size(), 1u);
    EXPECT_EQ(only_new.json()["years"][0]["year"], 2025);

    auto empty = w.admin.api("GET", "/api/v1/insight/schools/" + std::to_string(kEmptyIn2019));
    ASSERT_EQ(empty.status, 200);
    const nlohmann::json in_2019 = empty.json()["years"][0];
    EXPECT_EQ(in_2019["pupils"], 0);
    EXPECT_TRUE(in_2019["ehcp_pct"].is_null()) << "no percentage of no pupils";

    expect_error(w.admin.api("GET", "/api/v1/insight/schools/999999"), 404, "not_found", nullptr);
}

TEST(Insight, AnAuthorityShowsItsSchoolsEachYearAndItsEhcPlansByNeed) {
    World& w = insight_world();
    auto r = w.partnerships.api("GET", "/api/v1/insight/local-authorities/933");
    ASSERT_EQ(r.status, 200) << r.body;
    auto j = r.json();
    EXPECT_EQ(j["name"], "Somerset");
    ASSERT_EQ(j["years"].size(), 2u);
    for (const auto& y : j["years"]) {
        Sums sums;
        for (const auto& [urn, row] : y["year"] == 2019 ? census_2019() : census_2025())
            if (row.la == 933) sums.add(row);
        expect_sums(y, sums, "Somerset " + y["year"].dump());
    }

    std::ifstream in(shared_data() + "/ehcp_2025/sen_needs_all_plans.csv");
    std::string line;
    std::getline(in, line);
    auto header = split(line);
    std::vector<std::string> source;
    while (std::getline(in, line)) {
        auto c = split(line);
        if (c.size() > 12 && c[2] == "Local authority" && c[8] == "933" && c[10] == "All EHC plans")
            source = c;
    }
    ASSERT_FALSE(source.empty());
    const auto& needs = j["ehcp_needs"];
    EXPECT_EQ(needs["year"], 2025);
    const std::int64_t total = std::stoll(source[12]);
    EXPECT_EQ(needs["total"], total);
    ASSERT_EQ(needs["needs"].size(), 12u);
    std::int64_t previous = total;
    for (const auto& n : needs["needs"]) {
        std::string code = n["need"];
        std::string column = "number_" + code;
        std::transform(column.begin(), column.end(), column.begin(), ::tolower);
        auto at = std::find(header.begin(), header.end(), column);
        ASSERT_NE(at, header.end()) << column;
        const std::int64_t plans = std::stoll(source[at - header.begin()]);
        EXPECT_EQ(n["plans"], plans) << code;
        EXPECT_EQ(tenths_in(n["pct"]), tenths(plans, total)) << code;
        EXPECT_LE(plans, previous) << "most plans first";
        previous = plans;
    }
    auto unknown = std::find(header.begin(), header.end(), "number_need_unknown");
    EXPECT_EQ(needs["unknown"], std::stoll(source[unknown - header.begin()]));

    expect_error(w.admin.api("GET", "/api/v1/insight/local-authorities/999"), 404, "not_found",
                 nullptr);
}

TEST(Insight, TheTrustViewListsEachSchoolOfTheRelationshipSortedAsAsked) {
    World& w = insight_world();
    auto r = w.admin.api("GET", "/api/v1/insight/trust?year=2019&sort=ehcp_pct&order=desc");
    ASSERT_EQ(r.status, 200) << r.body;
    auto j = r.json();
    EXPECT_EQ(j["relationship"], "trust");
    EXPECT_EQ(j["year"], 2019);
    std::map<int, nlohmann::json> by_urn;
    for (const auto& item : j["items"]) by_urn[item["urn"]] = item;
    ASSERT_TRUE(by_urn.contains(kTrustSpecial));
    ASSERT_TRUE(by_urn.contains(kNewSchool));
    EXPECT_FALSE(by_urn.contains(kPartnerSchool));
    const Row& special = census_2019().at(kTrustSpecial);
    expect_figures(by_urn[kTrustSpecial], special.pupils, special.ehcp, special.support, "special");
    EXPECT_EQ(by_urn[kTrustSpecial]["la_name"], "Somerset");
    EXPECT_TRUE(by_urn[kNewSchool]["pupils"].is_null()) << "not in the 2019 census";

    // Descending by EHC plan percentage, schools without one last; totals add the complete ones.
    Sums sums;
    std::optional<double> last;
    bool seen_null = false;
    for (const auto& item : j["items"]) {
        if (item["ehcp_pct"].is_null()) {
            seen_null = true;
        } else {
            EXPECT_FALSE(seen_null) << "nulls last";
            if (last) {
                EXPECT_LE(item["ehcp_pct"].get<double>(), *last);
            }
            last = item["ehcp_pct"].get<double>();
        }
        if (!item["pupils"].is_null() && !item["ehcp"].is_null() && !item["sen_support"].is_null())
            sums.add({0, "", item["pupils"].get<std::int64_t>(), item["ehcp"].get<std::int64_t>(),
                      item["sen_support"].get<std::int64_t>()});
    }
    expect_sums(j["totals"], sums, "trust totals");

    auto partners = w.partnerships.api("GET", "/api/v1/insight/trust?relationship=partner");
    ASSERT_EQ(partners.status, 200);
    EXPECT_EQ(partners.json()["year"], 2025);
    bool partner_listed = false;
    const auto partner_items = partners.json()["items"];
    for (const auto& item : partner_items)
        partner_listed = partner_listed || item["urn"] == kPartnerSchool;
    EXPECT_TRUE(partner_listed) << partners.body;

    auto by_name = w.admin.api("GET", "/api/v1/insight/trust").json()["items"];
    for (std::size_t i = 1; i < by_name.size(); ++i)
        EXPECT_LE(by_name[i - 1]["name"].get<std::string>(), by_name[i]["name"].get<std::string>());

    for (const auto& [query, field] :
         std::vector<std::pair<std::string, std::string>>{{"relationship=friend", "relationship"},
                                                          {"sort=height", "sort"},
                                                          {"order=up", "order"},
                                                          {"year=2021", "year"}})
        expect_error(w.admin.api("GET", "/api/v1/insight/trust?" + query), 422, "invalid",
                     field.c_str());
}

TEST(Insight, TheCsvHoldsTheSameRowsInTheSameOrder) {
    World& w = insight_world();
    const std::string query = "?year=2025&sort=pupils&order=desc";
    auto json = w.coordinator.api("GET", "/api/v1/insight/trust" + query).json();
    auto csv = w.coordinator.send({"GET",
                                   "/api/v1/insight/trust.csv" + query,
                                   "",
                                   {"Authorization: Bearer " + w.coordinator.token}});
    ASSERT_EQ(csv.status, 200) << csv.body;
    EXPECT_NE(csv.header("content-type").find("text/csv"), std::string::npos);
    EXPECT_NE(csv.header("content-disposition").find("attachment"), std::string::npos);
    std::stringstream in(csv.body);
    std::string line;
    std::getline(in, line);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    EXPECT_EQ(line,
              "urn,name,la_code,la_name,school_type,pupils,ehcp,sen_support,ehcp_pct,"
              "sen_support_pct");
    std::size_t n = 0;
    for (const auto& item : json["items"]) {
        ASSERT_TRUE(std::getline(in, line)) << "a row per school";
        if (!line.empty() && line.back() == '\r') line.pop_back();
        std::string expected;
        for (const char* key : {"urn", "name", "la_code", "la_name", "school_type", "pupils",
                                "ehcp", "sen_support", "ehcp_pct", "sen_support_pct"})
            expected +=
                (expected.empty() && std::string(key) == "urn" ? "" : ",") + csv_cell(item[key]);
        EXPECT_EQ(line, expected) << "row " << n;
        ++n;
    }
    EXPECT_FALSE(std::getline(in, line) && !line.empty()) << "no extra rows";
    EXPECT_GT(n, 2u);
    expect_error(w.coordinator.api("GET", "/api/v1/insight/trust.csv?sort=height"), 422, "invalid",
                 "sort");
}

TEST(Insight, EachRoleSeesOnlyWhatItMay) {
    World& w = insight_world();
    const std::string own = "/api/v1/insight/schools/" + std::to_string(kOwnSchool);
    const std::string other = "/api/v1/insight/schools/" + std::to_string(kTrustSpecial);
    for (Client* school : {&w.senco, &w.headteacher}) {
        auto r = school->api("GET", own);
        ASSERT_EQ(r.status, 200) << r.body;
        EXPECT_EQ(r.json()["years"].back()["la"]["name"], "Somerset");
        expect_error(school->api("GET", other), 404, "not_found", nullptr);
        for (const char* path :
             {"/api/v1/insight/trust", "/api/v1/insight/england",
              "/api/v1/insight/local-authorities/933", "/api/v1/insight/trust.csv"})
            expect_error(school->api("GET", path), 403, "forbidden", nullptr);
    }
    for (Client* none : {&w.school_staff, &w.finance})
        for (const std::string& path : {own, other, std::string("/api/v1/insight/england"),
                                        std::string("/api/v1/insight/trust")})
            expect_error(none->api("GET", path), 403, "forbidden", nullptr);
    for (Client* reader : {&w.practitioner, &w.partnerships, &w.coordinator, &w.admin})
        EXPECT_EQ(reader->api("GET", other).status, 200);
    EXPECT_EQ(Client(server().base_url()).api("GET", "/api/v1/insight/england").status, 401);
}

TEST(InsightPages, EachViewShowsItsFiguresWithAChartBesideATable) {
    World& w = insight_world();
    Client coordinator = browser_for(w.coordinator);
    auto trust = coordinator.get("/insight?year=2019");
    ASSERT_EQ(trust.status, 200) << trust.body;
    EXPECT_NE(trust.body.find("<svg"), std::string::npos);
    EXPECT_NE(trust.body.find("Insight school " + std::to_string(kTrustSpecial)),
              std::string::npos);
    EXPECT_EQ(coordinator.get("/insight?year=2021").status, 422);

    auto school = coordinator.get("/insight/schools/" + std::to_string(kTrustSpecial));
    ASSERT_EQ(school.status, 200);
    EXPECT_NE(school.body.find("Somerset"), std::string::npos);
    EXPECT_NE(school.body.find("<table"), std::string::npos);

    auto la = coordinator.get("/insight/local-authorities/933");
    ASSERT_EQ(la.status, 200);
    EXPECT_NE(la.body.find("Social, emotional and mental health"), std::string::npos);

    Client senco = browser_for(w.senco);
    EXPECT_EQ(senco.get("/insight/schools/" + std::to_string(kOwnSchool)).status, 200);
    EXPECT_EQ(senco.get("/insight/schools/" + std::to_string(kTrustSpecial)).status, 404);
    EXPECT_EQ(senco.get("/insight").status, 403);
    EXPECT_EQ(browser_for(w.finance).get("/insight").status, 403);
    auto signed_out = Client(server().base_url()).get("/insight");
    EXPECT_EQ(signed_out.status, 303);
    EXPECT_NE(signed_out.header("location").find("/login"), std::string::npos);
}

}  // namespace sendhub::testing
