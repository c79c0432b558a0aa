package io.jumbe.core.analytics;

import io.jumbe.core.common.FieldError;
import io.jumbe.core.common.Money;
import io.jumbe.core.common.ServiceException;
import io.jumbe.core.config.JumbeConfig;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * A tenant's usage by day, and the reseller's revenue report, read from the daily counters that
 * {@link UsageCounters} keeps (never by scanning messages), and top-ups from {@code topups}. Days are local days in
 * {@code TIMEZONE}.
 */
public final class Analytics {
    /** The longest daily series one request may ask for. */
    public static final int MAX_DAYS = 366;
    /** The channels counted, in the order they are shown. */
    public static final List<String> CHANNELS = List.of(UsageCounters.SMS, UsageCounters.WHATSAPP);

    private final Jdbi jdbi;
    private final UsageCounters usage;
    private final JumbeConfig.Reporting reporting;

    public Analytics(Jdbi jdbi, UsageCounters usage, JumbeConfig.Reporting reporting) {
        this.jdbi = jdbi;
        this.usage = usage;
        this.reporting = reporting;
    }

    /**
     * Counts of one day, or of a period.
     *
     * @param messagesSent messages accepted and charged
     * @param cost         charged minus refunded
     */
    public record Usage(long messagesSent, long delivered, long failed, Money cost) {
        static final Usage ZERO = new Usage(0, 0, 0, Money.ZERO);

        Usage plus(Usage o) {
            return new Usage(messagesSent + o.messagesSent, delivered + o.delivered, failed + o.failed,
                    Money.ofCents(cost.cents() + o.cost.cents()));
        }
    }

    /** A period's totals and the same per channel (every channel present, zeros included). */
    public record Period(Usage total, Map<String, Usage> byChannel) {
    }

    /**
     * The summary: today, and this month with its top-ups.
     *
     * @param topUps        top-ups (M-Pesa and approved manual requests) completed this month
     * @param totalToppedUp their sum
     */
    public record Summary(LocalDate today, Period todayUsage, Period monthUsage, long topUps, Money totalToppedUp) {
    }

    /** One day of a daily series. */
    public record Day(LocalDate date, Usage usage) {
    }

    public Summary summary(long tenantId) {
        LocalDate today = usage.today();
        LocalDate first = today.withDayOfMonth(1);
        return jdbi.withHandle(h -> {
            Map<LocalDate, Map<String, Usage>> rows = read(h, tenantId, first, today, Optional.empty());
            Map<String, Usage> todays = rows.getOrDefault(today, Map.of());
            Map<String, Usage> month = new LinkedHashMap<>();
            rows.values().forEach(byChannel -> byChannel.forEach((ch, u) -> month.merge(ch, u, Usage::plus)));
            Map<String, Object> topups = h.createQuery("SELECT COUNT(*) AS n, COALESCE(SUM(amount_cents), 0) AS total "
                            + "FROM topups WHERE tenant_id = :t AND status = 'completed' "
                            + "AND completed_at >= :from AND completed_at < :to")
                    .bind("t", tenantId).bind("from", startOf(first)).bind("to", startOf(today.plusDays(1)))
                    .mapToMap().one();
            return new Summary(today, period(todays), period(month), ((Number) topups.get("n")).longValue(),
                    Money.ofCents(((Number) topups.get("total")).longValue()));
        });
    }

    /**
     * Every day of {@code [from, to]}, zeros included.
     *
     * @param channel {@code sms} or {@code whatsapp}; empty for both
     * @throws ServiceException {@code validation_failed} when {@code from} is after {@code to}, the range is longer
     *                          than {@link #MAX_DAYS}, or the channel is unknown
     */
    public List<Day> daily(long tenantId, LocalDate from, LocalDate to, Optional<String> channel) {
        List<FieldError> errors = new ArrayList<>();
        if (from == null) {
            errors.add(new FieldError("from", "is required (YYYY-MM-DD)"));
        }
        if (to == null) {
            errors.add(new FieldError("to", "is required (YYYY-MM-DD)"));
        }
        if (from != null && to != null) {
            if (from.isAfter(to)) {
                errors.add(new FieldError("from", "must not be after 'to'"));
            } else if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
                errors.add(new FieldError("to", "the range is at most " + MAX_DAYS + " days"));
            }
        }
        channel.filter(c -> !CHANNELS.contains(c))
                .ifPresent(c -> errors.add(new FieldError("channel", "is one of " + String.join(", ", CHANNELS))));
        if (!errors.isEmpty()) {
            throw new ServiceException("validation_failed", "The range or channel is not valid", errors);
        }
        Map<LocalDate, Map<String, Usage>> rows = jdbi.withHandle(h -> read(h, tenantId, from, to, channel));
        List<Day> days = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            Usage total = Usage.ZERO;
            for (Usage u : rows.getOrDefault(d, Map.of()).values()) {
                total = total.plus(u);
            }
            days.add(new Day(d, total));
        }
        return days;
    }

    private Period period(Map<String, Usage> byChannel) {
        Map<String, Usage> all = new LinkedHashMap<>();
        Usage total = Usage.ZERO;
        for (String ch : CHANNELS) {
            Usage u = byChannel.getOrDefault(ch, Usage.ZERO);
            all.put(ch, u);
            total = total.plus(u);
        }
        return new Period(total, all);
    }

    private static Map<LocalDate, Map<String, Usage>> read(Handle h, long tenantId, LocalDate from, LocalDate to,
                                                          Optional<String> channel) {
        Map<LocalDate, Map<String, Usage>> out = new TreeMap<>();
        h.createQuery("SELECT usage_day, channel, SUM(messages) AS m, SUM(delivered) AS d, SUM(failed) AS f, "
                        + "SUM(charged_cents) - SUM(refunded_cents) AS cost FROM usage_daily WHERE tenant_id = :t "
                        + "AND usage_day BETWEEN :from AND :to" + (channel.isPresent() ? " AND channel = :ch" : "")
                        + " GROUP BY usage_day, channel")
                .bind("t", tenantId).bind("from", from).bind("to", to).bind("ch", channel.orElse(""))
                .map((rs, ctx) -> {
                    LocalDate day = rs.getObject("usage_day", LocalDate.class);
                    out.computeIfAbsent(day, k -> new LinkedHashMap<>()).put(rs.getString("channel"),
                            new Usage(rs.getLong("m"), rs.getLong("d"), rs.getLong("f"), Money.ofCents(rs.getLong("cost"))));
                    return day;
                }).list();
        return out;
    }

    // ------------------------------------------------------------------ the reseller's revenue report

    /** What one channel carried for a tenant in the report's period. */
    public record ChannelLine(long messages, long segments, Money charged, Money refunded, Money upstreamCost) {
    }

    /**
     * One tenant's line of the revenue report (or the total, with {@code clientId} 0).
     *
     * @param netRevenue   charged minus refunded
     * @param upstreamCost what Onfon and Meta bill the platform for what they accepted
     * @param margin       net revenue minus upstream cost
     * @param toppedUp     completed top-ups (M-Pesa and manual) received
     */
    public record ReportLine(long clientId, String name, Map<String, ChannelLine> byChannel, Money charged,
                             Money refunded, Money netRevenue, Money upstreamCost, Money margin, long topUps,
                             Money toppedUp) {
    }

    /** The report: a line per live tenant with activity or not, and the total. Test mode is left out. */
    public record Report(LocalDate from, LocalDate to, ZoneId zone, List<ReportLine> tenants, ReportLine total) {
    }

    /**
     * The revenue report over {@code [from, to]} (local days), live tenants only.
     *
     * @throws ServiceException {@code validation_failed} when {@code from} is after {@code to}
     */
    public Report report(LocalDate from, LocalDate to) {
        if (from == null || to == null || from.isAfter(to)) {
            throw ServiceException.validation("from", "must be a date not after 'to'");
        }
        return jdbi.withHandle(h -> {
            Map<Long, String> names = new LinkedHashMap<>();
            h.createQuery("SELECT id, name FROM tenants WHERE live_tenant_id IS NULL ORDER BY id")
                    .map((rs, ctx) -> names.put(rs.getLong("id"), rs.getString("name"))).list();
            Map<Long, Map<String, long[]>> usageByTenant = new TreeMap<>();
            h.createQuery("SELECT u.tenant_id, u.channel, u.category, SUM(u.messages) AS m, SUM(u.segments) AS s, "
                            + "SUM(u.charged_cents) AS c, SUM(u.refunded_cents) AS r, SUM(u.upstream_units) AS up "
                            + "FROM usage_daily u JOIN tenants t ON t.id = u.tenant_id WHERE t.live_tenant_id IS NULL "
                            + "AND u.usage_day BETWEEN :from AND :to GROUP BY u.tenant_id, u.channel, u.category")
                    .bind("from", from).bind("to", to)
                    .map((rs, ctx) -> {
                        String ch = rs.getString("channel");
                        long cost = upstreamCostCents(ch, rs.getString("category"), rs.getLong("up"));
                        long[] acc = usageByTenant.computeIfAbsent(rs.getLong("tenant_id"), k -> new TreeMap<>())
                                .computeIfAbsent(ch, k -> new long[5]);
                        acc[0] += rs.getLong("m");
                        acc[1] += rs.getLong("s");
                        acc[2] += rs.getLong("c");
                        acc[3] += rs.getLong("r");
                        acc[4] += cost;
                        return ch;
                    }).list();
            Map<Long, long[]> topups = new TreeMap<>();
            h.createQuery("SELECT p.tenant_id, COUNT(*) AS n, SUM(p.amount_cents) AS total FROM topups p "
                            + "JOIN tenants t ON t.id = p.tenant_id WHERE t.live_tenant_id IS NULL AND p.status = 'completed' "
                            + "AND p.completed_at >= :from AND p.completed_at < :to GROUP BY p.tenant_id")
                    .bind("from", startOf(from)).bind("to", startOf(to.plusDays(1)))
                    .map((rs, ctx) -> topups.put(rs.getLong("tenant_id"),
                            new long[] {rs.getLong("n"), rs.getLong("total")})).list();
            List<ReportLine> lines = new ArrayList<>();
            Map<String, long[]> totalUsage = new LinkedHashMap<>();
            long[] totalTopups = new long[2];
            for (Map.Entry<Long, String> t : names.entrySet()) {
                Map<String, long[]> u = usageByTenant.getOrDefault(t.getKey(), Map.of());
                long[] tp = topups.getOrDefault(t.getKey(), new long[2]);
                lines.add(line(t.getKey(), t.getValue(), u, tp));
                u.forEach((ch, acc) -> {
                    long[] sum = totalUsage.computeIfAbsent(ch, k -> new long[5]);
                    for (int i = 0; i < 5; i++) {
                        sum[i] += acc[i];
                    }
                });
                totalTopups[0] += tp[0];
                totalTopups[1] += tp[1];
            }
            return new Report(from, to, usage.zone(), lines, line(0, "Total", totalUsage, totalTopups));
        });
    }

    private static ReportLine line(long clientId, String name, Map<String, long[]> usage, long[] topups) {
        Map<String, ChannelLine> byChannel = new LinkedHashMap<>();
        long charged = 0;
        long refunded = 0;
        long upstream = 0;
        for (String ch : CHANNELS) {
            long[] a = usage.getOrDefault(ch, new long[5]);
            byChannel.put(ch, new ChannelLine(a[0], a[1], Money.ofCents(a[2]), Money.ofCents(a[3]), Money.ofCents(a[4])));
            charged += a[2];
            refunded += a[3];
            upstream += a[4];
        }
        long net = charged - refunded;
        return new ReportLine(clientId, name, byChannel, Money.ofCents(charged), Money.ofCents(refunded),
                Money.ofCents(net), Money.ofCents(upstream), Money.ofCents(net - upstream), topups[0],
                Money.ofCents(topups[1]));
    }

    private long upstreamCostCents(String channel, String category, long units) {
        if (UsageCounters.SMS.equals(channel)) {
            return units * reporting.onfonCostPerSegment().cents();
        }
        Money each = reporting.whatsappCosts().getOrDefault(category == null ? "" : category, Money.ZERO);
        return units * each.cents();
    }

    private Instant startOf(LocalDate day) {
        return day.atStartOfDay(usage.zone()).toInstant();
    }
}
