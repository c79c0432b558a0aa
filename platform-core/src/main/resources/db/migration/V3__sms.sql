-- SMS: one row per recipient of a send request. Status only moves forward (MessageStatus.canMoveTo); every
-- change is a conditional UPDATE on the status the writer saw, so a re-run after a crash changes nothing twice.
CREATE TABLE messages (
    id                  VARCHAR(40)   PRIMARY KEY,
    tenant_id           BIGINT        NOT NULL REFERENCES tenants (id),
    batch_id            VARCHAR(40),
    recipient           VARCHAR(16)   NOT NULL,
    sender_id           VARCHAR(11)   NOT NULL,
    body                VARCHAR(2000) NOT NULL,
    encoding            VARCHAR(8)    NOT NULL CHECK (encoding IN ('GSM-7', 'UCS-2')),
    segments            INT           NOT NULL CHECK (segments BETWEEN 1 AND 10),
    cost_cents          BIGINT        NOT NULL CHECK (cost_cents > 0),
    price_cents         BIGINT        NOT NULL CHECK (price_cents > 0),
    status              VARCHAR(12)   NOT NULL
                        CHECK (status IN ('queued', 'sent', 'delivered', 'failed', 'expired', 'cancelled')),
    upstream_message_id VARCHAR(64),
    upstream_status     VARCHAR(64),
    error_code          VARCHAR(32),
    error_description   VARCHAR(500),
    reference           VARCHAR(64),
    lane                VARCHAR(8)    NOT NULL CHECK (lane IN ('single', 'bulk')),
    scheduled_at        TIMESTAMP WITH TIME ZONE,
    queued_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at             TIMESTAMP WITH TIME ZONE,
    delivered_at        TIMESTAMP WITH TIME ZONE,
    failed_at           TIMESTAMP WITH TIME ZONE,
    expired_at          TIMESTAMP WITH TIME ZONE,
    cancelled_at        TIMESTAMP WITH TIME ZONE,
    refunded            BOOLEAN       NOT NULL DEFAULT FALSE,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX messages_upstream_id ON messages (upstream_message_id);
CREATE INDEX messages_tenant_created ON messages (tenant_id, created_at);
CREATE INDEX messages_tenant_reference ON messages (tenant_id, reference);
CREATE INDEX messages_status_sent ON messages (status, sent_at);
