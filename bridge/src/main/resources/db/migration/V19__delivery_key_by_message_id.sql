-- The delivery map's key names the message before the chat, as the inbox's key does since V18:
-- Teams numbers a chat's messages by the millisecond they were sent, so a new message's rows are
-- appended to the key's index instead of written into one place per chat all over it. Every
-- look-up gives both the chat and the message, so the same index serves it. A key's columns
-- cannot be reordered in place on both databases, so the table is copied.
CREATE TABLE delivery_by_message (
    message_id          VARCHAR(128)  NOT NULL,
    chat_id             VARCHAR(256)  NOT NULL,
    mattermost_user_id  VARCHAR(64)   NOT NULL,
    status              VARCHAR(16)   NOT NULL,
    post_id             VARCHAR(64),
    post_ids            VARCHAR(2048),
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    last_error          VARCHAR(1024),
    CONSTRAINT delivery_key PRIMARY KEY (message_id, chat_id, mattermost_user_id)
);
INSERT INTO delivery_by_message (message_id, chat_id, mattermost_user_id, status, post_id, post_ids, created_at, updated_at,
        last_error)
    SELECT message_id, chat_id, mattermost_user_id, status, post_id, post_ids, created_at, updated_at, last_error FROM delivery;
DROP TABLE delivery;
ALTER TABLE delivery_by_message RENAME TO delivery;
ALTER TABLE delivery ADD CONSTRAINT delivery_status CHECK (status IN ('PENDING', 'POSTED', 'EDITED', 'DELETED', 'FAILED'));
