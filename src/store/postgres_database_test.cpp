// The PostgreSQL engine's pure parts: the `?` to `$n` rewrite and keeping passwords out of logs.
#include <gtest/gtest.h>

#include "store/database.hpp"
#include "store/postgres_database.hpp"

namespace sendhub {
namespace {

TEST(PostgresPlaceholders, NumbersParametersInOrder) {
    EXPECT_EQ(postgres_placeholders("SELECT a FROM t WHERE b = ? AND c > ? LIMIT ?"),
              "SELECT a FROM t WHERE b = $1 AND c > $2 LIMIT $3");
}

TEST(PostgresPlaceholders, LeavesQuestionMarksInQuotedTextAndCommentsAlone) {
    EXPECT_EQ(postgres_placeholders(
                  "SELECT '?', \"odd?name\" FROM t -- why?\nWHERE x = ? AND y = 'it''s ?'"),
              "SELECT '?', \"odd?name\" FROM t -- why?\nWHERE x = $1 AND y = 'it''s ?'");
}

TEST(PostgresPlaceholders, KeepsABackslashEscapeLiteral) {
    EXPECT_EQ(postgres_placeholders("name LIKE ? ESCAPE '\\' OR code LIKE ?"),
              "name LIKE $1 ESCAPE '\\' OR code LIKE $2");
}

TEST(PostgresPlaceholders, GivesAParameterOnlyTestedForNullAType) {
    EXPECT_EQ(postgres_placeholders("(? IS NULL OR urn = ?) AND (?  is not null)"),
              "(CAST($1 AS TEXT) IS NULL OR urn = $2) AND (CAST($3 AS TEXT)  is not null)");
}

TEST(DatabaseUrl, HidesThePasswordButNothingElse) {
    EXPECT_EQ(
        without_password("postgresql://app:s3cret@db.internal:5432/sendhub?sslmode=verify-full"),
        "postgresql://app:***@db.internal:5432/sendhub?sslmode=verify-full");
    EXPECT_EQ(without_password("postgresql://app:p@ss@db/sendhub"),
              "postgresql://app:***@db/sendhub");
    EXPECT_EQ(without_password("postgresql://app@127.0.0.1:5432/sendhub"),
              "postgresql://app@127.0.0.1:5432/sendhub");
    EXPECT_EQ(without_password("sqlite:data/sendhub.db"), "sqlite:data/sendhub.db");
}

}  // namespace
}  // namespace sendhub
