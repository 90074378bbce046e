// GET /api/v1/requests/{id}/candidates: who can take the work, best first, with reasons.
#include <gtest/gtest.h>

#include <cmath>

#include "world.hpp"

namespace sendhub::testing {

TEST(Candidates, TheCoordinatorSeesRankedCandidatesOfTheAcceptedLevelWithReasons) {
    World& w = world();
    auto request = w.senco.api("POST", "/api/v1/requests", individual());
    ASSERT_EQ(request.status, 201);
    std::string path = "/api/v1/requests/" + std::to_string(request.json()["id"].get<int>());
    ASSERT_EQ(
        w.coordinator
            .api("POST", path + "/triage", {{"decision", "accept"}, {"expertise_level", "teacher"}})
            .status,
        200);

    auto response = w.coordinator.api("GET", path + "/candidates");
    ASSERT_EQ(response.status, 200) << response.body;
    auto items = response.json()["items"];
    ASSERT_FALSE(items.empty());
    bool found = false;
    double previous = 1e9;
    for (const auto& c : items) {
        EXPECT_EQ(c["grade"], "teacher");
        EXPECT_LE(c["score"].get<double>(), previous);  // best first
        previous = c["score"].get<double>();
        EXPECT_FALSE(c["reasons"].empty());
        EXPECT_EQ(c["day_rate_pence"], 19000);
        if (c["travel_miles"].is_number()) {
            EXPECT_EQ(c["travel_pence"].get<std::int64_t>(),
                      std::llround(c["travel_miles"].get<double>() * 30));
        }
        if (c["practitioner_id"] == w.practitioner_id) {
            found = true;
            bool asd = false;
            for (const auto& r : c["reasons"])
                asd = asd || r.get<std::string>() == "ASD specialist";
            EXPECT_TRUE(asd) << c;  // the pupil's need is ASD, Pat's expertise
        }
    }
    EXPECT_TRUE(found) << response.body;
    EXPECT_EQ(w.senco.api("GET", path + "/candidates").status, 403);
    EXPECT_EQ(w.coordinator.api("GET", "/api/v1/requests/999999/candidates").status, 404);

    auto page =
        browser_for(w.coordinator)
            .get("/requests/" + std::to_string(request.json()["id"].get<int>()) + "/assign");
    ASSERT_EQ(page.status, 200);
    EXPECT_NE(page.body.find("ASD specialist"), std::string::npos);
}

}  // namespace sendhub::testing
