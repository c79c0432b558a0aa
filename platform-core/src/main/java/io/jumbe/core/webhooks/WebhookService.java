package io.jumbe.core.webhooks;

import io.jumbe.core.alerts.Alerts;
import io.jumbe.core.common.FieldError;
import io.jumbe.core.common.Ids;
import io.jumbe.core.common.ListPage;
import io.jumbe.core.common.PageRequest;
import io.jumbe.core.common.ServiceException;
import io.jumbe.core.common.TextRules;
import io.jumbe.core.secrets.SecretBox;
import io.jumbe.core.tenant.TenantModes;
import io.jumbe.core.events.DomainEvent;
import io.jumbe.core.events.EventListener;
import io.jumbe.core.events.EventStore;
import io.jumbe.core.events.EventTypes;
import io.jumbe.core.jobs.Backoff;
import io.jumbe.core.jobs.JobHandler;
import io.jumbe.core.jobs.JobQueue;
import io.jumbe.core.jobs.JobRunner;
import io.jumbe.core.jobs.NewJob;
import io.jumbe.core.webhooks.WebhookStore.ConfigRow;
import io.jumbe.core.webhooks.WebhookStore.DeliveryRow;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signed webhooks to tenants: their configuration, a durable delivery per subscribed event, retries on
 * {@link RetrySchedule}, the delivery log, manual retry and replay, and health for the admins.
 *
 * <p>Deliveries are created by {@link #listener()} in the very transaction that records the event, together with
 * their job on queue {@value #QUEUE}; the job runner works that queue with {@link #queueSpec()}. Each delivery keeps
 * its body bytes and {@code webhook-id}, so every retry and replay sends and signs the same content.
 */
public final class WebhookService implements AutoCloseable {
    /** The job queue deliveries run on. */
    public static final String QUEUE = "webhooks";
    /** The job kind of one delivery. */
    public static final String JOB_KIND = "webhook.deliver";
    /** The event the test endpoint sends. */
    public static final String TEST_EVENT = "webhook.test";
    /** Worker threads for deliveries per instance. */
    public static final int CONCURRENCY = 16;
    /** Attempts one tenant may have in flight per instance, well below {@link #CONCURRENCY}. */
    public static final int PER_TENANT_IN_FLIGHT = 4;
    /** How long a rotated-out secret still signs deliveries. */
    public static final Duration ROTATION_OVERLAP = Duration.ofHours(24);
    /** The admin alert kind raised when a receiver answers 410 Gone. */
    public static final String GONE_ALERT = "webhook_gone";

    private static final Logger log = LoggerFactory.getLogger(WebhookService.class);
    private static final Duration BUSY_TENANT_DELAY = Duration.ofMillis(500);
    private static final int JOB_MAX_ATTEMPTS = 20;
    private static final int MAX_URL_LENGTH = 2048;

    private final Jdbi jdbi;
    private final Ids ids;
    private final Clock clock;
    private final EventStore events;
    private final JobQueue jobs;
    private final Alerts alerts;
    private final WebhookSettings settings;
    private final WebhookUrlGuard guard;
    private final WebhookSender sender;
    private final WebhookStore store;
    private final TenantSlots slots = new TenantSlots(PER_TENANT_IN_FLIGHT);
    /** Per tenant, the subscription at a settings version; see {@link #subscribedEvents}. One small entry a tenant. */
    private final Map<Long, Subscription> subscriptions = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private volatile Runnable newWork = () -> {
    };

    /**
     * @param jdbi     the database
     * @param ids      id source ({@code WH-…})
     * @param clock    time source
     * @param events   the event store (the test endpoint records its {@code webhook.test} event there)
     * @param jobs     the durable job queue
     * @param alerts   where a 410 answer is reported to the admins
     * @param settings schedule, timeout and guard switches
     */
    private final TenantModes modes;

    public WebhookService(Jdbi jdbi, Ids ids, Clock clock, EventStore events, JobQueue jobs, Alerts alerts,
                          WebhookSettings settings) {
        this(jdbi, ids, clock, events, jobs, alerts, settings, SecretBox.plain());
    }

    /** @param secrets encrypts the signing secrets at rest */
    public WebhookService(Jdbi jdbi, Ids ids, Clock clock, EventStore events, JobQueue jobs, Alerts alerts,
                          WebhookSettings settings, SecretBox secrets) {
        this.store = new WebhookStore(secrets);
        this.modes = new TenantModes(jdbi);
        this.jdbi = jdbi;
        this.ids = ids;
        this.clock = clock;
        this.events = events;
        this.jobs = jobs;
        this.alerts = alerts;
        this.settings = settings;
        this.guard = new WebhookUrlGuard(settings.resolver(), settings.allowPrivateNetworks(), settings.requireHttps());
        this.sender = new WebhookSender(guard, settings.timeout(), settings.version(), clock);
    }

    /**
     * Encrypts the signing secrets stored in plain text by an earlier version; run once at start.
     *
     * @return how many configurations were sealed
     */
    public int sealPlainSecrets() {
        return jdbi.inTransaction(store::sealPlainSecrets);
    }

    /** @return the event types a delivery can carry: the subscribable ones and {@value #TEST_EVENT} */
    public static List<String> deliveryEventTypes() {
        List<String> all = new ArrayList<>(EventTypes.ALL);
        all.add(TEST_EVENT);
        return List.copyOf(all);
    }

    /** @return the delivery statuses */
    public static List<String> deliveryStatuses() {
        return List.of(Delivery.PENDING, Delivery.SUCCEEDED, Delivery.FAILED);
    }

    /** @return the settings deliveries follow */
    public WebhookSettings settings() {
        return settings;
    }

    /**
     * The listener to register on the {@link EventStore}: it inserts the delivery and its job in the event's own
     * transaction when the tenant subscribes to the event.
     *
     * @return the listener
     */
    public EventListener listener() {
        return new EventListener() {
            @Override
            public void onEvent(Handle h, DomainEvent event) {
                WebhookService.this.onEvent(h, event);
            }

            @Override
            public void onEvents(Handle h, List<DomainEvent> events) {
                WebhookService.this.onEvents(h, events);
            }
        };
    }

    /**
     * The event types the tenant's webhooks want now (empty when off or never set). Served from memory while the
     * tenant's settings version, read under its row lock by the event's own statement, matches the copy's; that
     * lock keeps the configuration from changing until commit, so a copy read then is exact. Misses read the table.
     */
    private Set<String> subscribedEvents(Handle h, long tenantId) {
        OptionalLong version = EventStore.settingsVersion(h, tenantId);
        Subscription known = subscriptions.get(tenantId);
        if (version.isPresent() && known != null && known.version() == version.getAsLong()) {
            return known.events();
        }
        Set<String> events = store.config(h, tenantId).map(ConfigRow::config).filter(WebhookConfig::enabled)
                .map(c -> Set.copyOf(c.events())).orElse(Set.of());
        if (version.isPresent()) {
            subscriptions.put(tenantId, new Subscription(version.getAsLong(), events));
        }
        return events;
    }

    private record Subscription(long version, Set<String> events) {
    }

    /**
     * Tells the service how to wake this instance's delivery workers once new work is committed (other instances
     * find it by polling).
     *
     * @param wake e.g. {@code () -> runner.wake(WebhookService.QUEUE)}
     */
    public void onNewWork(Runnable wake) {
        this.newWork = Objects.requireNonNull(wake);
    }

    /**
     * How the job runner works the delivery queue: {@value #CONCURRENCY} threads, a lease longer than two attempts.
     *
     * @return the queue spec for {@link JobRunner}
     */
    public JobRunner.QueueSpec queueSpec() {
        Duration lease = settings.timeout().multipliedBy(2).plusSeconds(30);
        return new JobRunner.QueueSpec(QUEUE, Map.of(JOB_KIND, new DeliveryJob(this)), CONCURRENCY, lease,
                Duration.ofMillis(200), Backoff.standard());
    }

    /**
     * The tenant's configuration.
     *
     * @param tenantId the tenant
     * @return its configuration, without the secret
     * @throws ServiceException {@code not_found} when none was ever set
     */
    public WebhookConfig config(long tenantId) {
        return jdbi.withHandle(h -> store.config(h, tenantId)).map(ConfigRow::config)
                .orElseThrow(() -> ServiceException.notFound("Webhook configuration"));
    }

    /**
     * Sets the tenant's configuration and turns webhooks on.
     *
     * @param tenantId the tenant
     * @param request  url, events (null for all) and an optional secret
     * @return the saved configuration and, when one was generated, the new secret (shown this once)
     * @throws ServiceException {@code validation_failed} for a missing URL, an unknown event or a malformed secret;
     *                          {@code webhook_url_not_allowed} when the SSRF guard refuses the URL
     */
    public ConfigResult putConfig(long tenantId, WebhookConfigRequest request) {
        List<FieldError> errors = new ArrayList<>();
        // checked before trimming: trim() would quietly drop control characters at either end
        Optional<String> urlText = TextRules.problem(request.url(), TextRules.Kind.LINE);
        String url = request.url() == null ? "" : request.url().trim();
        if (urlText.isPresent()) {
            errors.add(new FieldError("webhook_url", urlText.get()));
        } else if (url.isEmpty()) {
            errors.add(new FieldError("webhook_url", "is required"));
        } else if (url.length() > MAX_URL_LENGTH) {
            errors.add(new FieldError("webhook_url", "must be at most " + MAX_URL_LENGTH + " characters"));
        }
        List<String> wanted = request.events() == null ? EventTypes.ALL : request.events();
        if (wanted.isEmpty()) {
            errors.add(new FieldError("events", "must name at least one event"));
        }
        for (int i = 0; i < wanted.size(); i++) {
            if (!EventTypes.ALL.contains(wanted.get(i))) {
                errors.add(new FieldError("events[" + i + "]", "unknown event '" + wanted.get(i) + "'; known events: "
                        + String.join(", ", EventTypes.ALL)));
            }
        }
        if (request.secret() != null) {
            WebhookSecret.problemWith(request.secret()).ifPresent(p -> errors.add(new FieldError("webhook_secret", p)));
        }
        if (!errors.isEmpty()) {
            throw new ServiceException("validation_failed", "The request has invalid fields", errors);
        }
        UrlVerdict verdict = guard.check(url);
        if (!verdict.allowed()) {
            throw new ServiceException(UrlVerdict.NOT_ALLOWED, verdict.detail(),
                    List.of(new FieldError("webhook_url", verdict.detail())));
        }
        List<String> subscribed = List.copyOf(new LinkedHashSet<>(wanted));
        return jdbi.inTransaction(h -> {
            lockTenant(h, tenantId);
            Instant now = clock.instant();
            Optional<ConfigRow> existing = store.config(h, tenantId);
            String generated = null;
            String secret;
            if (request.secret() != null) {
                secret = request.secret();
            } else if (existing.isPresent()) {
                secret = existing.get().secret();
            } else {
                generated = WebhookSecret.generate(random).value();
                secret = generated;
            }
            if (existing.isPresent()) {
                store.updateConfig(h, tenantId, url, subscribed, secret, now);
            } else {
                store.insertConfig(h, tenantId, url, subscribed, secret, now);
            }
            return new ConfigResult(store.config(h, tenantId).orElseThrow().config(), generated);
        });
    }

    /**
     * Turns the tenant's webhooks off; the configuration is kept, and a later {@link #putConfig} turns them on.
     *
     * @param tenantId the tenant
     * @return the configuration now
     * @throws ServiceException {@code not_found} when none was ever set
     */
    public WebhookConfig disable(long tenantId) {
        return jdbi.inTransaction(h -> {
            requireConfig(h, tenantId);
            store.disable(h, tenantId, "turned off by the sender", clock.instant());
            return store.config(h, tenantId).orElseThrow().config();
        });
    }

    /**
     * Replaces the secret; for {@link #ROTATION_OVERLAP} every delivery is signed with both the new and the old one.
     *
     * @param tenantId the tenant
     * @return the new secret, shown this once
     * @throws ServiceException {@code not_found} when no configuration was ever set
     */
    public RotatedSecret rotateSecret(long tenantId) {
        return jdbi.inTransaction(h -> {
            lockTenant(h, tenantId);
            ConfigRow current = requireConfig(h, tenantId);
            Instant now = clock.instant();
            Instant until = now.plus(ROTATION_OVERLAP).truncatedTo(ChronoUnit.SECONDS);
            String fresh = WebhookSecret.generate(random).value();
            store.rotate(h, tenantId, fresh, current.secret(), until, now);
            return new RotatedSecret(fresh, until);
        });
    }

    /**
     * Sends a {@value #TEST_EVENT} event to the configured URL at once, one attempt, logged like any delivery.
     * A 410 answer here does not turn webhooks off.
     *
     * @param tenantId the tenant
     * @return the receiver's answer, latency and the logged delivery
     * @throws ServiceException {@code not_found} when no configuration was ever set
     */
    public TestResult sendTest(long tenantId) {
        record Prepared(String deliveryId, String webhookId, WebhookMessage message) {
        }
        Prepared prepared = jdbi.inTransaction(h -> {
            ConfigRow config = requireConfig(h, tenantId);
            Instant now = clock.instant();
            DomainEvent event = events.append(h, tenantId, TEST_EVENT,
                    Map.of("message", "This is a test webhook from Jumbe: your endpoint received it."));
            TenantModes.Mode mode = modes.of(h, tenantId);
            byte[] body = WebhookPayload.of(TEST_EVENT, mode.clientId(), event.createdAt(), event.sequence(),
                    mode.live(), event.data()).toBytes();
            String id = ids.next("WH");
            String webhookId = newWebhookId();
            store.insertDelivery(h, id, tenantId, TEST_EVENT, event.eventId(), webhookId,
                    new String(body, StandardCharsets.UTF_8), Delivery.PENDING, now, now);
            return new Prepared(id, webhookId, new WebhookMessage(config.config().url(), webhookId, TEST_EVENT, body,
                    secrets(config, now)));
        });
        AttemptResult attempt = sender.send(prepared.message());
        jdbi.useTransaction(h -> store.recordAttempt(h, prepared.deliveryId(), 0, attempt,
                attempt.success() ? Delivery.SUCCEEDED : Delivery.FAILED, null, clock.instant()));
        return new TestResult(prepared.deliveryId(), prepared.webhookId(), attempt);
    }

    /**
     * A page of the tenant's deliveries, newest first.
     *
     * @param tenantId the tenant
     * @param filter   event, status, time range
     * @param page     numbered, or the page after a delivery ({@code starting_after})
     * @return the page and the total
     */
    public ListPage<Delivery> deliveries(long tenantId, DeliveryFilter filter, PageRequest page) {
        return jdbi.withHandle(h -> store.page(h, tenantId, filter, page));
    }

    /**
     * One of the tenant's deliveries with its body and every attempt.
     *
     * @param tenantId   the tenant
     * @param deliveryId {@code WH-…}
     * @return the delivery
     * @throws ServiceException {@code not_found} if there is none, or it belongs to another tenant
     */
    public DeliveryDetail delivery(long tenantId, String deliveryId) {
        return jdbi.withHandle(h -> {
            DeliveryRow row = ownDelivery(h, tenantId, deliveryId);
            return new DeliveryDetail(row.delivery(), row.payload(), store.attempts(h, deliveryId));
        });
    }

    /**
     * Queues one more attempt of a delivery for now, with the same {@code webhook-id} and body. If that attempt
     * fails it continues on the retry schedule where the delivery left it (so a delivery that already used the whole
     * schedule gets this one attempt).
     *
     * @param tenantId   the tenant
     * @param deliveryId {@code WH-…}
     * @return the delivery, pending again
     * @throws ServiceException {@code not_found} for an unknown or another tenant's delivery;
     *                          {@code webhooks_disabled} when the tenant's webhooks are off
     */
    public Delivery retry(long tenantId, String deliveryId) {
        Delivery delivery = jdbi.inTransaction(h -> {
            ownDelivery(h, tenantId, deliveryId);
            requireEnabled(h, tenantId);
            restart(h, deliveryId);
            // after the commit, also of a caller's transaction this one joined (a keyed request's)
            h.afterCommit(() -> newWork.run());
            return store.delivery(h, deliveryId).orElseThrow().delivery();
        });
        return delivery;
    }

    /**
     * Sends a tenant's failed deliveries created at or after {@code since} again (the admins' replay after an
     * outage), each with its own {@code webhook-id} and body as before.
     *
     * @param tenantId the tenant
     * @param since    the earliest creation time to replay
     * @return how many deliveries were queued
     * @throws ServiceException {@code not_found} without a configuration; {@code webhooks_disabled} when off
     */
    public int replayFailed(long tenantId, Instant since) {
        int count = jdbi.inTransaction(h -> {
            requireEnabled(h, tenantId);
            List<String> failed = store.failedSince(h, tenantId, since);
            failed.forEach(id -> restart(h, id));
            return failed.size();
        });
        if (count > 0) {
            newWork.run();
        }
        return count;
    }

    /**
     * Forgets finished deliveries (and their attempt logs) older than {@code retention}, {@code batch} at a time,
     * each batch in its own short transaction so a large backlog never holds locks for long. Pending deliveries are
     * kept whatever their age.
     *
     * @param retention how long deliveries are kept ({@code EVENT_RETENTION})
     * @param batch     deliveries deleted per transaction
     * @return how many deliveries were deleted
     */
    public int purgeOlderThan(Duration retention, int batch) {
        Instant before = clock.instant().minus(retention);
        int total = 0;
        WebhookStore.PurgeStep step = new WebhookStore.PurgeStep(0, "", true);
        while (step.more()) {
            String after = step.lastId();
            step = jdbi.inTransaction(h -> store.purgeFinished(h, before, after, batch));
            total += step.deleted();
        }
        return total;
    }

    /** @return every configured tenant's webhook health, by tenant id */
    public List<WebhookHealth> health() {
        return jdbi.withHandle(store::health);
    }

    /** Runs one attempt of a delivery; called by the delivery job. */
    void attempt(String deliveryId, int generation) {
        record Loaded(DeliveryRow row, Optional<ConfigRow> config) {
        }
        Optional<Loaded> loaded = jdbi.withHandle(h -> store.delivery(h, deliveryId)
                .map(row -> new Loaded(row, store.config(h, row.delivery().tenantId()))));
        if (loaded.isEmpty() || loaded.get().row().generation() != generation
                || !Delivery.PENDING.equals(loaded.get().row().delivery().status())) {
            return;
        }
        DeliveryRow row = loaded.get().row();
        long tenantId = row.delivery().tenantId();
        Optional<ConfigRow> config = loaded.get().config();
        if (config.isEmpty() || !config.get().config().enabled()) {
            String reason = config.map(c -> c.config().disabledReason()).orElse(null);
            giveUp(deliveryId, generation, "webhooks are turned off" + (reason == null ? "" : " (" + reason + ")"));
            return;
        }
        if (!slots.tryAcquire(tenantId)) {
            throw new JobHandler.RetryLater(BUSY_TENANT_DELAY, "this sender already has "
                    + PER_TENANT_IN_FLIGHT + " deliveries in flight");
        }
        AttemptResult result;
        try {
            Instant now = clock.instant();
            result = sender.send(new WebhookMessage(config.get().config().url(), row.delivery().webhookId(),
                    row.delivery().eventType(), row.payload().getBytes(StandardCharsets.UTF_8),
                    secrets(config.get(), now)));
        } finally {
            slots.release(tenantId);
        }
        settle(row, generation, result);
    }

    private void settle(DeliveryRow row, int generation, AttemptResult result) {
        String deliveryId = row.delivery().id();
        long tenantId = row.delivery().tenantId();
        Instant now = clock.instant();
        if (result.success()) {
            jdbi.useTransaction(h -> store.recordAttempt(h, deliveryId, generation, result, Delivery.SUCCEEDED, null, now));
            return;
        }
        if (result.gone()) {
            String detail = "The webhook receiver of sender " + tenantId + " answered 410 Gone to delivery " + deliveryId
                    + "; webhooks for this sender are now off until it sets its configuration again.";
            jdbi.useTransaction(h -> {
                store.recordAttempt(h, deliveryId, generation, result, Delivery.FAILED, null, now);
                String reason = "the receiver answered 410 Gone at " + now;
                if (store.disable(h, tenantId, reason, now)) {
                    alerts.raise(h, GONE_ALERT, tenantId, detail);
                    events.append(h, tenantId, EventTypes.WEBHOOKS_DISABLED,
                            Map.of("reason", "your receiver answered 410 Gone to delivery " + deliveryId));
                }
            });
            return;
        }
        Optional<Duration> delay = settings.retrySchedule().nextDelay(row.delivery().attempts() + 1,
                ThreadLocalRandom.current());
        if (delay.isEmpty()) {
            jdbi.useTransaction(h -> store.recordAttempt(h, deliveryId, generation, result, Delivery.FAILED, null, now));
            log.info("webhook delivery {} of sender {} failed for good after {} attempts", deliveryId, tenantId,
                    row.delivery().attempts() + 1);
            return;
        }
        boolean stillOurs = jdbi.inTransaction(h -> store.recordAttempt(h, deliveryId, generation, result,
                Delivery.PENDING, now.plus(delay.get()), now));
        if (stillOurs) {
            throw new JobHandler.RetryLater(delay.get(), "attempt " + (row.delivery().attempts() + 1) + " failed: "
                    + (result.error() != null ? result.error() : "HTTP " + result.httpStatus()));
        }
    }

    /** Marks a pending delivery failed without an attempt (webhooks off, or its job gave up). */
    void giveUp(String deliveryId, int generation, String error) {
        jdbi.useHandle(h -> giveUp(h, deliveryId, generation, error));
    }

    void giveUp(Handle h, String deliveryId, int generation, String error) {
        store.finishWithoutAttempt(h, deliveryId, generation, error, clock.instant());
    }

    private void onEvent(Handle h, DomainEvent event) {
        if (!EventTypes.ALL.contains(event.type())) {
            return;
        }
        if (!subscribedEvents(h, event.tenantId()).contains(event.type())) {
            return;
        }
        Instant now = clock.instant();
        // a test twin's events carry its live client id and livemode false; they go to its own configuration
        TenantModes.Mode mode = modes.of(h, event.tenantId());
        byte[] body = WebhookPayload.of(event.type(), mode.clientId(), event.createdAt(), event.sequence(), mode.live(),
                event.data()).toBytes();
        String id = ids.next("WH");
        store.insertDelivery(h, id, event.tenantId(), event.type(), event.eventId(), newWebhookId(),
                new String(body, StandardCharsets.UTF_8), Delivery.PENDING, now, now);
        jobs.enqueue(h, job(id, 0, now));
        h.afterCommit(() -> newWork.run());
    }

    /**
     * {@link #onEvent} for a batch (a dispatched batch's {@code message.sent} events): the same deliveries and jobs,
     * written with one batched insert each instead of two statements per event.
     */
    private void onEvents(Handle h, List<DomainEvent> batch) {
        Instant now = clock.instant();
        List<WebhookStore.NewDelivery> deliveries = new ArrayList<>();
        List<NewJob> work = new ArrayList<>();
        for (DomainEvent event : batch) {
            if (!EventTypes.ALL.contains(event.type()) || !subscribedEvents(h, event.tenantId()).contains(event.type())) {
                continue;
            }
            TenantModes.Mode mode = modes.of(h, event.tenantId());
            byte[] body = WebhookPayload.of(event.type(), mode.clientId(), event.createdAt(), event.sequence(),
                    mode.live(), event.data()).toBytes();
            String id = ids.next("WH");
            deliveries.add(new WebhookStore.NewDelivery(id, event.tenantId(), event.type(), event.eventId(),
                    newWebhookId(), new String(body, StandardCharsets.UTF_8)));
            work.add(job(id, 0, now));
        }
        if (deliveries.isEmpty()) {
            return;
        }
        store.insertPendingDeliveries(h, deliveries, now);
        jobs.enqueueAll(h, work);
        h.afterCommit(() -> newWork.run());
    }

    private void restart(Handle h, String deliveryId) {
        Instant now = clock.instant();
        int generation = store.restart(h, deliveryId, now);
        jobs.enqueue(h, job(deliveryId, generation, now));
    }

    private static NewJob job(String deliveryId, int generation, Instant runAt) {
        return new NewJob(QUEUE, JOB_KIND, DeliveryJob.payload(deliveryId, generation), null, runAt, JOB_MAX_ATTEMPTS);
    }

    private String newWebhookId() {
        // Standard Webhooks' examples use msg_…; the id part is ours, unique across instances.
        return "msg_" + ids.next("M").substring(2);
    }

    private List<WebhookSecret> secrets(ConfigRow config, Instant now) {
        List<WebhookSecret> out = new ArrayList<>(2);
        out.add(WebhookSecret.parse(config.secret()));
        Instant until = config.config().previousSecretUntil();
        if (config.previousSecret() != null && until != null && until.isAfter(now)) {
            out.add(WebhookSecret.parse(config.previousSecret()));
        }
        return out;
    }

    private DeliveryRow ownDelivery(Handle h, long tenantId, String deliveryId) {
        return store.delivery(h, deliveryId).filter(r -> r.delivery().tenantId() == tenantId)
                .orElseThrow(() -> ServiceException.notFound("Webhook delivery " + deliveryId));
    }

    private ConfigRow requireConfig(Handle h, long tenantId) {
        return store.config(h, tenantId).orElseThrow(() -> ServiceException.notFound("Webhook configuration"));
    }

    private void requireEnabled(Handle h, long tenantId) {
        ConfigRow config = requireConfig(h, tenantId);
        if (!config.config().enabled()) {
            throw new ServiceException("webhooks_disabled", "Webhooks are turned off for this account ("
                    + config.config().disabledReason() + "); set the configuration again to turn them on.");
        }
    }

    private static void lockTenant(Handle h, long tenantId) {
        // Serialises configuration changes of one tenant, so two first-time PUTs cannot both insert.
        if (h.createQuery("SELECT id FROM tenants WHERE id = :t FOR UPDATE").bind("t", tenantId)
                .mapTo(Long.class).findOne().isEmpty()) {
            throw ServiceException.notFound("Sender " + tenantId);
        }
    }

    /** Releases the HTTP client's connections and threads. */
    @Override
    public void close() {
        sender.close();
    }
}
