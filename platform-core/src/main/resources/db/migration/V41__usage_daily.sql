-- Usage counters per tenant, local day (TIMEZONE, Africa/Nairobi by default), channel and pricing category (''
-- for SMS), kept by UsageCounters in the transactions that change messages, so analytics and the revenue report
-- never scan messages. A test twin's counters are its own rows (tenant_id), like everything else.
CREATE TABLE usage_daily (
    tenant_id      BIGINT      NOT NULL REFERENCES tenants (id),
    usage_day      DATE        NOT NULL,
    channel        VARCHAR(16) NOT NULL,
    category       VARCHAR(20) NOT NULL DEFAULT '',
    -- accepted and charged (the day of the send)
    messages       BIGINT      NOT NULL DEFAULT 0,
    segments       BIGINT      NOT NULL DEFAULT 0,
    charged_cents  BIGINT      NOT NULL DEFAULT 0,
    -- final outcomes and refunds, on the day they happened
    delivered      BIGINT      NOT NULL DEFAULT 0,
    failed         BIGINT      NOT NULL DEFAULT 0,
    refunded_cents BIGINT      NOT NULL DEFAULT 0,
    -- what the upstream accepted (SMS segments, WhatsApp messages): what it bills the platform for
    upstream_units BIGINT      NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, usage_day, channel, category)
);

-- The messages already sent, counted once in Nairobi days (the default TIMEZONE; Kenya keeps UTC+3 all year). The
-- local date is read from the text of the Nairobi time: H2 would cast a zoned time to a date in its session's zone.
INSERT INTO usage_daily (tenant_id, usage_day, channel, category, messages, segments, charged_cents, delivered,
                         failed, refunded_cents, upstream_units)
SELECT tenant_id, d, 'sms', '', SUM(m), SUM(s), SUM(c), SUM(dl), SUM(f), SUM(r), SUM(u)
FROM (
    SELECT tenant_id, CAST(SUBSTRING(CAST((created_at AT TIME ZONE 'Africa/Nairobi') AS VARCHAR) FROM 1 FOR 10) AS DATE) AS d, 1 AS m, segments AS s,
           cost_cents AS c, 0 AS dl, 0 AS f, 0 AS r, 0 AS u FROM messages
    UNION ALL
    SELECT tenant_id, CAST(SUBSTRING(CAST((sent_at AT TIME ZONE 'Africa/Nairobi') AS VARCHAR) FROM 1 FOR 10) AS DATE), 0, 0, 0, 0, 0, 0, segments
    FROM messages WHERE sent_at IS NOT NULL
    UNION ALL
    SELECT tenant_id, CAST(SUBSTRING(CAST((delivered_at AT TIME ZONE 'Africa/Nairobi') AS VARCHAR) FROM 1 FOR 10) AS DATE), 0, 0, 0, 1, 0, 0, 0
    FROM messages WHERE status = 'delivered' AND delivered_at IS NOT NULL
    UNION ALL
    SELECT tenant_id, CAST(SUBSTRING(CAST((failed_at AT TIME ZONE 'Africa/Nairobi') AS VARCHAR) FROM 1 FOR 10) AS DATE), 0, 0, 0, 0, 1, 0, 0
    FROM messages WHERE status = 'failed' AND failed_at IS NOT NULL
    UNION ALL
    SELECT w.tenant_id, CAST(SUBSTRING(CAST((w.created_at AT TIME ZONE 'Africa/Nairobi') AS VARCHAR) FROM 1 FOR 10) AS DATE), 0, 0, 0, 0, 0, w.amount_cents, 0
    FROM wallet_transactions w WHERE w.type = 'refund' AND w.status = 'completed'
) x
GROUP BY tenant_id, d;
