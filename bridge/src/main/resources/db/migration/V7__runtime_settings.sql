-- Settings an administrator changes with /msteams admin while the service runs. A row overrides the
-- configured value of the same setting until it is changed again; who changed it and when are kept
-- for the admin status and the log.
CREATE TABLE runtime_setting (
    name        VARCHAR(64)   PRIMARY KEY,
    setting     VARCHAR(8000) NOT NULL,
    updated_by  VARCHAR(128)  NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
