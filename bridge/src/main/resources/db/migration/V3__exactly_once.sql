-- Exactly once across crashes, and order per chat kept by the database.

-- Every part of a forwarded post, space-separated, in order (post_id stays the first part). A
-- PENDING row is written before the first post is made, so a retry after a crash knows to look for
-- the posts in the direct channel before posting again.
ALTER TABLE delivery ADD COLUMN post_ids VARCHAR(2048);

-- The claim leaves out chats with an earlier item claimed or still backing off; this index finds
-- the items of given chats that wait for a retry (and open items by chat) without touching finished
-- rows.
CREATE INDEX inbox_chat_open ON inbox (chat_id, status, next_attempt_at);

-- Claims are serialised by a lock on this row; jobs that one instance at a time runs.
INSERT INTO leader_lease (name, holder, expires_at) VALUES ('inbox-claim', NULL, TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00');
INSERT INTO leader_lease (name, holder, expires_at) VALUES ('command-sync', NULL, TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00');
INSERT INTO leader_lease (name, holder, expires_at) VALUES ('link-refresh', NULL, TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00');
INSERT INTO leader_lease (name, holder, expires_at) VALUES ('housekeeping', NULL, TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00');
INSERT INTO leader_lease (name, holder, expires_at) VALUES ('key-rotation', NULL, TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00');
