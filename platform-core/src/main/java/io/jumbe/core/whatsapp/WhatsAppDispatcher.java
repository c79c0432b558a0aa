package io.jumbe.core.whatsapp;

import io.jumbe.core.alerts.Alerts;
import io.jumbe.core.jobs.Backoff;
import io.jumbe.core.jobs.DispatchLanes;
import io.jumbe.core.jobs.ForegroundLoad;
import io.jumbe.core.jobs.HeldClaims;
import io.jumbe.core.jobs.Job;
import io.jumbe.core.jobs.JobQueue;
import io.jumbe.core.sms.SendRateLimiter;
import io.jumbe.core.ratelimit.UpstreamLimiter;
import io.jumbe.core.store.StoreErrors;
import io.jumbe.core.tenant.TenantModes;
import java.util.function.BooleanSupplier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends queued WhatsApp messages to the Graph API, one call per message (Meta has no batch send), from two lanes
 * ({@link WhatsAppService#SINGLE_QUEUE}, {@link WhatsAppService#BULK_QUEUE}) of the shared job queue, at most
 * {@code WHATSAPP_MAX_MPS} a second. Outcomes: accepted → {@code sent} with the wamid; refused → {@code failed} and
 * refunded; rate limits and transient trouble → retried with backoff, then failed and refunded; our token refused →
 * messages put back untouched, dispatch paused and admins alerted (resolved by the next success).
 *
 * <p>A job whose message is no longer {@code queued} is completed without a call, so a re-run after a crash never
 * sends a message already marked sent.
 */
public final class WhatsAppDispatcher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WhatsAppDispatcher.class);
    /** Alert kind raised when Meta refuses the platform's access token (190, HTTP 401). */
    public static final String ALERT_ACCESS = "whatsapp_access_denied";

    /**
     * How dispatch runs.
     *
     * @param batchSize      jobs claimed at once
     * @param workersPerLane claiming threads per lane
     * @param pollInterval   how often an idle worker looks for due jobs
     * @param lease          how long a claim is held before another instance may take it
     * @param backoff        delay before retrying a transient failure
     * @param upstreamPause  how long dispatch stops after our token is refused
     * @param maxMps         messages per second, 0 for no cap
     */
    public record Settings(int batchSize, int workersPerLane, Duration pollInterval, Duration lease, Backoff backoff,
                           Duration upstreamPause, int maxMps) {
        public static Settings defaults(int maxMps) {
            return new Settings(20, 4, Duration.ofMillis(250), Duration.ofMinutes(2), Backoff.standard(),
                    Duration.ofMinutes(1), maxMps);
        }

        public Settings withTimings(Duration poll, Duration leaseTime, Backoff retry, Duration pause) {
            return new Settings(batchSize, workersPerLane, poll, leaseTime, retry, pause, maxMps);
        }

        public Settings withMaxMps(int mps) {
            return new Settings(batchSize, workersPerLane, pollInterval, lease, backoff, upstreamPause, mps);
        }
    }

    private final Jdbi jdbi;
    private final JobQueue jobs;
    private final Clock clock;
    private final Supplier<WhatsAppGateway> gateway;
    private final Supplier<WhatsAppGateway> testGateway;
    private final TenantModes modes;
    private final BooleanSupplier mayWork;
    // close() lets the rounds in hand finish; a claimed message not yet sent then goes back instead
    private final DispatchLanes lanes;
    private final WhatsAppLifecycle lifecycle;
    private final Alerts alerts;
    private final Settings settings;
    private final String workerId;
    private final UpstreamLimiter limiter;
    private final AtomicReference<Instant> pausedUntil = new AtomicReference<>(Instant.EPOCH);
    private final AtomicBoolean alertMayBeOpen = new AtomicBoolean(true);
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    /** A dispatcher of one instance with its own cap, sending test mode's messages through {@code gateway} too. */
    public WhatsAppDispatcher(Jdbi jdbi, JobQueue jobs, Clock clock, Supplier<WhatsAppGateway> gateway,
                              WhatsAppLifecycle lifecycle, Alerts alerts, Settings settings, String workerId) {
        this(jdbi, jobs, clock, gateway, gateway, lifecycle, alerts, settings, workerId,
                new SendRateLimiter(settings.maxMps()), () -> true, new ForegroundLoad());
    }

    /**
     * @param gateway     Meta's Cloud API (or the simulator when WhatsApp is simulated), for live tenants
     * @param testGateway the simulator, for test twins: test mode never reaches the real Graph API, and its trouble
     *                    never pauses live dispatch
     * @param limiter     the upstream's cap, shared by the instances ({@code Jumbe.upstreamLimiter("whatsapp", ...)})
     * @param mayWork     whether this instance may claim and send now (its heartbeat is fresh)
     * @param foreground  tenants' API requests, which dispatch gives way to
     */
    public WhatsAppDispatcher(Jdbi jdbi, JobQueue jobs, Clock clock, Supplier<WhatsAppGateway> gateway,
                              Supplier<WhatsAppGateway> testGateway, WhatsAppLifecycle lifecycle, Alerts alerts,
                              Settings settings, String workerId, UpstreamLimiter limiter, BooleanSupplier mayWork,
                              ForegroundLoad foreground) {
        this.jdbi = jdbi;
        this.jobs = jobs;
        this.clock = clock;
        this.gateway = gateway;
        this.testGateway = testGateway;
        this.modes = new TenantModes(jdbi);
        this.lifecycle = lifecycle;
        this.alerts = alerts;
        this.settings = settings;
        this.workerId = workerId;
        this.limiter = limiter;
        this.mayWork = mayWork;
        this.lanes = new DispatchLanes("WhatsApp", List.of(WhatsAppService.SINGLE_QUEUE, WhatsAppService.BULK_QUEUE),
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

    /** Whether dispatch is paused after our token was refused. */
    public boolean paused() {
        return pausedUntil.get().isAfter(clock.instant());
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
        if (paused() || lanes.stopping() || !mayWork.getAsBoolean()) {
            return 0;
        }
        // Under a cap a claim holds about a second's worth: less is held should this instance die, and the rest
        // stays free for the other workers sharing the cap.
        int limit = settings.maxMps() > 0 ? Math.max(1, Math.min(settings.batchSize(), settings.maxMps()))
                : settings.batchSize();
        List<Job> claimed = jobs.claim(queue, limit, workerId, settings.lease());
        HeldClaims held = new HeldClaims(jobs, clock, workerId, settings.lease(), claimed);
        for (Job job : claimed) {
            if (!held.holds(job)) {
                continue; // the lease ran out on a slow batch and another worker has it now
            }
            ChannelMessage m = jdbi.withHandle(h -> WhatsAppStore.find(h, job.payload())).orElse(null);
            if (m == null || !"queued".equals(m.status())) {
                jdbi.useTransaction(h -> jobs.completeAll(h, List.of(job)));
                continue;
            }
            if (lanes.stopping() || !mayWork.getAsBoolean()) {
                // Stopping (SIGTERM), or this instance's heartbeat is late: what was not sent goes back at once
                jobs.retry(job, clock.instant(), lanes.stopping() ? "instance stopping" : "heartbeat late", false);
                continue;
            }
            OutboundWhatsApp outbound = new OutboundWhatsApp(m.id(), m.recipient(), m.text(),
                    m.templateName() == null ? null
                            : new TemplateRef(m.templateName(), m.templateLanguage(), m.templateParameters()));
            if (modes.isTest(m.tenantId())) {
                recordUntilStored(job, m, testGateway.get().send(m.phoneNumberId(), outbound), true);
                continue;
            }
            if (paused()) {
                jobs.retry(job, pausedUntil.get(), "dispatch paused: WhatsApp access token refused", false);
                continue;
            }
            limiter.acquire(1);
            recordUntilStored(job, m, gateway.get().send(m.phoneNumberId(), outbound), false);
        }
        return claimed.size();
    }

    /**
     * Records what Meta answered, retrying while the database cannot be reached: the message went out, and a claim
     * left unrecorded would be sent again once released. Recording twice is harmless (every move is conditional).
     */
    private void recordUntilStored(Job job, ChannelMessage m, SendOutcome outcome, boolean test)
            throws InterruptedException {
        long pause = 100;
        while (true) {
            try {
                record(job, m, outcome, test);
                return;
            } catch (RuntimeException e) {
                if (StoreErrors.conflict(e)) {
                    continue; // rolled back to break a deadlock: nothing landed, so record it again at once
                }
                if (!StoreErrors.unreachable(e)) {
                    throw e;
                }
                log.warn("recording the outcome of WhatsApp message {} failed: the database cannot be reached; "
                        + "retrying in {} ms", m.id(), pause);
                Thread.sleep(pause);
                pause = Math.min(5_000, pause * 2);
            }
        }
    }

    private void record(Job job, ChannelMessage m, SendOutcome outcome, boolean test) {
        if (outcome instanceof SendOutcome.Accepted a) {
            jdbi.useTransaction(h -> {
                if (lifecycle.markSent(h, m, a.wamid())) {
                    sent.incrementAndGet();
                }
                jobs.completeAll(h, List.of(job));
            });
            lifecycle.applyHeld(a.wamid());
            if (!test && alertMayBeOpen.compareAndSet(true, false)) {
                alerts.resolve(ALERT_ACCESS);
            }
        } else if (outcome instanceof SendOutcome.Failed f) {
            jdbi.useTransaction(h -> {
                if (lifecycle.failQueued(h, m, f.code(), f.title())) {
                    failed.incrementAndGet();
                }
                jobs.completeAll(h, List.of(job));
            });
        } else if (outcome instanceof SendOutcome.Retry r) {
            if (job.attempts() >= job.maxAttempts()) {
                jdbi.useTransaction(h -> {
                    if (lifecycle.failQueued(h, m, r.code(), "not sent after " + job.attempts() + " attempts: "
                            + r.reason())) {
                        failed.incrementAndGet();
                    }
                    jobs.completeAll(h, List.of(job));
                });
            } else {
                jobs.retry(job, clock.instant().plus(settings.backoff().delayAfter(job.attempts())),
                        r.code() + ": " + r.reason(), true);
            }
        } else if (test) {
            // the simulator refused test mode's token: retried later, live dispatch untouched
            jobs.retry(job, clock.instant().plus(settings.backoff().delayAfter(job.attempts())),
                    "test-mode simulator refused the token", true);
        } else {
            SendOutcome.AccessDenied d = (SendOutcome.AccessDenied) outcome;
            Instant until = clock.instant().plus(settings.upstreamPause());
            pausedUntil.set(until);
            alertMayBeOpen.set(true);
            String detail = "Meta refused the platform's WhatsApp access token (" + d.code() + ": " + d.reason()
                    + "): WhatsApp dispatch is paused until " + until + " and retried then; tenants' messages stay "
                    + "queued. Renew WHATSAPP_ACCESS_TOKEN.";
            log.error("{}", detail);
            alerts.raise(ALERT_ACCESS, null, detail);
            jobs.retry(job, until, "paused: " + d.code(), false);
        }
    }

    @Override
    public void close() {
        lanes.close();
    }
}
