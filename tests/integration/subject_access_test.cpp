// Subject access (api-contract-trust.md): an administrator finds every request of a school
// naming a child and downloads one ZIP of the child's records, other children left out and
// safeguarding concerns never included; audited.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

#include "world.hpp"

namespace sendhub::testing {
namespace {

// One file of a ZIP, read by Python's zipfile (a reader sendhub does not share code with).
std::string zip_member(const std::string& zip, const std::string& name, const std::string& file) {
    auto path = server().dir() / file;
    std::ofstream(path, std::ios::binary) << zip;
    std::string command =
        "python3 -c 'import sys, zipfile; sys.stdout.buffer.write(zipfile.ZipFile("
        "sys.argv[1]).read(sys.argv[2]))' " +
        path.string() + " " + name;
    std::string out;
    if (FILE* pipe = popen(command.c_str(), "r")) {
        char buffer[4096];
        while (auto n = fread(buffer, 1, sizeof buffer, pipe)) out.append(buffer, n);
        pclose(pipe);
    }
    return out;
}

nlohmann::json group_naming(const char* first, const char* second) {
    auto body = individual(40);
    body["kind"] = "group";
    body["consent"]["type"] = "verbal";
    body["pupils"] = {pupil(first), pupil(second), pupil("OTHER3")};
    return body;
}

}  // namespace

TEST(SubjectAccess, FindsEveryRequestOfTheSchoolNamingTheChild) {
    World& w = world();
    auto one = w.senco.api("POST", "/api/v1/requests", group_naming("SAR1", "SAR2"));
    ASSERT_EQ(one.status, 201) << one.body;
    auto single = individual(40);
    single["pupils"][0]["ref"] = "sar1";
    auto two = w.senco.api("POST", "/api/v1/requests", single);
    ASSERT_EQ(two.status, 201) << two.body;

    auto found = w.admin.api("POST", "/api/v1/subject-access/search",
                             {{"school_urn", kOwnSchool}, {"ref", " Sar1 "}});
    ASSERT_EQ(found.status, 200) << found.body;
    const auto items = found.json()["items"];
    ASSERT_EQ(items.size(), 2U);
    EXPECT_EQ(items[0]["request_id"], one.json()["id"]);
    EXPECT_EQ(items[0]["kind"], "group");
    EXPECT_EQ(items[0]["status"], "submitted");
    EXPECT_EQ(items[0]["reference"], one.json()["reference"]);
    EXPECT_EQ(items[1]["request_id"], two.json()["id"]);

    // Another school's requests are never found by this school's URN.
    auto elsewhere = w.admin.api("POST", "/api/v1/subject-access/search",
                                 {{"school_urn", kOtherSchool}, {"ref", "SAR1"}});
    EXPECT_EQ(elsewhere.json()["items"].size(), 0U);

    expect_error(w.admin.api("POST", "/api/v1/subject-access/search",
                             {{"school_urn", 999999}, {"ref", "SAR1"}}),
                 422, "invalid", "school_urn");
    expect_error(w.admin.api("POST", "/api/v1/subject-access/search",
                             {{"school_urn", kOwnSchool}, {"ref", "  "}}),
                 422, "required", "ref");
    for (Client* other : {&w.coordinator, &w.senco, &w.finance, &w.headteacher})
        EXPECT_EQ(other
                      ->api("POST", "/api/v1/subject-access/search",
                            {{"school_urn", kOwnSchool}, {"ref", "SAR1"}})
                      .status,
                  403);
}

TEST(SubjectAccess, ExportsOneZipOfTheChildsRecordsOnlyAndAuditsIt) {
    World& w = world();
    auto group = w.senco.api("POST", "/api/v1/requests", group_naming("SAX1", "SAX2"));
    ASSERT_EQ(group.status, 201) << group.body;
    auto zip = w.admin.api("POST", "/api/v1/subject-access/export",
                           {{"school_urn", kOwnSchool}, {"ref", "sax1"}});
    ASSERT_EQ(zip.status, 200) << zip.body;
    EXPECT_EQ(zip.header("content-type"), "application/zip");
    EXPECT_NE(zip.header("content-disposition").find("attachment"), std::string::npos);
    EXPECT_TRUE(zip.body.starts_with("PK"));

    auto exported = nlohmann::json::parse(zip_member(zip.body, "subject-access.json", "sar.zip"));
    EXPECT_EQ(exported["school_urn"], kOwnSchool);
    EXPECT_EQ(exported["ref"], "sax1");
    EXPECT_TRUE(exported["generated_at"].is_string());
    ASSERT_EQ(exported["requests"].size(), 1U);
    const auto& request = exported["requests"][0];
    EXPECT_EQ(request["id"], group.json()["id"]);
    EXPECT_EQ(request["group_size"], 3);
    ASSERT_EQ(request["pupils"].size(), 1U);  // the other two children left out
    EXPECT_EQ(request["pupils"][0]["ref"], "SAX1");
    for (const char* key : {"agreements", "reports", "progress", "feedback"})
        EXPECT_TRUE(exported[key].is_array()) << key;
    EXPECT_EQ(zip.body.find("SAX2"), std::string::npos);

    auto pdf = zip_member(zip.body, "subject-access.pdf", "sar-pdf.zip");
    EXPECT_TRUE(pdf.starts_with("%PDF-"));
    auto text = pdf_text(pdf, "sar.pdf");
    EXPECT_NE(text.find("SAX1"), std::string::npos) << text;
    EXPECT_EQ(text.find("SAX2"), std::string::npos) << text;

    auto audit = w.admin.api("GET", "/api/v1/audit?action=export&entity=subject_access&entity_id=" +
                                        std::to_string(kOwnSchool));
    ASSERT_EQ(audit.status, 200);
    const auto entries = audit.json()["items"];
    ASSERT_FALSE(entries.empty());
    EXPECT_NE(entries[0]["detail"].dump().find(std::to_string(group.json()["id"].get<int>())),
              std::string::npos)
        << entries[0].dump();
    EXPECT_EQ(entries[0].dump().find("SAX"), std::string::npos);  // never the child's reference
    EXPECT_EQ(w.coordinator
                  .api("POST", "/api/v1/subject-access/export",
                       {{"school_urn", kOwnSchool}, {"ref", "sax1"}})
                  .status,
              403);
}

TEST(SubjectAccess, ReportsProgressAndFeedbackGoInButNeverAConcern) {
    World& w = world();
    auto work = deliver(w, {-390, -395}, 10);
    const std::string agreement_path = "/api/v1/agreements/" + std::to_string(work.agreement_id);
    auto concern = w.practitioner.api(
        "POST", "/api/v1/visits/" + std::to_string(work.visit_ids[0]) + "/concerns",
        {{"summary", "Unmistakable concern words."}, {"dsl_told_in_person", false}});
    ASSERT_EQ(concern.status, 201) << concern.body;
    auto agreement = w.admin.api("GET", agreement_path).json();
    const int request_id = agreement["request_id"];
    auto zip = w.admin.api("POST", "/api/v1/subject-access/export",
                           {{"school_urn", kOwnSchool}, {"ref", "AB"}});
    ASSERT_EQ(zip.status, 200);
    auto exported = nlohmann::json::parse(zip_member(zip.body, "subject-access.json", "ab.zip"));
    bool found_request = false;
    for (const auto& r : exported["requests"]) found_request |= r["id"] == request_id;
    EXPECT_TRUE(found_request);
    int reports = 0;
    for (const auto& r : exported["reports"])
        if (r["visit_id"] == work.visit_ids[0] || r["visit_id"] == work.visit_ids[1]) {
            ++reports;
            EXPECT_EQ(r["work_undertaken"], "Observed.");
        }
    EXPECT_EQ(reports, 2);
    EXPECT_EQ(zip_member(zip.body, "subject-access.json", "ab2.zip").find("Unmistakable"),
              std::string::npos);
    auto text = pdf_text(zip_member(zip.body, "subject-access.pdf", "ab3.zip"), "ab.pdf");
    EXPECT_EQ(text.find("Unmistakable"), std::string::npos);
}

TEST(SubjectAccess, ThePageFindsAndDownloads) {
    World& w = world();
    auto group = w.senco.api("POST", "/api/v1/requests", group_naming("SAP1", "SAP2"));
    ASSERT_EQ(group.status, 201) << group.body;
    Client admin = browser_for(w.admin);
    auto blank =
        admin.post_form("/subject-access", "/subject-access", {{"school_urn", ""}, {"ref", ""}});
    EXPECT_EQ(blank.status, 422);
    EXPECT_NE(blank.body.find("href=\"#school_urn\""), std::string::npos);
    EXPECT_NE(blank.body.find("href=\"#ref\""), std::string::npos);
    auto found = admin.post_form("/subject-access", "/subject-access",
                                 {{"school_urn", std::to_string(kOwnSchool)}, {"ref", "SAP1"}});
    ASSERT_EQ(found.status, 200);
    EXPECT_NE(found.body.find(group.json()["reference"].get<std::string>()), std::string::npos);
    auto zip = admin.post_form("/subject-access", "/subject-access/export",
                               {{"school_urn", std::to_string(kOwnSchool)}, {"ref", "SAP1"}});
    ASSERT_EQ(zip.status, 200);
    EXPECT_TRUE(zip.body.starts_with("PK"));
    EXPECT_EQ(browser_for(w.coordinator).get("/subject-access").status, 403);
}

}  // namespace sendhub::testing
