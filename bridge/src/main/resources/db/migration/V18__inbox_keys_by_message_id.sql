-- The inbox's de-duplication key names the message before the chat ("created|<message id>|<chat
-- id>|"), so that new keys, whose message ids are the milliseconds they were sent, are appended
-- to the unique index instead of written into one place per chat all over it. The keys stored
-- before are reordered the same way, so that a redelivery of one of them is still recognised. A
-- key that is not "<type>|<chat id>|<message id>|<version>" of its own row is left as it was.
UPDATE inbox
SET dedupe_key = SUBSTRING(dedupe_key, 1, POSITION('|' IN dedupe_key)) || message_id || '|' || chat_id || '|'
        || SUBSTRING(dedupe_key, POSITION('|' IN dedupe_key) + CHAR_LENGTH(chat_id) + CHAR_LENGTH(message_id) + 3)
WHERE POSITION('|' IN dedupe_key) > 0
  AND SUBSTRING(dedupe_key, POSITION('|' IN dedupe_key) + 1, CHAR_LENGTH(chat_id) + CHAR_LENGTH(message_id) + 2)
        = chat_id || '|' || message_id || '|';
