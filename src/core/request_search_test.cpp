#include "core/request_search.hpp"

#include <gtest/gtest.h>

#include "core/text.hpp"

namespace sendhub {

TEST(RequestSearch, SortsByTheContractsColumnsEitherWay) {
    struct Case {
        std::string_view text;
        RequestSortKey key;
        bool descending;
    };
    for (const Case& c : {Case{"preferred_date", RequestSortKey::preferred_date, false},
                          Case{"-submitted_at", RequestSortKey::submitted_at, true},
                          Case{" school ", RequestSortKey::school, false},
                          Case{"-school", RequestSortKey::school, true}}) {
        auto sort = parse_request_sort(c.text);
        ASSERT_TRUE(sort && *sort) << c.text;
        EXPECT_EQ((*sort)->key, c.key) << c.text;
        EXPECT_EQ((*sort)->descending, c.descending) << c.text;
        EXPECT_EQ(sort_code(**sort), trim(c.text));
    }
    auto none = parse_request_sort("");
    ASSERT_TRUE(none);
    EXPECT_FALSE(*none);
    for (std::string_view bad : {"name", "--school", "-", "School"}) {
        auto sort = parse_request_sort(bad);
        ASSERT_FALSE(sort) << bad;
        EXPECT_EQ(sort.error().field, "sort");
    }
}

TEST(RequestSearch, ReadsAReferenceButNotABareNumber) {
    EXPECT_EQ(parse_request_reference("OR-00042"), RequestId{42});
    EXPECT_EQ(parse_request_reference(" or-42 "), RequestId{42});
    EXPECT_EQ(parse_request_reference("OR7"), RequestId{7});
    EXPECT_FALSE(parse_request_reference("42"));
    EXPECT_FALSE(parse_request_reference("Orchard"));
    EXPECT_FALSE(parse_request_reference("OR-"));
    EXPECT_FALSE(parse_request_reference("OR-0"));
    EXPECT_FALSE(parse_request_reference("OR-99999999999999"));
}

TEST(RequestSearch, PatternsMatchAnywhereWithWildcardsEscaped) {
    EXPECT_EQ(contains_pattern(" Oak Hill "), "%oak hill%");
    EXPECT_EQ(contains_pattern("100%_\\"), "%100\\%\\_\\\\%");
}

}  // namespace sendhub
