// Two `sendhub serve` instances on one PostgreSQL database behind nginx (the documented
// deploy/nginx/sendhub.conf, over TLS): whatever one instance does, the other sees, and
// work done on both at once is neither lost nor done twice.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <thread>

#include "load_balancer.hpp"
#include "world.hpp"

namespace sendhub::testing {
namespace {

struct Pair {
    Server& a = server();
    Server b{Server::ExistingDatabase{server().db_url()}, {"--behind-tls"}};
    LoadBalancer nginx{{a.port(), b.port()}};
};

Pair& pair() {
    static Pair instances;
    return instances;
}

//! One value from the shared database, read with psql.
std::string database_value(const std::string& sql) {
    std::string command = "psql -At '" + server().db_url() + "' -c \"" + sql + "\"";
    std::string out;
    if (FILE* pipe = popen(command.c_str(), "r")) {
        char buffer[256];
        while (std::fgets(buffer, sizeof buffer, pipe)) out += buffer;
        pclose(pipe);
    }
    while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
    return out;
}

Client through(const Server& instance, const Client& signed_in) {
    Client c(instance.base_url());
    c.cookies = signed_in.cookies;
    c.token = signed_in.token;
    return c;
}

}  // namespace

TEST(TwoInstances, RunOnPostgresql) {
    ASSERT_TRUE(server().on_postgresql())
        << "set SENDHUB_TEST_POSTGRES (tests/integration/on_postgresql.sh does)";
}

TEST(TwoInstances, TheLoadBalancerServesTlsAndRedirectsPlainHttp) {
    Pair& p = pair();
    Client browser(p.nginx.https_url());
    browser.ca_file = p.nginx.certificate();
    auto login = browser.get("/login");
    EXPECT_EQ(login.status, 200);
    EXPECT_NE(login.header("strict-transport-security"), "");
    Client plain(p.nginx.http_url());
    auto redirect = plain.get("/login");
    EXPECT_EQ(redirect.status, 301);
    EXPECT_EQ(redirect.header("location").rfind("https://", 0), 0u) << redirect.header("location");
}

TEST(TwoInstances, ASessionMadeThroughTheBalancerWorksOnEitherInstanceAndEndsOnBoth) {
    Pair& p = pair();
    auto password = p.a.add_user("lb.coordinator@it.example.org", "coordinator");
    Client browser(p.nginx.https_url());
    browser.ca_file = p.nginx.certificate();
    ASSERT_EQ(browser.login_form("lb.coordinator@it.example.org", password), 303);
    ASSERT_TRUE(browser.cookies.contains("__Host-sendhub_session"));

    Client on_a = through(p.a, browser), on_b = through(p.b, browser);
    auto home_a = on_a.get("/"), home_b = on_b.get("/");
    EXPECT_EQ(home_a.status, 200);
    EXPECT_EQ(home_b.status, 200);
    EXPECT_NE(home_b.body.find("Sign out"), std::string::npos);

    // A form's CSRF token from one instance is good on the other: sign out on B with A's page.
    std::string csrf = csrf_from(home_a.body);
    ASSERT_FALSE(csrf.empty());
    auto out = on_b.send({"POST",
                          "/logout",
                          form_encode({{"csrf_token", csrf}}),
                          {"Content-Type: application/x-www-form-urlencoded"}});
    EXPECT_EQ(out.status, 303);
    Client stale = through(p.a, browser);
    EXPECT_EQ(stale.get("/").status, 303)
        << "signed out on B, so A must send the browser to sign in";
}

TEST(TwoInstances, AnApiTokenFromOneInstanceWorksOnTheOther) {
    Pair& p = pair();
    auto password = p.a.add_user("lb.finance@it.example.org", "finance");
    Client on_b(p.b.base_url());
    ASSERT_EQ(on_b.login_api("lb.finance@it.example.org", password), 200);
    Client on_a = through(p.a, on_b);
    auto me = on_a.api("GET", "/api/v1/me");
    EXPECT_EQ(me.status, 200);
    EXPECT_EQ(me.json()["email"], "lb.finance@it.example.org") << me.body;
}

TEST(TwoInstances, AQuietInstanceHoldsNoReadTransactionOpen) {
    // A read's COMMIT waits to travel with the connection's next statements; when no more
    // come, the pool sends it on its own within a tick (20 ms), so no snapshot is held for
    // long. The mailer's pass, once a second, would end it too: hence three short windows.
    Pair& p = pair();
    auto password = p.a.add_user("lb.quiet@it.example.org", "finance");
    Client on_a(p.a.base_url());
    ASSERT_EQ(on_a.login_api("lb.quiet@it.example.org", password), 200);
    const std::string open_transactions =
        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
        "AND pid <> pg_backend_pid() AND xact_start IS NOT NULL";
    for (int round = 0; round < 3; ++round) {
        for (int i = 0; i < 10; ++i) ASSERT_EQ(on_a.api("GET", "/api/v1/me").status, 200);
        auto quiet_from = std::chrono::steady_clock::now();
        std::string still_open;
        while ((still_open = database_value(open_transactions)) != "0" &&
               std::chrono::steady_clock::now() - quiet_from < std::chrono::milliseconds(150))
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        EXPECT_EQ(still_open, "0") << "a quiet instance still holds a transaction open";
    }
}

TEST(TwoInstances, FailedSignInsCountAcrossInstances) {
    Pair& p = pair();
    auto password = p.a.add_user("lb.locked@it.example.org", "finance");
    Client on_a(p.a.base_url()), on_b(p.b.base_url());
    for (int i = 0; i < 5; ++i)
        EXPECT_EQ((i % 2 ? on_b : on_a).login_api("lb.locked@it.example.org", "wrong password"),
                  401);
    EXPECT_EQ(on_a.login_api("lb.locked@it.example.org", password), 429);
    EXPECT_EQ(on_b.login_api("lb.locked@it.example.org", password), 429);
}

TEST(TwoInstances, AnIdempotencyKeyUsedOnOneInstanceReplaysOnTheOther) {
    Pair& p = pair();
    World& w = world();
    Client senco_b = through(p.b, w.senco);
    auto body = individual(12);
    auto first = w.senco.api("POST", "/api/v1/requests", body, {"Idempotency-Key: lb-once"});
    auto again = senco_b.api("POST", "/api/v1/requests", body, {"Idempotency-Key: lb-once"});
    ASSERT_EQ(first.status, 201) << first.body;
    EXPECT_EQ(again.status, 201);
    EXPECT_EQ(again.json()["id"], first.json()["id"]);
    EXPECT_EQ(again.header("idempotent-replayed"), "true");
}

TEST(TwoInstances, InvoiceRunsOnBothAtOnceChargeEachVisitOnceWithGapFreeNumbers) {
    Pair& p = pair();
    World& w = world();
    std::vector<Delivered> work;
    for (int start : {-200, -150, -100})
        work.push_back(deliver(w, {start, start + 1, start + 2, start + 3}, 12, 0.5));

    constexpr int kRunsPerInstance = 3;
    std::vector<HttpResponse> runs(2 * kRunsPerInstance);
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < runs.size(); ++i) {
        threads.emplace_back([&, i] {
            Client finance = through(i % 2 ? p.b : p.a, w.finance);
            runs[i] = finance.api("POST", "/api/v1/invoices/run", {{"period_end", day(-1)}});
        });
    }
    for (auto& t : threads) t.join();
    for (const auto& r : runs) EXPECT_EQ(r.status, 200) << r.body;

    auto invoices = all_invoices(w.finance);
    for (const auto& d : work) {
        for (int id : d.visit_ids)
            EXPECT_EQ(lines_for_visit(invoices, id).size(), 2u)
                << "visit " << id << " (visit and travel)";
        int report_writing = 0;
        for (const auto& inv : invoices)
            for (const auto& l : inv["lines"])
                if (l["kind"] == "report_writing" && l["agreement_id"] == d.agreement_id)
                    ++report_writing;
        EXPECT_EQ(report_writing, 1) << "agreement " << d.agreement_id;
    }
    std::vector<int> sequence;
    for (const auto& inv : invoices) {
        std::string number = inv["number"];
        sequence.push_back(std::stoi(number.substr(number.rfind('-') + 1)));
    }
    std::ranges::sort(sequence);
    ASSERT_FALSE(sequence.empty());
    for (std::size_t i = 0; i < sequence.size(); ++i)
        EXPECT_EQ(sequence[i], static_cast<int>(i) + 1) << "numbers repeat or skip";
}

TEST(TwoInstances, EachEmailIsWrittenOnceByOneOfTheInstances) {
    Pair& p = pair();
    ASSERT_NE(database_value("SELECT count(*) FROM notifications"), "0")
        << "the tests above queue email";
    for (int i = 0;
         i < 150 &&
         database_value("SELECT count(*) FROM notifications WHERE sent_at IS NULL") != "0";
         ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    ASSERT_EQ(database_value("SELECT count(*) FROM notifications WHERE sent_at IS NULL"), "0");

    std::multiset<std::string> sent;
    for (const Server* instance : {&p.a, &p.b}) {
        if (!std::filesystem::exists(instance->mail_dir())) continue;
        for (const auto& file : std::filesystem::directory_iterator(instance->mail_dir()))
            if (file.path().extension() == ".eml") sent.insert(file.path().stem().string());
    }
    EXPECT_EQ(std::to_string(sent.size()), database_value("SELECT count(*) FROM notifications"));
    for (const auto& name : sent)
        EXPECT_EQ(sent.count(name), 1u) << name << " was written by both instances";
}

}  // namespace sendhub::testing
