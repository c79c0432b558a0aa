package io.jumbe.server;

import io.javalin.config.JavalinConfig;
import io.jumbe.core.Jumbe;
import io.jumbe.core.config.JumbeConfig;
import io.jumbe.core.jobs.Backoff;
import io.jumbe.core.jobs.JobRunner;
import io.jumbe.core.payments.TopupService;
import io.jumbe.core.payments.TopupSettings;
import io.jumbe.core.payments.mpesa.DarajaClient;
import io.jumbe.core.payments.mpesa.DarajaConfig;
import io.jumbe.core.payments.mpesa.DarajaTransactionType;
import io.jumbe.core.payments.mpesa.MpesaEnvironment;
import io.jumbe.core.payments.mpesa.PaymentGateway;
import io.jumbe.core.sms.MessageExpiry;
import io.jumbe.core.sms.SmsDispatcher;
import io.jumbe.core.sms.SmsGateway;
import io.jumbe.core.sms.onfon.OnfonClient;
import io.jumbe.core.sms.onfon.OnfonConfig;
import io.jumbe.core.store.Database;
import io.jumbe.core.webhooks.WebhookService;
import io.jumbe.core.webhooks.WebhookSettings;
import io.jumbe.docs.DocsResources;
import io.jumbe.server.account.AccountHandlers;
import io.jumbe.server.docs.DocsHandlers;
import io.jumbe.server.http.HttpMetrics;
import io.jumbe.server.http.Idempotency;
import io.jumbe.server.http.LargeBodies;
import io.jumbe.server.http.RouteGroup;
import io.jumbe.server.payments.CallbackSources;
import io.jumbe.server.payments.LazyPaymentGateway;
import io.jumbe.server.payments.MpesaCallbackHandlers;
import io.jumbe.server.simulator.daraja.DarajaSimulator;
import io.jumbe.server.simulator.onfon.OnfonSimulator;
import io.jumbe.server.sms.DeliveryReportHandlers;
import io.jumbe.server.sms.SmsHandlers;
import io.jumbe.server.sms.SmsTuning;
import io.jumbe.server.wallet.WalletHandlers;
import io.jumbe.server.webhooks.WebhookHandlers;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The composition root: builds the core over a database, the HTTP face over the core, and the job workers, by
 * hand and in one place. Tests start it on port 0 over a test database; {@code jumbe serve} over the configured one.
 */
public final class Application implements AutoCloseable {
    /** Where the built-in Daraja simulator is mounted when {@code MPESA_ENV=simulator}. */
    public static final String DARAJA_SIMULATOR_PATH = "/simulators/daraja";
    private static final String MPESA_HOOKS = "/api/webhooks/mpesa";

    private final JumbeConfig config;
    private final Jumbe platform;
    private final JumbeServer server;
    private final JobRunner jobs;
    private final Housekeeping housekeeping;
    private final DarajaSimulator darajaSimulator;
    private final OnfonSimulator onfonSimulator;
    private final SmsDispatcher smsDispatcher;
    private final MessageExpiry messageExpiry;

    public Application(JumbeConfig config, Database database, Clock clock) {
        this(config, database, clock, DarajaSimulator.Settings.defaults(DARAJA_SIMULATOR_PATH), SmsTuning.defaults());
    }

    /** @param smsTuning dispatch timings ({@link SmsTuning#fast()} in tests and benchmarks) */
    public Application(JumbeConfig config, Database database, Clock clock, SmsTuning smsTuning) {
        this(config, database, clock, DarajaSimulator.Settings.defaults(DARAJA_SIMULATOR_PATH), smsTuning);
    }

    /**
     * @param darajaSettings how the built-in Daraja simulator behaves when {@code MPESA_ENV=simulator}
     * @param smsTuning      dispatch timings ({@link SmsTuning#fast()} in tests)
     */
    public Application(JumbeConfig config, Database database, Clock clock, DarajaSimulator.Settings darajaSettings,
                       SmsTuning smsTuning) {
        this.config = config;
        this.darajaSimulator = config.mpesa().simulated() ? new DarajaSimulator(darajaSettings) : null;
        AtomicReference<String> callbackToken = new AtomicReference<>();
        PaymentGateway gateway = new LazyPaymentGateway(() -> darajaClient(callbackToken.get(), clock));
        this.platform = Jumbe.builder().database(database).clock(clock)
                .paymentGateway(gateway).topupSettings(TopupSettings.from(config))
                .webhookSettings(WebhookSettings.from(config))
                .refundOnDeliveryFailure(config.refundOnDeliveryFailure())
                .build();
        callbackToken.set(platform.settings().secretToken("MPESA_CALLBACK_TOKEN", config.mpesa().callbackToken()));
        String dlrToken = platform.settings().secretToken("ONFON_DLR_TOKEN", config.onfon().dlrToken());
        Idempotency idempotency = new Idempotency(platform.idempotency());
        HttpMetrics metrics = new HttpMetrics(platform.jobs());
        String workerId = "worker-" + UUID.randomUUID().toString().substring(0, 8);

        List<RouteGroup> groups = new ArrayList<>();
        List<Consumer<JavalinConfig>> mounts = new ArrayList<>();
        groups.add(new AccountHandlers(platform.wallet()));
        groups.add(new SmsHandlers(platform.sms(), idempotency, new LargeBodies(config.limits().bulkMaxConcurrent())));
        groups.add(new DeliveryReportHandlers(platform.sms().lifecycle(), () -> dlrToken));
        groups.add(new WalletHandlers(platform.topups(), platform.wallet().transactions(), idempotency));
        groups.add(new MpesaCallbackHandlers(platform.topups(), callbackToken.get(),
                new CallbackSources(config.mpesa().callbackAllowedIps(), config.trustedProxies())));
        groups.add(new WebhookHandlers(platform.webhooks(), idempotency));
        groups.add(new DocsHandlers(new DocsResources()));

        // SMS: the built-in Onfon simulator when no account is configured
        JumbeConfig.Onfon onfon = config.onfon();
        if (onfon.simulated()) {
            this.onfonSimulator = new OnfonSimulator(OnfonSimulator.DEFAULT_MOUNT_PREFIX, onfon.accessKey(),
                    onfon.apiKey(), onfon.clientId(), smsTuning.simulatorDlrDelay(), OnfonClient.defaultHttpClient());
            onfonSimulator.dlrUrl(() -> publicBaseUrl() + DeliveryReportHandlers.PATH + dlrToken);
            mounts.add(onfonSimulator::addRoutes);
        } else {
            this.onfonSimulator = null;
        }
        if (darajaSimulator != null) {
            // it calls back nothing but our own STK endpoints, whatever CallBackURL a caller names
            darajaSimulator.callbackUrls(this::isOwnMpesaHook);
            mounts.add(darajaSimulator::addRoutes);
        }
        this.smsDispatcher = new SmsDispatcher(platform.jdbi(), platform.jobs(), clock, onfonGateway(onfon),
                platform.sms().lifecycle(), platform.alerts(), SmsDispatcher.Settings.defaults(onfon.maxTps())
                .withTimings(smsTuning.pollInterval(), smsTuning.lease(), smsTuning.backoff(), smsTuning.upstreamPause()),
                workerId);
        platform.sms().onQueued(smsDispatcher::wake);
        this.messageExpiry = new MessageExpiry(platform.sms().lifecycle(), config.dlrExpiry(), smsTuning.expiryEvery());
        Gauge.builder("onfon_dispatch_paused", smsDispatcher, d -> d.paused() ? 1 : 0)
                .description("1 while SMS dispatch is paused because Onfon refused our account (021, keys)")
                .register(metrics.registry());
        FunctionCounter.builder("onfon_dispatch_pauses_total", smsDispatcher, SmsDispatcher::upstreamPauses)
                .description("Times SMS dispatch was paused by an upstream account refusal")
                .register(metrics.registry());

        this.server = new JumbeServer(platform, metrics, groups, mounts, config.rateLimits(), config.limits());
        List<JobRunner.QueueSpec> queues = new ArrayList<>();
        queues.add(platform.webhooks().queueSpec());
        queues.add(new JobRunner.QueueSpec(TopupService.QUEUE,
                Map.of(TopupService.RECONCILE_KIND, platform.topups().reconciler()), 4, Duration.ofMinutes(2),
                Duration.ofSeconds(1), Backoff.standard()));
        this.jobs = new JobRunner(platform.jobs(), clock, workerId, queues);
        platform.webhooks().onNewWork(() -> jobs.wake(WebhookService.QUEUE));
        this.housekeeping = new Housekeeping(platform);
    }

    // Built on first use: the simulator's address is known only once the server listens.
    private Supplier<SmsGateway> onfonGateway(JumbeConfig.Onfon onfon) {
        return new Supplier<>() {
            private volatile SmsGateway client;

            @Override
            public SmsGateway get() {
                if (client == null) {
                    synchronized (this) {
                        if (client == null) {
                            String base = onfon.simulated() ? server.baseUrl() + OnfonSimulator.DEFAULT_MOUNT_PREFIX
                                    : onfon.baseUrl();
                            client = new OnfonClient(new OnfonConfig(base, onfon.accessKey(), onfon.apiKey(),
                                    onfon.clientId()));
                        }
                    }
                }
                return client;
            }
        };
    }

    // Built on first use: the callback URL holds our public address, known only once the server listens. The
    // simulator is called on our own local address, which works whatever PUBLIC_BASE_URL says.
    private PaymentGateway darajaClient(String callbackToken, Clock clock) {
        String hooks = publicBaseUrl() + MPESA_HOOKS;
        String callbackUrl = hooks + "/callback/" + callbackToken;
        String timeoutUrl = hooks + "/timeout/" + callbackToken;
        JumbeConfig.Mpesa m = config.mpesa();
        DarajaConfig daraja = darajaSimulator != null
                ? darajaSimulator.clientConfig(server.baseUrl() + DARAJA_SIMULATOR_PATH, callbackUrl, timeoutUrl)
                : DarajaConfig.forEnvironment(MpesaEnvironment.fromEnv(m.env()), null, m.consumerKey(),
                        m.consumerSecret(), m.passkey(), m.shortcode(), null,
                        DarajaTransactionType.fromWireName(m.transactionType()), callbackUrl, timeoutUrl);
        return new DarajaClient(daraja, DarajaClient.defaultHttpClient(), clock);
    }

    // compared after parsing, which resolves dot segments: ".../mpesa/../../api/..." is not one of ours
    private boolean isOwnMpesaHook(String url) {
        okhttp3.HttpUrl given = okhttp3.HttpUrl.parse(url);
        if (given == null || !given.encodedPath().startsWith(MPESA_HOOKS + "/")) {
            return false;
        }
        for (String base : List.of(publicBaseUrl(), server.baseUrl())) {
            okhttp3.HttpUrl own = okhttp3.HttpUrl.parse(base);
            if (own != null && own.scheme().equals(given.scheme()) && own.host().equalsIgnoreCase(given.host())
                    && own.port() == given.port()) {
                return true;
            }
        }
        return false;
    }

    /** Starts serving on the port given (0 picks a free one), then the workers. */
    public Application start(int port) {
        server.start(port);
        jobs.start();
        smsDispatcher.start();
        messageExpiry.start();
        housekeeping.start();
        return this;
    }

    /** The built-in Daraja simulator, when {@code MPESA_ENV=simulator}. */
    public Optional<DarajaSimulator> darajaSimulator() {
        return Optional.ofNullable(darajaSimulator);
    }

    /** The built-in Onfon simulator, present when no Onfon account is configured. */
    public Optional<OnfonSimulator> onfonSimulator() {
        return Optional.ofNullable(onfonSimulator);
    }

    public SmsDispatcher smsDispatcher() {
        return smsDispatcher;
    }

    public MessageExpiry messageExpiry() {
        return messageExpiry;
    }

    /** Every endpoint the server registered, {@code METHOD /path}. */
    public List<String> routes() {
        return server.routes();
    }

    public Jumbe platform() {
        return platform;
    }

    public JumbeConfig config() {
        return config;
    }

    public int port() {
        return server.port();
    }

    public String baseUrl() {
        return server.baseUrl();
    }

    /**
     * How upstreams reach this server (callback URLs): {@code PUBLIC_BASE_URL} when it was set, else this server's
     * own address, known once it listens (tests start on port 0).
     */
    public String publicBaseUrl() {
        String defaulted = "http://localhost:" + config.port();
        return config.publicBaseUrl().equals(defaulted) ? server.baseUrl() : config.publicBaseUrl();
    }

    @Override
    public void close() {
        housekeeping.close();
        messageExpiry.close();
        smsDispatcher.close();
        jobs.close();
        server.close();
        if (onfonSimulator != null) {
            onfonSimulator.close();
        }
        if (darajaSimulator != null) {
            darajaSimulator.close();
        }
        platform.close();
    }
}
