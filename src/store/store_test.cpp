// Store tests against a real SQLite file (never a mock): migrations, transactions,
// sessions, throttling and idempotency keys.
#include <gtest/gtest.h>

#include <filesystem>

#include "security/random.hpp"
#include "store/agreement_store.hpp"
#include "store/idempotency_store.hpp"
#include "store/invoice_store.hpp"
#include "store/login_throttle.hpp"
#include "store/migrations.hpp"
#include "store/school_store.hpp"
#include "store/session_store.hpp"
#include "store/tariff_store.hpp"
#include "store/user_store.hpp"

namespace sendhub {
namespace {

class StoreTest : public ::testing::Test {
  protected:
    void SetUp() override {
        dir_ = std::filesystem::temp_directory_path() / ("sendhub-store-" + random_token(6));
        db_ = open_database("sqlite:" + (dir_ / "test.db").string());
        migrate(*db_);
    }
    void TearDown() override {
        db_.reset();
        std::filesystem::remove_all(dir_);
    }
    User add_user(std::string email) {
        User u{.email = std::move(email), .name = "Test", .role = Role::coordinator};
        return *UserStore(*db_).create(u, "hash", {});
    }

    std::filesystem::path dir_;
    std::unique_ptr<Database> db_;
};

School school(std::int64_t urn) {
    return {.urn = SchoolUrn{urn},
            .name = "School " + std::to_string(urn),
            .postcode = "TA1 3ES",
            .phase = Phase::primary,
            .local_authority = "Somerset",
            .la_code = 933};
}

}  // namespace

TEST_F(StoreTest, MigratingTwiceAppliesNothingTheSecondTime) {
    EXPECT_TRUE(migrate(*db_).empty());
    EXPECT_GE(latest_migration_version("sqlite"), 1);
}

TEST_F(StoreTest, UsesWalAndFullSynchronousWrites) {
    db_->write([](SqlConnection& c) {
        EXPECT_EQ(c.query_with("PRAGMA journal_mode").front().text(0), "wal");
        EXPECT_EQ(c.query_with("PRAGMA synchronous").front().integer(0), 2);  // FULL
    });
}

TEST_F(StoreTest, AnErrorResultRollsTheWriteBack) {
    auto result = db_->write([&](SqlConnection& c) -> Result<int> {
        c.execute_with("INSERT INTO outcodes (outcode, latitude, longitude) VALUES ('ZZ1', 1, 2)");
        return std::unexpected(Error::conflict("test", "roll back"));
    });
    EXPECT_FALSE(result);
    auto count = db_->read([](SqlConnection& c) {
        return c.query_with("SELECT count(*) FROM outcodes WHERE outcode = 'ZZ1'")
            .front()
            .integer(0);
    });
    EXPECT_EQ(count, 0);
}

TEST_F(StoreTest, ParametersAreNeverSpliced) {
    SchoolStore schools(*db_);
    ASSERT_TRUE(schools.create(school(123456), {}));
    auto page = schools.list({.search = "'; DROP TABLE schools; --"});
    EXPECT_TRUE(page.items.empty());
    EXPECT_EQ(schools.count(), 1);
}

TEST_F(StoreTest, ListsPageByCursor) {
    SchoolStore schools(*db_);
    for (int urn = 100001; urn <= 100005; ++urn) ASSERT_TRUE(schools.create(school(urn), {}));
    auto first = schools.list({.limit = 2});
    ASSERT_EQ(first.items.size(), 2u);
    ASSERT_TRUE(first.next_cursor);
    auto second = schools.list({.after_urn = std::stoll(*first.next_cursor), .limit = 3});
    EXPECT_EQ(second.items.size(), 3u);
    EXPECT_FALSE(second.next_cursor);
    EXPECT_EQ(second.items.front().urn.value, 100003);
}

TEST_F(StoreTest, UpsertTellsAddedUpdatedAndUnchanged) {
    db_->write([](SqlConnection& c) {
        EXPECT_EQ(SchoolStore::upsert(c, school(111111)), UpsertOutcome::added);
        EXPECT_EQ(SchoolStore::upsert(c, school(111111)), UpsertOutcome::unchanged);
        auto changed = school(111111);
        changed.pupils = 200;
        EXPECT_EQ(SchoolStore::upsert(c, changed), UpsertOutcome::updated);
    });
}

TEST_F(StoreTest, SessionsResolveUntilDestroyedAndStoreOnlyAHash) {
    auto user = add_user("a@example.org");
    SessionStore sessions(*db_, {});
    auto session = sessions.create(user.id);
    auto resolved = sessions.resolve(session.token);
    ASSERT_TRUE(resolved);
    EXPECT_EQ(resolved->actor.user_id, user.id);
    auto stored = db_->read([](SqlConnection& c) {
        return c.query_with("SELECT token_hash FROM sessions").front().text(0);
    });
    EXPECT_NE(stored, session.token);
    sessions.destroy(session.token);
    EXPECT_FALSE(sessions.resolve(session.token));
}

TEST_F(StoreTest, IdleSessionsExpire) {
    auto user = add_user("b@example.org");
    SessionStore sessions(*db_, {.idle = std::chrono::seconds{30}});
    auto session = sessions.create(user.id);
    db_->write([](SqlConnection& c) {
        c.execute_with("UPDATE sessions SET last_seen_at = last_seen_at - 31");
    });
    EXPECT_FALSE(sessions.resolve(session.token));
}

TEST_F(StoreTest, SessionsEndAtTheAbsoluteLimitEvenWhenActive) {
    auto user = add_user("c@example.org");
    SessionStore sessions(*db_, {.absolute = std::chrono::hours{12}});
    auto session = sessions.create(user.id);
    db_->write([](SqlConnection& c) {
        c.execute_with("UPDATE sessions SET created_at = created_at - 43201");
    });
    EXPECT_FALSE(sessions.resolve(session.token));
}

TEST_F(StoreTest, DeactivatingAUserEndsTheirSessions) {
    auto user = add_user("d@example.org");
    SessionStore sessions(*db_, {});
    auto session = sessions.create(user.id);
    ASSERT_TRUE(UserStore(*db_).set_active(user.id, false, {}));
    EXPECT_FALSE(sessions.resolve(session.token));
}

TEST_F(StoreTest, FiveAttemptsLockAnEmailForTheWindow) {
    LoginThrottle throttle(*db_);
    for (int i = 0; i < 5; ++i) EXPECT_TRUE(throttle.begin_attempt("x@example.org")) << i;
    EXPECT_FALSE(throttle.begin_attempt("x@example.org"));
    EXPECT_TRUE(throttle.begin_attempt("y@example.org"));
    db_->write([](SqlConnection& c) { c.execute_with("UPDATE login_failures SET at = at - 901"); });
    EXPECT_TRUE(throttle.begin_attempt("x@example.org"));
}

TEST_F(StoreTest, ASuccessfulAttemptForgetsTheEarlierOnes) {
    LoginThrottle throttle(*db_);
    for (int i = 0; i < 4; ++i) ASSERT_TRUE(throttle.begin_attempt("x@example.org"));
    throttle.succeeded("x@example.org");
    for (int i = 0; i < 5; ++i) EXPECT_TRUE(throttle.begin_attempt("x@example.org")) << i;
}

TEST_F(StoreTest, ChangingThePasswordEndsEveryOtherSessionOfThatUser) {
    auto user = add_user("p@example.org");
    auto other = add_user("q@example.org");
    SessionStore sessions(*db_, {});
    auto here = sessions.create(user.id);
    auto elsewhere = sessions.create(user.id);
    auto someone_else = sessions.create(other.id);
    ASSERT_TRUE(UserStore(*db_).set_password_hash(user.id, "new hash", here.token, {}));
    EXPECT_TRUE(sessions.resolve(here.token));
    EXPECT_FALSE(sessions.resolve(elsewhere.token));
    EXPECT_TRUE(sessions.resolve(someone_else.token));
}

TEST_F(StoreTest, IdempotencyKeysReplayAndRefuseOtherBodies) {
    auto user = add_user("e@example.org");
    IdempotencyStore keys(*db_);
    int runs = 0;
    auto run = [&]() -> std::optional<StoredResponse> {
        ++runs;
        return StoredResponse{201, "application/json", "{\"id\":1}"};
    };
    EXPECT_TRUE(std::holds_alternative<RanNow>(keys.run_once(user.id, "k1", "h1", run)));
    auto replay = keys.run_once(user.id, "k1", "h1", run);
    ASSERT_TRUE(std::holds_alternative<StoredResponse>(replay));
    EXPECT_EQ(std::get<StoredResponse>(replay).status, 201);
    EXPECT_TRUE(
        std::holds_alternative<KeyReusedWithOtherBody>(keys.run_once(user.id, "k1", "h2", run)));
    EXPECT_EQ(runs, 1);
}

TEST_F(StoreTest, AnIdempotentRequestsChangeAndItsAnswerCommitTogether) {
    auto user = add_user("g@example.org");
    IdempotencyStore keys(*db_);
    auto schools = [&] {
        return db_->read([](SqlConnection& c) {
            return c.query_with("SELECT count(*) FROM schools").front().integer(0);
        });
    };
    // A server error rolls back the change made inside the request, and keeps no answer.
    auto failing = [&]() -> std::optional<StoredResponse> {
        db_->write([](SqlConnection& c) { (void)SchoolStore::upsert(c, school(222222)); });
        return std::nullopt;
    };
    EXPECT_TRUE(std::holds_alternative<RanNow>(keys.run_once(user.id, "k2", "h", failing)));
    EXPECT_EQ(schools(), 0);
    // A crash mid-request is the same: nothing of it committed, so the retry runs afresh.
    EXPECT_THROW((void)keys.run_once(user.id, "k2", "h",
                                     [&]() -> std::optional<StoredResponse> {
                                         db_->write([](SqlConnection& c) {
                                             (void)SchoolStore::upsert(c, school(222222));
                                         });
                                         throw std::runtime_error("process died here");
                                     }),
                 std::runtime_error);
    EXPECT_EQ(schools(), 0);
    auto succeeding = [&]() -> std::optional<StoredResponse> {
        db_->write([](SqlConnection& c) { (void)SchoolStore::upsert(c, school(222222)); });
        // Reads inside the request see its own uncommitted change.
        EXPECT_EQ(schools(), 1);
        return StoredResponse{201, "application/json", "{}"};
    };
    EXPECT_TRUE(std::holds_alternative<RanNow>(keys.run_once(user.id, "k2", "h", succeeding)));
    EXPECT_TRUE(
        std::holds_alternative<StoredResponse>(keys.run_once(user.id, "k2", "h", succeeding)));
    EXPECT_EQ(schools(), 1);
}

TEST_F(StoreTest, AKeyLeftRunningByAnOlderVersionRunsAfreshInsteadOfBlocking) {
    auto user = add_user("h@example.org");
    db_->write([&](SqlConnection& c) {
        c.execute_with(
            "INSERT INTO idempotency_keys (user_id, idempotency_key, request_hash, status, "
            "created_at)"
            " VALUES (?, 'k3', 'h', 0, ?)",
            user.id.value, c.now_seconds());
    });
    IdempotencyStore keys(*db_);
    auto run = [] { return std::optional(StoredResponse{200, "application/json", "{}"}); };
    EXPECT_TRUE(std::holds_alternative<RanNow>(keys.run_once(user.id, "k3", "h", run)));
}

TEST_F(StoreTest, AFailedWriteInsideAWriteUndoesOnlyItself) {
    db_->write([&](SqlConnection& c) {
        (void)SchoolStore::upsert(c, school(333333));
        Result<void> refused = db_->write([](SqlConnection& inner) -> Result<void> {
            (void)SchoolStore::upsert(inner, school(444444));
            return std::unexpected(Error::conflict("no", "refused"));
        });
        EXPECT_FALSE(refused);
        EXPECT_THROW(db_->write([](SqlConnection& inner) {
            (void)SchoolStore::upsert(inner, school(555555));
            inner.execute_with("INSERT INTO schools (urn) VALUES (333333)");
        }),
                     DatabaseError);
    });
    auto urns = db_->read(
        [](SqlConnection& c) { return c.query_with("SELECT urn FROM schools ORDER BY urn"); });
    ASSERT_EQ(urns.size(), 1u);
    EXPECT_EQ(urns[0].integer(0), 333333);
}

TEST_F(StoreTest, DuplicateEmailIsAValidationErrorNotACrash) {
    add_user("f@example.org");
    User again{.email = "f@example.org", .name = "Again", .role = Role::finance};
    auto created = UserStore(*db_).create(again, "hash", {});
    ASSERT_FALSE(created);
    EXPECT_EQ(created.error().field, "email");
}

}  // namespace sendhub

namespace sendhub {

TEST_F(StoreTest, ARateChangeAppliesFromItsEffectiveDate) {
    TariffStore tariffs(*db_);
    ASSERT_TRUE(tariffs.add({TariffItem::teacher_day, 20000, *parse_date("2027-04-01")}, {}));
    auto on = [&](const char* date) {
        return db_->read([&](SqlConnection& c) {
            return AgreementStore::tariff_on(c, "teacher_day", *parse_date(date));
        });
    };
    EXPECT_EQ(on("2027-03-31"), 19000);  // the seed 002 price
    EXPECT_EQ(on("2027-04-01"), 20000);
    EXPECT_EQ(on("2028-01-01"), 20000);
    auto again = tariffs.add({TariffItem::teacher_day, 21000, *parse_date("2027-04-01")}, {});
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().code, "taken");
    EXPECT_EQ(tariffs.all().size(), 5u);
}

TEST_F(StoreTest, InvoiceNumbersRunWithoutGapsAndRestartEachFinancialYear) {
    db_->write([](SqlConnection& c) { (void)SchoolStore::upsert(c, school(111111)); });
    InvoiceStore invoices(*db_);
    auto buy_and_run = [&](const char* issued) {
        PackageTerms terms{
            SchoolUrn{111111},         Grade::teacher, 4, 38000, *parse_date("2026-09-01"),
            *parse_date("2027-08-31"), "2 days"};
        EXPECT_TRUE(invoices.add_package(terms, {}));
        auto run = invoices.run(*parse_date(issued), *parse_date(issued), {});
        EXPECT_TRUE(run);
        EXPECT_EQ(run->size(), 1u);
        return run->front().number;
    };
    EXPECT_EQ(buy_and_run("2027-03-30"), "INV-2026-27-0001");
    EXPECT_EQ(buy_and_run("2027-03-31"), "INV-2026-27-0002");
    EXPECT_EQ(buy_and_run("2027-04-01"), "INV-2027-28-0001");
    // A run with nothing left to charge issues nothing and uses no number.
    EXPECT_TRUE(invoices.run(*parse_date("2027-04-01"), *parse_date("2027-04-01"), {})->empty());
    EXPECT_EQ(buy_and_run("2027-04-02"), "INV-2027-28-0002");
}

TEST_F(StoreTest, CreditNotesCorrectAnInvoiceWhichIsNeverRewritten) {
    db_->write([](SqlConnection& c) { (void)SchoolStore::upsert(c, school(111111)); });
    InvoiceStore invoices(*db_);
    PackageTerms terms{
        SchoolUrn{111111},         Grade::teacher, 4, 38000, *parse_date("2026-09-01"),
        *parse_date("2027-08-31"), "2 days"};
    ASSERT_TRUE(invoices.add_package(terms, {}));
    auto id = invoices.run(*parse_date("2026-11-20"), *parse_date("2026-11-20"), {})->front().id;
    auto part = invoices.credit(id, 8000, "One day not needed", *parse_date("2026-11-21"), {});
    ASSERT_TRUE(part);
    EXPECT_EQ(part->status, InvoiceStatus::issued);
    EXPECT_EQ(part->credit_notes.at(0).number, "CN-2026-27-0001");
    EXPECT_EQ(part->outstanding_pence(), 30000);
    EXPECT_EQ(part->total_pence, 38000);  // the invoice itself is unchanged
    auto too_much = invoices.credit(id, 30001, "x", *parse_date("2026-11-21"), {});
    EXPECT_EQ(too_much.error().field, "amount_pence");
    auto rest =
        invoices.credit(id, std::nullopt, "Package cancelled", *parse_date("2026-11-22"), {});
    ASSERT_TRUE(rest);
    EXPECT_EQ(rest->status, InvoiceStatus::credited);
    EXPECT_EQ(rest->credit_notes.at(1).amount_pence, 30000);
    EXPECT_EQ(invoices.credit(id, 1, "x", *parse_date("2026-11-22"), {}).error().kind,
              ErrorKind::conflict);
    EXPECT_EQ(invoices.add_payment(id, std::nullopt, *parse_date("2026-11-22"), {}).error().kind,
              ErrorKind::conflict);
}

}  // namespace sendhub
