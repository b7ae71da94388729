-- The still-encrypted notification, apart from its inbox row. A row is stored whole, so every change
-- of an item's status (claimed, finished, retried) rewrote its 2-3 KB payload too. Now the payload
-- is written once when the notification arrives and deleted when the item is finished; its key
-- grows with the inbox's, so both are appended rather than written all over their indexes.
CREATE TABLE inbox_payload (
    inbox_id            BIGINT        NOT NULL PRIMARY KEY,
    payload             VARCHAR(1000000) NOT NULL
);
INSERT INTO inbox_payload (inbox_id, payload) SELECT id, payload FROM inbox WHERE status IN ('PENDING', 'CLAIMED');
ALTER TABLE inbox DROP COLUMN payload;
