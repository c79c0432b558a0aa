package io.jumbe.core;

import io.jumbe.core.alerts.Alerts;
import io.jumbe.core.apikeys.ApiKeyService;
import io.jumbe.core.common.CrashPoints;
import io.jumbe.core.common.Ids;
import io.jumbe.core.events.EventStore;
import io.jumbe.core.idempotency.IdempotencyService;
import io.jumbe.core.jobs.JobQueue;
import io.jumbe.core.ratelimit.DatabaseRateLimiter;
import io.jumbe.core.ratelimit.InMemoryRateLimiter;
import io.jumbe.core.ratelimit.RateLimiter;
import io.jumbe.core.payments.PaymentAnomalies;
import io.jumbe.core.payments.TopupService;
import io.jumbe.core.payments.TopupSettings;
import io.jumbe.core.payments.mpesa.PaymentGateway;
import io.jumbe.core.sms.MessageLifecycle;
import io.jumbe.core.sms.SmsService;
import io.jumbe.core.store.Database;
import io.jumbe.core.store.Dialect;
import io.jumbe.core.store.Settings;
import io.jumbe.core.tenant.TenantService;
import io.jumbe.core.wallet.Ledger;
import io.jumbe.core.wallet.LedgerCheck;
import io.jumbe.core.wallet.WalletService;
import io.jumbe.core.wallet.WalletTransactions;
import io.jumbe.core.webhooks.WebhookService;
import io.jumbe.core.webhooks.WebhookSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/**
 * The platform as a library: build it over a {@link DataSource} and call its services directly. The HTTP server
 * is a thin face over this same object.
 *
 * <pre>{@code
 * Jumbe platform = Jumbe.builder().dataSource(ds).build();
 * platform.wallet().balance(2);
 * }</pre>
 */
public final class Jumbe implements AutoCloseable {
    private final Database database;
    private final Clock clock;
    private final Ids ids;
    private final EventStore events;
    private final Ledger ledger;
    private final ApiKeyService apiKeys;
    private final TenantService tenants;
    private final WalletService wallet;
    private final LedgerCheck ledgerCheck;
    private final JobQueue jobs;
    private final IdempotencyService idempotency;
    private final Settings settings;
    private final Alerts alerts;
    private final RateLimiter rateLimiter;
    private final TopupService topups;
    private final WebhookService webhooks;
    private final SmsService sms;

    private Jumbe(Database database, Clock clock, PaymentGateway paymentGateway, TopupSettings topupSettings,
                  WebhookSettings webhookSettings, boolean refundOnDeliveryFailure, CrashPoints crashPoints) {
        this.database = database;
        this.clock = clock;
        Jdbi jdbi = database.jdbi();
        this.ids = new Ids(clock);
        this.events = new EventStore(jdbi, ids, clock, database.dialect());
        this.ledger = new Ledger(ids, clock, database.dialect(), events);
        this.apiKeys = new ApiKeyService(jdbi, ids, clock);
        this.tenants = new TenantService(jdbi, clock, ledger, apiKeys);
        this.wallet = new WalletService(jdbi, ledger, tenants, new WalletTransactions(jdbi));
        this.ledgerCheck = new LedgerCheck(jdbi);
        this.jobs = new JobQueue(jdbi, clock);
        this.idempotency = new IdempotencyService(jdbi, clock, Duration.ofHours(24), crashPoints,
                database.dialect());
        this.settings = new Settings(jdbi);
        this.alerts = new Alerts(jdbi, clock);
        // H2 is the embedded single-instance default; on PostgreSQL several instances may serve, so they share counts.
        this.rateLimiter = database.dialect() == Dialect.POSTGRES ? new DatabaseRateLimiter(jdbi, clock)
                : new InMemoryRateLimiter(clock);
        this.topups = new TopupService(jdbi, clock, ledger, events, jobs, tenants, new PaymentAnomalies(jdbi, clock),
                paymentGateway, topupSettings, idempotency);
        this.webhooks = new WebhookService(jdbi, ids, clock, events, jobs, alerts, webhookSettings);
        events.addListener(webhooks.listener());
        this.sms = new SmsService(jdbi, clock, ids, tenants, ledger, jobs,
                new MessageLifecycle(jdbi, clock, ledger, events, refundOnDeliveryFailure));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds the platform over a database; the schema is migrated on build. */
    public static final class Builder {
        private Database database;
        private Clock clock = Clock.systemUTC();
        private PaymentGateway paymentGateway;
        private TopupSettings topupSettings = TopupSettings.defaults();
        private WebhookSettings webhookSettings = WebhookSettings.defaults();
        private boolean refundOnDeliveryFailure;
        private CrashPoints crashPoints = CrashPoints.fromSystemProperties();

        /** Where a test makes the process die or fail on purpose; off unless the JVM's properties arm one. */
        public Builder crashPoints(CrashPoints points) {
            this.crashPoints = Objects.requireNonNull(points);
            return this;
        }

        /** Whether a delivery report saying a message failed refunds it ({@code REFUND_ON_DELIVERY_FAILURE}). */
        public Builder refundOnDeliveryFailure(boolean refund) {
            this.refundOnDeliveryFailure = refund;
            return this;
        }

        public Builder dataSource(DataSource dataSource) {
            this.database = Database.over(dataSource);
            return this;
        }

        public Builder database(Database db) {
            this.database = db;
            return this;
        }

        public Builder clock(Clock c) {
            this.clock = Objects.requireNonNull(c);
            return this;
        }

        /** Daraja (or its simulator) for M-Pesa top-ups; without one only manual top-up requests work. */
        public Builder paymentGateway(PaymentGateway gateway) {
            this.paymentGateway = gateway;
            return this;
        }

        /** Top-up limits and reconciliation timings; {@link TopupSettings#defaults()} when not set. */
        public Builder topupSettings(TopupSettings settings) {
            this.topupSettings = Objects.requireNonNull(settings);
            return this;
        }

        /** Webhook delivery settings; {@link WebhookSettings#defaults()} when not given. */
        public Builder webhookSettings(WebhookSettings settings) {
            this.webhookSettings = Objects.requireNonNull(settings);
            return this;
        }

        public Jumbe build() {
            if (database == null) {
                throw new IllegalStateException("a dataSource or database is required");
            }
            return new Jumbe(database, clock, paymentGateway, topupSettings, webhookSettings, refundOnDeliveryFailure, crashPoints);
        }
    }

    public TenantService tenants() {
        return tenants;
    }

    public ApiKeyService apiKeys() {
        return apiKeys;
    }

    public WalletService wallet() {
        return wallet;
    }

    public Ledger ledger() {
        return ledger;
    }

    public LedgerCheck ledgerCheck() {
        return ledgerCheck;
    }

    public EventStore events() {
        return events;
    }

    public JobQueue jobs() {
        return jobs;
    }

    public IdempotencyService idempotency() {
        return idempotency;
    }

    public Settings settings() {
        return settings;
    }

    public Alerts alerts() {
        return alerts;
    }

    public RateLimiter rateLimiter() {
        return rateLimiter;
    }

    /** M-Pesa top-ups, their callbacks and reconciliation, and manual top-up requests. */
    public TopupService topups() {
        return topups;
    }

    /** Webhooks to tenants: configuration, deliveries, retry, replay and health. */
    public WebhookService webhooks() {
        return webhooks;
    }

    /** Sending SMS: send, quote, status, history, statistics, cancel; dispatch runs in {@code SmsDispatcher}. */
    public SmsService sms() {
        return sms;
    }

    public Ids ids() {
        return ids;
    }

    public Clock clock() {
        return clock;
    }

    public Database database() {
        return database;
    }

    public Jdbi jdbi() {
        return database.jdbi();
    }

    @Override
    public void close() {
        webhooks.close();
        database.close();
    }
}
