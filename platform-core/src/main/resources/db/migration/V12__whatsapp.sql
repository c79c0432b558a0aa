-- WhatsApp (issue 11): WhatsApp messages live in the same messages table as SMS, with a channel. The SMS-only
-- columns get neutral values for them (sender_id 'WhatsApp', one "segment"); the wamid is upstream_message_id.
ALTER TABLE messages ADD COLUMN channel VARCHAR(10) NOT NULL DEFAULT 'sms';
ALTER TABLE messages ADD COLUMN category VARCHAR(16);
ALTER TABLE messages ADD COLUMN template_name VARCHAR(512);
ALTER TABLE messages ADD COLUMN template_language VARCHAR(16);
ALTER TABLE messages ADD COLUMN template_parameters VARCHAR(8000);
ALTER TABLE messages ADD COLUMN phone_number_id VARCHAR(32);
ALTER TABLE messages ADD COLUMN read_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE messages ALTER COLUMN body SET DATA TYPE VARCHAR(4096);
ALTER TABLE messages ALTER COLUMN upstream_message_id SET DATA TYPE VARCHAR(128);
-- who last wrote to a customer on WhatsApp (a reply on the shared number goes to that tenant)
CREATE INDEX messages_channel_recipient ON messages (channel, recipient, created_at);

-- Per-tenant WhatsApp prices by category, and an optional phone number id of the tenant's own.
ALTER TABLE tenants ADD COLUMN whatsapp_marketing_cents BIGINT NOT NULL DEFAULT 300 CHECK (whatsapp_marketing_cents > 0);
ALTER TABLE tenants ADD COLUMN whatsapp_utility_cents BIGINT NOT NULL DEFAULT 100 CHECK (whatsapp_utility_cents > 0);
ALTER TABLE tenants ADD COLUMN whatsapp_authentication_cents BIGINT NOT NULL DEFAULT 100
    CHECK (whatsapp_authentication_cents > 0);
ALTER TABLE tenants ADD COLUMN whatsapp_service_cents BIGINT NOT NULL DEFAULT 50 CHECK (whatsapp_service_cents > 0);
ALTER TABLE tenants ADD COLUMN whatsapp_phone_number_id VARCHAR(32);
CREATE UNIQUE INDEX tenants_whatsapp_phone_number_id ON tenants (whatsapp_phone_number_id);

-- Messages customers sent to a tenant. The latest one from a number opens the 24-hour window with that tenant.
CREATE TABLE inbound_messages (
    id                  VARCHAR(40)   PRIMARY KEY,
    tenant_id           BIGINT        NOT NULL REFERENCES tenants (id),
    channel             VARCHAR(10)   NOT NULL DEFAULT 'whatsapp',
    sender              VARCHAR(16)   NOT NULL,
    phone_number_id     VARCHAR(32),
    upstream_message_id VARCHAR(128)  NOT NULL UNIQUE,
    type                VARCHAR(16)   NOT NULL,
    body                VARCHAR(4096),
    reply_to            VARCHAR(40),
    received_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX inbound_messages_tenant_created ON inbound_messages (tenant_id, created_at);
CREATE INDEX inbound_messages_window ON inbound_messages (tenant_id, sender, received_at);
