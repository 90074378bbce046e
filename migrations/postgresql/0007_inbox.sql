-- Every email sendhub sends is also a message in its recipient's inbox on sendhub: whose it
-- is (the user, as an email address may change), the page it is about, and when it was read.
ALTER TABLE notifications ADD COLUMN user_id BIGINT;
ALTER TABLE notifications ADD COLUMN link TEXT NOT NULL DEFAULT '';
ALTER TABLE notifications ADD COLUMN read_at BIGINT;
CREATE INDEX notifications_by_user ON notifications (user_id, id);
