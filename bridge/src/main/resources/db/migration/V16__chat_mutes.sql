-- The Teams chats each user muted: nothing from them is delivered to that user until unmuted.
-- The chat's name as the user saw it when muting, for /msteams mute list.
CREATE TABLE chat_mute (
    mattermost_user_id  VARCHAR(64)   NOT NULL,
    chat_id             VARCHAR(256)  NOT NULL,
    chat_name           VARCHAR(512)  NOT NULL,
    muted_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (mattermost_user_id, chat_id)
);
