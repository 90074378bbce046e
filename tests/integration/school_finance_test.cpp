// What a school business manager needs to pay an invoice: the trust's address, VAT status
// and bank details, the school's purchase order number, part payments, and credit notes as
// documents of their own, with issued documents never changing afterwards.
#include <gtest/gtest.h>

#include <set>

#include "world.hpp"

namespace sendhub::testing {
namespace {

const nlohmann::json kTrust{{"name", "Bridge Learning Trust"},
                            {"address", "1 Mill Lane\nExeter\nEX1 1AA"},
                            {"email", "Finance@Bridge.example"},
                            {"phone", "01632 960 001"},
                            {"vat_number", ""},
                            {"bank_account_name", "Bridge Learning Trust"},
                            {"sort_code", "309950"},
                            {"account_number", "00733445"}};

nlohmann::json invoice_for_agreement(Client& finance, int agreement_id) {
    for (const auto& inv : all_invoices(finance))
        for (const auto& line : inv["lines"])
            if (line["agreement_id"] == agreement_id) return inv;
    return nullptr;
}

}  // namespace

TEST(SchoolFinance, OnlyTheAdministratorSetsTheTrustsDetailsAndEachFieldIsChecked) {
    World& w = world();
    EXPECT_EQ(w.finance.api("PUT", "/api/v1/settings/trust", kTrust).status, 403);
    EXPECT_EQ(w.senco.api("PUT", "/api/v1/settings/trust", kTrust).status, 403);

    auto bad = kTrust;
    bad["sort_code"] = "12-34";
    bad["vat_number"] = "GB12";
    bad["address"] = " ";
    auto refused = w.admin.api("PUT", "/api/v1/settings/trust", bad);
    ASSERT_EQ(refused.status, 422) << refused.body;
    const auto answer = refused.json();
    std::set<std::string> fields;
    for (const auto& f : answer["error"]["fields"]) fields.insert(f["field"].get<std::string>());
    EXPECT_EQ(fields, (std::set<std::string>{"address", "sort_code", "vat_number"}))
        << refused.body;

    auto saved = w.admin.api("PUT", "/api/v1/settings/trust", kTrust);
    ASSERT_EQ(saved.status, 200) << saved.body;
    EXPECT_EQ(saved.json()["sort_code"], "30-99-50");
    EXPECT_EQ(saved.json()["email"], "finance@bridge.example");
    EXPECT_TRUE(saved.json()["vat_number"].is_null());
    EXPECT_EQ(w.senco.api("GET", "/api/v1/settings/trust").json()["account_number"], "00733445");
}

TEST(SchoolFinance, ThePurchaseOrderReachesTheInvoiceAndItsPdf) {
    World& w = world();
    ASSERT_EQ(w.admin.api("PUT", "/api/v1/settings/trust", kTrust).status, 200);
    auto work = deliver(w, {-300}, 10);
    std::string agreement = "/api/v1/agreements/" + std::to_string(work.agreement_id);
    expect_error(w.senco.api("PUT", agreement + "/purchase-order",
                             {{"purchase_order", std::string(51, '7')}}),
                 422, "too_long", "purchase_order");
    EXPECT_EQ(w.practitioner.api("PUT", agreement + "/purchase-order", {{"purchase_order", "PO1"}})
                  .status,
              403);
    auto set = w.senco.api("PUT", agreement + "/purchase-order", {{"purchase_order", " PO-4471 "}});
    ASSERT_EQ(set.status, 200) << set.body;
    EXPECT_EQ(set.json()["purchase_order"], "PO-4471");

    ASSERT_EQ(w.finance.api("POST", "/api/v1/invoices/run", {{"period_end", day(-1)}}).status, 200);
    auto invoice = invoice_for_agreement(w.finance, work.agreement_id);
    ASSERT_TRUE(invoice.is_object());
    EXPECT_EQ(invoice["purchase_order"], "PO-4471");
    // Changing the number later does not rewrite the issued invoice.
    ASSERT_EQ(
        w.senco.api("PUT", agreement + "/purchase-order", {{"purchase_order", "PO-9999"}}).status,
        200);
    auto path = "/api/v1/invoices/" + std::to_string(invoice["id"].get<int>());
    EXPECT_EQ(w.finance.api("GET", path).json()["purchase_order"], "PO-4471");

    auto text = pdf_text(w.senco.api("GET", path + ".pdf").body, "po-invoice.pdf");
    EXPECT_NE(text.find("PO-4471"), std::string::npos) << text;
    EXPECT_NE(text.find("30-99-50"), std::string::npos) << text;
    EXPECT_NE(text.find("Mill Lane"), std::string::npos) << text;
    EXPECT_NE(text.find("Not registered for VAT"), std::string::npos) << text;
}

TEST(SchoolFinance, TheAgreementPdfIsAnOrderForm) {
    World& w = world();
    ASSERT_EQ(w.admin.api("PUT", "/api/v1/settings/trust", kTrust).status, 200);
    const int id = agree(w, 3, 40);
    const std::string agreement = "/api/v1/agreements/" + std::to_string(id);
    ASSERT_EQ(
        w.senco.api("PUT", agreement + "/purchase-order", {{"purchase_order", "PO-5150"}}).status,
        200);
    auto pdf = w.senco.api("GET", agreement + ".pdf");
    ASSERT_EQ(pdf.status, 200);
    const auto text = pdf_text(pdf.body, "order-form.pdf");
    for (const char* part :
         {"Bridge Learning Trust", "Mill Lane", "Not registered for VAT",  // who sells
          "School 123641", "PO-5150",                                      // who buys
          "Sessions and prices", "Quantity", "Amount", "3 days", "£190.00", "£570.00",
          "Changes and cancellation", "Payment", "within 30 days", "Acceptance",
          "Accepted on behalf of"})
        EXPECT_NE(text.find(part), std::string::npos) << part << " is missing from\n" << text;
    // Dates read as people write them.
    EXPECT_EQ(text.find(day(40)), std::string::npos) << text;
}

TEST(SchoolFinance, PartPaymentsAddUpAndTheIssuedPdfNeverChanges) {
    World& w = world();
    auto work = deliver(w, {-310}, 0);
    ASSERT_EQ(w.finance.api("POST", "/api/v1/invoices/run", {{"period_end", day(-1)}}).status, 200);
    auto invoice = invoice_for_agreement(w.finance, work.agreement_id);
    ASSERT_TRUE(invoice.is_object());
    const auto total = invoice["total_pence"].get<std::int64_t>();
    ASSERT_GT(total, 10000);  // at least the teacher day, with whatever else was due
    auto path = "/api/v1/invoices/" + std::to_string(invoice["id"].get<int>());
    const std::string first_pdf = w.finance.api("GET", path + ".pdf").body;

    EXPECT_EQ(w.senco.api("POST", path + "/payments", {{"amount_pence", 100}, {"paid_on", day(0)}})
                  .status,
              403);
    expect_error(
        w.finance.api("POST", path + "/payments", {{"amount_pence", 0}, {"paid_on", day(0)}}), 422,
        "invalid", "amount_pence");
    expect_error(w.finance.api("POST", path + "/payments",
                               {{"amount_pence", total + 1}, {"paid_on", day(0)}}),
                 422, "invalid", "amount_pence");
    expect_error(
        w.finance.api("POST", path + "/payments", {{"amount_pence", 100}, {"paid_on", day(3)}}),
        422, "in_future", "paid_on");

    auto part =
        w.finance.api("POST", path + "/payments", {{"amount_pence", 9000}, {"paid_on", day(0)}});
    ASSERT_EQ(part.status, 201) << part.body;
    EXPECT_EQ(part.json()["status"], "part_paid");
    EXPECT_EQ(part.json()["paid_pence"], 9000);
    EXPECT_EQ(part.json()["outstanding_pence"], total - 9000);
    EXPECT_TRUE(part.json()["paid_on"].is_null());

    auto credited =
        w.finance.api("POST", path + "/credit", {{"amount_pence", 1000}, {"reason", "Goodwill"}});
    ASSERT_EQ(credited.status, 200) << credited.body;
    EXPECT_EQ(credited.json()["outstanding_pence"], total - 10000);
    auto part_paid = w.finance.api("GET", "/api/v1/invoices?status=part_paid").json()["items"];
    bool listed = false;
    for (const auto& i : part_paid) listed = listed || i["id"] == invoice["id"];
    EXPECT_TRUE(listed);

    auto rest = w.finance.api("POST", path + "/payments",
                              {{"amount_pence", total - 10000}, {"paid_on", day(0)}});
    ASSERT_EQ(rest.status, 201) << rest.body;
    EXPECT_EQ(rest.json()["status"], "paid");
    EXPECT_EQ(rest.json()["paid_on"], day(0));
    EXPECT_EQ(rest.json()["payments"].size(), 2u);
    expect_error(
        w.finance.api("POST", path + "/payments", {{"amount_pence", 1}, {"paid_on", day(0)}}), 409,
        "not_issued", nullptr);

    // The invoice as issued is the document kept: payments and credits do not rewrite it.
    EXPECT_EQ(w.senco.api("GET", path + ".pdf").body, first_pdf);

    int note_id = credited.json()["credit_notes"][0]["id"];
    auto note = w.senco.api("GET", "/api/v1/credit-notes/" + std::to_string(note_id) + ".pdf");
    ASSERT_EQ(note.status, 200);
    EXPECT_EQ(note.header("content-type"), "application/pdf");
    auto text = pdf_text(note.body, "credit-note.pdf");
    EXPECT_NE(text.find(credited.json()["credit_notes"][0]["number"].get<std::string>()),
              std::string::npos)
        << text;
    EXPECT_NE(text.find(invoice["number"].get<std::string>()), std::string::npos) << text;
    EXPECT_NE(text.find("£10.00"), std::string::npos) << text;

    auto statement =
        w.senco.api("GET", "/api/v1/schools/" + std::to_string(kOwnSchool) + "/statement");
    const auto entries = statement.json()["entries"];
    int payments = 0;
    for (const auto& e : entries)
        if (e["kind"] == "payment" && e["invoice_id"] == invoice["id"]) ++payments;
    EXPECT_EQ(payments, 2);
}

TEST(SchoolFinance, AnotherSchoolsCreditNoteDoesNotExist) {
    World& w = world();
    auto work = deliver(w, {-320}, 0);
    ASSERT_EQ(w.finance.api("POST", "/api/v1/invoices/run", {{"period_end", day(-1)}}).status, 200);
    auto invoice = invoice_for_agreement(w.finance, work.agreement_id);
    auto path = "/api/v1/invoices/" + std::to_string(invoice["id"].get<int>());
    auto credited =
        w.finance.api("POST", path + "/credit", {{"amount_pence", 500}, {"reason", "Late start"}});
    ASSERT_EQ(credited.status, 200);
    int note_id = credited.json()["credit_notes"][0]["id"];

    Client other(server().base_url());
    ASSERT_EQ(w.admin
                  .api("POST", "/api/v1/users",
                       {{"email", "senco.elsewhere@school.example"},
                        {"name", "Other SENCO"},
                        {"role", "senco"},
                        {"school_urn", kOtherSchool},
                        {"password", "a-long-test-password"}})
                  .status,
              201);
    ASSERT_EQ(other.login_api("senco.elsewhere@school.example", "a-long-test-password"), 200);
    EXPECT_EQ(other.api("GET", "/api/v1/credit-notes/" + std::to_string(note_id) + ".pdf").status,
              404);
    EXPECT_EQ(other.api("GET", "/api/v1/credit-notes/999999.pdf").status, 404);
}

}  // namespace sendhub::testing
