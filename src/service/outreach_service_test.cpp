// The outreach service against a real SQLite database (never a mock), on a fixed clock:
// each change writes exactly one audit row and one history line, and an action that is
// refused changes nothing at all.
#include "service/outreach_service.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include "core/clock.hpp"
#include "security/random.hpp"
#include "store/migrations.hpp"

namespace sendhub {
namespace {

constexpr SchoolUrn kSchool{123641};
constexpr SchoolUrn kOtherSchool{123642};

//! Everything a change to a request can touch, to compare before and after.
struct Footprint {
    std::string status;
    std::int64_t updated_at = 0;
    std::int64_t history = 0;
    std::int64_t audit = 0;
    std::int64_t notifications = 0;
    friend bool operator==(const Footprint&, const Footprint&) = default;
};

class OutreachServiceTest : public ::testing::Test {
  protected:
    void SetUp() override {
        dir_ = std::filesystem::temp_directory_path() / ("sendhub-service-" + random_token(6));
        std::filesystem::create_directories(dir_);
        auto db = open_database("sqlite:" + (dir_ / "test.db").string());
        db->set_clock(clock_);
        services_ = std::make_unique<Services>(Config{}, std::move(db));
        migrate(*services_->database);
        for (auto urn : {kSchool, kOtherSchool})
            ASSERT_TRUE(services_->schools.create({.urn = urn,
                                                   .name = "School " + std::to_string(urn.value),
                                                   .postcode = "TA1 3ES",
                                                   .phase = Phase::primary,
                                                   .local_authority = "Somerset",
                                                   .la_code = 933},
                                                  {}));
        auto p = services_->practitioners.create(
            {.name = "Pat Practitioner", .email = "pat@example.org", .grade = Grade::teacher}, {});
        ASSERT_TRUE(p);
        practitioner_ = Actor{.name = "Pat Practitioner",
                              .email = "pat@example.org",
                              .role = Role::practitioner,
                              .practitioner_id = p->id};
        for (Actor* actor : {&senco_, &other_senco_, &coordinator_, &practitioner_}) {
            auto user = services_->users.create({.email = actor->email,
                                                 .name = actor->name,
                                                 .role = actor->role,
                                                 .school_urn = actor->school_urn,
                                                 .practitioner_id = actor->practitioner_id},
                                                "not a real hash", {});
            ASSERT_TRUE(user);
            actor->user_id = user->id;
        }
    }
    void TearDown() override {
        services_.reset();
        std::filesystem::remove_all(dir_);
    }

    Services& s() { return *services_; }

    Footprint footprint(RequestId id) {
        return s().database->read([&](SqlConnection& c) {
            auto count = [&](std::string_view sql) {
                return c.query_with(sql, id.value).front().integer(0);
            };
            auto row = c.query_one("SELECT status, updated_at FROM outreach_requests WHERE id = ?",
                                   id.value);
            return Footprint{
                row->text(0), row->integer(1),
                count("SELECT count(*) FROM request_events WHERE request_id = ?"),
                count("SELECT count(*) FROM audit_log WHERE entity = 'request' AND entity_id = "
                      "CAST(? AS TEXT)"),
                count("SELECT count(*) FROM notifications WHERE ? > 0")};
        });
    }

    static RequestInput input(std::string preferred_date) {
        return {std::to_string(kSchool.value),
                "individual",
                {{"AB", "Y3", "sen_support", "ASD"}},
                "signed",
                "2026-11-20",
                "Class teacher",
                "teacher",
                std::move(preferred_date),
                "Finds transitions hard",
                ""};
    }

    RequestRecord submitted() {
        auto r = create_request(s(), senco_, input("2026-12-14"), Submission::submit, as(senco_));
        EXPECT_TRUE(r) << r.error().message;
        return *r;
    }

    static Acting as(const Actor& actor) { return acting_as(actor, "test"); }

    std::shared_ptr<FixedClock> clock_ =
        std::make_shared<FixedClock>(*parse_timestamp("2026-12-01T10:00:00Z"));
    std::filesystem::path dir_;
    std::unique_ptr<Services> services_;
    Actor senco_{.name = "Sam Senco",
                 .email = "senco@example.org",
                 .role = Role::senco,
                 .school_urn = kSchool};
    Actor other_senco_{.name = "Olu Other",
                       .email = "other@example.org",
                       .role = Role::senco,
                       .school_urn = kOtherSchool};
    Actor coordinator_{
        .name = "Cat Coordinator", .email = "coordinator@example.org", .role = Role::coordinator};
    Actor practitioner_;
};

}  // namespace

TEST_F(OutreachServiceTest, NoticeIsCountedFromTheInjectedClock) {
    // Today is 2026-12-01 by the fixed clock: seven days' notice means 2026-12-08 or later.
    auto early = create_request(s(), senco_, input("2026-12-07"), Submission::submit, as(senco_));
    ASSERT_FALSE(early);
    EXPECT_EQ(early.error().code, "too_soon");
    EXPECT_TRUE(create_request(s(), senco_, input("2026-12-08"), Submission::submit, as(senco_)));
    clock_->advance(std::chrono::days{1});
    auto late = create_request(s(), senco_, input("2026-12-08"), Submission::submit, as(senco_));
    ASSERT_FALSE(late);
    EXPECT_EQ(late.error().code, "too_soon");
}

TEST_F(OutreachServiceTest, EachChangeWritesOneAuditRowAndOneHistoryLineStampedByTheClock) {
    auto r = submitted();
    Footprint created = footprint(r.id);
    EXPECT_EQ(created.status, "submitted");
    EXPECT_EQ(created.history, 1);
    EXPECT_EQ(created.audit, 1);
    EXPECT_EQ(created.updated_at, clock_->now().time_since_epoch().count());

    clock_->advance(std::chrono::minutes{5});
    ASSERT_TRUE(
        triage_request(s(), coordinator_, r.id, {"accept", "teacher", ""}, as(coordinator_)));
    Footprint accepted = footprint(r.id);
    EXPECT_EQ(accepted.status, "accepted");
    EXPECT_EQ(accepted.history, 2);
    EXPECT_EQ(accepted.audit, 2);
    EXPECT_EQ(accepted.updated_at, clock_->now().time_since_epoch().count());
    EXPECT_GT(accepted.notifications, created.notifications);  // the SENCO is told

    ASSERT_TRUE(assign_request(s(), coordinator_, r.id,
                               std::to_string(practitioner_.practitioner_id->value),
                               as(coordinator_)));
    Footprint assigned = footprint(r.id);
    EXPECT_EQ(assigned.status, "assigned");
    EXPECT_EQ(assigned.history, 3);
    EXPECT_EQ(assigned.audit, 3);
}

TEST_F(OutreachServiceTest, ARefusedActionChangesNothing) {
    auto r = submitted();
    const Footprint before = footprint(r.id);
    struct Case {
        const char* what;
        Result<RequestRecord> result;
        const char* code;
    };
    const Case cases[] = {
        {"another school's SENCO cancels",
         cancel_request(s(), other_senco_, r.id, "Not ours", as(other_senco_)), "not_found"},
        {"the SENCO triages their own request",
         triage_request(s(), senco_, r.id, {"accept", "teacher", ""}, as(senco_)), "forbidden"},
        {"a practitioner not assigned to it assigns",
         assign_request(s(), practitioner_, r.id, "1", as(practitioner_)), "not_found"},
        {"a decline without a reason",
         triage_request(s(), coordinator_, r.id, {"decline", "", " "}, as(coordinator_)),
         "required"},
        {"assigning before it is accepted",
         assign_request(s(), coordinator_, r.id,
                        std::to_string(practitioner_.practitioner_id->value), as(coordinator_)),
         "invalid_transition"},
        {"editing it as a draft",
         update_draft(s(), senco_, r.id, input("2026-12-20"), Submission::draft, as(senco_)),
         "not_draft"},
    };
    for (const auto& c : cases) {
        ASSERT_FALSE(c.result) << c.what;
        EXPECT_EQ(c.result.error().code, c.code) << c.what;
        EXPECT_EQ(footprint(r.id), before) << c.what;
    }
}

TEST_F(OutreachServiceTest, TheStoreKeepsTheCanonicalFormOfWhatWasTyped) {
    auto typed = input(" 2026-12-14 ");
    typed.pupils[0] = {" ab ", "y3", "sen_support ", " asd"};
    auto r = create_request(s(), senco_, typed, Submission::submit, as(senco_));
    ASSERT_TRUE(r) << r.error().message;
    auto stored = get_request(s(), senco_, r->id);
    ASSERT_TRUE(stored);
    EXPECT_EQ(stored->input.preferred_date, "2026-12-14");
    EXPECT_EQ(stored->input.pupils[0].year_group, "Y3");
    EXPECT_EQ(stored->input.pupils[0].primary_need, "ASD");
    EXPECT_EQ(stored->input.pupils[0].need_route, "sen_support");
}

}  // namespace sendhub
