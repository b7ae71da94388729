-- Change notifications received per hour, and how many of them could concern a connected user, so
-- an administrator sees what a subscription mode costs in traffic (doctor, /msteams admin). Each
-- instance adds what it counted every few seconds.
CREATE TABLE traffic_hour (
    hour_start          TIMESTAMP WITH TIME ZONE NOT NULL PRIMARY KEY,
    received            BIGINT        NOT NULL,
    concerning          BIGINT        NOT NULL
);
