package io.jumbe.core.analytics;

import java.time.Clock;
import java.time.LocalDate;
import io.jumbe.core.store.Dialect;
import java.time.ZoneId;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;

/**
 * The one place that keeps the daily usage counters ({@code usage_daily}): every send path and every message
 * state change calls it in its own transaction, so the counters move exactly when the messages and the journal do.
 * Days are local days in the platform's {@code TIMEZONE}.
 *
 * <p>Each call adds to one row (tenant, today, channel, category); the row is created by the first call of the
 * day. Call it after the statement that locked the tenant's row (the debit, an event), so writers of one tenant
 * are already serialised and never wait on each other here in a different order.
 */
public final class UsageCounters {
    /** The SMS channel. */
    public static final String SMS = "sms";
    /** The WhatsApp channel. */
    public static final String WHATSAPP = "whatsapp";

    private final Clock clock;
    private final ZoneId zone;
    private final Dialect dialect;

    public UsageCounters(Clock clock, ZoneId zone) {
        this(clock, zone, Dialect.H2);
    }

    /** @param dialect on PostgreSQL, the counters of several tenants are added in one statement */
    public UsageCounters(Clock clock, ZoneId zone, Dialect dialect) {
        this.clock = clock;
        this.zone = zone;
        this.dialect = dialect;
    }

    /** The zone days are counted in. */
    public ZoneId zone() {
        return zone;
    }

    /** Today, in the platform's zone. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    /**
     * Messages accepted and charged.
     *
     * @param category WhatsApp's pricing category ({@code marketing}, {@code utility}, …), {@code ""} for SMS
     * @param segments billable units of them all (SMS segments; for WhatsApp, the messages)
     */
    public void accepted(Handle h, long tenantId, String channel, String category, long messages, long segments,
                         long chargedCents) {
        add(h, tenantId, channel, category, "messages = messages + :a, segments = segments + :b, "
                + "charged_cents = charged_cents + :c", messages, segments, chargedCents);
    }

    /** Messages the upstream accepted, with the units it bills the platform for. */
    public void upstreamAccepted(Handle h, long tenantId, String channel, String category, long units) {
        add(h, tenantId, channel, category, "upstream_units = upstream_units + :a", units, 0, 0);
    }

    /**
     * {@link #upstreamAccepted} for several tenants at once (a dispatched batch): one statement on PostgreSQL. Call it
     * once every one of these tenants' rows is locked in this transaction, as for one tenant.
     */
    public void upstreamAcceptedAll(Handle h, String channel, String category, Map<Long, Long> unitsByTenant) {
        addAll(h, channel, category, "upstream_units", unitsByTenant);
    }

    /** {@link #delivered} for several tenants at once (a batch of delivery reports); see {@link #upstreamAcceptedAll}. */
    public void deliveredAll(Handle h, String channel, String category, Map<Long, Long> messagesByTenant) {
        addAll(h, channel, category, "delivered", messagesByTenant);
    }

    /** {@link #failed} for several tenants at once (a batch of delivery reports); see {@link #upstreamAcceptedAll}. */
    public void failedAll(Handle h, String channel, String category, Map<Long, Long> messagesByTenant) {
        addAll(h, channel, category, "failed", messagesByTenant);
    }

    public void delivered(Handle h, long tenantId, String channel, String category) {
        delivered(h, tenantId, channel, category, 1);
    }

    /** {@code messages} delivered at once (a batch of delivery reports). */
    public void delivered(Handle h, long tenantId, String channel, String category, long messages) {
        add(h, tenantId, channel, category, "delivered = delivered + :a", messages, 0, 0);
    }

    public void failed(Handle h, long tenantId, String channel, String category) {
        failed(h, tenantId, channel, category, 1);
    }

    /** {@code messages} failed at once (a batch of delivery reports). */
    public void failed(Handle h, long tenantId, String channel, String category, long messages) {
        add(h, tenantId, channel, category, "failed = failed + :a", messages, 0, 0);
    }

    /** A charge returned; the day's cost is what was charged minus what was refunded. */
    public void refunded(Handle h, long tenantId, String channel, String category, long cents) {
        add(h, tenantId, channel, category, "refunded_cents = refunded_cents + :a", cents, 0, 0);
    }

    /** Adds to one column of several tenants' rows, in tenant order (rows created as needed). */
    private void addAll(Handle h, String channel, String category, String column, Map<Long, Long> byTenant) {
        SortedMap<Long, Long> sorted = new TreeMap<>(byTenant);
        sorted.values().removeIf(n -> n == 0);
        if (sorted.isEmpty()) {
            return;
        }
        if (dialect != Dialect.POSTGRES || sorted.size() == 1) {
            sorted.forEach((tenantId, n) -> add(h, tenantId, channel, category, column + " = " + column + " + :a", n,
                    0, 0));
            return;
        }
        h.createUpdate("INSERT INTO usage_daily (tenant_id, usage_day, channel, category, " + column + ") "
                        + "SELECT t, :d, :ch, :cat, n FROM unnest(CAST(:ts AS bigint[]), CAST(:ns AS bigint[])) AS v(t, n) "
                        + "ON CONFLICT (tenant_id, usage_day, channel, category) DO UPDATE SET " + column + " = usage_daily."
                        + column + " + EXCLUDED." + column)
                .bind("d", today()).bind("ch", channel).bind("cat", category == null ? "" : category)
                .bindArray("ts", Long.class, sorted.keySet().toArray())
                .bindArray("ns", Long.class, sorted.values().toArray())
                .execute();
    }

    private void add(Handle h, long tenantId, String channel, String category, String set, long a, long b, long c) {
        LocalDate day = today();
        String cat = category == null ? "" : category;
        // Update the day's row, else create it and update again: SQL both H2 and PostgreSQL run (H2 has no
        // ON CONFLICT DO UPDATE); a concurrent creator wins the insert and the second update finds its row.
        for (int attempt = 0; attempt < 2; attempt++) {
            int updated = h.createUpdate("UPDATE usage_daily SET " + set + " WHERE tenant_id = :t AND usage_day = :d "
                            + "AND channel = :ch AND category = :cat")
                    .bind("a", a).bind("b", b).bind("c", c).bind("t", tenantId).bind("d", day).bind("ch", channel)
                    .bind("cat", cat).execute();
            if (updated == 1) {
                return;
            }
            h.createUpdate("INSERT INTO usage_daily (tenant_id, usage_day, channel, category) "
                            + "VALUES (:t, :d, :ch, :cat) ON CONFLICT DO NOTHING")
                    .bind("t", tenantId).bind("d", day).bind("ch", channel).bind("cat", cat).execute();
        }
        throw new IllegalStateException("usage counter row for tenant " + tenantId + " on " + day + " not found");
    }
}
