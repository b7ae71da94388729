-- Accounts, preferences, connect links and slash-command registrations.
-- One set of SQL for H2 and PostgreSQL: standard types only, times as TIMESTAMP WITH TIME ZONE.

-- A Mattermost account connected to a Teams account. Tokens are sealed by the SecretVault
-- (AES-256-GCM, "v1.<key id>.<base64>"), bound to the Mattermost user id.
CREATE TABLE account_link (
    mattermost_user_id  VARCHAR(64)   NOT NULL PRIMARY KEY,
    teams_user_id       VARCHAR(64)   NOT NULL,
    teams_upn           VARCHAR(320)  NOT NULL,
    teams_display_name  VARCHAR(256),
    email               VARCHAR(320)  NOT NULL,
    tokens_sealed       VARCHAR(16384) NOT NULL,
    access_expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    connected_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    refreshed_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    status              VARCHAR(16)   NOT NULL,
    lost_at             TIMESTAMP WITH TIME ZONE,
    last_error          VARCHAR(1024),
    CONSTRAINT account_link_teams_user UNIQUE (teams_user_id),
    CONSTRAINT account_link_status CHECK (status IN ('ACTIVE', 'LOST'))
);

-- Per-user settings, kept across disconnects.
CREATE TABLE preference (
    mattermost_user_id  VARCHAR(64)   NOT NULL,
    pref_key            VARCHAR(64)   NOT NULL,
    pref_value          VARCHAR(256)  NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (mattermost_user_id, pref_key)
);

-- One-time connect links. The state value itself is never stored, only its SHA-256; the PKCE
-- verifier is sealed. opened_at is set when the link is followed, used_at when Microsoft answers.
CREATE TABLE oauth_state (
    state_hash          VARCHAR(64)   NOT NULL PRIMARY KEY,
    mattermost_user_id  VARCHAR(64)   NOT NULL,
    verifier_sealed     VARCHAR(1024) NOT NULL,
    browser_hash        VARCHAR(64),
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    opened_at           TIMESTAMP WITH TIME ZONE,
    used_at             TIMESTAMP WITH TIME ZONE
);
CREATE INDEX oauth_state_expires ON oauth_state (expires_at);

-- The slash command registered in each Mattermost team, with its verification token sealed.
CREATE TABLE team_command (
    team_id             VARCHAR(64)   NOT NULL PRIMARY KEY,
    command_id          VARCHAR(64)   NOT NULL,
    token_sealed        VARCHAR(1024) NOT NULL,
    registered_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    verified_at         TIMESTAMP WITH TIME ZONE NOT NULL
);
