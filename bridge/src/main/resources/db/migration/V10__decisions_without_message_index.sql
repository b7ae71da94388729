-- A decision is written for every connected member of every message in their chats, and each
-- secondary index is one more B-tree write per row at a random place. This one served only the
-- replacement of a retried message's decisions (rare): that now reads the user's decisions since
-- the message was received, through decision_user.
DROP INDEX decision_message;
