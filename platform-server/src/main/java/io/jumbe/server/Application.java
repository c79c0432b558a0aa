package io.jumbe.server;

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
import io.jumbe.core.store.Database;
import io.jumbe.server.account.AccountHandlers;
import io.jumbe.server.http.Idempotency;
import io.jumbe.server.payments.CallbackSources;
import io.jumbe.server.payments.LazyPaymentGateway;
import io.jumbe.server.payments.MpesaCallbackHandlers;
import io.jumbe.server.simulator.daraja.DarajaSimulator;
import io.jumbe.server.wallet.WalletHandlers;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import io.jumbe.server.http.HttpMetrics;
import io.jumbe.server.http.RouteGroup;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import io.javalin.config.JavalinConfig;

/**
 * The composition root: builds the core over a database, the HTTP face over the core, and the job workers, by
 * hand and in one place. Tests start it on port 0 over a test database; {@code jumbe serve} over the configured one.
 */
public final class Application implements AutoCloseable {
    private final JumbeConfig config;
    private final Jumbe platform;
    private final JumbeServer server;
    private final JobRunner jobs;
    private final Housekeeping housekeeping;
    private final DarajaSimulator darajaSimulator;

    public Application(JumbeConfig config, Database database, Clock clock) {
        this(config, database, clock, DarajaSimulator.Settings.defaults(DARAJA_SIMULATOR_PATH));
    }

    /** @param darajaSettings how the built-in Daraja simulator behaves when {@code MPESA_ENV=simulator} */
    public Application(JumbeConfig config, Database database, Clock clock, DarajaSimulator.Settings darajaSettings) {
        this.config = config;
        this.darajaSimulator = config.mpesa().simulated() ? new DarajaSimulator(darajaSettings) : null;
        AtomicReference<String> callbackToken = new AtomicReference<>();
        PaymentGateway gateway = new LazyPaymentGateway(() -> darajaClient(callbackToken.get(), clock));
        this.platform = Jumbe.builder().database(database).clock(clock).paymentGateway(gateway)
                .topupSettings(TopupSettings.from(config)).build();
        callbackToken.set(platform.settings().secretToken("MPESA_CALLBACK_TOKEN", config.mpesa().callbackToken()));
        HttpMetrics metrics = new HttpMetrics(platform.jobs());
        List<RouteGroup> groups = new ArrayList<>();
        groups.add(new AccountHandlers(platform.wallet()));
        groups.add(new WalletHandlers(platform.topups(), platform.wallet().transactions(),
                new Idempotency(platform.idempotency())));
        groups.add(new MpesaCallbackHandlers(platform.topups(), callbackToken.get(),
                new CallbackSources(config.mpesa().callbackAllowedIps(), config.trustedProxies())));
        List<Consumer<JavalinConfig>> mounts = new ArrayList<>();
        if (darajaSimulator != null) {
            mounts.add(darajaSimulator::addRoutes);
        }
        this.server = new JumbeServer(platform, metrics, groups, mounts, config.rateLimits());
        String workerId = "worker-" + UUID.randomUUID().toString().substring(0, 8);
        List<JobRunner.QueueSpec> queues = new ArrayList<>();
        queues.add(new JobRunner.QueueSpec(TopupService.QUEUE,
                Map.of(TopupService.RECONCILE_KIND, platform.topups().reconciler()), 4, Duration.ofMinutes(2),
                Duration.ofSeconds(1), Backoff.standard()));
        this.jobs = new JobRunner(platform.jobs(), clock, workerId, queues);
        this.housekeeping = new Housekeeping(platform);
    }

    /** Where the built-in Daraja simulator is mounted when {@code MPESA_ENV=simulator}. */
    public static final String DARAJA_SIMULATOR_PATH = "/simulators/daraja";

    // Built on first use: the callback URL holds our public address, known only once the server listens. The
    // simulator is called on our own local address, which works whatever PUBLIC_BASE_URL says.
    private PaymentGateway darajaClient(String callbackToken, Clock clock) {
        String hooks = publicBaseUrl() + "/api/webhooks/mpesa";
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

    /** The built-in Daraja simulator, when {@code MPESA_ENV=simulator}. */
    public Optional<DarajaSimulator> darajaSimulator() {
        return Optional.ofNullable(darajaSimulator);
    }

    /** Starts serving on the port given (0 picks a free one), then the workers. */
    public Application start(int port) {
        server.start(port);
        jobs.start();
        housekeeping.start();
        return this;
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
        jobs.close();
        server.close();
        if (darajaSimulator != null) {
            darajaSimulator.close();
        }
        platform.close();
    }
}
