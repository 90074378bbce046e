// Words in front of users (api-contract-daily-use.md): no page or document shows requirement
// references, placeholder text or demo labels; the footer's pages are open to everyone.
#include <gtest/gtest.h>

#include <array>
#include <regex>

#include "world.hpp"

namespace sendhub::testing {
namespace {

//! Developer words that must never reach a user, found case-insensitively.
const std::regex& developer_words() {
    static const std::regex words(
        R"(seed 0\d\d|\(seed|api-contract|issue \d+|\bdemo:|\btodo\b|\bfixme\b|lorem ipsum|placeholder text)",
        std::regex::icase);
    return words;
}

void expect_plain_words(const std::string& where, const std::string& text) {
    std::smatch found;
    if (std::regex_search(text, found, developer_words()))
        ADD_FAILURE() << where << " shows \"" << found.str() << "\"";
}

}  // namespace

TEST(Words, TheFooterPagesAreOpenToEveryoneAndLinkedFromEveryPage) {
    Client anyone(server().base_url());
    for (const std::string path :
         {"/help", "/contact", "/privacy", "/accessibility", "/offer", "/register"}) {
        auto page = anyone.get(path);
        ASSERT_EQ(page.status, 200) << path;
        expect_plain_words(path, page.body);
        for (const char* link : {"href=\"/help\"", "href=\"/contact\"", "href=\"/privacy\"",
                                 "href=\"/accessibility\""})
            EXPECT_NE(page.body.find(link), std::string::npos) << path << " lacks " << link;
    }
    EXPECT_NE(anyone.get("/login").body.find("href=\"/privacy\""), std::string::npos);
    // The contact page gives the trust's details once the administrator has recorded them.
    World& w = world();
    auto settings = w.admin.api("GET", "/api/v1/settings/trust").json();
    if (settings.contains("email") && settings["email"].is_string() &&
        !settings["email"].get<std::string>().empty()) {
        EXPECT_NE(anyone.get("/contact").body.find(settings["email"].get<std::string>()),
                  std::string::npos);
    }
}

TEST(Words, NoPageOrDocumentShowsRequirementReferencesOrDemoLabels) {
    World& w = world();
    Delivered work = deliver(w, {-355}, 2);
    const std::string agreement = std::to_string(work.agreement_id);
    auto agreement_json = w.senco.api("GET", "/api/v1/agreements/" + agreement).json();
    const std::string request = std::to_string(agreement_json["request_id"].get<int>());

    const std::array<std::pair<Client*, std::vector<std::string>>, 7> pages{{
        {&w.senco,
         {"/", "/requests", "/requests/new", "/requests/" + request, "/inbox", "/invoices"}},
        {&w.coordinator,
         {"/", "/requests", "/requests/" + request, "/feedback", "/plan", "/calendar"}},
        {&w.practitioner, {"/", "/visits", "/visits/" + std::to_string(work.visit_ids[0])}},
        {&w.finance, {"/", "/tariffs", "/finance", "/invoices", "/packages"}},
        {&w.admin, {"/", "/users", "/audit", "/settings/trust"}},
        {&w.partnerships,
         {"/", "/partnerships", "/partnerships/new", "/enquiries", "/registrations",
          "/invitations"}},
        {&w.headteacher, {"/", "/requests", "/invoices", "/schools/" + std::to_string(kOwnSchool)}},
    }};
    for (const auto& [client, paths] : pages) {
        Client browser = browser_for(*client);
        for (const auto& path : paths) {
            auto page = browser.get(path);
            EXPECT_EQ(page.status, 200) << path;
            expect_plain_words(path, page.body);
        }
    }
    auto report =
        w.senco.api("GET", "/api/v1/visits/" + std::to_string(work.visit_ids[0]) + "/report.pdf");
    ASSERT_EQ(report.status, 200);
    expect_plain_words("the visit report PDF", pdf_text(report.body, "words-report.pdf"));
    auto agreement_pdf = w.senco.api("GET", "/api/v1/agreements/" + agreement + ".pdf");
    ASSERT_EQ(agreement_pdf.status, 200);
    expect_plain_words("the agreement PDF", pdf_text(agreement_pdf.body, "words-agreement.pdf"));
    const auto invoices = all_invoices(w.finance);
    if (!invoices.empty()) {
        auto invoice = w.finance.api(
            "GET", "/api/v1/invoices/" + std::to_string(invoices[0]["id"].get<int>()) + ".pdf");
        expect_plain_words("an invoice PDF", pdf_text(invoice.body, "words-invoice.pdf"));
    }
}

TEST(Words, TheCheckFindsWhatItLooksFor) {
    // The pattern itself is tested, so a page that did show these would fail.
    for (const char* bad : {"Seed 002: what schools said", "Visit report (seed 002)",
                            "Demo: a note", "See api-contract.md", "TODO"})
        EXPECT_TRUE(std::regex_search(std::string(bad), developer_words())) << bad;
    for (const char* fine :
         {"Special educational needs", "Issued on 14 December 2026", "Demonstration lesson"})
        EXPECT_FALSE(std::regex_search(std::string(fine), developer_words())) << fine;
}

}  // namespace sendhub::testing
