// The `?` to `$n` rewrite every PostgreSQL statement goes through.
#include <gtest/gtest.h>

#include "store/postgres_database.hpp"

namespace sendhub {
namespace {

TEST(PostgresPlaceholders, NumbersParametersInOrder) {
    EXPECT_EQ(postgres_placeholders("SELECT a FROM t WHERE b = ? AND c > ? LIMIT ?"),
              "SELECT a FROM t WHERE b = $1 AND c > $2 LIMIT $3");
}

TEST(PostgresPlaceholders, LeavesQuestionMarksInQuotedTextAndCommentsAlone) {
    EXPECT_EQ(postgres_placeholders("SELECT '?', \"odd?name\" FROM t -- why?\nWHERE x = ? AND y = 'it''s ?'"),
              "SELECT '?', \"odd?name\" FROM t -- why?\nWHERE x = $1 AND y = 'it''s ?'");
}

TEST(PostgresPlaceholders, KeepsABackslashEscapeLiteral) {
    EXPECT_EQ(postgres_placeholders("name LIKE ? ESCAPE '\\' OR code LIKE ?"), "name LIKE $1 ESCAPE '\\' OR code LIKE $2");
}

TEST(PostgresPlaceholders, GivesAParameterOnlyTestedForNullAType) {
    EXPECT_EQ(postgres_placeholders("(? IS NULL OR urn = ?) AND (?  is not null)"),
              "(CAST($1 AS TEXT) IS NULL OR urn = $2) AND (CAST($3 AS TEXT)  is not null)");
}

}  // namespace
}  // namespace sendhub
