// Moving and saving a whole installation: `sendhub copy` between engines, and `sendhub
// backup` / `restore`, each checked table by table (rows and checksums) and by signing in.
#include <gtest/gtest.h>

#include <cstdlib>
#include <random>

#include "world.hpp"

namespace sendhub::testing {
namespace {

//! A new, empty database on the other engine when the tests run on PostgreSQL (so both
//! directions are covered), else a new SQLite file.
std::string new_database(const std::string& name, bool postgresql) {
    if (postgresql)
        return create_postgres_database(name + "_" + std::to_string(std::random_device{}()));
    return "sqlite:" + (server().dir() / (name + ".db")).string();
}

//! The table lines of a fingerprint report: everything before the closing summary line.
std::string fingerprint_lines(const std::string& output) {
    auto last = output.rfind('\n', output.size() - 2);
    return output.substr(0, last);
}

}  // namespace

TEST(Copy, MovesEveryTableToAnotherEngineAndTheCopyServesTheSameData) {
    World& w = world();
    auto password = server().add_user("copy.check@it.example.org", "coordinator");
    bool on_postgresql = server().on_postgresql();

    // On PostgreSQL: PostgreSQL to SQLite, then that SQLite file to a new PostgreSQL database.
    std::string first = new_database("copy_first", false);
    auto there = server().run({"copy", "--from", server().db_url(), "--to", first});
    ASSERT_EQ(there.exit_code, 0) << there.output;
    EXPECT_NE(there.output.find("copy: every table matches"), std::string::npos) << there.output;
    std::string second = new_database("copy_second", on_postgresql);
    auto back = server().run({"copy", "--from", first, "--to", second});
    ASSERT_EQ(back.exit_code, 0) << back.output;

    Server copy(Server::ExistingDatabase{second});
    Client c(copy.base_url());
    ASSERT_EQ(c.login_api("copy.check@it.example.org", password), 200);
    auto original = w.coordinator.api("GET", "/api/v1/requests?limit=200");
    auto copied = c.api("GET", "/api/v1/requests?limit=200");
    ASSERT_EQ(copied.status, 200);
    EXPECT_EQ(copied.json()["items"], original.json()["items"]);
    // New rows continue after the copied ids instead of colliding with them.
    Client senco(copy.base_url());
    senco.token = w.senco.token;
    auto created = senco.api("POST", "/api/v1/requests", individual());
    EXPECT_EQ(created.status, 201) << created.body;
}

TEST(Copy, RefusesADestinationThatHoldsDataAndExplainsWhy) {
    std::string destination = new_database("copy_twice", server().on_postgresql());
    ASSERT_EQ(server().run({"copy", "--from", server().db_url(), "--to", destination}).exit_code,
              0);
    auto again = server().run({"copy", "--from", server().db_url(), "--to", destination});
    EXPECT_EQ(again.exit_code, 1);
    EXPECT_NE(again.output.find("already holds data"), std::string::npos) << again.output;
    EXPECT_EQ(server().run({"copy", "--from", server().db_url()}).exit_code, 2);
}

TEST(Backup, ARestoreMatchesItsBackupTableByTableAndLeavesOutLaterChanges) {
    world();
    auto file = (server().dir() / "sendhub.backup").string();
    auto saved = server().run({"backup", "--db", server().db_url(), "--to", file});
    ASSERT_EQ(saved.exit_code, 0) << saved.output;
    auto later = server().add_user("after.backup@it.example.org", "finance");

    std::string target = new_database("restored", server().on_postgresql());
    auto restored = server().run({"restore", "--db", target, "--from", file});
    ASSERT_EQ(restored.exit_code, 0) << restored.output;
    EXPECT_EQ(fingerprint_lines(restored.output), fingerprint_lines(saved.output));

    Server from_backup(Server::ExistingDatabase{target});
    Client c(from_backup.base_url());
    EXPECT_EQ(c.login_api("after.backup@it.example.org", later), 401)
        << "added after the backup, so not restored";

    auto missing = server().run(
        {"restore", "--db", target, "--from", (server().dir() / "no-such-file").string()});
    EXPECT_EQ(missing.exit_code, 1);
    EXPECT_NE(missing.output.find("There is no backup"), std::string::npos) << missing.output;
}

}  // namespace sendhub::testing

namespace sendhub::testing {

TEST(Demo, FillsAnEmptyDatabaseOnceAndItsAdminCanSignIn) {
    const char* shared = std::getenv("SENDHUB_SHARED_DATA");
    std::string data =
        shared && *shared ? shared : std::string(SENDHUB_SOURCE_DIR) + "/../shared/data";
    std::string db = new_database("demo", server().on_postgresql());
    EXPECT_EQ(server().run({"demo", "--db", db, "--check"}).exit_code, 1)
        << "an empty database has no demo data";
    auto loaded = server().run({"demo", "--db", db, "--shared-data", data});
    ASSERT_EQ(loaded.exit_code, 0) << loaded.output;
    EXPECT_EQ(server().run({"demo", "--db", db, "--check"}).exit_code, 0);

    auto at = loaded.output.find("admin@spt.example.org");
    ASSERT_NE(at, std::string::npos) << loaded.output;
    auto line_end = loaded.output.find('\n', at);
    std::string password = loaded.output.substr(loaded.output.rfind(' ', line_end) + 1,
                                                line_end - loaded.output.rfind(' ', line_end) - 1);
    Server demo(Server::ExistingDatabase{db});
    Client admin(demo.base_url());
    EXPECT_EQ(admin.login_api("admin@spt.example.org", password), 200);
    auto waiting = admin.api("GET", "/api/v1/requests?status=accepted");
    ASSERT_EQ(waiting.status, 200);
    EXPECT_EQ(waiting.json()["items"].size(), 6u)
        << "the planner's six requests waiting for a practitioner";
}

}  // namespace sendhub::testing
