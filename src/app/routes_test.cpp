// The route table as a whole: every route can be reached, so none hides behind an earlier one.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "app/routes.hpp"

namespace sendhub {
namespace {

// A path the pattern names, with "7" for each parameter: "/agreements/{id}.pdf" is
// "/agreements/7.pdf".
std::string example_path(std::string_view pattern) {
    std::string path;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] != '{') {
            path += pattern[i];
            continue;
        }
        path += '7';
        i = pattern.find('}', i);
    }
    return path;
}

TEST(Routes, ExamplePathsFillEachParameter) {
    EXPECT_EQ(example_path("/agreements/{id}.pdf"), "/agreements/7.pdf");
    EXPECT_EQ(example_path("/reviews/{id}/actions/{action_id}/follow-ups"),
              "/reviews/7/actions/7/follow-ups");
    EXPECT_EQ(example_path("/events/new"), "/events/new");
}

TEST(Routes, EveryRouteIsTheOneItsOwnPathFinds) {
    const auto router = make_router();
    const auto listing = router.listing();
    ASSERT_GT(listing.size(), 300U);
    for (const auto& listed : listing) {
        const auto path = example_path(listed.pattern);
        const auto match = router.find(listed.method, path);
        EXPECT_EQ(match.route, listed.route)
            << listed.method << " " << listed.pattern << " is hidden by an earlier route";
    }
}

TEST(Routes, NoMethodAndPatternIsListedTwice) {
    const auto router = make_router();
    std::set<std::string> seen;
    for (const auto& listed : router.listing()) {
        const auto key = std::string(listed.method) + " " + std::string(listed.pattern);
        EXPECT_TRUE(seen.insert(key).second) << key << " is listed twice";
    }
}

}  // namespace
}  // namespace sendhub
