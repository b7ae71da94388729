-- One decision per user and message: a retried notification decides again for the users it
-- still concerns, and the newer decision replaces the older instead of repeating it.
CREATE INDEX decision_message ON decision (mattermost_user_id, chat_id, message_id);
