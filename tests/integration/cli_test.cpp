// The command line: help, user add, the school import (idempotent) and graceful shutdown.
#include <gtest/gtest.h>

#include <fstream>

#include "harness.hpp"

namespace sendhub::testing {
namespace {
void write(const std::filesystem::path& path, const std::string& text) {
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path) << text;
}
}  // namespace

TEST(Cli, EverySubcommandHasHelp) {
    for (std::vector<std::string> args : {std::vector<std::string>{"serve", "--help"},
                                          {"migrate", "--help"},
                                          {"demo", "--help"},
                                          {"user", "add", "--help"},
                                          {"import", "schools", "--help"},
                                          {"import", "bank-holidays", "--help"}}) {
        auto r = server().run(args);
        EXPECT_EQ(r.exit_code, 0) << args.front();
        EXPECT_NE(r.output.find("Usage: sendhub"), std::string::npos) << args.front();
    }
    EXPECT_EQ(server().run({"frobnicate"}).exit_code, 2);
    EXPECT_EQ(server().run({"serve", "--bogus", "1"}).exit_code, 2);
}

TEST(Cli, UserAddRefusesAShortPasswordWithAClearMessage) {
    auto r = server().run({"user", "add", "--db", server().db_url(), "--email",
                           "short.cli@it.example.org", "--name", "Short", "--role", "admin"},
                          "short\n");
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.output.find("12 characters"), std::string::npos) << r.output;
}

TEST(Cli, ImportSchoolsIsIdempotentAndReportsRejections) {
    auto data = server().dir() / "shared-data";
    write(data / "schools/england_school_coords_2024-25.csv",
          "URN,SCHNAME,POSTCODE,ISPRIMARY,ISSECONDARY,LAT,LON\n"
          "400001,Import Primary,TA1 3ES,1,0,51.0,-3.1\n"
          "400002,Import Secondary,EX4 6PX,0,1,50.7,-3.5\n"
          "400003,Orphan School,EX4 6PX,0,1,50.7,-3.5\n");
    write(
        data / "sen_school_level/england_census_2024-25.csv",
        "URN,LA,Estab,SCHOOLTYPE,NOR,TSENELSE,TSENELK\n400001,933,1,State-funded primary,200,5,30\n"
        "400002,878,2,State-funded secondary,900,20,100\n");
    write(data / "sen_school_level/la_and_region_codes_meta_2024-25.csv",
          "LEA,LA Name,REGION,REGION NAME\n933,Somerset,9,South West\n878,Devon,9,South West\n");
    auto first = server().run(
        {"import", "schools", "--db", server().db_url(), "--shared-data", data.string()});
    ASSERT_EQ(first.exit_code, 0) << first.output;
    EXPECT_NE(first.output.find("2 added, 0 updated, 0 unchanged, 1 rejected"), std::string::npos)
        << first.output;
    EXPECT_NE(first.output.find("no January census row"), std::string::npos) << first.output;
    auto second = server().run(
        {"import", "schools", "--db", server().db_url(), "--shared-data", data.string()});
    EXPECT_NE(second.output.find("0 added, 0 updated, 2 unchanged, 1 rejected"), std::string::npos)
        << second.output;
    auto only_devon = server().run({"import", "schools", "--db", server().db_url(), "--shared-data",
                                    data.string(), "--la", "878"});
    EXPECT_NE(only_devon.output.find("0 added, 0 updated, 1 unchanged"), std::string::npos)
        << only_devon.output;
}

TEST(Cli, BankHolidaysAreReplacedFromGovUksFile) {
    // A database of its own: the suite's server keeps the bank holidays that ship.
    auto db = "sqlite:" + (server().dir() / "bank-holidays.db").string();
    auto file = server().dir() / "bank-holidays.json";
    write(file, R"({"england-and-wales": {"division": "england-and-wales", "events": [
        {"title": "New Year’s Day", "date": "2029-01-01", "notes": "", "bunting": true},
        {"title": "Good Friday", "date": "2029-03-30", "notes": "", "bunting": false},
        {"title": "Good Friday", "date": "2029-03-30", "notes": "", "bunting": false}]},
        "scotland": {"division": "scotland", "events": [{"title": "St Andrew’s Day",
        "date": "2029-11-30"}]}})");
    for (int run = 0; run < 2; ++run) {  // the same file twice: the same answer
        auto r = server().run({"import", "bank-holidays", "--db", db, "--file", file.string()});
        EXPECT_EQ(r.exit_code, 0) << r.output;
        EXPECT_NE(r.output.find("bank holidays: 2 loaded"), std::string::npos) << r.output;
    }
    write(file, R"({"scotland": {"events": []}})");
    auto wrong = server().run({"import", "bank-holidays", "--db", db, "--file", file.string()});
    EXPECT_EQ(wrong.exit_code, 1);
    EXPECT_NE(wrong.output.find("england-and-wales"), std::string::npos) << wrong.output;
    EXPECT_EQ(server().run({"import", "bank-holidays", "--db", db}).exit_code, 2);
}

TEST(Cli, ImportFromAMissingFolderFailsClearly) {
    auto r = server().run(
        {"import", "schools", "--db", server().db_url(), "--shared-data", "/nonexistent"});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.output.find("cannot read"), std::string::npos) << r.output;
}

TEST(Cli, ServeStopsCleanlyOnSigterm) {
    Server own;  // a second server, so the shared one keeps running
    Client c(own.base_url());
    EXPECT_EQ(c.get("/healthz").status, 200);
    EXPECT_EQ(own.stop(), 0);
}

}  // namespace sendhub::testing
