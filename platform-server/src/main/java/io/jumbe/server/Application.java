package io.jumbe.server;

import io.javalin.config.JavalinConfig;
import io.jumbe.core.Jumbe;
import io.jumbe.core.common.OutboundHttp;
import io.jumbe.core.config.JumbeConfig;
import io.jumbe.core.sms.MessageExpiry;
import io.jumbe.core.sms.SmsDispatcher;
import io.jumbe.core.sms.SmsTuning;
import io.jumbe.core.secrets.SecretBox;
import io.jumbe.core.store.Database;
import io.jumbe.docs.Deprecations;
import io.jumbe.docs.DocsResources;
import io.jumbe.server.account.AccountHandlers;
import io.jumbe.server.analytics.AnalyticsHandlers;
import io.jumbe.server.sandbox.SandboxHandlers;
import io.jumbe.server.campaigns.CampaignHandlers;
import io.jumbe.server.contacts.ContactHandlers;
import io.jumbe.server.docs.DeprecationHeaders;
import io.jumbe.server.docs.DocsHandlers;
import io.jumbe.server.http.HttpMetrics;
import io.jumbe.server.http.Idempotency;
import io.jumbe.server.http.LargeBodies;
import io.jumbe.server.http.RouteGroup;
import io.jumbe.server.notify.NotificationHandlers;
import io.jumbe.server.payments.CallbackSources;
import io.jumbe.server.signup.SignupHandlers;
import io.jumbe.server.payments.MpesaCallbackHandlers;
import io.jumbe.server.simulator.daraja.DarajaSimulator;
import io.jumbe.server.simulator.onfon.OnfonSimulator;
import io.jumbe.server.simulator.whatsapp.WhatsAppSimulator;
import io.jumbe.server.whatsapp.MessagesHandlers;
import io.jumbe.server.whatsapp.MetaWebhookHandlers;
import io.jumbe.server.sms.DeliveryReportHandlers;
import io.jumbe.server.sms.SmsHandlers;
import io.jumbe.server.wallet.WalletHandlers;
import io.jumbe.server.webhooks.WebhookHandlers;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The composition root of the server: builds the core (with its workers) over a database through
 * {@link Jumbe#builder()}, mounts the upstreams' simulators and points the core's clients at them, and puts the HTTP
 * face over the core, by hand and in one place. Tests start it on port 0 over a test database; {@code jumbe serve}
 * over the configured one.
 */
public final class Application implements AutoCloseable {
    /** Where the built-in Daraja simulator is mounted when {@code MPESA_ENV=simulator}. */
    public static final String DARAJA_SIMULATOR_PATH = "/simulators/daraja";
    private static final String MPESA_HOOKS = "/api/webhooks/mpesa";

    private final JumbeConfig config;
    private final Jumbe platform;
    private final JumbeServer server;
    private final DarajaSimulator darajaSimulator;
    private final OnfonSimulator onfonSimulator;
    private final OnfonSimulator testOnfonSimulator;
    private final DarajaSimulator testDarajaSimulator;
    private final WhatsAppSimulator whatsappSimulator;
    private final WhatsAppSimulator testWhatsappSimulator;

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
        // SMS: the built-in Onfon simulator when no account is configured
        JumbeConfig.Onfon onfon = config.onfon();
        this.onfonSimulator = onfon.simulated() ? new OnfonSimulator(OnfonSimulator.DEFAULT_MOUNT_PREFIX,
                onfon.accessKey(), onfon.apiKey(), onfon.clientId(), smsTuning.simulatorDlrDelay(),
                // its delivery reports go to our own callback, which dedupes them: any request may be resent
                OutboundHttp.builder(OutboundHttp.Resend.ANY_REQUEST).build(), smsTuning.simulatorHistory()) : null;
        // Test mode (sk_test_ keys) always has simulators, even beside real accounts: the live ones when those are
        // simulated, else its own, mounted at the same paths (free, as the live ones are not mounted then).
        this.testOnfonSimulator = onfonSimulator != null ? onfonSimulator
                : new OnfonSimulator(OnfonSimulator.DEFAULT_MOUNT_PREFIX, smsTuning.simulatorDlrDelay());
        this.testDarajaSimulator = darajaSimulator != null ? darajaSimulator : new DarajaSimulator(darajaSettings);
        // WhatsApp: the built-in Graph API simulator when no Cloud API account is configured
        JumbeConfig.WhatsApp wa = config.whatsapp();
        this.whatsappSimulator = wa.simulated() ? new WhatsAppSimulator(WhatsAppSimulator.DEFAULT_MOUNT_PREFIX,
                wa.apiVersion(), wa.accessToken(), wa.phoneNumberId(), wa.businessAccountId(), wa.appSecret(),
                smsTuning.simulatorDlrDelay()) : null;
        // test mode's own, beside a real account: it signs its webhooks with the app secret, so that Meta's webhook
        // endpoint accepts them, and holds no real access token
        this.testWhatsappSimulator = whatsappSimulator != null ? whatsappSimulator
                : new WhatsAppSimulator(WhatsAppSimulator.DEFAULT_MOUNT_PREFIX, wa.apiVersion(),
                "test-mode-simulator-token", wa.phoneNumberId(), wa.businessAccountId(), wa.appSecret(),
                smsTuning.simulatorDlrDelay());
        // The real clients, pointed at the simulators mounted here; their address is known only once the server
        // listens. The Daraja simulator is called on our own local address, whatever PUBLIC_BASE_URL says.
        Jumbe.Builder builder = Jumbe.builder().database(database).clock(clock).config(config).smsTuning(smsTuning)
                .secrets(SecretBox.load(config))
                .publicBaseUrl(this::publicBaseUrl);
        if (onfonSimulator != null) {
            builder.onfon(() -> onfonSimulator.clientConfig(baseUrl()));
        }
        if (whatsappSimulator != null) {
            builder.whatsapp(() -> whatsappSimulator.clientConfig(baseUrl()));
        }
        if (darajaSimulator != null) {
            builder.daraja((callbackUrl, timeoutUrl) -> darajaSimulator.clientConfig(
                    baseUrl() + DARAJA_SIMULATOR_PATH, callbackUrl, timeoutUrl));
        }
        builder.testOnfon(() -> testOnfonSimulator.clientConfig(baseUrl()));
        builder.testWhatsapp(() -> testWhatsappSimulator.clientConfig(baseUrl()));
        builder.testDaraja((callbackUrl, timeoutUrl) -> testDarajaSimulator.clientConfig(
                baseUrl() + DARAJA_SIMULATOR_PATH, callbackUrl, timeoutUrl));
        this.platform = builder.build();
        Idempotency idempotency = new Idempotency(platform.idempotency());
        HttpMetrics metrics = new HttpMetrics(platform.jobs());

        List<RouteGroup> groups = new ArrayList<>();
        List<Consumer<JavalinConfig>> mounts = new ArrayList<>();
        groups.add(new AccountHandlers(platform.wallet(), platform.tenants(), platform.whatsapp()));
        // one admission for large bodies, whichever endpoint they come to
        LargeBodies largeBodies = new LargeBodies(config.limits().bulkMaxConcurrent());
        groups.add(new SmsHandlers(platform.sms(), idempotency, largeBodies));
        groups.add(new DeliveryReportHandlers(platform.deliveryReports(), platform::onfonDlrToken));
        groups.add(new MessagesHandlers(platform.whatsapp(), platform.sms(), idempotency, largeBodies));
        groups.add(new MetaWebhookHandlers(platform.whatsapp().lifecycle(), platform.metaSignature(),
                platform::whatsappVerifyToken));
        groups.add(new WalletHandlers(platform.topups(), platform.wallet().transactions(), idempotency));
        groups.add(new MpesaCallbackHandlers(platform.topups(), platform.mpesaCallbackToken(),
                new CallbackSources(config.mpesa().callbackAllowedIps(), config.trustedProxies())));
        groups.add(new WebhookHandlers(platform.webhooks(), idempotency));
        groups.add(new NotificationHandlers(platform.notifications(), idempotency));
        groups.add(new SignupHandlers(platform.signups(),
                new CallbackSources(List.of(), config.trustedProxies())::clientAddress));
        groups.add(new AnalyticsHandlers(platform.analytics()));
        groups.add(new SandboxHandlers(platform.sandbox()));
        groups.add(new ContactHandlers(platform.contacts(), platform.contactImports(), platform.optOuts(), idempotency));
        groups.add(new CampaignHandlers(platform.campaigns(), idempotency));
        DocsResources docs = new DocsResources();
        groups.add(new DocsHandlers(docs, this::publicBaseUrl));
        groups.add(new DeprecationHeaders(Deprecations.in(docs)));

        if (onfonSimulator != null) {
            onfonSimulator.dlrUrl(() -> publicBaseUrl() + DeliveryReportHandlers.PATH + platform.onfonDlrToken());
            mounts.add(onfonSimulator::addRoutes);
        }
        if (whatsappSimulator != null) {
            whatsappSimulator.webhookUrl(() -> publicBaseUrl() + MetaWebhookHandlers.PATH);
            mounts.add(whatsappSimulator::addRoutes);
        }
        if (darajaSimulator != null) {
            // it calls back nothing but our own STK endpoints, whatever CallBackURL a caller names
            darajaSimulator.callbackUrls(this::isOwnMpesaHook);
            mounts.add(darajaSimulator::addRoutes);
        }
        if (testWhatsappSimulator != whatsappSimulator) {
            testWhatsappSimulator.webhookUrl(() -> publicBaseUrl() + MetaWebhookHandlers.PATH);
            mounts.add(testWhatsappSimulator::addRoutes);
        }
        if (testOnfonSimulator != onfonSimulator) {
            testOnfonSimulator.dlrUrl(() -> publicBaseUrl() + DeliveryReportHandlers.PATH + platform.onfonDlrToken());
            mounts.add(testOnfonSimulator::addRoutes);
        }
        if (testDarajaSimulator != darajaSimulator) {
            testDarajaSimulator.callbackUrls(this::isOwnMpesaHook);
            mounts.add(testDarajaSimulator::addRoutes);
        }
        SmsDispatcher smsDispatcher = platform.smsDispatcher();
        Gauge.builder("onfon_dispatch_paused", smsDispatcher, d -> d.paused() ? 1 : 0)
                .description("1 while SMS dispatch is paused because Onfon refused our account (021, keys)")
                .register(metrics.registry());
        FunctionCounter.builder("onfon_dispatch_pauses_total", smsDispatcher, SmsDispatcher::upstreamPauses)
                .description("Times SMS dispatch was paused by an upstream account refusal")
                .register(metrics.registry());

        this.server = new JumbeServer(platform, metrics, groups, mounts, config.rateLimits(),
                config.security().metricsToken(), config.trustedProxies(), config.limits());
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
        platform.start();
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

    /** The Onfon simulator test mode sends to (the live one when SMS are simulated anyway). */
    public OnfonSimulator testOnfonSimulator() {
        return testOnfonSimulator;
    }

    /** The Daraja simulator test mode's top-ups go to (the live one when M-Pesa is simulated anyway). */
    public DarajaSimulator testDarajaSimulator() {
        return testDarajaSimulator;
    }

    /** The WhatsApp simulator test mode sends to (the live one when WhatsApp is simulated anyway). */
    public WhatsAppSimulator testWhatsappSimulator() {
        return testWhatsappSimulator;
    }

    /** The built-in WhatsApp (Graph API) simulator, present when no Cloud API account is configured. */
    public Optional<WhatsAppSimulator> whatsappSimulator() {
        return Optional.ofNullable(whatsappSimulator);
    }

    public SmsDispatcher smsDispatcher() {
        return platform.smsDispatcher();
    }

    public MessageExpiry messageExpiry() {
        return platform.messageExpiry();
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
        platform.stop();
        server.close();
        if (onfonSimulator != null) {
            onfonSimulator.close();
        }
        if (darajaSimulator != null) {
            darajaSimulator.close();
        }
        if (testOnfonSimulator != onfonSimulator) {
            testOnfonSimulator.close();
        }
        if (testDarajaSimulator != darajaSimulator) {
            testDarajaSimulator.close();
        }
        if (whatsappSimulator != null) {
            whatsappSimulator.close();
        }
        if (testWhatsappSimulator != whatsappSimulator) {
            testWhatsappSimulator.close();
        }
        platform.close();
    }
}
