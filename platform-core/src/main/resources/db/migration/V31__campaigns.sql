-- Campaigns: one message per recipient rendered from the tenant's contacts, priced before launch, charged by one
-- debit at launch and fed to the bulk lane a part at a time by a durable job.
CREATE TABLE campaigns (
    id             VARCHAR(40)    PRIMARY KEY,
    tenant_id      BIGINT         NOT NULL REFERENCES tenants (id),
    name           VARCHAR(200)   NOT NULL,
    channel        VARCHAR(12)    NOT NULL,
    sender         VARCHAR(11),
    message        VARCHAR(4000),
    template       VARCHAR(4000),
    audience       VARCHAR(200000) NOT NULL,
    reference      VARCHAR(64),
    schedule_at    TIMESTAMP WITH TIME ZONE,
    status         VARCHAR(12)    NOT NULL
                   CHECK (status IN ('draft', 'scheduled', 'running', 'paused', 'completed', 'cancelled')),
    recipients     INT            NOT NULL DEFAULT 0,
    skipped        INT            NOT NULL DEFAULT 0,
    charged_cents  BIGINT         NOT NULL DEFAULT 0 CHECK (charged_cents >= 0),
    refunded_cents BIGINT         NOT NULL DEFAULT 0 CHECK (refunded_cents >= 0),
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    launched_at    TIMESTAMP WITH TIME ZONE,
    completed_at   TIMESTAMP WITH TIME ZONE,
    cancelled_at   TIMESTAMP WITH TIME ZONE
);
CREATE INDEX campaigns_tenant_created ON campaigns (tenant_id, created_at);

-- The frozen recipients: rendered text and price fixed at launch. 'pending' rows are paid for and not yet queued;
-- once queued, the message (messages.batch_id = the campaign id) carries the outcome.
CREATE TABLE campaign_recipients (
    campaign_id  VARCHAR(40)   NOT NULL REFERENCES campaigns (id),
    seq          INT           NOT NULL,
    recipient    VARCHAR(16)   NOT NULL,
    contact_id   VARCHAR(40),
    body         VARCHAR(4000),
    segments     INT           NOT NULL DEFAULT 0,
    cost_cents   BIGINT        NOT NULL DEFAULT 0,
    status       VARCHAR(12)   NOT NULL CHECK (status IN ('pending', 'queued', 'skipped', 'cancelled')),
    reason       VARCHAR(32),
    message_id   VARCHAR(40),
    PRIMARY KEY (campaign_id, seq)
);
CREATE INDEX campaign_recipients_status ON campaign_recipients (campaign_id, status, seq);
CREATE INDEX messages_batch ON messages (batch_id);
