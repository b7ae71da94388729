-- Claims read pending items in id order and stop after a window. Through inbox_due (status,
-- next_attempt_at) they read every due item and sorted it, so a backlog made each claim slower
-- (and the backlog grew). This index gives the order itself.
CREATE INDEX inbox_pending_order ON inbox (status, id);

-- Only the claim's lookup of waiting items by chat used this index; waiting items are now read all
-- at once through inbox_due, and every change of status no longer maintains it.
DROP INDEX inbox_chat_open;
