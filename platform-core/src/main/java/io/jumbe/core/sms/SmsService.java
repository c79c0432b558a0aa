package io.jumbe.core.sms;

import io.jumbe.core.analytics.UsageCounters;
import io.jumbe.core.common.FieldError;
import io.jumbe.core.common.Ids;
import io.jumbe.core.common.ListPage;
import io.jumbe.core.common.Money;
import io.jumbe.core.common.PageRequest;
import io.jumbe.core.common.SendLimits;
import io.jumbe.core.common.ServiceException;
import io.jumbe.core.common.TextRules;
import io.jumbe.core.contacts.OptOuts;
import io.jumbe.core.jobs.Job;
import io.jumbe.core.jobs.JobQueue;
import io.jumbe.core.jobs.NewJob;
import io.jumbe.core.phone.PhoneNumbers;
import io.jumbe.core.store.NewestFirst;
import io.jumbe.core.tenant.Tenant;
import io.jumbe.core.tenant.TenantService;
import io.jumbe.core.wallet.BalanceChange;
import io.jumbe.core.wallet.InsufficientBalance;
import io.jumbe.core.wallet.Ledger;
import io.jumbe.core.wallet.Posting;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * Sending SMS: validation, pricing by segment, one conditional debit with the messages and their dispatch jobs in
 * one transaction, and the tenant's views (status, history, statistics) and cancellation of scheduled messages.
 * Dispatch itself is {@link SmsDispatcher}'s work.
 */
public final class SmsService {
    /** Queue of messages sent to one recipient. */
    public static final String SINGLE_QUEUE = "sms";
    /** Queue of messages from multi-recipient requests, so a large bulk never holds up a single send. */
    public static final String BULK_QUEUE = "sms-bulk";
    /** Job kind of a message's dispatch; the payload is the message id. */
    public static final String SEND_KIND = "sms.send";
    /**
     * Job kind of the dispatch of a chunk of bulk-lane messages; the payload is their ids, comma-separated, and the
     * dedupe key the first of them (each message's {@code dispatch_key}).
     */
    public static final String BATCH_KIND = "sms.send-batch";
    /**
     * Most messages one {@link #BATCH_KIND} job carries: the dispatcher's default batch, so one claim of one job
     * fills one upstream request. One job row per chunk instead of one per recipient halves what a bulk writes.
     */
    public static final int MESSAGES_PER_BULK_JOB = 100;
    public static final int MAX_RECIPIENTS = SendLimits.MAX_RECIPIENTS;
    public static final int MAX_SEGMENTS = 10;
    public static final int MAX_REFERENCE = SendLimits.MAX_REFERENCE;
    public static final Duration MAX_SCHEDULE_AHEAD = SendLimits.MAX_SCHEDULE_AHEAD;
    /** Dispatch attempts before a message that keeps failing transiently is failed and refunded. */
    public static final int MAX_ATTEMPTS = 8;

    private static final NewestFirst<Message> HISTORY = new NewestFirst<>(MessageStore.COLUMNS, "messages", "tenant_id",
            (rs, ctx) -> MessageStore.map(rs));
    private final Jdbi jdbi;
    private final Clock clock;
    private final Ids ids;
    private final TenantService tenants;
    private final Ledger ledger;
    private final JobQueue jobs;
    private final MessageLifecycle lifecycle;
    private final OptOuts optOuts;
    private final List<Consumer<String>> queuedListeners = new CopyOnWriteArrayList<>();

    public SmsService(Jdbi jdbi, Clock clock, Ids ids, TenantService tenants, Ledger ledger, JobQueue jobs,
                      MessageLifecycle lifecycle, OptOuts optOuts) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.ids = ids;
        this.tenants = tenants;
        this.ledger = ledger;
        this.jobs = jobs;
        this.lifecycle = lifecycle;
        this.optOuts = optOuts;
    }

    /** The transitions dispatch and delivery reports use. */
    public MessageLifecycle lifecycle() {
        return lifecycle;
    }

    /** Called with the queue name after a send commits, so a dispatcher in this process can start at once. */
    public void onQueued(Consumer<String> listener) {
        queuedListeners.add(listener);
    }

    private record Checked(Tenant tenant, String sender, SegmentCount count, List<String> recipients,
                           List<Rejection> rejected) {
        Money costPerRecipient() {
            return tenant.pricePerSegment().times(count.segments());
        }

        Money total() {
            return costPerRecipient().times(recipients.size());
        }
    }

    /**
     * Queues a send and charges it, all or nothing.
     *
     * @throws ServiceException {@code validation_failed}, {@code sender_not_allowed}, {@code invalid_recipient},
     *                          {@code insufficient_balance}
     */
    public SendResult send(long tenantId, SendRequest request) {
        return send(tenants.get(tenantId), request);
    }

    /**
     * As {@link #send(long, SendRequest)}, for a tenant the caller has just read (the API reads it with the key):
     * its price and sender ids are used as read; the debit itself checks the balance as of now.
     */
    public SendResult send(Tenant tenant, SendRequest request) {
        long tenantId = tenant.id();
        Checked c = check(tenant, request);
        Instant now = clock.instant();
        boolean bulk = c.recipients().size() > 1;
        String queue = bulk ? BULK_QUEUE : SINGLE_QUEUE;
        String batchId = ids.next("BAT");
        Money each = c.costPerRecipient();
        List<Message> messages = new ArrayList<>(c.recipients().size());
        for (String recipient : c.recipients()) {
            String id = ids.next("MSG");
            messages.add(new Message(id, tenantId, batchId, recipient, c.sender(), request.message(),
                    c.count().encoding(), c.count().segments(), each, c.tenant().pricePerSegment(),
                    MessageStatus.QUEUED, null, null, null, null, blankToNull(request.reference()),
                    bulk ? "bulk" : "single", request.scheduleAt(), now, null, null, null, null, null, false, now));
        }
        Map<String, String> dispatchKeys = bulk ? new HashMap<>() : Map.of();
        List<NewJob> work = bulk ? bulkJobs(messages, request.scheduleAt(), dispatchKeys)
                : List.of(NewJob.of(queue, SEND_KIND, messages.get(0).id()).dedupedBy(messages.get(0).id())
                        .at(request.scheduleAt()).maxAttempts(MAX_ATTEMPTS));
        String what = c.recipients().size() == 1 ? messages.get(0).id() : batchId;
        BalanceChange change = jdbi.inTransaction(h -> {
            // after the commit (of a caller's transaction too, when this runs inside one), not before it
            h.afterCommit(() -> queuedListeners.forEach(l -> l.accept(queue)));
            // Rows first, the debit last: the debit locks the tenant's balance row until commit, and every other send
            // of this tenant waits on that lock, so nothing else should run while it is held. Not enough balance
            // rolls the rows back with it.
            MessageStore.insertAll(h, messages, dispatchKeys);
            jobs.enqueueAll(h, work);
            BalanceChange charged = ledger.debit(h, tenantId, c.total(),
                            Posting.of("sms_charge", "SMS to " + c.recipients().size() + " recipient(s), "
                                    + c.count().segments() + " segment(s) each").withReference(what))
                    .orElseThrow(() -> InsufficientBalance.of(h, tenantId, c.total(), "request"));
            lifecycle.usage().accepted(h, tenantId, UsageCounters.SMS, "", messages.size(),
                    (long) messages.size() * c.count().segments(), c.total().cents());
            return charged;
        });
        List<SendResult.Queued> queued = messages.stream()
                .map(m -> new SendResult.Queued(m.id(), m.recipient(), m.segments(), m.cost())).toList();
        return new SendResult(request.single(), batchId, queued, c.count().encoding(), c.total(), change.after(),
                c.rejected());
    }

    /**
     * A message whose charge was already taken (a campaign's, debited once at launch): what {@link #queuePrepaid}
     * needs to queue it.
     */
    public record Prepaid(String messageId, String recipient, String text) {
    }

    /** What a prepaid text costs: its own segments at {@code price} per segment, as a send would charge it. */
    public static Money costOf(String text, Money price) {
        return price.times(Segments.count(text).segments());
    }

    /**
     * Inserts already-paid messages with their dispatch jobs on the bulk lane, in the caller's transaction, debiting
     * nothing: the caller charged for them (with {@link #costOf}) and each message carries its own cost, so a failed
     * one is refunded like any other.
     *
     * @param batchId the batch the messages belong to (a campaign id)
     */
    public void queuePrepaid(Handle h, long tenantId, String batchId, String sender, Money price, String reference,
                             Instant runAt, List<Prepaid> items) {
        if (items.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        List<Message> messages = new ArrayList<>(items.size());
        for (Prepaid p : items) {
            SegmentCount count = Segments.count(p.text());
            messages.add(new Message(p.messageId(), tenantId, batchId, p.recipient(), sender, p.text(),
                    count.encoding(), count.segments(), price.times(count.segments()), price, MessageStatus.QUEUED,
                    null, null, null, null, reference, "bulk", runAt, now, null, null, null, null, null, false, now));
        }
        Map<String, String> dispatchKeys = new HashMap<>();
        List<NewJob> work = bulkJobs(messages, runAt, dispatchKeys);
        h.afterCommit(() -> queuedListeners.forEach(l -> l.accept(BULK_QUEUE)));
        MessageStore.insertAll(h, messages, dispatchKeys);
        jobs.enqueueAll(h, work);
    }

    /**
     * One {@link #BATCH_KIND} job per chunk of up to {@link #MESSAGES_PER_BULK_JOB} messages on the bulk lane,
     * deduped by the chunk's first message id; fills {@code dispatchKeys} with that key for each message. All the
     * messages of a chunk come from one call, so they share a tenant and a batch (a send, or a campaign's part).
     */
    private static List<NewJob> bulkJobs(List<Message> messages, Instant runAt, Map<String, String> dispatchKeys) {
        List<NewJob> work = new ArrayList<>(messages.size() / MESSAGES_PER_BULK_JOB + 1);
        for (int from = 0; from < messages.size(); from += MESSAGES_PER_BULK_JOB) {
            List<Message> chunk = messages.subList(from, Math.min(messages.size(), from + MESSAGES_PER_BULK_JOB));
            String key = chunk.get(0).id();
            StringBuilder payload = new StringBuilder(chunk.size() * (key.length() + 1));
            for (Message m : chunk) {
                if (payload.length() > 0) {
                    payload.append(',');
                }
                payload.append(m.id());
                dispatchKeys.put(m.id(), key);
            }
            work.add(NewJob.of(BULK_QUEUE, BATCH_KIND, payload.toString()).dedupedBy(key).at(runAt)
                    .maxAttempts(MAX_ATTEMPTS));
        }
        return work;
    }

    /** The message ids a dispatch job carries: its payload, one id or (a {@link #BATCH_KIND} job) several. */
    public static List<String> messageIdsOf(Job job) {
        return BATCH_KIND.equals(job.kind()) ? List.of(job.payload().split(",")) : List.of(job.payload());
    }

    /** Prices a send request with the same validation as {@link #send}, writing nothing. */
    public Quote quote(long tenantId, SendRequest request) {
        return quote(tenants.get(tenantId), request);
    }

    /** As {@link #quote(long, SendRequest)}, for a tenant the caller has just read. */
    public Quote quote(Tenant tenant, SendRequest request) {
        Checked c = check(tenant, request);
        return new Quote(c.count().segments(), c.count().encoding(), c.count().characters(), c.recipients().size(),
                c.costPerRecipient(), c.total(), c.tenant().balance(), c.rejected());
    }

    private Checked check(Tenant tenant, SendRequest request) {
        List<FieldError> errors = new ArrayList<>();
        String text = request.message();
        SegmentCount count = Segments.count(text);
        if (text == null || text.isBlank()) {
            errors.add(new FieldError("message", "is required and may not be empty"));
        } else if (count.segments() > MAX_SEGMENTS) {
            errors.add(new FieldError("message", "is " + count.segments() + " segments long; at most " + MAX_SEGMENTS
                    + " are allowed (" + MAX_SEGMENTS * count.encoding().partLimit() + " " + count.encoding().label()
                    + " units)"));
        }
        TextRules.check(errors, "message", text, TextRules.Kind.MESSAGE);
        TextRules.check(errors, "sender", request.sender(), TextRules.Kind.LINE);
        SendLimits.check(errors, clock.instant(), request.reference(), request.scheduleAt(), request.single(),
                request.recipients());
        if (!errors.isEmpty()) {
            throw new ServiceException("validation_failed", "The request has invalid fields", errors);
        }
        String sender = request.sender() == null || request.sender().isBlank() ? tenant.defaultSenderId()
                : request.sender().strip();
        if (sender == null || !tenant.senderIds().contains(sender)) {
            throw new ServiceException("sender_not_allowed", sender == null
                    ? "This account has no default sender id; name one in 'sender'."
                    : "The sender id '" + sender + "' has not been approved for this account.",
                    List.of(), Map.of("allowed_senders", tenant.senderIds()));
        }
        java.util.LinkedHashSet<String> valid = new java.util.LinkedHashSet<>();
        List<Rejection> rejected = new ArrayList<>();
        List<FieldError> invalid = new ArrayList<>();
        for (int i = 0; i < request.recipients().size(); i++) {
            String input = request.recipients().get(i);
            PhoneNumbers.Result r = PhoneNumbers.parse(input);
            if (r instanceof PhoneNumbers.Valid v) {
                valid.add(v.msisdn());
            } else {
                String reason = ((PhoneNumbers.Invalid) r).reason();
                rejected.add(new Rejection(input, "invalid_recipient", reason));
                if (invalid.size() < 100) {
                    invalid.add(new FieldError(request.single() ? "recipient" : "recipients[" + i + "]", reason));
                }
            }
        }
        if (valid.isEmpty()) {
            // The reason already says "not a Kenyan mobile number: ..."; the detail does not say it twice.
            List<Map<String, Object>> list = rejected.stream().limit(100).map(Rejection::toMap).toList();
            throw new ServiceException("invalid_recipient", rejected.size() == 1
                    ? "The recipient is " + rejected.get(0).reason() + "."
                    : "None of the " + rejected.size() + " recipients is a valid Kenyan mobile number.",
                    invalid, Map.of("rejected", list));
        }
        // Numbers that opted out of this tenant are never sent to nor charged: one alone is refused, in a list each
        // is rejected with the others sent.
        java.util.Set<String> optedOut = optOuts.among(tenant.id(), valid);
        if (!optedOut.isEmpty()) {
            if (request.single()) {
                throw OptOuts.optedOut(valid.iterator().next());
            }
            valid.removeAll(optedOut);
            optedOut.stream().sorted().forEach(n -> rejected.add(new Rejection(n, OptOuts.OPTED_OUT,
                    "the recipient has opted out of messages from this account")));
            if (valid.isEmpty()) {
                throw new ServiceException(OptOuts.RECIPIENT_OPTED_OUT, "All " + optedOut.size() + " recipients have "
                        + "opted out of messages from this account.", List.of(),
                        Map.of("rejected", rejected.stream().limit(100).map(Rejection::toMap).toList()));
            }
        }
        return new Checked(tenant, sender, count, List.copyOf(valid), List.copyOf(rejected));
    }

    /** One of the tenant's messages; another tenant's id is {@code not_found}. */
    public Message get(long tenantId, String messageId) {
        return jdbi.withHandle(h -> MessageStore.find(h, messageId))
                .filter(m -> m.tenantId() == tenantId)
                .orElseThrow(() -> ServiceException.notFound("Message " + messageId));
    }

    /** A page of the tenant's messages, newest first: numbered, or the page after a message ({@code starting_after}). */
    public ListPage<Message> history(long tenantId, HistoryFilter filter, PageRequest page) {
        // WhatsApp rows share the table; the SMS history shows SMS only
        StringBuilder where = new StringBuilder("tenant_id = :t AND channel = 'sms'");
        if (filter.status() != null) {
            where.append(" AND status = :status");
        }
        String recipient = filter.recipient() == null ? null
                : PhoneNumbers.normalize(filter.recipient()).orElse(filter.recipient().strip());
        if (recipient != null) {
            where.append(" AND recipient = :recipient");
        }
        if (filter.reference() != null) {
            where.append(" AND reference = :reference");
        }
        if (filter.from() != null) {
            where.append(" AND created_at >= :from");
        }
        if (filter.to() != null) {
            where.append(" AND created_at < :to");
        }
        Consumer<Query> bind = q -> {
            q.bind("t", tenantId);
            if (filter.status() != null) {
                q.bind("status", filter.status().wireName());
            }
            if (recipient != null) {
                q.bind("recipient", recipient);
            }
            if (filter.reference() != null) {
                q.bind("reference", filter.reference());
            }
            if (filter.from() != null) {
                q.bind("from", filter.from());
            }
            if (filter.to() != null) {
                q.bind("to", filter.to());
            }
        };
        return jdbi.withHandle(h -> HISTORY.page(h, tenantId, where.toString(), bind, page));
    }

    /** Counts, segments and net cost of the tenant's messages created in {@code [from, to)}. */
    public SmsStatistics statistics(long tenantId, Instant from, Instant to) {
        if (!from.isBefore(to)) {
            throw ServiceException.validation("from", "must be before 'to'");
        }
        return jdbi.withHandle(h -> {
            Map<MessageStatus, Long> byStatus = new EnumMap<>(MessageStatus.class);
            for (MessageStatus s : MessageStatus.values()) {
                byStatus.put(s, 0L);
            }
            long[] sums = new long[4];
            h.createQuery("SELECT status, COUNT(*) AS n, COALESCE(SUM(segments), 0) AS segs, "
                            + "COALESCE(SUM(cost_cents), 0) AS cost, "
                            + "COALESCE(SUM(CASE WHEN refunded THEN cost_cents ELSE 0 END), 0) AS refunded "
                            + "FROM messages WHERE tenant_id = :t AND channel = 'sms' AND created_at >= :from AND created_at < :to "
                            + "GROUP BY status")
                    .bind("t", tenantId).bind("from", from).bind("to", to)
                    .map((rs, ctx) -> {
                        long n = rs.getLong("n");
                        byStatus.put(MessageStatus.fromWire(rs.getString("status")), n);
                        sums[0] += n;
                        sums[1] += rs.getLong("segs");
                        sums[2] += rs.getLong("cost");
                        sums[3] += rs.getLong("refunded");
                        return n;
                    }).list();
            return new SmsStatistics(from, to, sums[0], byStatus, sums[1], Money.ofCents(sums[2] - sums[3]),
                    Money.ofCents(sums[3]));
        });
    }

    /**
     * The end of a window that ends now, by the platform's clock (the one that stamped the messages): a second ahead,
     * so that what was created this instant counts.
     */
    public Instant upToNow() {
        return clock.instant().plusSeconds(1);
    }

    /** Start of today in {@code TIMEZONE} (Africa/Nairobi unless set): tenants' days start at their midnight. */
    public Instant startOfToday() {
        return lifecycle.usage().today().atStartOfDay(lifecycle.usage().zone()).toInstant();
    }

    /** Start of this month in {@code TIMEZONE}. */
    public Instant startOfMonth() {
        return lifecycle.usage().today().withDayOfMonth(1).atStartOfDay(lifecycle.usage().zone()).toInstant();
    }

    /** This month's account view. */
    public ClientStatistics clientStatistics(long tenantId) {
        Instant month = startOfMonth();
        return jdbi.withHandle(h -> {
            Map<String, Object> m = h.createQuery("SELECT "
                            + "COALESCE(SUM(CASE WHEN sent_at IS NOT NULL THEN 1 ELSE 0 END), 0) AS sent, "
                            + "COALESCE(SUM(CASE WHEN status = 'delivered' THEN 1 ELSE 0 END), 0) AS delivered, "
                            + "COALESCE(SUM(CASE WHEN status = 'failed' THEN 1 ELSE 0 END), 0) AS failed "
                            + "FROM messages WHERE tenant_id = :t AND created_at >= :from")
                    .bind("t", tenantId).bind("from", month).mapToMap().one();
            Map<String, Object> j = h.createQuery("SELECT "
                            + "COALESCE(SUM(CASE WHEN type = 'debit' THEN amount_cents ELSE 0 END), 0) AS debits, "
                            + "COALESCE(SUM(CASE WHEN type = 'refund' THEN amount_cents ELSE 0 END), 0) AS refunds, "
                            + "COALESCE(SUM(CASE WHEN type = 'credit' AND payment_method IN ('mpesa', 'manual') "
                            + "THEN amount_cents ELSE 0 END), 0) AS topups "
                            + "FROM wallet_transactions WHERE tenant_id = :t AND status = 'completed' AND completed_at >= :from")
                    .bind("t", tenantId).bind("from", month).mapToMap().one();
            return new ClientStatistics(month, num(m, "sent"), num(m, "delivered"), num(m, "failed"),
                    Money.ofCents(num(j, "debits") - num(j, "refunds")), Money.ofCents(num(j, "topups")),
                    InsufficientBalance.balance(h, tenantId));
        });
    }

    private static long num(Map<String, Object> row, String key) {
        Object v = row.get(key);
        return v == null ? 0 : ((Number) v).longValue();
    }

    /**
     * Cancels a scheduled message whose dispatch has not started, and refunds it.
     *
     * @throws ServiceException {@code not_found}, or {@code not_cancellable} when it is not scheduled or already left
     */
    public Message cancel(long tenantId, String messageId) {
        Message m = get(tenantId, messageId);
        boolean cancelled = jdbi.inTransaction(h -> {
            if (m.status() != MessageStatus.QUEUED || m.scheduledAt() == null) {
                return false;
            }
            String key = h.createQuery("SELECT COALESCE(dispatch_key, id) FROM messages WHERE id = :id")
                    .bind("id", m.id()).mapTo(String.class).one();
            // Taking the job first serialises with a dispatcher claiming it: whoever changes the job row wins. A
            // message's own job is done with it; a batch job stays ready for the chunk's other messages (this one,
            // no longer queued, is skipped when the batch runs), so it is only locked here, while still unclaimed.
            int job = h.createUpdate("UPDATE jobs SET status = CASE WHEN kind = :batch THEN status ELSE 'done' END, "
                            + "last_error = CASE WHEN kind = :batch THEN last_error ELSE 'cancelled' END, "
                            + "updated_at = :now WHERE dedupe_key = :key AND status = 'ready'")
                    .bind("batch", BATCH_KIND).bind("now", clock.instant()).bind("key", key).execute();
            if (job != 1) {
                return false;
            }
            int n = h.createUpdate("UPDATE messages SET status = 'cancelled', cancelled_at = :now "
                            + "WHERE id = :id AND status = 'queued'")
                    .bind("now", clock.instant()).bind("id", m.id()).execute();
            if (n != 1) {
                return false;
            }
            lifecycle.refund(h, m);
            return true;
        });
        if (!cancelled) {
            throw new ServiceException("not_cancellable", "Only a scheduled message that has not been sent can be "
                    + "cancelled; this one is " + get(tenantId, messageId).status().wireName() + ".");
        }
        return get(tenantId, messageId);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    Optional<Message> find(String id) {
        return jdbi.withHandle(h -> MessageStore.find(h, id));
    }
}
