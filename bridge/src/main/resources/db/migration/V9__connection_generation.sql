-- A number that grows whenever a connection is made, lost or removed. Instances keep the Teams ids
-- of the connected users in memory and read this one row to know when to read them again, so every
-- instance sees a new connection at once without reading the connections for each chat.
CREATE TABLE connection_generation (
    id                  INTEGER       NOT NULL PRIMARY KEY,
    generation          BIGINT        NOT NULL
);
INSERT INTO connection_generation (id, generation) VALUES (1, 0);
