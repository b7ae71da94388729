-- One thread per Teams chat in each user's direct channel with the bot: the root post that the
-- notifications from that chat reply to, and what the root says (the chat as the user knows it). A user who turns threads off, or whose root is gone,
-- simply gets a new root the next time.
CREATE TABLE chat_thread (
    mattermost_user_id  VARCHAR(64)   NOT NULL,
    chat_id             VARCHAR(256)  NOT NULL,
    root_post_id        VARCHAR(64)   NOT NULL,
    title               VARCHAR(1024) NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (mattermost_user_id, chat_id)
);
