-- Per-tenant request counts per one-minute window, shared by every instance on one database.
CREATE TABLE rate_limit_windows (
    tenant_id    BIGINT NOT NULL,
    window_start BIGINT NOT NULL,
    hits         INT    NOT NULL,
    PRIMARY KEY (tenant_id, window_start)
);
