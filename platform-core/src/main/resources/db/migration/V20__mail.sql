-- Email to tenants (issue 12): notification settings on the tenant, the mail log, and self-service sign-ups.

-- Where a tenant's emails go besides its account address, and which kinds it wants (the welcome mail always goes).
ALTER TABLE tenants ADD COLUMN notify_cc VARCHAR(2000);
ALTER TABLE tenants ADD COLUMN email_low_balance BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE tenants ADD COLUMN email_topup BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE tenants ADD COLUMN email_webhooks BOOLEAN NOT NULL DEFAULT TRUE;
-- One low-balance mail per crossing: cleared when one is sent, set again by a credit that lifts the balance back
-- to the threshold or above.
ALTER TABLE tenants ADD COLUMN low_balance_armed BOOLEAN NOT NULL DEFAULT TRUE;

-- Every email, its rendering inputs and its delivery state. dedupe_key is "<event id>:<template>" (or the tenant's
-- or sign-up's id for mails not made from an event): a retry or a second instance can never make a second mail.
CREATE TABLE mail_messages (
    id          VARCHAR(40)   PRIMARY KEY,
    dedupe_key  VARCHAR(200)  NOT NULL UNIQUE,
    tenant_id   BIGINT        REFERENCES tenants (id),
    template    VARCHAR(40)   NOT NULL,
    to_address  VARCHAR(320)  NOT NULL,
    cc          VARCHAR(2000),
    subject     VARCHAR(300)  NOT NULL,
    model       TEXT          NOT NULL,
    -- a secret shown once in the mail (an API key), sealed; cleared once the mail is sent
    secret      TEXT,
    status      VARCHAR(16)   NOT NULL CHECK (status IN ('queued', 'sent', 'failed')),
    attempts    INT           NOT NULL DEFAULT 0,
    last_error  VARCHAR(2000),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at     TIMESTAMP WITH TIME ZONE
);
CREATE INDEX mail_messages_by_status ON mail_messages (status, created_at);
CREATE INDEX mail_messages_by_address ON mail_messages (to_address, created_at);

-- Self-service sign-ups: only the hash of the verification token is kept.
CREATE TABLE signups (
    id               VARCHAR(40)   PRIMARY KEY,
    name             VARCHAR(200)  NOT NULL,
    email            VARCHAR(320)  NOT NULL,
    phone            VARCHAR(20)   NOT NULL,
    sender_id        VARCHAR(11)   NOT NULL,
    use_case         VARCHAR(500),
    status           VARCHAR(20)   NOT NULL
                     CHECK (status IN ('unverified', 'pending_approval', 'approved', 'rejected')),
    token_hash       VARCHAR(64)   UNIQUE,
    token_expires_at TIMESTAMP WITH TIME ZONE,
    client_ip        VARCHAR(64),
    tenant_id        BIGINT        REFERENCES tenants (id),
    reject_reason    VARCHAR(500),
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    verified_at      TIMESTAMP WITH TIME ZONE,
    decided_at       TIMESTAMP WITH TIME ZONE,
    decided_by       VARCHAR(100)
);
CREATE INDEX signups_by_status ON signups (status, created_at);
CREATE INDEX signups_by_email ON signups (email, created_at);
CREATE INDEX signups_by_ip ON signups (client_ip, created_at);
