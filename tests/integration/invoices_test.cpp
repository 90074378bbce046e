// Charging through the API: invoice runs (idempotent, never double-charging when run at
// once), documents and exports, payments, credit notes, packages and who sees what.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <thread>

#include "core/dates.hpp"
#include "world.hpp"

namespace sendhub::testing {
namespace {

nlohmann::json invoice_with_visit(const nlohmann::json& invoices, int visit_id) {
    for (const auto& inv : invoices)
        for (const auto& line : inv["lines"])
            if (line["visit_id"] == visit_id) return inv;
    return nullptr;
}

}  // namespace

TEST(Invoices, TheContractExampleIsInvoicedOnceAtFiveHundredAndEightyTwoPoundsSixty) {
    World& w = world();
    auto work = deliver(w, {-60, -53, -46}, 14);
    auto run = w.finance.api("POST", "/api/v1/invoices/run", {{"period_end", day(-1)}});
    ASSERT_EQ(run.status, 200) << run.body;
    auto invoices = all_invoices(w.finance);
    auto invoice = invoice_with_visit(invoices, work.visit_ids[0]);
    ASSERT_TRUE(invoice.is_object());
    EXPECT_EQ(invoice["school_urn"], kOwnSchool);
    EXPECT_EQ(invoice["status"], "issued");
    std::int64_t charged = 0;
    for (int id : work.visit_ids) {
        auto lines = lines_for_visit(invoices, id);
        ASSERT_EQ(lines.size(), 2u);  // days and travel, on one invoice
        EXPECT_EQ(invoice_with_visit(invoices, id)["id"], invoice["id"]);
        for (const auto& l : lines) charged += l["amount_pence"].get<std::int64_t>();
    }
    EXPECT_EQ(charged, 58260);
    std::int64_t sum = 0;
    for (const auto& l : invoice["lines"]) sum += l["amount_pence"].get<std::int64_t>();
    EXPECT_EQ(invoice["total_pence"], sum);  // the total is the sum of its lines
    EXPECT_EQ(invoice["number"].get<std::string>().substr(0, 4), "INV-");

    auto again = w.finance.api("POST", "/api/v1/invoices/run", {{"period_end", day(-1)}});
    ASSERT_EQ(again.status, 200);
    for (int id : work.visit_ids)
        EXPECT_EQ(lines_for_visit(all_invoices(w.finance), id).size(), 2u);
}

TEST(Invoices, TwoRunsAtOnceNeverChargeTheSameWorkTwice) {
    World& w = world();
    auto work = deliver(w, {-90, -89, -88, -87, -86, -85}, 10.5, 0.5);
    HttpResponse first, second;
    Client finance2(server().base_url());
    finance2.token = w.finance.token;
    std::thread a([&] {
        first = w.finance.api("POST", "/api/v1/invoices/run", {{"period_end", day(-1)}});
    });
    std::thread b([&] {
        second = finance2.api("POST", "/api/v1/invoices/run", {{"period_end", day(-1)}});
    });
    a.join();
    b.join();
    EXPECT_EQ(first.status, 200) << first.body;
    EXPECT_EQ(second.status, 200) << second.body;
    auto invoices = all_invoices(w.finance);
    for (int id : work.visit_ids)
        EXPECT_EQ(lines_for_visit(invoices, id).size(), 2u) << "visit " << id;
    int report_writing = 0;
    for (const auto& inv : invoices)
        for (const auto& l : inv["lines"])
            if (l["kind"] == "report_writing" && l["agreement_id"] == work.agreement_id)
                ++report_writing;
    EXPECT_EQ(report_writing, 1);
}

TEST(Invoices, PdfCsvAndXlsxCarryTheInvoice) {
    World& w = world();
    auto work = deliver(w, {-120}, 14);
    ASSERT_EQ(w.finance.api("POST", "/api/v1/invoices/run", {{"period_end", day(-1)}}).status, 200);
    auto invoice = invoice_with_visit(all_invoices(w.finance), work.visit_ids[0]);
    std::string path = "/api/v1/invoices/" + std::to_string(invoice["id"].get<int>());

    auto pdf = w.senco.api("GET", path + ".pdf");
    ASSERT_EQ(pdf.status, 200);
    EXPECT_EQ(pdf.header("content-type"), "application/pdf");
    const std::string extracted = pdf_text(pdf.body, "invoice.pdf");
    EXPECT_NE(extracted.find(invoice["number"].get<std::string>()), std::string::npos) << extracted;
    EXPECT_NE(extracted.find("School 123641"), std::string::npos) << extracted;
    EXPECT_NE(extracted.find("Payment terms"), std::string::npos) << extracted;
    EXPECT_NE(extracted.find("£194.20"), std::string::npos)
        << extracted;  // 1 day at £190 + 14 miles at 30p

    auto csv = w.finance.api("GET", "/api/v1/invoices.csv");
    ASSERT_EQ(csv.status, 200);
    EXPECT_NE(csv.header("content-type").find("text/csv"), std::string::npos);
    EXPECT_EQ(csv.body.rfind("record,document_number,invoice_number,", 0), 0u);
    EXPECT_NE(csv.body.find(invoice["number"].get<std::string>()), std::string::npos);

    auto xlsx = w.finance.api("GET", "/api/v1/invoices.xlsx");
    ASSERT_EQ(xlsx.status, 200);
    EXPECT_EQ(xlsx.body.substr(0, 2), "PK");  // a zip container
    auto book = server().dir() / "invoices.xlsx";
    std::ofstream(book, std::ios::binary) << xlsx.body;
    auto part = [&](const std::string& name) {
        std::string text;
        if (FILE* pipe =
                popen(("python3 -c \"import zipfile,sys; "
                       "print(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]).decode())\" " +
                       book.string() + " " + name)
                          .c_str(),
                      "r")) {
            char buffer[4096];
            while (auto n = fread(buffer, 1, sizeof buffer, pipe)) text.append(buffer, n);
            pclose(pipe);
        }
        return text;
    };
    EXPECT_NE(part("xl/sharedStrings.xml").find(invoice["number"].get<std::string>()),
              std::string::npos);
    // Money is in pounds with a currency format and dates are real dates, so the sheet sorts,
    // filters and sums as it opens: 14 miles at 30p is the number 4.2, and the issue date is
    // stored as Excel's day number (days since 30 December 1899).
    const std::string sheet = part("xl/worksheets/sheet1.xml");
    EXPECT_NE(sheet.find("<v>4.2</v>"), std::string::npos) << sheet.substr(0, 2000);
    const Date issued = *parse_date(invoice["issue_date"].get<std::string>());
    const auto serial =
        (std::chrono::sys_days{issued} - std::chrono::sys_days{std::chrono::year{1899} / 12 / 30})
            .count();
    EXPECT_NE(sheet.find("<v>" + std::to_string(serial) + "</v>"), std::string::npos);
    EXPECT_NE(sheet.find("<autoFilter"), std::string::npos);
    const std::string styles = part("xl/styles.xml");
    EXPECT_NE(styles.find("dd/mm/yyyy"), std::string::npos);
    EXPECT_NE(styles.find("#,##0.00"), std::string::npos);
    // The CSV keeps the finance system's format: ISO dates and integer pence.
    EXPECT_NE(csv.body.find(invoice["issue_date"].get<std::string>()), std::string::npos);
    EXPECT_NE(csv.body.find(",30,420\r\n"), std::string::npos) << csv.body.substr(0, 1000);
}

TEST(Invoices, PaymentsAndCreditNotesMoveTheStatusAndTheStatement) {
    World& w = world();
    auto work = deliver(w, {-150, -149}, 20);
    ASSERT_EQ(w.finance.api("POST", "/api/v1/invoices/run", {{"period_end", day(-1)}}).status, 200);
    auto invoice = invoice_with_visit(all_invoices(w.finance), work.visit_ids[0]);
    std::string path = "/api/v1/invoices/" + std::to_string(invoice["id"].get<int>());
    std::int64_t total = invoice["total_pence"];

    auto bad = w.finance.api("POST", path + "/credit",
                             {{"amount_pence", total + 1}, {"reason", "Too much"}});
    EXPECT_EQ(bad.status, 422);
    EXPECT_EQ(bad.json()["error"]["field"], "amount_pence");
    EXPECT_EQ(
        w.finance.api("POST", path + "/credit", {{"amount_pence", 600}}).json()["error"]["field"],
        "reason");
    EXPECT_EQ(
        w.senco.api("POST", path + "/credit", {{"amount_pence", 600}, {"reason", "x"}}).status,
        403);
    auto credited =
        w.finance.api("POST", path + "/credit",
                      {{"amount_pence", 600}, {"reason", "20 miles should have been 0"}});
    ASSERT_EQ(credited.status, 200) << credited.body;
    EXPECT_EQ(credited.json()["credited_pence"], 600);
    EXPECT_EQ(credited.json()["total_pence"], total);
    EXPECT_EQ(credited.json()["status"], "issued");
    EXPECT_EQ(credited.json()["credit_notes"][0]["number"].get<std::string>().substr(0, 3), "CN-");

    EXPECT_EQ(w.finance.api("POST", path + "/pay", {{"paid_on", day(30)}}).json()["error"]["field"],
              "paid_on");
    auto paid = w.finance.api("POST", path + "/pay", {{"paid_on", day(0)}});
    ASSERT_EQ(paid.status, 200) << paid.body;
    EXPECT_EQ(paid.json()["status"], "paid");
    EXPECT_EQ(paid.json()["paid_on"], day(0));
    EXPECT_EQ(w.finance.api("POST", path + "/pay", {{"paid_on", day(0)}}).status, 409);

    auto statement =
        w.senco.api("GET", "/api/v1/schools/" + std::to_string(kOwnSchool) + "/statement");
    ASSERT_EQ(statement.status, 200);
    bool saw_invoice = false, saw_credit = false, saw_payment = false;
    auto entries = statement.json()["entries"];
    for (const auto& e : entries) {
        if (e["reference"] == invoice["number"]) saw_invoice = e["amount_pence"] == total;
        if (e["kind"] == "credit_note" && e["amount_pence"] == -600) saw_credit = true;
        if (e["reference"] == "Payment of " + invoice["number"].get<std::string>())
            saw_payment = e["amount_pence"] == -(total - 600);
    }
    EXPECT_TRUE(saw_invoice && saw_credit && saw_payment) << statement.body;
    EXPECT_EQ(
        w.senco.api("GET", "/api/v1/schools/" + std::to_string(kOtherSchool) + "/statement").status,
        404);
}

TEST(Invoices, APackageIsChargedOnceAndVisitsDrawItDown) {
    World& w = world();
    // Not before the other tests' visits (day -150 at the earliest) so only this visit draws it.
    nlohmann::json body{
        {"school_urn", kOtherSchool}, {"grade", "teacher"},    {"days", 3},
        {"price_pence", 54000},       {"starts_on", day(-20)}, {"ends_on", day(200)}};
    EXPECT_EQ(w.senco.api("POST", "/api/v1/packages", body).status, 403);
    auto bad = body;
    bad["ends_on"] = day(-30);
    EXPECT_EQ(w.finance.api("POST", "/api/v1/packages", bad).json()["error"]["field"], "ends_on");
    auto created = w.finance.api("POST", "/api/v1/packages", body);
    ASSERT_EQ(created.status, 201) << created.body;
    int package_id = created.json()["id"];
    std::string package = "/api/v1/packages/" + std::to_string(package_id);
    EXPECT_EQ(created.json()["days_left"], 3.0);
    EXPECT_EQ(w.senco.api("GET", package).status, 404);  // another school's package

    // A visit at the other school, delivered inside the package's dates.
    auto request_body = individual();
    request_body["school_urn"] = kOtherSchool;
    const std::string path = assigned_request(w, request_body);
    auto agreement = w.coordinator.api("POST", path + "/agreement",
                                       {{"type", "Training"},
                                        {"level", "teacher"},
                                        {"frequency", "one_off"},
                                        {"sessions", 1},
                                        {"session_days", 1},
                                        {"start_date", day(-10)},
                                        {"report_writing_days", 0},
                                        {"outcomes", {"Staff trained"}}});
    ASSERT_EQ(agreement.status, 201) << agreement.body;
    // Only the other school's SENCO may accept; sign one in.
    Client other_senco(server().base_url());
    w.admin.api("POST", "/api/v1/users",
                {{"email", "pkg.senco@it.example.org"},
                 {"name", "Package SENCO"},
                 {"role", "senco"},
                 {"school_urn", kOtherSchool},
                 {"password", "a-long-test-password"}});
    ASSERT_EQ(other_senco.login_api("pkg.senco@it.example.org", "a-long-test-password"), 200);
    std::string agreement_path =
        "/api/v1/agreements/" + std::to_string(agreement.json()["id"].get<int>());
    ASSERT_EQ(other_senco.api("POST", agreement_path + "/accept").status, 200);
    auto visit = w.coordinator.api("POST", agreement_path + "/visits",
                                   {{"date", school_day(-10)}, {"days", 1}});
    ASSERT_EQ(visit.status, 201) << visit.body;
    int visit_id = visit.json()["id"];
    ASSERT_EQ(w.practitioner
                  .api("POST", "/api/v1/visits/" + std::to_string(visit_id) + "/report",
                       {{"work_undertaken", "Training."},
                        {"actions_agreed", "Use it."},
                        {"next_steps", "None."},
                        {"miles", 10}})
                  .status,
              200);

    ASSERT_EQ(w.finance.api("POST", "/api/v1/invoices/run", {{"period_end", day(-1)}}).status, 200);
    auto invoices = all_invoices(w.finance);
    auto lines = lines_for_visit(invoices, visit_id);
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_EQ(lines[0]["package_id"], package_id);
    EXPECT_EQ(lines[0]["amount_pence"], 0);
    EXPECT_EQ(lines[0]["package_days_drawn"], 1.0);
    EXPECT_EQ(lines[1]["kind"], "travel");
    EXPECT_EQ(lines[1]["amount_pence"], 300);
    int package_lines = 0;
    for (const auto& inv : invoices)
        for (const auto& l : inv["lines"])
            if (l["kind"] == "package" && l["package_id"] == package_id) {
                ++package_lines;
                EXPECT_EQ(l["amount_pence"], 54000);
            }
    EXPECT_EQ(package_lines, 1);
    auto after = other_senco.api("GET", package);
    ASSERT_EQ(after.status, 200);
    EXPECT_EQ(after.json()["days_left"], 2.0);
    EXPECT_EQ(after.json()["days_drawn"], 1.0);
}

TEST(Invoices, SchoolsSeeOnlyTheirOwnAndPractitionersSeeNoPrices) {
    World& w = world();
    ASSERT_EQ(w.finance.api("POST", "/api/v1/invoices/run", {{"period_end", day(-1)}}).status, 200);
    for (const auto& inv : all_invoices(w.senco)) EXPECT_EQ(inv["school_urn"], kOwnSchool);
    for (const auto& inv : all_invoices(w.finance)) {
        if (inv["school_urn"] != kOtherSchool) continue;
        std::string path = "/api/v1/invoices/" + std::to_string(inv["id"].get<int>());
        EXPECT_EQ(w.senco.api("GET", path).status, 404);
        EXPECT_EQ(w.senco.api("GET", path + ".pdf").status, 404);
        EXPECT_EQ(
            w.senco.api("GET", "/api/v1/invoices.csv").body.find(inv["number"].get<std::string>()),
            std::string::npos);
        break;
    }
    EXPECT_EQ(w.practitioner.api("GET", "/api/v1/invoices").status, 403);
    EXPECT_EQ(w.coordinator.api("GET", "/api/v1/invoices").status, 403);
    EXPECT_EQ(w.senco.api("POST", "/api/v1/invoices/run", {{"period_end", day(-1)}}).status, 403);
    auto future = w.finance.api("POST", "/api/v1/invoices/run", {{"period_end", day(5)}});
    EXPECT_EQ(future.status, 422);
    EXPECT_EQ(future.json()["error"]["field"], "period_end");
    EXPECT_EQ(w.finance.api("POST", "/api/v1/invoices/run", {{"period_end", "soon"}}).status, 422);

    auto summary = w.finance.api("GET", "/api/v1/finance/summary");
    ASSERT_EQ(summary.status, 200);
    EXPECT_FALSE(summary.json()["income_by_month"].empty());
    EXPECT_EQ(w.senco.api("GET", "/api/v1/finance/summary").status, 403);
}

}  // namespace sendhub::testing

namespace sendhub::testing {

TEST(Invoices, PractitionersSeeTheirMileageButNoDayRates) {
    World& w = world();
    auto work = deliver(w, {-200}, 12);
    auto agreement =
        w.practitioner.api("GET", "/api/v1/agreements/" + std::to_string(work.agreement_id));
    ASSERT_EQ(agreement.status, 200);
    auto a = agreement.json();
    EXPECT_TRUE(a["day_rate_pence"].is_null());
    for (const auto& line : a["quote"]["lines"])
        EXPECT_NE(line["description"].get<std::string>().find("travel"), std::string::npos) << line;
    EXPECT_FALSE(w.senco.api("GET", "/api/v1/agreements/" + std::to_string(work.agreement_id))
                     .json()["day_rate_pence"]
                     .is_null());
}

TEST(InvoicePages, FinanceRunsCreditsAndRecordsPaymentsThroughForms) {
    World& w = world();
    auto work = deliver(w, {-230}, 8);
    Client finance = browser_for(w.finance);
    auto bad = finance.post_form("/invoices", "/invoices/run", {{"period_end", "last month"}});
    EXPECT_EQ(bad.status, 422);
    EXPECT_NE(bad.body.find("id=\"period_end-error\""), std::string::npos);
    auto ran = finance.post_form("/invoices", "/invoices/run", {{"period_end", day(-1)}});
    ASSERT_EQ(ran.status, 303);
    auto invoice = invoice_with_visit(all_invoices(w.finance), work.visit_ids[0]);
    std::string page = "/invoices/" + std::to_string(invoice["id"].get<int>());
    auto shown = finance.get(page);
    ASSERT_EQ(shown.status, 200);
    EXPECT_NE(shown.body.find(invoice["number"].get<std::string>()), std::string::npos);
    EXPECT_NE(shown.body.find(".pdf"), std::string::npos);

    auto no_reason =
        finance.post_form(page, page + "/credit", {{"credit_amount", "1.00"}, {"reason", ""}});
    EXPECT_EQ(no_reason.status, 422);
    EXPECT_NE(no_reason.body.find("id=\"reason-error\""), std::string::npos);
    EXPECT_EQ(
        finance.post_form(page, page + "/credit", {{"credit_amount", "£1"}, {"reason", "Goodwill"}})
            .status,
        303);
    const auto left = invoice["total_pence"].get<std::int64_t>() - 100;
    const std::string today = day(0);
    auto with_amount = [&](std::string pounds) {
        return std::vector<std::pair<std::string, std::string>>{
            {"payment_amount", std::move(pounds)},
            {"paid_on-year", today.substr(0, 4)},
            {"paid_on-month", today.substr(5, 2)},
            {"paid_on-day", today.substr(8, 2)}};
    };
    auto too_much = finance.post_form(page, page + "/payments", with_amount("999999"));
    EXPECT_EQ(too_much.status, 422);
    EXPECT_NE(too_much.body.find("id=\"payment_amount-error\""), std::string::npos);
    EXPECT_EQ(finance.post_form(page, page + "/payments", with_amount("1.50")).status, 303);
    EXPECT_EQ(w.finance.api("GET", "/api/v1" + page).json()["status"], "part_paid");
    EXPECT_EQ(finance
                  .post_form(page, page + "/payments",
                             with_amount(std::to_string((left - 150) / 100) + "." +
                                         std::to_string((left - 150) % 100 / 10) +
                                         std::to_string((left - 150) % 10)))
                  .status,
              303);
    auto after = w.finance.api("GET", "/api/v1" + page).json();
    EXPECT_EQ(after["status"], "paid");
    EXPECT_EQ(after["credited_pence"], 100);

    auto dashboard = finance.get("/finance");
    ASSERT_EQ(dashboard.status, 200);
    EXPECT_NE(dashboard.body.find("<svg"), std::string::npos);
    EXPECT_NE(dashboard.body.find("role=\"img\""), std::string::npos);
    EXPECT_NE(dashboard.body.find("<table"), std::string::npos);  // the same figures as a table

    Client senco = browser_for(w.senco);
    EXPECT_EQ(senco.get(page).status, 200);  // their own school's invoice
    EXPECT_NE(senco.get("/schools/" + std::to_string(kOwnSchool) + "/statement")
                  .body.find(invoice["number"].get<std::string>()),
              std::string::npos);
    EXPECT_EQ(senco.get("/schools/" + std::to_string(kOtherSchool) + "/statement").status, 404);
    EXPECT_EQ(senco.get("/finance").status, 403);
    EXPECT_EQ(senco.get("/packages").status, 200);
    EXPECT_EQ(browser_for(w.practitioner).get("/invoices").status, 403);
}

}  // namespace sendhub::testing
