package io.jumbe.core.sms;

import io.jumbe.core.alerts.Alerts;
import io.jumbe.core.common.CrashPoints;
import io.jumbe.core.jobs.Backoff;
import io.jumbe.core.jobs.DispatchLanes;
import io.jumbe.core.jobs.ForegroundLoad;
import io.jumbe.core.jobs.HeldClaims;
import io.jumbe.core.jobs.Job;
import io.jumbe.core.jobs.JobQueue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import io.jumbe.core.ratelimit.UpstreamLimiter;
import io.jumbe.core.store.StoreErrors;
import io.jumbe.core.tenant.TenantModes;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends queued messages upstream. Claims message jobs in batches from two lanes ({@link SmsService#SINGLE_QUEUE}
 * and {@link SmsService#BULK_QUEUE}, each with its own workers), groups them by sender and encoding, calls the
 * gateway outside any transaction, then records each outcome in a short transaction of its own:
 * accepted → {@code sent} (committed at once: a delivery report can follow within a second); refused →
 * {@code failed} and refunded; transient trouble → retried with backoff and jitter, then failed and refunded;
 * our own upstream account out of credit or refused → messages put back untouched, dispatch paused and admins
 * alerted, the alert resolved by the next successful send.
 *
 * <p>A job carries one message ({@link SmsService#SEND_KIND}, the single lane) or a chunk of a bulk
 * ({@link SmsService#BATCH_KIND}, the bulk lane); a message no longer {@code queued} is skipped, and a job none of
 * whose messages is left to send is simply completed, so a re-run after a crash never sends a message already
 * marked sent.
 */
public final class SmsDispatcher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SmsDispatcher.class);
    /** Alert kind raised when Onfon says our credit is exhausted (021). */
    public static final String ALERT_CREDIT = "onfon_credit_exhausted";
    /** Alert kind raised when Onfon refuses our account or keys. */
    public static final String ALERT_ACCESS = "onfon_access_denied";
    /** Crash point: a batch of message jobs claimed, nothing submitted yet. */
    public static final String CLAIMED = "sms.claimed";
    /** Tenants whose acceptances one transaction records (their rows are locked together until it commits). */
    static final int TENANTS_PER_TRANSACTION = 10;

    /**
     * How dispatch runs.
     *
     * @param batchSize      messages claimed at once (single-lane jobs; bulk-lane jobs carrying about as many) and
     *                       the most messages in one upstream request
     * @param workersPerLane claiming threads per lane
     * @param pollInterval   how often an idle worker looks for due jobs
     * @param lease          how long a claim is held before another instance may take it
     * @param backoff        delay before retrying a transient failure
     * @param upstreamPause  how long dispatch stops after 021 or an access refusal
     * @param maxTps         messages per second upstream, 0 for no cap
     */
    public record Settings(int batchSize, int workersPerLane, Duration pollInterval, Duration lease, Backoff backoff,
                           Duration upstreamPause, int maxTps) {
        public static Settings defaults(int maxTps) {
            return new Settings(SmsService.MESSAGES_PER_BULK_JOB, 2, Duration.ofMillis(250), Duration.ofMinutes(2), Backoff.standard(),
                    Duration.ofMinutes(1), maxTps);
        }

        public Settings withTimings(Duration poll, Duration leaseTime, Backoff retry, Duration pause) {
            return new Settings(batchSize, workersPerLane, poll, leaseTime, retry, pause, maxTps);
        }

        public Settings withMaxTps(int tps) {
            return new Settings(batchSize, workersPerLane, pollInterval, lease, backoff, upstreamPause, tps);
        }
    }

    private final Jdbi jdbi;
    private final JobQueue jobs;
    private final Clock clock;
    private final Supplier<SmsGateway> gateway;
    private final Supplier<SmsGateway> testGateway;
    private final TenantModes modes;
    private final MessageLifecycle lifecycle;
    private final Alerts alerts;
    private final Settings settings;
    private final String workerId;
    private final UpstreamLimiter limiter;
    private final BooleanSupplier mayWork;
    private final CrashPoints crashPoints;
    // close() lets the rounds in hand finish; a batch not yet submitted then goes back instead
    private final DispatchLanes lanes;
    private final AtomicReference<Instant> pausedUntil = new AtomicReference<>(Instant.EPOCH);
    // true until a success has resolved any alert left open, by this instance or by one before a restart
    private final AtomicBoolean alertMayBeOpen = new AtomicBoolean(true);
    private final AtomicLong upstreamPauses = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    /**
     * @param gateway     Onfon, for live tenants
     * @param testGateway a simulator, for test twins ({@link io.jumbe.core.tenant.Tenant#isTest()}): test mode never
     *                    reaches a real upstream
     */
    public SmsDispatcher(Jdbi jdbi, JobQueue jobs, Clock clock, Supplier<SmsGateway> gateway,
                         Supplier<SmsGateway> testGateway, MessageLifecycle lifecycle, Alerts alerts, Settings settings,
                         String workerId) {
        this(jdbi, jobs, clock, gateway, testGateway, lifecycle, alerts, settings, workerId,
                new SendRateLimiter(settings.maxTps()), () -> true, CrashPoints.NONE, new ForegroundLoad());
    }

    /**
     * @param limiter the upstream's cap, shared by the instances ({@code Jumbe.upstreamLimiter("onfon", ...)})
     * @param mayWork whether this instance may claim and submit now (its heartbeat is fresh)
     * @param crashPoints where a test makes this process die ({@link #CLAIMED})
     * @param foreground  tenants' API requests, which dispatch gives way to
     */
    public SmsDispatcher(Jdbi jdbi, JobQueue jobs, Clock clock, Supplier<SmsGateway> gateway,
                         Supplier<SmsGateway> testGateway, MessageLifecycle lifecycle, Alerts alerts, Settings settings,
                         String workerId, UpstreamLimiter limiter, BooleanSupplier mayWork, CrashPoints crashPoints,
                         ForegroundLoad foreground) {
        this.jdbi = jdbi;
        this.testGateway = testGateway;
        this.modes = new TenantModes(jdbi);
        this.jobs = jobs;
        this.clock = clock;
        this.gateway = gateway;
        this.lifecycle = lifecycle;
        this.alerts = alerts;
        this.settings = settings;
        this.workerId = workerId;
        this.limiter = limiter;
        this.mayWork = mayWork;
        this.crashPoints = crashPoints;
        this.lanes = new DispatchLanes("SMS", List.of(SmsService.SINGLE_QUEUE, SmsService.BULK_QUEUE),
                settings.workersPerLane(), settings.pollInterval(), this::dispatchOnce, this::paused, foreground);
    }

    /** Starts the lanes' workers. */
    public void start() {
        lanes.start();
    }

    /** Wakes a lane now (a send was just queued in this process). */
    public void wake(String queue) {
        lanes.wake(queue);
    }

    /** Whether dispatch is paused after our upstream account was refused. */
    public boolean paused() {
        return pausedUntil.get().isAfter(clock.instant());
    }

    /** Times dispatch was paused since start. */
    public long upstreamPauses() {
        return upstreamPauses.get();
    }

    /** Messages this instance marked sent. */
    public long sentCount() {
        return sent.get();
    }

    /** Messages this instance failed (and refunded). */
    public long failedCount() {
        return failed.get();
    }

    /**
     * Claims one batch of due jobs of {@code queue} and sends them.
     *
     * @return how many jobs were claimed (0 when none was due, or dispatch is paused)
     */
    public int dispatchOnce(String queue) throws InterruptedException {
        if (paused() || !mayWork.getAsBoolean()) {
            return 0;
        }
        // Under a cap, claim no more than about a second's worth: the rest stays free for the other workers and
        // instances sharing the cap, and less is held should this instance die.
        int messages = settings.maxTps() > 0 ? Math.min(settings.batchSize(), settings.maxTps()) : settings.batchSize();
        List<Job> claimed = SmsService.BULK_QUEUE.equals(queue) ? claimBulk(messages)
                : jobs.claim(queue, messages, workerId, settings.lease());
        if (claimed.isEmpty()) {
            return 0;
        }
        crashPoints.reach(CLAIMED);
        HeldClaims held = new HeldClaims(jobs, clock, workerId, settings.lease(), claimed);
        Round round = new Round(claimed);
        List<Message> found = jdbi.withHandle(h -> MessageStore.findAll(h, round.messageIds()));
        Map<String, Message> byId = new HashMap<>();
        found.forEach(m -> byId.put(m.id(), m));
        List<String> nothingToDo = new ArrayList<>();
        List<String> nextRound = new ArrayList<>();
        Map<String, List<OutboundSms>> bySender = new LinkedHashMap<>();
        Map<String, List<OutboundSms>> testBySender = new LinkedHashMap<>();
        int toSend = 0;
        for (String id : round.messageIds()) {
            Message m = byId.get(id);
            if (m == null || m.status() != MessageStatus.QUEUED) {
                // sent, failed or cancelled since (by an earlier run of this job that died before completing it)
                nothingToDo.add(id);
            } else if (toSend == messages) {
                // a bulk job carries more than a round's share (under a small cap): the rest runs in the next round
                nextRound.add(id);
            } else {
                toSend++;
                (modes.isTest(m.tenantId()) ? testBySender : bySender).computeIfAbsent(m.senderId(), s -> new ArrayList<>())
                        .add(new OutboundSms(m.id(), m.recipient(), m.text()));
            }
        }
        if (!nothingToDo.isEmpty()) {
            List<Job> done = round.finishedBy(nothingToDo);
            jdbi.useTransaction(h -> jobs.completeAll(h, done));
            round.recorded(nothingToDo);
        }
        if (!nextRound.isEmpty()) {
            round.again(nextRound, clock.instant(), null, false);
        }
        // test mode's messages go to the simulator, in batches of their own, and never pause live dispatch
        for (Map.Entry<String, List<OutboundSms>> e : testBySender.entrySet()) {
            for (SubmitBatch batch : SubmitBatch.byEncoding(e.getKey(), e.getValue())) {
                recordUntilStored(batch, testGateway.get().submit(batch), round, byId, true);
            }
        }
        List<SubmitBatch> batches = new ArrayList<>();
        // Under a cap, one request carries at most a tenth of a second's worth, so the messages of one request are
        // never a burst well over the rate the upstream counts per second. Never more than a batch in one request,
        // whatever the jobs carry.
        int chunk = Math.min(settings.batchSize(),
                settings.maxTps() > 0 ? Math.max(1, settings.maxTps() / 10) : Integer.MAX_VALUE);
        bySender.forEach((sender, list) -> SubmitBatch.byEncoding(sender, list).forEach(whole -> {
            List<OutboundSms> all = whole.messages();
            for (int from = 0; from < all.size(); from += chunk) {
                batches.add(new SubmitBatch(sender, all.subList(from, Math.min(all.size(), from + chunk))));
            }
        }));
        for (SubmitBatch planned : batches) {
            if (paused()) {
                putBack(planned, round, pausedUntil.get(), "dispatch paused: upstream account refused");
                continue;
            }
            if (lanes.stopping() || !mayWork.getAsBoolean()) {
                // Stopping (SIGTERM), or this instance's heartbeat is late so others may soon take its claims: what
                // was not submitted yet goes back for any instance, at once.
                putBack(planned, round, clock.instant(), lanes.stopping() ? "instance stopping" : "heartbeat late");
                continue;
            }
            // a slow claim may have lost some of its leases meanwhile: another worker has those now
            List<OutboundSms> stillHeld = new ArrayList<>();
            for (OutboundSms m : planned.messages()) {
                Job job = round.jobOf(m.messageId());
                if (held.holds(job)) {
                    stillHeld.add(m);
                } else {
                    round.lost(job);
                }
            }
            if (stillHeld.isEmpty()) {
                continue;
            }
            SubmitBatch batch = new SubmitBatch(planned.senderId(), stillHeld);
            limiter.acquire(batch.messages().size());
            SubmitResult result = gateway.get().submit(batch);
            recordUntilStored(batch, result, round, byId, false);
        }
        return claimed.size();
    }

    /**
     * Claims bulk-lane jobs carrying about {@code messages} messages. A job carries up to
     * {@link SmsService#MESSAGES_PER_BULK_JOB}, so one job is claimed first; when it carried few (small bulks), more
     * are claimed, as many as the first ones' size says fit, twice at most. Jobs that take the round well past
     * {@code messages} go back at once, so a round never holds much more than a batch.
     */
    private List<Job> claimBulk(int messages) {
        int limit = Math.max(1, messages / SmsService.MESSAGES_PER_BULK_JOB);
        List<Job> claimed = new ArrayList<>(jobs.claim(SmsService.BULK_QUEUE, limit, workerId, settings.lease()));
        int carried = carried(claimed);
        for (int more = 0; more < 2 && claimed.size() == limit && carried < messages; more++) {
            limit = Math.max(1, (messages - carried) / Math.max(1, carried / claimed.size()));
            List<Job> next = jobs.claim(SmsService.BULK_QUEUE, limit, workerId, settings.lease());
            claimed.addAll(next);
            carried += carried(next);
            if (next.size() < limit) {
                break;
            }
        }
        List<Job> kept = new ArrayList<>();
        int keptMessages = 0;
        for (Job job : claimed) {
            if (kept.isEmpty() || keptMessages + carried(List.of(job)) <= messages) {
                kept.add(job);
                keptMessages += carried(List.of(job));
            } else {
                jobs.retry(job, job.payload(), job.runAt(), null, false);
            }
        }
        return kept;
    }

    private static int carried(List<Job> claimed) {
        int n = 0;
        for (Job job : claimed) {
            n++;
            if (SmsService.BATCH_KIND.equals(job.kind())) {
                String ids = job.payload();
                for (int i = ids.indexOf(','); i >= 0; i = ids.indexOf(',', i + 1)) {
                    n++;
                }
            }
        }
        return n;
    }

    /**
     * The messages of one round's claimed jobs, and which of them each job still waits for. A job carries one message
     * ({@link SmsService#SEND_KIND}) or a chunk of a bulk ({@link SmsService#BATCH_KIND}), and is settled once every
     * message it carries is recorded: completed when all were (sent, failed and refunded, or no longer queued),
     * otherwise run again for the rest only, its payload narrowed to them.
     *
     * <p>A job is completed in the transaction that records its last message, which may be later than the
     * transaction that marked its first ones sent. That is safe: should this instance die in between, the job runs
     * again and skips every message no longer {@code queued}, so each is still sent once.
     */
    private final class Round {
        private final Map<String, Job> jobByMessage = new LinkedHashMap<>();
        private final Map<Long, java.util.Set<String>> open = new HashMap<>();
        private final Map<Long, Again> again = new HashMap<>();
        // completed, run again or lost to another worker: nothing more is done about it in this round
        private final java.util.Set<Long> settled = new java.util.HashSet<>();

        /** What a job runs again for, when, and why. */
        private record Again(java.util.Set<String> messageIds, Instant at, String error, boolean countAttempt) {
        }

        Round(List<Job> claimed) {
            for (Job job : claimed) {
                java.util.Set<String> ids = new java.util.LinkedHashSet<>(SmsService.messageIdsOf(job));
                ids.forEach(id -> jobByMessage.put(id, job));
                open.put(job.id(), ids);
            }
        }

        java.util.Set<String> messageIds() {
            return jobByMessage.keySet();
        }

        Job jobOf(String messageId) {
            return jobByMessage.get(messageId);
        }

        /** Jobs that recording {@code messageIds} finishes with nothing to run again: to complete in that transaction. */
        List<Job> finishedBy(java.util.Collection<String> messageIds) {
            java.util.Set<String> recording = java.util.Set.copyOf(messageIds);
            List<Job> done = new ArrayList<>();
            for (Job job : jobsOf(messageIds)) {
                if (!settled.contains(job.id()) && !again.containsKey(job.id())
                        && recording.containsAll(open.get(job.id()))) {
                    done.add(job);
                }
            }
            return done;
        }

        /** After the transaction that recorded {@code messageIds} committed (with {@link #finishedBy} completed). */
        void recorded(java.util.Collection<String> messageIds) {
            for (Job job : jobsOf(messageIds)) {
                if (settled.contains(job.id())) {
                    continue;
                }
                java.util.Set<String> left = open.get(job.id());
                left.removeAll(messageIds);
                if (left.isEmpty()) {
                    settled.add(job.id());
                    if (again.containsKey(job.id())) {
                        runAgain(job);
                    }
                }
            }
        }

        /**
         * These messages are to be sent again (at the latest of the times asked for, counting an attempt if any of
         * them met a failure); their job goes back once nothing else of it is in hand.
         */
        void again(java.util.Collection<String> messageIds, Instant at, String error, boolean countAttempt) {
            for (String id : messageIds) {
                Job job = jobByMessage.get(id);
                if (settled.contains(job.id())) {
                    continue;
                }
                again.merge(job.id(), new Again(new java.util.LinkedHashSet<>(List.of(id)), at, error, countAttempt),
                        (a, b) -> {
                            a.messageIds().addAll(b.messageIds());
                            return new Again(a.messageIds(), a.at().isAfter(b.at()) ? a.at() : b.at(),
                                    b.error() != null ? b.error() : a.error(),
                                    a.countAttempt() || b.countAttempt());
                        });
                java.util.Set<String> left = open.get(job.id());
                left.remove(id);
                if (left.isEmpty()) {
                    settled.add(job.id());
                    runAgain(job);
                }
            }
        }

        /** Another worker holds {@code job} now (its lease ran out): this round leaves it alone. */
        void lost(Job job) {
            settled.add(job.id());
        }

        private void runAgain(Job job) {
            Again a = again.get(job.id());
            String payload = SmsService.BATCH_KIND.equals(job.kind()) ? String.join(",", a.messageIds()) : job.payload();
            jobs.retry(job, payload, a.at(), a.error(), a.countAttempt());
        }

        private java.util.Collection<Job> jobsOf(java.util.Collection<String> messageIds) {
            Map<Long, Job> out = new LinkedHashMap<>();
            for (String id : messageIds) {
                Job job = jobByMessage.get(id);
                out.put(job.id(), job);
            }
            return out.values();
        }
    }

    /**
     * Records what upstream answered, retrying while the database cannot be reached: the messages went out, and a
     * claim left unrecorded would be sent again once released. Recording twice is harmless (every step is
     * conditional on the state it moves from).
     */
    private void recordUntilStored(SubmitBatch batch, SubmitResult result, Round round,
                                   Map<String, Message> byId, boolean test) throws InterruptedException {
        long pause = 100;
        while (true) {
            try {
                record(batch, result, round, byId, test);
                return;
            } catch (RuntimeException e) {
                if (StoreErrors.conflict(e)) {
                    // rolled back to break a deadlock: nothing landed, and recording again is safe (and needed: the
                    // messages went out, and a claim left unrecorded would be sent again)
                    log.info("recording the outcome of {} submitted message(s) met a transaction conflict; retrying",
                            batch.messages().size());
                    continue;
                }
                if (!StoreErrors.unreachable(e)) {
                    throw e;
                }
                log.warn("recording the outcome of {} submitted message(s) failed: the database cannot be reached; "
                        + "retrying in {} ms", batch.messages().size(), pause);
                Thread.sleep(pause);
                pause = Math.min(5_000, pause * 2);
            }
        }
    }

    private void record(SubmitBatch batch, SubmitResult result, Round round, Map<String, Message> byId,
                        boolean test) {
        if (result instanceof SubmitResult.Completed completed) {
            List<MessageOutcome.Accepted> accepted = new ArrayList<>();
            List<MessageOutcome.Rejected> rejected = new ArrayList<>();
            List<MessageOutcome.TransientFailure> transients = new ArrayList<>();
            for (MessageOutcome o : completed.outcomes()) {
                if (o instanceof MessageOutcome.Accepted a) {
                    accepted.add(a);
                } else if (o instanceof MessageOutcome.Rejected r) {
                    rejected.add(r);
                } else {
                    transients.add((MessageOutcome.TransientFailure) o);
                }
            }
            if (!accepted.isEmpty()) {
                // One transaction per group of up to TENANTS_PER_TRANSACTION tenants (a bulk's batch is one): markSentAll
                // locks their rows (event sequences) last and in id order, so the jobs are completed first and a send
                // of one of them waits only for the tail. Fewer tenants a transaction would mean more commits; more,
                // that a send waits on a dispatch holding many rows while it takes the next.
                Map<Long, List<MessageOutcome.Accepted>> byTenant = new java.util.TreeMap<>();
                for (MessageOutcome.Accepted a : accepted) {
                    byTenant.computeIfAbsent(byId.get(a.messageId()).tenantId(), t -> new ArrayList<>()).add(a);
                }
                List<List<MessageOutcome.Accepted>> groups = new ArrayList<>();
                List<MessageOutcome.Accepted> group = new ArrayList<>();
                int tenantsInGroup = 0;
                for (List<MessageOutcome.Accepted> ofTenant : byTenant.values()) {
                    if (tenantsInGroup == TENANTS_PER_TRANSACTION) {
                        groups.add(group);
                        group = new ArrayList<>();
                        tenantsInGroup = 0;
                    }
                    group.addAll(ofTenant);
                    tenantsInGroup++;
                }
                groups.add(group);
                for (List<MessageOutcome.Accepted> g : groups) {
                    List<Map.Entry<Message, String>> moves = new ArrayList<>();
                    List<String> ids = new ArrayList<>();
                    for (MessageOutcome.Accepted a : g) {
                        moves.add(Map.entry(byId.get(a.messageId()), a.upstreamMessageId()));
                        ids.add(a.messageId());
                    }
                    List<Job> done = round.finishedBy(ids);
                    jdbi.useTransaction(h -> {
                        jobs.completeAll(h, done);
                        sent.addAndGet(lifecycle.markSentAll(h, moves));
                    });
                    round.recorded(ids);
                }
                lifecycle.applyHeld(accepted.stream().map(MessageOutcome.Accepted::upstreamMessageId).toList());
                if (!test) {
                    upstreamWorks();
                }
            }
            if (!rejected.isEmpty()) {
                Map<String, MessageOutcome.Rejected> byMessage = new HashMap<>();
                rejected.forEach(r -> byMessage.put(r.messageId(), r));
                perTenant(byMessage.keySet(), byId, round, (h, messages) -> {
                    for (Message m : messages) {
                        MessageOutcome.Rejected r = byMessage.get(m.id());
                        if (lifecycle.failQueued(h, m, r.code(), r.description())) {
                            failed.incrementAndGet();
                        }
                    }
                });
            }
            for (MessageOutcome.TransientFailure t : transients) {
                retryOrFail(round, byId.get(t.messageId()), "no_outcome", t.reason());
            }
            return;
        }
        SubmitResult.RequestFailed failure = (SubmitResult.RequestFailed) result;
        switch (failure.kind()) {
            case TRANSIENT -> {
                log.info("Onfon request of {} message(s) failed transiently: {} {}", batch.messages().size(),
                        failure.code(), failure.description());
                for (OutboundSms m : batch.messages()) {
                    retryOrFail(round, byId.get(m.messageId()), failure.code(), failure.description());
                }
            }
            case PERMANENT -> {
                log.warn("Onfon refused a request of {} message(s) for good: {} {}", batch.messages().size(),
                        failure.code(), failure.description());
                perTenant(batch.messages().stream().map(OutboundSms::messageId).toList(), byId, round, (h, messages) -> {
                    for (Message m : messages) {
                        if (lifecycle.failQueued(h, m, failure.code(), failure.description())) {
                            failed.incrementAndGet();
                        }
                    }
                });
            }
            case UPSTREAM_CREDIT_EXHAUSTED, UPSTREAM_ACCESS_DENIED -> {
                if (test) {
                    // the simulator's account trouble says nothing about Onfon's: retry later, pause nothing
                    for (OutboundSms m : batch.messages()) {
                        retryOrFail(round, byId.get(m.messageId()), failure.code(), failure.description());
                    }
                    return;
                }
                boolean credit = failure.kind() == SubmitResult.FailureKind.UPSTREAM_CREDIT_EXHAUSTED;
                Instant until = clock.instant().plus(settings.upstreamPause());
                pausedUntil.set(until);
                upstreamPauses.incrementAndGet();
                alertMayBeOpen.set(true);
                String detail = (credit ? "Onfon says the platform's SMS credit is exhausted (" : "Onfon refused the "
                        + "platform's account or keys (") + failure.code() + "): SMS dispatch is paused until "
                        + until + " and retried then; tenants' messages stay queued.";
                log.error("{}", detail);
                alerts.raise(credit ? ALERT_CREDIT : ALERT_ACCESS, null, detail);
                putBack(batch, round, until, failure.kind().code());
            }
        }
    }

    /**
     * Records outcomes once per tenant, each in its own transaction (with the jobs that finishes): a transaction then
     * locks one tenant row only (events and refunds take it), so two dispatch workers can never deadlock on each
     * other's tenants.
     */
    private void perTenant(java.util.Collection<String> messageIds, Map<String, Message> byId, Round round,
                           java.util.function.BiConsumer<org.jdbi.v3.core.Handle, List<Message>> work) {
        Map<Long, List<Message>> byTenant = new java.util.TreeMap<>();
        for (String id : messageIds) {
            Message m = byId.get(id);
            byTenant.computeIfAbsent(m.tenantId(), t -> new ArrayList<>()).add(m);
        }
        byTenant.values().forEach(messages -> {
            List<String> ids = messages.stream().map(Message::id).toList();
            List<Job> done = round.finishedBy(ids);
            jdbi.useTransaction(h -> {
                work.accept(h, messages);
                jobs.completeAll(h, done);
            });
            round.recorded(ids);
        });
    }

    private void putBack(SubmitBatch batch, Round round, Instant at, String reason) {
        round.again(batch.messages().stream().map(OutboundSms::messageId).toList(), at, reason, false);
    }

    private void retryOrFail(Round round, Message m, String code, String description) {
        Job job = round.jobOf(m.id());
        if (job.attempts() >= job.maxAttempts()) {
            List<Job> done = round.finishedBy(List.of(m.id()));
            jdbi.useTransaction(h -> {
                if (lifecycle.failQueued(h, m, code, "not sent after " + job.attempts() + " attempts: " + description)) {
                    failed.incrementAndGet();
                }
                jobs.completeAll(h, done);
            });
            round.recorded(List.of(m.id()));
        } else {
            round.again(List.of(m.id()), clock.instant().plus(settings.backoff().delayAfter(job.attempts())),
                    code + ": " + description, true);
        }
    }

    private void upstreamWorks() {
        if (alertMayBeOpen.compareAndSet(true, false)) {
            alerts.resolve(ALERT_CREDIT);
            alerts.resolve(ALERT_ACCESS);
        }
    }

    @Override
    public void close() {
        lanes.close();
    }
}
