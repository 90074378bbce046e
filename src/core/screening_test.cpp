#include "core/screening.hpp"

#include <gtest/gtest.h>

namespace sendhub {
namespace {

constexpr Date kToday{std::chrono::year{2026}, std::chrono::month{12}, std::chrono::day{3}};

ScreeningInput good() {
    return {"100001", "wellcomm", "early_years", "2026-10-05", "40", "5", "4", "1"};
}

TEST(Screening, ARoundHoldsCountsThatNarrowAtEachStage) {
    auto ok = validate_screening_round(good(), kToday);
    ASSERT_TRUE(ok);
    EXPECT_EQ(ok->counts.screened, 40);
    EXPECT_EQ(ok->counts.rounds, 1);
    EXPECT_TRUE(validate_screening_round(
        {"100001", "talk_boost", "year_3", "2026-12-03", "1", "0", "0", "0"}, kToday));
    struct Case {
        std::string ScreeningInput::*member;
        const char* value;
        const char* field;
        const char* code;
    };
    for (const auto& [member, value, field, code] :
         {Case{&ScreeningInput::programme, "phonics", "programme", "invalid"},
          Case{&ScreeningInput::cohort, "year_9", "cohort", "invalid"},
          Case{&ScreeningInput::date, "2026-12-04", "date", "invalid"},
          Case{&ScreeningInput::date, "2026-02-30", "date", "invalid"},
          Case{&ScreeningInput::date, "", "date", "required"},
          Case{&ScreeningInput::screened, "0", "screened", "invalid"},
          Case{&ScreeningInput::screened, "4.5", "screened", "invalid"},
          Case{&ScreeningInput::identified, "-1", "identified", "invalid"},
          Case{&ScreeningInput::identified, "41", "identified", "exceeds"},
          Case{&ScreeningInput::started_intervention, "6", "started_intervention", "exceeds"},
          Case{&ScreeningInput::exited_intervention, "5", "exited_intervention", "exceeds"}}) {
        auto input = good();
        input.*member = value;
        auto r = validate_screening_round(input, kToday);
        ASSERT_FALSE(r) << field << " " << value;
        EXPECT_EQ(r.error().field, field) << value;
        EXPECT_EQ(r.error().code, code) << value;
    }
}

TEST(Screening, TheIdentificationRateRoundsHalfUpToThreePlaces) {
    struct Case {
        std::int64_t identified, screened;
        std::optional<std::int64_t> thousandths;
    };
    for (auto [identified, screened, thousandths] :
         {Case{5, 40, 125}, Case{1, 3, 333}, Case{2, 3, 667}, Case{1, 8, 125}, Case{1, 2000, 1},
          Case{1, 2001, 0}, Case{0, 10, 0}, Case{7, 7, 1000}, Case{0, 0, std::nullopt}}) {
        ScreeningCounts c;
        c.identified = identified;
        c.screened = screened;
        EXPECT_EQ(identification_rate_thousandths(c), thousandths)
            << identified << " of " << screened;
    }
}

TEST(Screening, RoundsAreSummedByTheSchoolTermTheyFellIn) {
    auto on = [](int y, unsigned m, unsigned d) {
        return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
    };
    const std::vector<DatedScreeningCounts> rounds{
        {on(2026, 3, 2), {1, 20, 2, 2, 0}},
        {on(2025, 10, 6), {1, 40, 5, 4, 1}},
        {on(2025, 11, 20), {1, 10, 5, 1, 0}},
    };
    auto terms = screening_by_term(rounds);
    ASSERT_EQ(terms.size(), 2u);
    EXPECT_EQ(terms[0].first, "Autumn term 2025-26");
    EXPECT_EQ(terms[0].second.rounds, 2);
    EXPECT_EQ(terms[0].second.identified, 10);
    EXPECT_EQ(identification_rate_thousandths(terms[0].second), 200);
    EXPECT_EQ(terms[1].first, "Spring term 2025-26");
}

TEST(Screening, ARateIsWrittenToThreePlaces) {
    EXPECT_EQ(format_rate(125), "0.125");
    EXPECT_EQ(format_rate(5), "0.005");
    EXPECT_EQ(format_rate(1000), "1.000");
    EXPECT_EQ(format_rate(0), "0.000");
}

TEST(Screening, TheSummaryAddsUpByProgrammeCohortAndSchoolLeavingOutEmptyGroups) {
    using P = ScreeningProgramme;
    using C = ScreeningCohort;
    const auto s = summarise_screening({{2, P::talk_boost, C::year_3, {1, 30, 6, 5, 2}},
                                        {1, P::wellcomm, C::early_years, {1, 40, 5, 4, 1}},
                                        {1, P::wellcomm, C::year_3, {1, 10, 1, 1, 0}}});
    EXPECT_EQ(s.total.rounds, 3);
    EXPECT_EQ(s.total.screened, 80);
    EXPECT_EQ(s.total.identified, 12);
    ASSERT_EQ(s.by_programme.size(), 2U);
    EXPECT_EQ(s.by_programme[0].first, P::wellcomm);
    EXPECT_EQ(s.by_programme[0].second.screened, 50);
    EXPECT_EQ(s.by_programme[1].first, P::talk_boost);
    ASSERT_EQ(s.by_cohort.size(), 2U);
    EXPECT_EQ(s.by_cohort[1].first, C::year_3);
    EXPECT_EQ(s.by_cohort[1].second.identified, 7);
    ASSERT_EQ(s.by_school.size(), 2U);
    EXPECT_EQ(s.by_school[0].first, 1);
    EXPECT_EQ(s.by_school[0].second.rounds, 2);
    EXPECT_EQ(identification_rate_thousandths(s.total), 150);
}

TEST(Screening, EachRoleHasItsAccess) {
    struct Case {
        Role role;
        ScreeningAccess access;
    };
    for (auto [role, access] : {Case{Role::admin, ScreeningAccess::read_all},
                                Case{Role::coordinator, ScreeningAccess::read_all},
                                Case{Role::senco, ScreeningAccess::own_school},
                                Case{Role::headteacher, ScreeningAccess::own_school},
                                Case{Role::practitioner, ScreeningAccess::named_schools},
                                Case{Role::finance, ScreeningAccess::none},
                                Case{Role::partnerships, ScreeningAccess::none},
                                Case{Role::school_staff, ScreeningAccess::none}})
        EXPECT_EQ(screening_access(role), access) << role_code(role);
}

TEST(Screening, EveryVocabularyValueHasACode) {
    for (auto p : {ScreeningProgramme::wellcomm, ScreeningProgramme::talk_boost,
                   ScreeningProgramme::speech_and_language_link})
        EXPECT_FALSE(term_of(screening_programme_terms(), p).code.empty());
    for (auto c : {ScreeningCohort::early_years, ScreeningCohort::year_3, ScreeningCohort::year_7})
        EXPECT_FALSE(term_of(screening_cohort_terms(), c).code.empty());
}

}  // namespace
}  // namespace sendhub
