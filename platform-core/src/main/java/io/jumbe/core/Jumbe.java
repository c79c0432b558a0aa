package io.jumbe.core;

import io.jumbe.core.alerts.Alerts;
import io.jumbe.core.analytics.Analytics;
import io.jumbe.core.analytics.UsageCounters;
import io.jumbe.core.sandbox.Sandbox;
import io.jumbe.core.apikeys.ApiKeyService;
import io.jumbe.core.common.CrashPoints;
import io.jumbe.core.common.Ids;
import io.jumbe.core.config.ConfigLoader;
import io.jumbe.core.campaigns.CampaignService;
import io.jumbe.core.contacts.ContactAudience;
import io.jumbe.core.contacts.ContactImports;
import io.jumbe.core.contacts.ContactService;
import io.jumbe.core.contacts.OptOuts;
import io.jumbe.core.config.JumbeConfig;
import io.jumbe.core.events.EventStore;
import io.jumbe.core.idempotency.IdempotencyService;
import io.jumbe.core.jobs.Backoff;
import io.jumbe.core.jobs.ForegroundLoad;
import io.jumbe.core.jobs.InstanceHeartbeat;
import io.jumbe.core.jobs.JobQueue;
import io.jumbe.core.jobs.JobRunner;
import io.jumbe.core.notify.EmlFileMailer;
import io.jumbe.core.notify.Mailer;
import io.jumbe.core.notify.Notifications;
import io.jumbe.core.notify.SmtpMailer;
import io.jumbe.core.signup.SignupService;
import io.jumbe.core.ratelimit.DatabaseRateLimiter;
import io.jumbe.core.ratelimit.InMemoryRateLimiter;
import io.jumbe.core.ratelimit.RateLimiter;
import io.jumbe.core.ratelimit.SharedUpstreamLimiter;
import io.jumbe.core.ratelimit.UpstreamLimiter;
import io.jumbe.core.sms.SendRateLimiter;
import io.jumbe.core.payments.PaymentAnomalies;
import io.jumbe.core.payments.TopupService;
import io.jumbe.core.payments.TopupSettings;
import io.jumbe.core.payments.mpesa.DarajaClient;
import io.jumbe.core.payments.mpesa.DarajaConfig;
import io.jumbe.core.payments.mpesa.DarajaTransactionType;
import io.jumbe.core.payments.mpesa.LazyPaymentGateway;
import io.jumbe.core.payments.mpesa.MpesaEnvironment;
import io.jumbe.core.payments.mpesa.PaymentGateway;
import io.jumbe.core.sms.DeliveryReportBatcher;
import io.jumbe.core.sms.MessageExpiry;
import io.jumbe.core.secrets.PrivateFiles;
import io.jumbe.core.secrets.SecretBox;
import io.jumbe.core.sms.MessageLifecycle;
import io.jumbe.core.sms.SmsDispatcher;
import io.jumbe.core.sms.SmsGateway;
import io.jumbe.core.sms.SmsService;
import io.jumbe.core.sms.SmsTuning;
import io.jumbe.core.sms.onfon.OnfonClient;
import io.jumbe.core.sms.onfon.OnfonConfig;
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
import io.jumbe.core.whatsapp.GraphClient;
import io.jumbe.core.whatsapp.GraphConfig;
import io.jumbe.core.whatsapp.MetaSignature;
import io.jumbe.core.whatsapp.Templates;
import io.jumbe.core.whatsapp.WhatsAppDispatcher;
import io.jumbe.core.whatsapp.WhatsAppGateway;
import io.jumbe.core.whatsapp.WhatsAppLifecycle;
import io.jumbe.core.whatsapp.WhatsAppService;
import io.jumbe.core.whatsapp.WhatsAppUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/**
 * The platform as a library: build it over a {@link DataSource} and a {@link JumbeConfig}, call its services
 * directly, and {@link #start()} it to run its workers (SMS dispatch, webhook delivery, M-Pesa reconciliation,
 * message expiry, housekeeping) in this process. The HTTP server and the admin command line are built the same way.
 *
 * <pre>{@code
 * try (Jumbe platform = Jumbe.builder().dataSource(pool).config(ConfigLoader.fromSystem().load()).build()) {
 *     platform.start();
 *     platform.sms().send(2, SendRequest.to("0712345678", "Hello"));
 * }   // stops the workers; the pool stays open: it is yours
 * }</pre>
 */
public final class Jumbe implements AutoCloseable {
    /** Where Safaricom posts an STK result: this path, then {@link #mpesaCallbackToken()}, under the public URL. */
    public static final String MPESA_CALLBACK_PATH = "/api/webhooks/mpesa/callback/";
    /** Where Safaricom posts an STK timeout: this path, then {@link #mpesaCallbackToken()}, under the public URL. */
    public static final String MPESA_TIMEOUT_PATH = "/api/webhooks/mpesa/timeout/";

    private static final String NO_ONFON = "no Onfon account to send SMS through: set ONFON_BASE_URL, "
            + "ONFON_ACCESS_KEY, ONFON_API_KEY and ONFON_CLIENT_ID in the config (a simulator started alone will do), "
            + "or give the builder onfon(...)";

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
    private final Notifications notifications;
    private final SignupService signups;
    private final UsageCounters usage;
    private final Supplier<OnfonConfig> realOnfon;
    private final Analytics analytics;
    private final JumbeConfig.Reporting reporting;
    private final Sandbox sandbox;
    private final OptOuts optOuts;
    private final ContactService contacts;
    private final ContactImports contactImports;
    private final CampaignService campaigns;
    private final String onfonDlrToken;
    private final String mpesaCallbackToken;
    private final boolean smsUpstreamKnown;
    private final SmsDispatcher smsDispatcher;
    private final WhatsAppService whatsapp;
    private final WhatsAppDispatcher whatsappDispatcher;
    private final boolean whatsappUpstreamKnown;
    private final String whatsappVerifyToken;
    private final MetaSignature metaSignature;
    private final MessageExpiry messageExpiry;
    private final JobRunner jobRunner;
    private final InstanceHeartbeat instance;
    private final DeliveryReportBatcher deliveryReports;
    private final ForegroundLoad foreground = new ForegroundLoad();
    private final Housekeeping housekeeping;
    private boolean started;
    private boolean stopped;

    private Jumbe(Builder b, Database database, JumbeConfig config) {
        this.database = database;
        this.clock = b.clock;
        Jdbi jdbi = database.jdbi();
        this.ids = new Ids(clock);
        this.events = new EventStore(jdbi, ids, clock, database.dialect());
        this.ledger = new Ledger(ids, clock, database.dialect(), events);
        this.apiKeys = new ApiKeyService(jdbi, ids, clock);
        this.tenants = new TenantService(jdbi, clock, ledger, apiKeys);
        this.wallet = new WalletService(jdbi, ledger, tenants, new WalletTransactions(jdbi));
        this.ledgerCheck = new LedgerCheck(jdbi);
        this.sandbox = new Sandbox(jdbi, ledger);
        this.reporting = config.reporting();
        this.jobs = new JobQueue(jdbi, clock);
        this.idempotency = new IdempotencyService(jdbi, clock, Duration.ofHours(24), b.crashPoints,
                database.dialect(), b.secrets);
        this.settings = new Settings(jdbi, b.secrets);
        settings.bindKey();
        this.alerts = new Alerts(jdbi, clock);
        // H2 is the embedded single-instance default; on PostgreSQL several instances may serve, so they share counts.
        this.rateLimiter = database.dialect() == Dialect.POSTGRES ? new DatabaseRateLimiter(jdbi, clock)
                : new InMemoryRateLimiter(clock);
        this.onfonDlrToken = settings.secretToken("ONFON_DLR_TOKEN", config.onfon().dlrToken());
        this.mpesaCallbackToken = settings.secretToken("MPESA_CALLBACK_TOKEN", config.mpesa().callbackToken());
        PaymentGateway livePayments = paymentGateway(b, config);
        this.topups = new TopupService(jdbi, clock, ledger, events, jobs, tenants, new PaymentAnomalies(jdbi, clock),
                livePayments, testPaymentGateway(b, config, livePayments),
                b.topupSettings != null ? b.topupSettings : TopupSettings.from(config), idempotency);
        this.webhooks = new WebhookService(jdbi, ids, clock, events, jobs, alerts,
                b.webhookSettings != null ? b.webhookSettings : WebhookSettings.from(config), b.secrets);
        webhooks.sealPlainSecrets();
        events.addListener(webhooks.listener());
        this.usage = new UsageCounters(clock, config.reporting().zone(), database.dialect());
        this.analytics = new Analytics(jdbi, usage, config.reporting());
        Supplier<String> publicBaseUrl = b.publicBaseUrl != null ? b.publicBaseUrl : config::publicBaseUrl;
        this.notifications = new Notifications(jdbi, ids, clock, jobs, b.secrets,
                b.mailer != null ? b.mailer : mailer(config), new Notifications.Settings(config.mail().from(),
                config.mail().replyTo().orElse(null), config.mail().supportEmail(), publicBaseUrl));
        events.addListener(notifications.listener());
        this.signups = new SignupService(jdbi, ids, clock, tenants, notifications, publicBaseUrl);
        this.optOuts = new OptOuts(jdbi, clock, events);
        this.contacts = new ContactService(jdbi, clock, ids);
        this.contactImports = new ContactImports(jdbi, clock, ids, jobs, optOuts);
        this.sms = new SmsService(jdbi, clock, ids, tenants, ledger, jobs, new MessageLifecycle(jdbi, clock, ledger,
                events, b.refundOnDeliveryFailure != null ? b.refundOnDeliveryFailure : config.refundOnDeliveryFailure(),
                usage, database.dialect()), optOuts);

        // The workers: built here, run only after start(), so that a program that only administers (the admin CLI)
        // runs none, and one that embeds decides which of its processes do the work.
        // A fresh identity per platform built: a restarted process never inherits the claims of the one before.
        this.instance = new InstanceHeartbeat(jdbi, jobs, clock, b.heartbeatEvery, b.deadAfter);
        String workerId = instance.id();
        this.realOnfon = configuredOnfon(config);
        Supplier<OnfonConfig> onfon = b.onfon != null ? b.onfon : realOnfon;
        this.smsUpstreamKnown = onfon != null;
        SmsTuning tuning = b.smsTuning;
        // Test mode: a simulator only, never a real account (the live one serves when it is itself simulated)
        Supplier<OnfonConfig> testOnfon = b.testOnfon != null ? b.testOnfon : configuredOnfon(config) == null ? onfon : null;
        this.smsDispatcher = new SmsDispatcher(jdbi, jobs, clock, onfon == null ? Jumbe::noOnfon : onfonGateway(onfon),
                testOnfon == null ? Jumbe::noTestSimulator : onfonGateway(testOnfon), sms.lifecycle(), alerts, SmsDispatcher.Settings.defaults(config.onfon().maxTps())
                .withTimings(tuning.pollInterval(), tuning.lease(), tuning.backoff(), tuning.upstreamPause()),
                workerId, upstreamLimiter("onfon", config.onfon().maxTps()), instance::mayWork,
                b.crashPoints, foreground);
        sms.onQueued(smsDispatcher::wake);
        this.deliveryReports = new DeliveryReportBatcher(sms.lifecycle(), 2, 50, foreground);

        // WhatsApp: the Cloud API account of the config, or the server's simulator; with neither, sends are accepted
        // and stay queued until a platform that knows one starts (dispatch is not started without it).
        JumbeConfig.WhatsApp wa = config.whatsapp();
        this.whatsappVerifyToken = settings.secretToken("WHATSAPP_VERIFY_TOKEN", wa.verifyToken());
        this.metaSignature = new MetaSignature(wa.appSecret());
        Supplier<GraphConfig> graph = b.whatsapp != null ? b.whatsapp : wa.simulated() ? null
                : () -> new GraphConfig(wa.baseUrl(), wa.apiVersion(), wa.accessToken(), wa.businessAccountId());
        this.whatsappUpstreamKnown = graph != null;
        Supplier<WhatsAppGateway> graphGateway = graph == null ? Jumbe::noWhatsApp : graphGateway(graph);
        WhatsAppLifecycle waLifecycle = new WhatsAppLifecycle(jdbi, clock, ids, ledger, events, wa.phoneNumberId(),
                optOuts, usage);
        this.whatsapp = new WhatsAppService(jdbi, clock, ids, ledger, jobs, new Templates(graphGateway, clock,
                Duration.ofMinutes(10), Duration.ofSeconds(30)), waLifecycle, wa.phoneNumberId(), optOuts);
        // Test mode: the simulator only, never the real Cloud API (the live one serves when it is itself simulated)
        Supplier<GraphConfig> testGraph = b.testWhatsapp != null ? b.testWhatsapp : wa.simulated() ? graph : null;
        Supplier<WhatsAppGateway> testGraphGateway = testGraph == null ? Jumbe::noTestWhatsApp
                : testGraph == graph ? graphGateway : graphGateway(testGraph);
        if (testGraphGateway != graphGateway) {
            whatsapp.testTemplates(new Templates(testGraphGateway, clock, Duration.ofMinutes(10),
                    Duration.ofSeconds(30)));
        }
        this.campaigns = new CampaignService(jdbi, clock, ids, tenants, ledger, events, jobs, sms, whatsapp,
                new ContactAudience(jdbi, optOuts), usage);
        int maxMps = b.whatsappMaxMps != null ? b.whatsappMaxMps : wa.maxMps();
        this.whatsappDispatcher = new WhatsAppDispatcher(jdbi, jobs, clock, graphGateway, testGraphGateway,
                waLifecycle, alerts, WhatsAppDispatcher.Settings.defaults(maxMps)
                        .withTimings(tuning.pollInterval(), tuning.lease(), tuning.backoff(), tuning.upstreamPause()),
                workerId, upstreamLimiter("whatsapp", maxMps), instance::mayWork, foreground);
        whatsapp.onQueued(whatsappDispatcher::wake);
        this.messageExpiry = new MessageExpiry(sms.lifecycle(), config.dlrExpiry(), tuning.expiryEvery());
        this.jobRunner = new JobRunner(jobs, clock, workerId, List.of(webhooks.queueSpec(),
                new JobRunner.QueueSpec(TopupService.QUEUE, Map.of(TopupService.RECONCILE_KIND, topups.reconciler(),
                        TopupService.HELD_CALLBACK_KIND, topups.heldCallbackExpiry()),
                        4, Duration.ofMinutes(2), Duration.ofSeconds(1), Backoff.standard()),
                notifications.queueSpec(tuning.pollInterval(), b.mailBackoff), contactImports.queueSpec(),
                campaigns.queueSpec()), instance::mayWork);
        contactImports.onNewWork(() -> jobRunner.wake(ContactImports.QUEUE));
        campaigns.onNewWork(() -> jobRunner.wake(CampaignService.QUEUE));
        webhooks.onNewWork(() -> jobRunner.wake(WebhookService.QUEUE));
        notifications.onNewWork(() -> jobRunner.wake(Notifications.QUEUE));
        this.housekeeping = new Housekeeping(this, config.eventRetention());
    }

    /** SMTP when {@code SMTP_URL} is set; else {@code .eml} files under {@code JUMBE_HOME/mail/}. */
    private static Mailer mailer(JumbeConfig config) {
        return config.mail().smtpUrl().<Mailer>map(SmtpMailer::new)
                .orElseGet(() -> new EmlFileMailer(config.home().resolve("mail")));
    }

    /** The Onfon account the config names, or null when it names none (the server then mounts its simulator). */
    private static Supplier<OnfonConfig> configuredOnfon(JumbeConfig config) {
        JumbeConfig.Onfon onfon = config.onfon();
        if (onfon.simulated() || onfon.baseUrl().isEmpty()) {
            return null;
        }
        OnfonConfig account = new OnfonConfig(onfon.baseUrl(), onfon.accessKey(), onfon.apiKey(), onfon.clientId());
        return () -> account;
    }

    // Built on first use: the server's simulator address is known only once it listens.
    private static Supplier<SmsGateway> onfonGateway(Supplier<OnfonConfig> onfon) {
        return new Supplier<>() {
            private volatile SmsGateway client;

            @Override
            public SmsGateway get() {
                if (client == null) {
                    synchronized (this) {
                        if (client == null) {
                            client = new OnfonClient(onfon.get());
                        }
                    }
                }
                return client;
            }
        };
    }

    // Built on first use, as the Onfon client is.
    private static Supplier<WhatsAppGateway> graphGateway(Supplier<GraphConfig> graph) {
        return new Supplier<>() {
            private volatile WhatsAppGateway client;

            @Override
            public WhatsAppGateway get() {
                if (client == null) {
                    synchronized (this) {
                        if (client == null) {
                            client = new GraphClient(graph.get());
                        }
                    }
                }
                return client;
            }
        };
    }

    private static WhatsAppGateway noWhatsApp() {
        throw new WhatsAppUnavailableException("No WhatsApp Cloud API account is configured: set the WHATSAPP_ "
                + "variables, or run the server, which mounts its simulator.");
    }

    private static SmsGateway noOnfon() {
        throw new IllegalStateException(NO_ONFON);
    }

    private static WhatsAppGateway noTestWhatsApp() {
        throw new WhatsAppUnavailableException("test mode has no WhatsApp simulator to send to while a real Cloud API "
                + "account is configured: give the builder testWhatsapp(...) (the server mounts one)");
    }

    private static SmsGateway noTestSimulator() {
        throw new IllegalStateException("test mode has no Onfon simulator to send to while a real Onfon account is "
                + "configured: give the builder testOnfon(...) (the server mounts one)");
    }

    /**
     * Where test mode's STK pushes go: the builder's test target, else the live gateway only when M-Pesa is itself
     * simulated, else none (test-mode M-Pesa top-ups are then refused, never sent to the real Daraja).
     */
    private PaymentGateway testPaymentGateway(Builder b, JumbeConfig config, PaymentGateway live) {
        if (b.testDaraja == null) {
            return b.paymentGateway == null && config.mpesa().simulated() ? live : null;
        }
        Supplier<String> publicBaseUrl = b.publicBaseUrl != null ? b.publicBaseUrl : config::publicBaseUrl;
        return new LazyPaymentGateway(() -> new DarajaClient(b.testDaraja.config(
                publicBaseUrl.get() + MPESA_CALLBACK_PATH + mpesaCallbackToken,
                publicBaseUrl.get() + MPESA_TIMEOUT_PATH + mpesaCallbackToken), DarajaClient.defaultHttpClient(), clock));
    }

    /**
     * Daraja as the builder or the config says: an explicit gateway, else a client built on first use (its callback
     * URL holds our public address, which a server on port 0 knows only once it listens); none when M-Pesa is
     * simulated and nobody said where the simulator is (manual top-up requests still work).
     */
    private PaymentGateway paymentGateway(Builder b, JumbeConfig config) {
        if (b.paymentGateway != null) {
            return b.paymentGateway;
        }
        if (b.daraja == null && config.mpesa().simulated()) {
            return null;
        }
        Supplier<String> publicBaseUrl = b.publicBaseUrl != null ? b.publicBaseUrl : config::publicBaseUrl;
        return new LazyPaymentGateway(() -> {
            String callbackUrl = publicBaseUrl.get() + MPESA_CALLBACK_PATH + mpesaCallbackToken;
            String timeoutUrl = publicBaseUrl.get() + MPESA_TIMEOUT_PATH + mpesaCallbackToken;
            JumbeConfig.Mpesa m = config.mpesa();
            DarajaConfig daraja = b.daraja != null ? b.daraja.config(callbackUrl, timeoutUrl)
                    : DarajaConfig.forEnvironment(MpesaEnvironment.fromEnv(m.env()), null, m.consumerKey(),
                            m.consumerSecret(), m.passkey(), m.shortcode(), null,
                            DarajaTransactionType.fromWireName(m.transactionType()), callbackUrl, timeoutUrl);
            return new DarajaClient(daraja, DarajaClient.defaultHttpClient(), clock);
        });
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Opens the database the config names, owned by the caller. On the embedded default, {@code JUMBE_HOME} is made
     * private (0700) before H2 writes to it, and its files (0600) after.
     */
    public static Database openDatabase(JumbeConfig config, int poolSize) {
        if (config.database().isPostgres()) {
            return Database.open(config.database(), poolSize);
        }
        PrivateFiles.secureTree(config.home());
        Database database = Database.open(config.database(), poolSize);
        PrivateFiles.secureTree(config.home());
        return database;
    }

    /**
     * The cap on messages per second to one upstream ({@code "onfon"} for {@code ONFON_MAX_TPS}, {@code "whatsapp"}
     * for {@code WHATSAPP_MAX_MPS}), for its dispatcher to {@link UpstreamLimiter#acquire} before each request. On
     * PostgreSQL it is the platform's cap, shared by every instance through the database; on the embedded H2 (one
     * instance) it is kept in memory. 0 or less means no cap.
     */
    public UpstreamLimiter upstreamLimiter(String upstream, int perSecond) {
        if (perSecond <= 0) {
            return UpstreamLimiter.NONE;
        }
        return database.dialect() == Dialect.POSTGRES ? new SharedUpstreamLimiter(database.jdbi(), clock, upstream,
                perSecond) : new SendRateLimiter(perSecond);
    }

    /** Where the Daraja client calls, given the callback URLs it must send (the server's mounted simulator). */
    @FunctionalInterface
    public interface DarajaTarget {
        /**
         * @param callbackUrl where Daraja posts the STK result
         * @param timeoutUrl  where Daraja posts a timeout
         * @return the client's configuration
         */
        DarajaConfig config(String callbackUrl, String timeoutUrl);
    }

    /**
     * Builds the platform over a database; the schema is migrated on build. Everything not set comes from the
     * {@link #config(JumbeConfig) config}, whose own defaults are those of an empty environment.
     */
    public static final class Builder {
        private Database database;
        private JumbeConfig config;
        private int poolSize = 10;
        private Clock clock = Clock.systemUTC();
        private SmsTuning smsTuning = SmsTuning.defaults();
        private Supplier<OnfonConfig> onfon;
        private DarajaTarget daraja;
        private Supplier<OnfonConfig> testOnfon;
        private DarajaTarget testDaraja;
        private Supplier<String> publicBaseUrl;
        private PaymentGateway paymentGateway;
        private TopupSettings topupSettings;
        private WebhookSettings webhookSettings;
        private Boolean refundOnDeliveryFailure;
        private Supplier<GraphConfig> whatsapp;
        private Supplier<GraphConfig> testWhatsapp;
        private Integer whatsappMaxMps;
        private SecretBox secrets = SecretBox.plain();
        private CrashPoints crashPoints = CrashPoints.fromSystemProperties();
        private Duration heartbeatEvery = InstanceHeartbeat.EVERY;
        private Duration deadAfter = InstanceHeartbeat.DEAD_AFTER;

        /**
         * How often this instance writes its heartbeat, and how old another instance's heartbeat is when its claimed
         * jobs are released for the others (2 s and 10 s unless set).
         */
        public Builder heartbeat(Duration every, Duration takenForDeadAfter) {
            this.heartbeatEvery = Objects.requireNonNull(every);
            this.deadAfter = Objects.requireNonNull(takenForDeadAfter);
            return this;
        }

        private Mailer mailer;
        private Backoff mailBackoff = Backoff.standard();

        /** Where emails go instead of the config's {@code SMTP_URL} (or {@code .eml} files). */
        public Builder mailer(Mailer m) {
            this.mailer = Objects.requireNonNull(m);
            return this;
        }

        /** Retry delays after a failed mail attempt; {@link Backoff#standard()} unless set. */
        public Builder mailBackoff(Backoff backoff) {
            this.mailBackoff = Objects.requireNonNull(backoff);
            return this;
        }

        /** Where a test makes the process die or fail on purpose; off unless the JVM's properties arm one. */
        public Builder crashPoints(CrashPoints points) {
            this.crashPoints = Objects.requireNonNull(points);
            return this;
        }

        /**
         * The key that encrypts recoverable secrets at rest (webhook signing secrets, callback tokens, stored
         * responses showing a secret); {@link SecretBox#load} reads it as the server does. Without one, they are
         * stored as given.
         */
        public Builder secrets(SecretBox box) {
            this.secrets = Objects.requireNonNull(box);
            return this;
        }

        /** Whether a delivery report saying a message failed refunds it ({@code REFUND_ON_DELIVERY_FAILURE}). */
        public Builder refundOnDeliveryFailure(boolean refund) {
            this.refundOnDeliveryFailure = refund;
            return this;
        }

        /** A DataSource you own (your pool): the platform migrates it, uses it, and never closes it. */
        public Builder dataSource(DataSource dataSource) {
            this.database = Database.over(dataSource);
            return this;
        }

        /** A database opened or adopted elsewhere; closed with the platform only if it owns its pool. */
        public Builder database(Database db) {
            this.database = db;
            return this;
        }

        /**
         * Settings, upstream accounts and callback tokens ({@link io.jumbe.core.config.ConfigLoader}). Without a
         * {@link #dataSource} the platform opens a pool on the config's {@code DATABASE_URL} and closes it on close.
         */
        public Builder config(JumbeConfig c) {
            this.config = Objects.requireNonNull(c);
            return this;
        }

        /** Size of the pool the platform opens itself (when given a config and no DataSource); 10 by default. */
        public Builder poolSize(int size) {
            if (size < 1) {
                throw new IllegalArgumentException("a pool needs at least one connection");
            }
            this.poolSize = size;
            return this;
        }

        public Builder clock(Clock c) {
            this.clock = Objects.requireNonNull(c);
            return this;
        }

        /** Dispatch and expiry timings; {@link SmsTuning#defaults()} unless set ({@link SmsTuning#fast()} in tests). */
        public Builder smsTuning(SmsTuning tuning) {
            this.smsTuning = Objects.requireNonNull(tuning);
            return this;
        }

        /**
         * Where SMS go instead of the config's Onfon account, read on the first send: the server points it at its
         * mounted simulator, whose address it knows only once it listens.
         */
        public Builder onfon(Supplier<OnfonConfig> account) {
            this.onfon = Objects.requireNonNull(account);
            return this;
        }

        /**
         * The Onfon simulator test mode sends to ({@code sk_test_} keys), read on the first test send. Without it,
         * test mode uses the live account only when that is itself unset (a simulator), else cannot send.
         */
        public Builder testOnfon(Supplier<OnfonConfig> simulator) {
            this.testOnfon = Objects.requireNonNull(simulator);
            return this;
        }

        /** The Daraja simulator test mode's top-ups go to, whatever {@code MPESA_ENV} says. */
        public Builder testDaraja(DarajaTarget simulator) {
            this.testDaraja = Objects.requireNonNull(simulator);
            return this;
        }

        /**
         * Where WhatsApp goes instead of the config's Cloud API account, read on first use: the server points it at
         * its mounted simulator.
         */
        public Builder whatsapp(Supplier<GraphConfig> graph) {
            this.whatsapp = Objects.requireNonNull(graph);
            return this;
        }

        /**
         * The WhatsApp simulator test mode sends to ({@code sk_test_} keys), read on first use. Without it, test mode
         * uses the live account only when that is itself the simulator, else cannot send.
         */
        public Builder testWhatsapp(Supplier<GraphConfig> simulator) {
            this.testWhatsapp = Objects.requireNonNull(simulator);
            return this;
        }

        /** WhatsApp messages per second instead of {@code WHATSAPP_MAX_MPS}; 0 for no cap (benchmarks). */
        public Builder whatsappMaxMps(int mps) {
            this.whatsappMaxMps = mps;
            return this;
        }

        /** Where the Daraja client calls instead of {@code MPESA_ENV}'s address (the server's mounted simulator). */
        public Builder daraja(DarajaTarget target) {
            this.daraja = Objects.requireNonNull(target);
            return this;
        }

        /**
         * How upstreams reach us, read when the Daraja client is built (callback URLs); the config's
         * {@code PUBLIC_BASE_URL} unless set.
         */
        public Builder publicBaseUrl(Supplier<String> url) {
            this.publicBaseUrl = Objects.requireNonNull(url);
            return this;
        }

        /** Daraja (or a stand-in) for M-Pesa top-ups, instead of a client built from the config. */
        public Builder paymentGateway(PaymentGateway gateway) {
            this.paymentGateway = gateway;
            return this;
        }

        /** Top-up limits and reconciliation timings; from the config unless set. */
        public Builder topupSettings(TopupSettings settings) {
            this.topupSettings = Objects.requireNonNull(settings);
            return this;
        }

        /** Webhook delivery settings; from the config unless set. */
        public Builder webhookSettings(WebhookSettings settings) {
            this.webhookSettings = Objects.requireNonNull(settings);
            return this;
        }

        /** Builds the platform; its workers wait for {@link Jumbe#start()}. */
        public Jumbe build() {
            if (database == null && config == null) {
                throw new IllegalStateException("a dataSource, a database or a config is required");
            }
            JumbeConfig effective = config != null ? config : new ConfigLoader(Map.of()).load();
            Database db = database != null ? database : openDatabase(effective, poolSize);
            try {
                return new Jumbe(this, db, effective);
            } catch (RuntimeException e) {
                if (database == null) {
                    db.close();
                }
                throw e;
            }
        }

    }

    /**
     * Runs the workers in this process: SMS dispatch, webhook delivery and M-Pesa reconciliation jobs, message
     * expiry and housekeeping. Several processes may run them over one PostgreSQL; work is claimed, never shared.
     *
     * @return this platform
     * @throws IllegalStateException when no Onfon account or simulator is known (SMS would never leave), or after
     *                               {@link #stop()}
     */
    public synchronized Jumbe start() {
        if (stopped) {
            throw new IllegalStateException("this platform was stopped; build a new one");
        }
        if (started) {
            return this;
        }
        if (!smsUpstreamKnown) {
            throw new IllegalStateException(NO_ONFON);
        }
        instance.start(this::wakeWorkers);
        jobRunner.start();
        smsDispatcher.start();
        if (whatsappUpstreamKnown) {
            whatsappDispatcher.start();
        }
        messageExpiry.start();
        housekeeping.start();
        started = true;
        return this;
    }

    // Jobs of a dead instance were just released: every queue's workers look now rather than at their next poll.
    private void wakeWorkers() {
        smsDispatcher.wake(SmsService.SINGLE_QUEUE);
        smsDispatcher.wake(SmsService.BULK_QUEUE);
        whatsappDispatcher.wake(WhatsAppService.SINGLE_QUEUE);
        whatsappDispatcher.wake(WhatsAppService.BULK_QUEUE);
        jobRunner.wakeAll();
    }

    /**
     * Stops the workers for good: the batch in hand is finished, what was claimed and not started is released for
     * the other instances at once, and this instance's heartbeat row removed (so a rolling restart delays nothing).
     * The services stay usable until {@link #close()}. The server stops them before it stops listening.
     */
    public synchronized void stop() {
        stopped = true;
        housekeeping.close();
        messageExpiry.close();
        smsDispatcher.close();
        whatsappDispatcher.close();
        jobRunner.close();
        instance.close();
    }

    /** This process among the instances sharing the database: its identity, heartbeat and live count. */
    public InstanceHeartbeat instance() {
        return instance;
    }

    /** Test mode's reset of a test twin's wallet and data. */
    public Sandbox sandbox() {
        return sandbox;
    }

    /** The daily usage counters, which every message change updates (in {@code TIMEZONE} days). */
    public UsageCounters usage() {
        return usage;
    }

    /**
     * The platform's remaining credit at Onfon ({@code GET /v1/sms/Balance}) when the config names a real account;
     * empty when SMS are simulated.
     *
     * @throws io.jumbe.core.sms.onfon.OnfonException when Onfon cannot say
     */
    public java.util.Optional<io.jumbe.core.sms.onfon.OnfonBalance> onfonBalance() {
        return realOnfon == null ? java.util.Optional.empty()
                : java.util.Optional.of(new OnfonClient(realOnfon.get()).balance());
    }

    /** Usage by day for tenants, and the reseller's revenue report. */
    public Analytics analytics() {
        return analytics;
    }

    /** {@code TIMEZONE} and the upstream costs the analytics and the revenue report use. */
    public JumbeConfig.Reporting reporting() {
        return reporting;
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

    /** Email to tenants: the mails made from events, the welcome mail, notification settings and the mail log. */
    public Notifications notifications() {
        return notifications;
    }

    /** Self-service sign-up: applications, email verification, admin approval. */
    public SignupService signups() {
        return signups;
    }

    /** Sending SMS: send, quote, status, history, statistics, cancel; dispatch runs in {@link #smsDispatcher()}. */
    public SmsService sms() {
        return sms;
    }

    /** Every send path's opt-out check, and the tenant's opt-out list ({@code contact.opted_out} events). */
    public OptOuts optOuts() {
        return optOuts;
    }

    /** The tenant's phone book: contacts and groups. */
    public ContactService contacts() {
        return contacts;
    }

    /** CSV imports of contacts (applied by a job after {@link #start()}). */
    public ContactImports contactImports() {
        return contactImports;
    }

    /** Personalised campaigns: drafts, estimates, launch, pause, resume, cancel, progress. */
    public CampaignService campaigns() {
        return campaigns;
    }

    /** The SMS dispatch worker (running after {@link #start()}): its counters, and pause state. */
    public SmsDispatcher smsDispatcher() {
        return smsDispatcher;
    }

    /** Tenants' API requests in progress: the HTTP layer counts them, and dispatch gives way to them. */
    public ForegroundLoad foreground() {
        return foreground;
    }

    /** Applies Onfon's delivery reports in small batches, one transaction per batch (what the report endpoint calls). */
    public DeliveryReportBatcher deliveryReports() {
        return deliveryReports;
    }

    /**
     * WhatsApp: send (text and templates), templates, the cross-channel message views, Meta's webhooks (its
     * {@code lifecycle()}) and the tenants' WhatsApp prices; dispatch runs in {@link #whatsappDispatcher()}.
     */
    public WhatsAppService whatsapp() {
        return whatsapp;
    }

    /** The WhatsApp dispatch worker (running after {@link #start()} when an account or simulator is known). */
    public WhatsAppDispatcher whatsappDispatcher() {
        return whatsappDispatcher;
    }

    /** Meta's webhook verification token ({@code WHATSAPP_VERIFY_TOKEN}, else generated once and kept). */
    public String whatsappVerifyToken() {
        return whatsappVerifyToken;
    }

    /** Checks Meta's {@code X-Hub-Signature-256} with {@code WHATSAPP_APP_SECRET}. */
    public MetaSignature metaSignature() {
        return metaSignature;
    }

    /** The worker that expires messages without a final report after {@code DLR_EXPIRY}. */
    public MessageExpiry messageExpiry() {
        return messageExpiry;
    }

    /**
     * The secret path segment of the delivery-report URL given to Onfon ({@code ONFON_DLR_TOKEN}, else generated
     * once and kept in the database): whoever serves that URL checks it before applying a report.
     */
    public String onfonDlrToken() {
        return onfonDlrToken;
    }

    /**
     * The secret path segment of the STK callback URLs sent to Daraja ({@link #MPESA_CALLBACK_PATH}; from
     * {@code MPESA_CALLBACK_TOKEN}, else generated once and kept in the database).
     */
    public String mpesaCallbackToken() {
        return mpesaCallbackToken;
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

    /** Stops the workers and releases what the platform opened; a DataSource it was given stays open. */
    @Override
    public void close() {
        stop();
        deliveryReports.close();
        webhooks.close();
        database.close();
    }
}
