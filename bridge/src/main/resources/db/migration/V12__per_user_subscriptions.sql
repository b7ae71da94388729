-- Per-user subscription mode: a subscription may belong to one Teams user (their chats only) and be
-- held with that user's delegated token or the app's; tenant-wide ones have no owner.
ALTER TABLE graph_subscription ADD COLUMN teams_user_id VARCHAR(64);
ALTER TABLE graph_subscription ADD COLUMN held_with VARCHAR(16) DEFAULT 'APPLICATION' NOT NULL;
-- When Graph last confirmed it has the subscription: per-user ones are checked a few per pass, oldest first.
ALTER TABLE graph_subscription ADD COLUMN checked_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX graph_subscription_owner ON graph_subscription (teams_user_id, status);

-- Users whose subscription Graph refused (a quota reached, a permission missing): not asked again
-- before retry_at, and told once per refusal.
CREATE TABLE subscription_refusal (
    teams_user_id       VARCHAR(64)   NOT NULL PRIMARY KEY,
    reason              VARCHAR(1024) NOT NULL,
    refused_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    retry_at            TIMESTAMP WITH TIME ZONE NOT NULL
);
