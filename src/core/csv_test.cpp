#include "core/csv.hpp"

#include <gtest/gtest.h>

namespace sendhub {

TEST(Csv, ReadsQuotedFieldsWithCommasQuotesAndNewlines) {
    auto t = CsvTable::parse("a,b,c\r\n1,\"x, y\",\"say \"\"hi\"\"\"\n2,\"two\nlines\",\n");
    ASSERT_EQ(t.rows().size(), 2u);
    EXPECT_EQ(t.rows()[0][1], "x, y");
    EXPECT_EQ(t.rows()[0][2], "say \"hi\"");
    EXPECT_EQ(t.rows()[1][1], "two\nlines");
    EXPECT_EQ(t.rows()[1][2], "");
}

TEST(Csv, SkipsTheByteOrderMarkAndFindsColumns) {
    auto t = CsvTable::parse("\xEF\xBB\xBFURN,LA\n100000,201\n");
    EXPECT_EQ(t.column("URN"), 0u);
    EXPECT_EQ(t.column("LA"), 1u);
    EXPECT_FALSE(t.column("NOPE"));
}

TEST(Csv, LastLineWithoutNewlineIsKept) {
    auto t = CsvTable::parse("a\n1\n2");
    EXPECT_EQ(t.rows().size(), 2u);
}

}  // namespace sendhub

namespace sendhub {

TEST(CsvRecord, QuotesWhatNeedsQuotingAndDefusesFormulas) {
    EXPECT_EQ(csv_record({"a", "b,c", "say \"hi\"", "-1250", "=SUM(A1)"}),
              "a,\"b,c\",\"say \"\"hi\"\"\",-1250,'=SUM(A1)\r\n");
    auto back = CsvTable::parse("h1,h2\r\n" + csv_record({"x,y", "line\nbreak"}));
    ASSERT_EQ(back.rows().size(), 1u);
    EXPECT_EQ(back.rows()[0][0], "x,y");
    EXPECT_EQ(back.rows()[0][1], "line\nbreak");
}

}  // namespace sendhub
