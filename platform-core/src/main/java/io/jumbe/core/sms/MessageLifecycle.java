package io.jumbe.core.sms;

import io.jumbe.core.analytics.UsageCounters;
import io.jumbe.core.common.Json;
import io.jumbe.core.events.EventStore;
import io.jumbe.core.events.EventTypes;
import io.jumbe.core.store.Dialect;
import io.jumbe.core.store.HeldCallbacks;
import io.jumbe.core.wallet.Ledger;
import io.jumbe.core.wallet.Posting;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves messages forward, with their events and refunds, in the caller's transaction. Every move is a conditional
 * UPDATE on the status the caller saw, so a second attempt (a re-run after a crash, a duplicate report) finds
 * nothing to change; a refund happens only with the move that fails a message, and the journal's unique
 * {@code refund_for} makes a second one impossible.
 */
public final class MessageLifecycle {
    private static final Logger log = LoggerFactory.getLogger(MessageLifecycle.class);
    private final Jdbi jdbi;
    private final Clock clock;
    private final Ledger ledger;
    private final EventStore events;
    private final boolean refundOnDeliveryFailure;
    private final HeldCallbacks held;
    private final Dialect dialect;

    private final UsageCounters usage;

    public MessageLifecycle(Jdbi jdbi, Clock clock, Ledger ledger, EventStore events, boolean refundOnDeliveryFailure,
                            UsageCounters usage, Dialect dialect) {
        this.jdbi = jdbi;
        this.dialect = dialect;
        this.usage = usage;
        this.clock = clock;
        this.ledger = ledger;
        this.events = events;
        this.refundOnDeliveryFailure = refundOnDeliveryFailure;
        this.held = new HeldCallbacks(jdbi, clock, "sms_unmatched_reports", "upstream_message_id", 4000);
    }

    /** The daily counters every message change updates (WhatsApp's lifecycle updates the same ones). */
    public UsageCounters usage() {
        return usage;
    }

    /** What a delivery report did. */
    public enum ReportOutcome {
        /** The message moved to the report's status. */
        APPLIED,
        /** Not final, a duplicate, or older news than the message's status: nothing changed. */
        IGNORED,
        /** No message has this upstream id. */
        UNKNOWN
    }

    /** queued → sent with the upstream's id; false when the message was no longer queued. */
    boolean markSent(Handle h, Message m, String upstreamId) {
        Instant now = clock.instant();
        int n = h.createUpdate("UPDATE messages SET status = 'sent', upstream_message_id = :u, upstream_status = 'ACCEPTED', "
                        + "sent_at = :now WHERE id = :id AND status = 'queued'")
                .bind("u", upstreamId).bind("now", now).bind("id", m.id()).execute();
        if (n == 1) {
            events.append(h, m.tenantId(), EventTypes.MESSAGE_SENT, data(m, MessageStatus.SENT, null, null, false));
            usage.upstreamAccepted(h, m.tenantId(), UsageCounters.SMS, "", m.segments());
        }
        return n == 1;
    }

    /**
     * queued → sent for many messages, of one tenant or several, at once: one UPDATE for the whole batch (PostgreSQL;
     * a JDBC batch on H2), the tenants' {@code message.sent} events in one INSERT
     * ({@link EventStore#appendAllByTenant}) and their usage counters in one more (PostgreSQL). The tenants' rows (their event
     * sequences) are locked last, in the order of their ids, and their usage rows after them (the order the send path
     * takes them in), so a send of one of them waits on them for a few statements only. Returns how many moved; a
     * message no longer queued is left alone, with no event.
     */
    int markSentAll(Handle h, List<Map.Entry<Message, String>> accepted) {
        if (accepted.isEmpty()) {
            return 0;
        }
        java.util.Set<String> moved = moveToSent(h, accepted, clock.instant());
        Map<Long, List<EventStore.NewEvent>> payloads = new java.util.TreeMap<>();
        Map<Long, Long> segments = new java.util.TreeMap<>();
        for (Map.Entry<Message, String> a : accepted) {
            Message m = a.getKey();
            if (moved.contains(m.id())) {
                payloads.computeIfAbsent(m.tenantId(), t -> new java.util.ArrayList<>())
                        .add(new EventStore.NewEvent(EventTypes.MESSAGE_SENT, data(m, MessageStatus.SENT, null, null, false)));
                segments.merge(m.tenantId(), (long) m.segments(), Long::sum);
            }
        }
        events.appendAllByTenant(h, payloads);
        usage.upstreamAcceptedAll(h, UsageCounters.SMS, "", segments);
        return moved.size();
    }

    /** The conditional queued → sent move of a batch; returns the ids that moved. */
    private java.util.Set<String> moveToSent(Handle h, List<Map.Entry<Message, String>> accepted, Instant now) {
        java.util.Set<String> moved = new java.util.HashSet<>();
        if (dialect == Dialect.POSTGRES) {
            String[] ids = new String[accepted.size()];
            String[] upstreamIds = new String[accepted.size()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = accepted.get(i).getKey().id();
                upstreamIds[i] = accepted.get(i).getValue();
            }
            h.createQuery("UPDATE messages SET status = 'sent', upstream_message_id = v.u, upstream_status = 'ACCEPTED', "
                            + "sent_at = :now FROM unnest(CAST(:ids AS varchar[]), CAST(:us AS varchar[])) AS v(id, u) "
                            + "WHERE messages.id = v.id AND messages.status = 'queued' RETURNING messages.id")
                    .bind("now", now).bindArray("ids", String.class, (Object[]) ids)
                    .bindArray("us", String.class, (Object[]) upstreamIds)
                    .mapTo(String.class).forEach(moved::add);
            return moved;
        }
        org.jdbi.v3.core.statement.PreparedBatch batch = h.prepareBatch("UPDATE messages SET status = 'sent', "
                + "upstream_message_id = :u, upstream_status = 'ACCEPTED', sent_at = :now WHERE id = :id AND status = 'queued'");
        for (Map.Entry<Message, String> a : accepted) {
            batch.bind("u", a.getValue()).bind("now", now).bind("id", a.getKey().id()).add();
        }
        int[] changed = batch.execute();
        for (int i = 0; i < changed.length; i++) {
            if (changed[i] == 1) {
                moved.add(accepted.get(i).getKey().id());
            }
        }
        return moved;
    }

    /** queued → failed and refunded (never left us, or the upstream refused it). */
    boolean failQueued(Handle h, Message m, String code, String description) {
        Instant now = clock.instant();
        int n = h.createUpdate("UPDATE messages SET status = 'failed', error_code = :code, error_description = :d, "
                        + "failed_at = :now WHERE id = :id AND status = 'queued'")
                .bind("code", truncate(code, 32)).bind("d", truncate(description, 500)).bind("now", now)
                .bind("id", m.id()).execute();
        if (n != 1) {
            return false;
        }
        boolean refunded = refund(h, m);
        events.append(h, m.tenantId(), EventTypes.MESSAGE_FAILED, data(m, MessageStatus.FAILED, code, description, refunded));
        usage.failed(h, m.tenantId(), UsageCounters.SMS, "");
        return true;
    }

    /**
     * Applies a delivery report. A report for an id no message carries yet is held, then looked up once more: the
     * dispatcher may have committed the id meanwhile (it applies held reports after it commits, so between the
     * two checks no report is lost).
     */
    public ReportOutcome apply(DeliveryReport report) {
        ReportOutcome outcome = jdbi.inTransaction(h -> apply(h, report));
        if (outcome != ReportOutcome.UNKNOWN) {
            return outcome;
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("messageId", report.upstreamMessageId());
        payload.put("mobile", report.mobile());
        payload.put("status", report.status());
        payload.put("errorCode", report.errorCode());
        payload.put("submitDate", report.submitDate());
        payload.put("doneDate", report.doneDate());
        held.hold(truncate(report.upstreamMessageId(), 64), Json.write(payload));
        outcome = jdbi.inTransaction(h -> apply(h, report));
        if (outcome == ReportOutcome.UNKNOWN) {
            log.info("delivery report for unknown upstream message id {} (status {}): held in case its message "
                    + "is being recorded", report.upstreamMessageId(), report.status());
        } else {
            forgetHeld(List.of(report.upstreamMessageId()));
        }
        return outcome;
    }

    /**
     * Applies several reports in one transaction ({@link DeliveryReportBatcher}'s): the tenants' rows locked in the
     * order of their ids, so two such transactions never wait on each other's tenant rows in a cycle; the reports of
     * one message in arrival order, so its status stays forward-only and a duplicate is a no-op; and a tenant's
     * events in the order its reports arrived. A report whose id no message carries yet then goes through
     * {@link #apply(DeliveryReport)} (it may be held).
     *
     * @return the outcome of each report, in the order given
     */
    public List<ReportOutcome> applyAll(List<DeliveryReport> reports) {
        ReportOutcome[] out = new ReportOutcome[reports.size()];
        jdbi.useTransaction(h -> {
            List<Integer> order = new java.util.ArrayList<>();
            for (int i = 0; i < reports.size(); i++) {
                order.add(i);
            }
            if (refundOnDeliveryFailure) {
                // a refund locks its tenant's row where it happens: one report after another, in tenant order (a
                // stable sort: reports of one message keep their arrival order)
                Map<String, Message> byUpstreamId = new java.util.HashMap<>();
                MessageStore.findAllByUpstreamIds(h, reports.stream().map(DeliveryReport::upstreamMessageId)
                        .distinct().toList()).forEach(m -> byUpstreamId.putIfAbsent(m.upstreamMessageId(), m));
                order.sort(java.util.Comparator.comparingLong(i -> {
                    Message m = byUpstreamId.get(reports.get(i).upstreamMessageId());
                    return m == null ? Long.MAX_VALUE : m.tenantId();
                }));
                for (int i : order) {
                    out[i] = apply(h, reports.get(i));
                }
                return;
            }
            // The status moves first (one UPDATE for the batch); then the events of every tenant in one go and the
            // usage counters, so the tenants' rows (event sequences) and usage rows are locked at the end, in tenant
            // order, briefly. On PostgreSQL the reports are matched to their messages by the UPDATE itself; only
            // those it did not move (not final, older news, a duplicate, an id not recorded yet) are read first.
            List<PlannedMove> made = new java.util.ArrayList<>();
            List<Integer> left = order;
            if (dialect == Dialect.POSTGRES) {
                left = moveByUpstreamIds(h, reports, order, made);
            }
            List<PlannedMove> plans = new java.util.ArrayList<>();
            if (!left.isEmpty()) {
                Map<String, Message> byUpstreamId = new java.util.HashMap<>();
                MessageStore.findAllByUpstreamIds(h, left.stream().map(i -> reports.get(i).upstreamMessageId())
                        .distinct().toList()).forEach(m -> byUpstreamId.putIfAbsent(m.upstreamMessageId(), m));
                for (int i : left) {
                    DeliveryReport report = reports.get(i);
                    Message m = byUpstreamId.get(report.upstreamMessageId());
                    if (m == null) {
                        out[i] = ReportOutcome.UNKNOWN;
                        continue;
                    }
                    Optional<Move> move = plan(m, m.status(), report);
                    if (move.isEmpty()) {
                        out[i] = ReportOutcome.IGNORED;
                        continue;
                    }
                    plans.add(new PlannedMove(i, m, report, move.get()));
                }
            }
            // H2: one JDBC batch when the messages are distinct. PostgreSQL: the UPDATE above moved the batch; what
            // it left and is still to move (two reports for one message, a row committed meanwhile) goes one by one.
            boolean distinct = plans.stream().map(p -> p.message().id()).distinct().count() == plans.size();
            Map<Integer, Move> moved = dialect != Dialect.POSTGRES && distinct ? moveAll(h, plans)
                    : moveOneByOne(h, plans);
            for (PlannedMove p : plans) {
                if (moved.containsKey(p.index())) {
                    made.add(p);
                } else {
                    out[p.index()] = ReportOutcome.IGNORED;
                }
            }
            // a tenant's events in the order its reports arrived, whichever statement moved them
            made.sort(java.util.Comparator.comparingInt(PlannedMove::index));
            Map<Long, List<EventStore.NewEvent>> newEvents = new java.util.TreeMap<>();
            Map<Long, long[]> finals = new java.util.TreeMap<>();
            for (PlannedMove p : made) {
                Move move = p.move();
                Message m = p.message();
                move.event(m, m.refunded()).ifPresent(e -> newEvents
                        .computeIfAbsent(m.tenantId(), t -> new java.util.ArrayList<>()).add(e));
                long[] counts = finals.computeIfAbsent(m.tenantId(), t -> new long[2]);
                if (move.next() == MessageStatus.DELIVERED) {
                    counts[0]++;
                } else if (move.next() == MessageStatus.FAILED) {
                    counts[1]++;
                }
                out[p.index()] = ReportOutcome.APPLIED;
            }
            events.appendAllByTenant(h, newEvents);
            Map<Long, Long> delivered = new java.util.TreeMap<>();
            Map<Long, Long> failedCount = new java.util.TreeMap<>();
            finals.forEach((tenantId, counts) -> {
                delivered.put(tenantId, counts[0]);
                failedCount.put(tenantId, counts[1]);
            });
            usage.deliveredAll(h, UsageCounters.SMS, "", delivered);
            usage.failedAll(h, UsageCounters.SMS, "", failedCount);
        });
        for (int i = 0; i < out.length; i++) {
            if (out[i] == ReportOutcome.UNKNOWN) {
                out[i] = apply(reports.get(i));
            }
        }
        return List.of(out);
    }

    /**
     * PostgreSQL: the final reports of a batch, each the only one for its upstream id, matched to their messages and
     * moved by one conditional UPDATE (from any status that may move to the report's), which returns the moved
     * messages: one statement where reading them first took two. The rows are taken in upstream-id order, so two
     * batches lock shared rows in the same order. Adds the moves made to {@code made}; returns the reports it left for
     * the reading path (not final, a message not in a status to move, an id no message carries yet, an id reported
     * twice), in {@code order}.
     */
    private List<Integer> moveByUpstreamIds(Handle h, List<DeliveryReport> reports, List<Integer> order,
                                            List<PlannedMove> made) {
        Map<String, Long> reportsPerId = order.stream().collect(java.util.stream.Collectors.groupingBy(
                i -> reports.get(i).upstreamMessageId(), java.util.stream.Collectors.counting()));
        List<Integer> candidates = new java.util.ArrayList<>();
        Map<Integer, Move> targets = new java.util.HashMap<>();
        for (int i : order) {
            Optional<Move> move = target(reports.get(i));
            // two reports for one message are left to the reading path, which takes them in arrival order
            if (move.isPresent() && reportsPerId.get(reports.get(i).upstreamMessageId()) == 1) {
                candidates.add(i);
                targets.put(i, move.get());
            }
        }
        if (candidates.isEmpty()) {
            return order;
        }
        candidates.sort(java.util.Comparator.comparing(i -> reports.get(i).upstreamMessageId()));
        int n = candidates.size();
        String[] upstreamIds = new String[n];
        String[] next = new String[n];
        String[] from = new String[n];
        String[] us = new String[n];
        String[] err = new String[n];
        Integer[] index = new Integer[n];
        for (int k = 0; k < n; k++) {
            int i = candidates.get(k);
            Move move = targets.get(i);
            upstreamIds[k] = reports.get(i).upstreamMessageId();
            next[k] = move.next().wireName();
            from[k] = java.util.Arrays.stream(MessageStatus.values()).filter(s -> s.canMoveTo(move.next()))
                    .map(MessageStatus::wireName).collect(java.util.stream.Collectors.joining(","));
            us[k] = move.upstreamStatus();
            err[k] = move.errorCode();
            index[k] = i;
        }
        java.util.Set<Integer> moved = new java.util.HashSet<>();
        // the newest message with the upstream id, as findByUpstreamId prefers
        h.createQuery("UPDATE messages SET status = v.next, upstream_status = v.us, error_code = v.err, "
                        + "delivered_at = CASE WHEN v.next = 'delivered' THEN :now ELSE messages.delivered_at END, "
                        + "failed_at = CASE WHEN v.next = 'failed' THEN :now ELSE messages.failed_at END, "
                        + "expired_at = CASE WHEN v.next = 'expired' THEN :now ELSE messages.expired_at END "
                        + "FROM (SELECT r.*, (SELECT x.id FROM messages x WHERE x.upstream_message_id = r.u "
                        + "AND x.channel = 'sms' ORDER BY x.created_at DESC LIMIT 1) AS message_id "
                        + "FROM unnest(CAST(:u AS varchar[]), CAST(:next AS varchar[]), CAST(:froms AS varchar[]), "
                        + "CAST(:us AS varchar[]), CAST(:err AS varchar[]), CAST(:idx AS int[])) "
                        + "AS r(u, next, froms, us, err, idx)) v "
                        + "WHERE messages.id = v.message_id AND messages.status = ANY(string_to_array(v.froms, ',')) "
                        + "RETURNING v.idx, " + MessageStore.COLUMNS)
                .bind("now", clock.instant()).bindArray("u", String.class, (Object[]) upstreamIds)
                .bindArray("next", String.class, (Object[]) next).bindArray("froms", String.class, (Object[]) from)
                .bindArray("us", String.class, (Object[]) us).bindArray("err", String.class, (Object[]) err)
                .bindArray("idx", Integer.class, (Object[]) index)
                .map((rs, ctx) -> new PlannedMove(rs.getInt("idx"), MessageStore.map(rs), reports.get(rs.getInt("idx")),
                        targets.get(rs.getInt("idx"))))
                .forEach(p -> {
                    made.add(p);
                    moved.add(p.index());
                });
        return order.stream().filter(i -> !moved.contains(i)).toList();
    }

    /** Applies reports that arrived before their messages' upstream ids were committed; call after committing them. */
    void applyHeld(List<String> upstreamIds) {
        if (upstreamIds.isEmpty()) {
            return;
        }
        List<String> payloads = held.payloads(upstreamIds);
        if (payloads.isEmpty()) {
            return;
        }
        for (String payload : payloads) {
            DeliveryReport.fromJson(payload.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .ifPresent(r -> jdbi.useTransaction(h -> apply(h, r)));
        }
        forgetHeld(upstreamIds);
    }

    private void forgetHeld(List<String> upstreamIds) {
        held.forget(upstreamIds);
    }

    /** Drops held reports older than {@code age}: their ids were never ours. */
    public int purgeHeld(Duration age) {
        return held.purgeOlderThan(age);
    }

    ReportOutcome apply(Handle h, DeliveryReport report) {
        Optional<Message> found = MessageStore.findByUpstreamId(h, report.upstreamMessageId());
        if (found.isEmpty()) {
            return ReportOutcome.UNKNOWN;
        }
        Message m = found.get();
        Optional<Move> move = move(h, m, m.status(), report);
        if (move.isEmpty()) {
            return ReportOutcome.IGNORED;
        }
        boolean refunded = move.get().next() == MessageStatus.FAILED && refundOnDeliveryFailure ? refund(h, m)
                : m.refunded();
        move.get().event(m, refunded).ifPresent(e -> events.append(h, m.tenantId(), e.type(), e.data()));
        switch (move.get().next()) {
            case DELIVERED -> usage.delivered(h, m.tenantId(), UsageCounters.SMS, "");
            case FAILED -> usage.failed(h, m.tenantId(), UsageCounters.SMS, "");
            default -> {
            }
        }
        return ReportOutcome.APPLIED;
    }

    /** A status move a report made: where to, and the error it carried (null when none). */
    private record Move(MessageStatus next, String error, String reportStatus) {
        /** The report's status as stored (the column holds 64 characters). */
        String upstreamStatus() {
            return truncate(reportStatus, 64);
        }

        /** What {@code error_code} records: nothing when delivered, else the error or failing the status. */
        String errorCode() {
            return next == MessageStatus.DELIVERED ? null : truncate(error == null ? reportStatus : error, 32);
        }

        /** The event the move announces; an upstream EXPIRED is final for the network but has no event of its own. */
        Optional<EventStore.NewEvent> event(Message m, boolean refunded) {
            return switch (next) {
                case DELIVERED -> Optional.of(new EventStore.NewEvent(EventTypes.MESSAGE_DELIVERED,
                        data(m, next, null, null, refunded)));
                case FAILED -> Optional.of(new EventStore.NewEvent(EventTypes.MESSAGE_FAILED,
                        data(m, next, error == null ? reportStatus : error, reportStatus, refunded)));
                default -> Optional.empty();
            };
        }
    }

    /** A report's move as planned from the status its transaction read, before the conditional UPDATE. */
    private record PlannedMove(int index, Message message, DeliveryReport report, Move move) {
    }

    /**
     * The move a report asks for from status {@code was}: empty when the report is not final, a duplicate or older
     * news.
     */
    private Optional<Move> plan(Message m, MessageStatus was, DeliveryReport report) {
        if (!report.recognised()) {
            log.info("delivery report for {} with unrecognised status {}: message stays {}", m.id(), report.status(),
                    was.wireName());
        }
        return target(report).filter(move -> was.canMoveTo(move.next()));
    }

    /** The move a report asks for, whatever the message's status: empty when the report is not final. */
    private static Optional<Move> target(DeliveryReport report) {
        Optional<MessageStatus> target = report.state().messageStatus();
        if (target.isEmpty()) {
            return Optional.empty();
        }
        String error = report.errorCode().isEmpty() || "000".equals(report.errorCode()) || "0".equals(report.errorCode())
                ? null : report.errorCode();
        return Optional.of(new Move(target.get(), error, report.status()));
    }

    /**
     * The conditional UPDATE a report makes, from status {@code was}: empty when the report is not final, a duplicate,
     * older news, or the message moved meanwhile.
     */
    private Optional<Move> move(Handle h, Message m, MessageStatus was, DeliveryReport report) {
        Optional<Move> planned = plan(m, was, report);
        if (planned.isEmpty()) {
            return planned;
        }
        Move move = planned.get();
        String timeColumn = switch (move.next()) {
            case DELIVERED -> "delivered_at";
            case FAILED -> "failed_at";
            default -> "expired_at";
        };
        int n = h.createUpdate("UPDATE messages SET status = :next, upstream_status = :us, error_code = :err, "
                        + timeColumn + " = :now WHERE id = :id AND status = :was")
                .bind("next", move.next().wireName()).bind("us", move.upstreamStatus()).bind("err", move.errorCode())
                .bind("now", clock.instant()).bind("id", m.id()).bind("was", was.wireName()).execute();
        return n == 1 ? planned : Optional.empty();
    }

    /**
     * Each planned move in turn, from the status the one before left (a batch with two reports for one message).
     * Returns the moves made, by report index.
     */
    private Map<Integer, Move> moveOneByOne(Handle h, List<PlannedMove> plans) {
        Map<Integer, Move> moved = new java.util.HashMap<>();
        Map<String, MessageStatus> statusNow = new java.util.HashMap<>();
        for (PlannedMove p : plans) {
            Message m = p.message();
            move(h, m, statusNow.getOrDefault(m.id(), m.status()), p.report()).ifPresent(move -> {
                statusNow.put(m.id(), move.next());
                moved.put(p.index(), move);
            });
        }
        return moved;
    }

    /**
     * H2: the planned moves of distinct messages, each conditional on the status read, as one JDBC batch (rows taken
     * in id order, so two batches lock shared rows in the same order). Returns the moves made, by report index; a
     * message that moved meanwhile is left alone.
     */
    private Map<Integer, Move> moveAll(Handle h, List<PlannedMove> plans) {
        Map<Integer, Move> moved = new java.util.HashMap<>();
        if (plans.isEmpty()) {
            return moved;
        }
        List<PlannedMove> byId = new java.util.ArrayList<>(plans);
        byId.sort(java.util.Comparator.comparing(p -> p.message().id()));
        Instant now = clock.instant();
        org.jdbi.v3.core.statement.PreparedBatch batch = h.prepareBatch("UPDATE messages SET status = :next, "
                + "upstream_status = :us, error_code = :err, "
                + "delivered_at = CASE WHEN :next = 'delivered' THEN :now ELSE delivered_at END, "
                + "failed_at = CASE WHEN :next = 'failed' THEN :now ELSE failed_at END, "
                + "expired_at = CASE WHEN :next = 'expired' THEN :now ELSE expired_at END "
                + "WHERE id = :id AND status = :was");
        for (PlannedMove p : byId) {
            batch.bind("next", p.move().next().wireName()).bind("us", p.move().upstreamStatus())
                    .bind("err", p.move().errorCode()).bind("now", now).bind("id", p.message().id())
                    .bind("was", p.message().status().wireName()).add();
        }
        int[] changed = batch.execute();
        for (int i = 0; i < changed.length; i++) {
            if (changed[i] == 1) {
                moved.put(byId.get(i).index(), byId.get(i).move());
            }
        }
        return moved;
    }

    /** sent → expired for messages with no final report after {@code expiry}; returns how many. */
    public int expireOverdue(Duration expiry, int limit) {
        Instant now = clock.instant();
        return jdbi.inTransaction(h -> {
            List<String> ids = h.createQuery("SELECT id FROM messages WHERE status = 'sent' AND channel = 'sms' AND sent_at < :before "
                            + "ORDER BY sent_at LIMIT :limit")
                    .bind("before", now.minus(expiry)).bind("limit", limit).mapTo(String.class).list();
            if (ids.isEmpty()) {
                return 0;
            }
            return h.createUpdate("UPDATE messages SET status = 'expired', expired_at = :now "
                            + "WHERE id IN (<ids>) AND status = 'sent'")
                    .bind("now", now).bindList("ids", ids).execute();
        });
    }

    /** Returns a message's charge once: false (and nothing done) when it was already refunded. */
    boolean refund(Handle h, Message m) {
        int marked = h.createUpdate("UPDATE messages SET refunded = TRUE WHERE id = :id AND refunded = FALSE")
                .bind("id", m.id()).execute();
        if (marked != 1 || ledger.isRefunded(h, m.id())) {
            return true;
        }
        ledger.refund(h, m.tenantId(), m.cost(), m.id(),
                Posting.of("refund", "Refund for " + m.id()).withReference(m.id()));
        usage.refunded(h, m.tenantId(), UsageCounters.SMS, "", m.cost().cents());
        return true;
    }

    static Map<String, Object> data(Message m, MessageStatus status, String errorCode, String errorDescription,
                                    boolean refunded) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("message_id", m.id());
        data.put("channel", "sms");
        data.put("reference", m.reference());
        data.put("recipient", m.recipient());
        data.put("status", status.wireName());
        if (errorCode == null) {
            data.put("error", null);
        } else {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("code", errorCode);
            error.put("description", errorDescription);
            data.put("error", error);
        }
        data.put("segments", m.segments());
        data.put("cost", m.cost().toDecimal());
        data.put("refunded", refunded);
        return data;
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
