-- A window may concern one Teams user only: the per-user mode catches up on the user whose own
-- subscription was lost, not on everyone. NULL: every connected user.
ALTER TABLE catch_up ADD COLUMN teams_user_id VARCHAR(64);
