// The mailer against a real SQLite outbox: a failed send stays queued with a later retry;
// a working transport delivers it exactly once.
#include "app/mailer.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include "security/random.hpp"
#include "store/migrations.hpp"

namespace sendhub {

TEST(Mailer, AFailedSendIsRetriedLaterAndNeverLost) {
    auto dir = std::filesystem::temp_directory_path() / ("sendhub-mail-" + random_token(6));
    Config config;
    config.smtp_url = "smtp://127.0.0.1:9";  // discard port: nothing listens, the send fails
    config.mail_dir = (dir / "mail").string();
    Services services(config, open_database("sqlite:" + (dir / "db.sqlite").string()));
    migrate(*services.database);
    services.database->write([](SqlConnection& c) {
        c.execute_with(
            "INSERT INTO notifications (kind, recipient, subject, body, created_at, "
            "next_attempt_at)"
            " VALUES ('decision', 'senco@example.org', 'Decision', 'Sign in to read it.', 0, 0)");
    });
    Mailer mailer(services);
    EXPECT_EQ(mailer.deliver_due(), 0);
    EXPECT_EQ(services.outbox.pending_count(), 1);
    auto row = services.database->read([](SqlConnection& c) {
        return *c.query_one("SELECT attempts, next_attempt_at, last_error FROM notifications");
    });
    EXPECT_EQ(row.integer(0), 1);
    EXPECT_GT(row.integer(1), services.clock().now().time_since_epoch().count());  // backed off
    EXPECT_FALSE(row.text(2).empty());
    EXPECT_EQ(mailer.deliver_due(), 0);  // not due yet: nothing is tried

    services.config.smtp_url.clear();  // fall back to .eml files
    services.database->write(
        [](SqlConnection& c) { c.execute_with("UPDATE notifications SET next_attempt_at = 0"); });
    EXPECT_EQ(mailer.deliver_due(), 1);
    EXPECT_EQ(services.outbox.pending_count(), 0);
    EXPECT_TRUE(std::filesystem::exists(dir / "mail" / "1-decision.eml"));
    EXPECT_EQ(mailer.deliver_due(), 0);  // sent once only
    std::filesystem::remove_all(dir);
}

}  // namespace sendhub
