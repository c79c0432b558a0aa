package io.jumbe.sdk;

import io.jumbe.sdk.account.AccountService;
import io.jumbe.sdk.analytics.AnalyticsService;
import io.jumbe.sdk.sandbox.SandboxService;
import io.jumbe.sdk.campaigns.CampaignsService;
import io.jumbe.sdk.contacts.ContactsService;
import io.jumbe.sdk.contacts.GroupsService;
import io.jumbe.sdk.contacts.OptOutsService;
import io.jumbe.sdk.internal.ApiCalls;
import io.jumbe.sdk.internal.Json;
import io.jumbe.sdk.sms.SmsService;
import io.jumbe.sdk.messages.MessagesService;
import io.jumbe.sdk.whatsapp.WhatsAppService;
import io.jumbe.sdk.wallet.WalletService;
import io.jumbe.sdk.webhooks.WebhooksService;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Properties;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * The entry point: one client per API key, built once and shared by every thread.
 *
 * <pre>{@code
 * JumbeClient client = JumbeClient.builder()
 *         .apiKey("sk_live_...")
 *         .clientId(2)
 *         .baseUrl("https://api.example.com")
 *         .build();
 * SmsSendResult sent = client.sms().send(SendSmsParams.builder()
 *         .recipient("0712345678").message("Your appointment is at 10:00").build());
 * }</pre>
 *
 * <p>Immutable and thread-safe. Every call may throw a subclass of {@link io.jumbe.sdk.errors.JumbeException}.
 */
public final class JumbeClient {
    /** The default number of retries after a failed attempt. */
    public static final int DEFAULT_MAX_RETRIES = 2;

    private final long clientId;
    private final HttpUrl baseUrl;
    private final SmsService sms;
    private final MessagesService messages;
    private final WhatsAppService whatsapp;
    private final WalletService wallet;
    private final WebhooksService webhooks;
    private final AccountService account;
    private final AnalyticsService analytics;
    private final SandboxService sandbox;
    private final boolean testMode;
    private final ContactsService contacts;
    private final GroupsService groups;
    private final OptOutsService optOuts;
    private final CampaignsService campaigns;

    private JumbeClient(Builder b, ApiCalls calls) {
        this.clientId = b.clientId;
        this.baseUrl = b.baseUrl;
        this.sms = new SmsService(calls);
        this.messages = new MessagesService(calls);
        this.whatsapp = new WhatsAppService(calls);
        this.wallet = new WalletService(calls);
        this.webhooks = new WebhooksService(calls);
        this.account = new AccountService(calls);
        this.analytics = new AnalyticsService(calls);
        this.sandbox = new SandboxService(calls);
        this.testMode = b.apiKey.trim().startsWith("sk_test_");
        this.contacts = new ContactsService(calls);
        this.groups = new GroupsService(calls);
        this.optOuts = new OptOutsService(calls);
        this.campaigns = new CampaignsService(calls);
    }

    /**
     * Starts building a client.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Sending SMS, quotes, status, history, statistics and cancelling.
     *
     * @return the SMS service
     */
    public SmsService sms() {
        return sms;
    }

    /**
     * Messages of both channels: send SMS or WhatsApp through one endpoint, follow, list, and read replies.
     *
     * @return the messages service
     */
    public MessagesService messages() {
        return messages;
    }

    /**
     * WhatsApp's templates.
     *
     * @return the WhatsApp service
     */
    public WhatsAppService whatsapp() {
        return whatsapp;
    }

    /**
     * Balance, M-Pesa top-ups, manual top-ups and the transaction journal.
     *
     * @return the wallet service
     */
    public WalletService wallet() {
        return wallet;
    }

    /**
     * Webhook configuration, secret rotation, test sends and the delivery log.
     *
     * @return the webhooks service
     */
    public WebhooksService webhooks() {
        return webhooks;
    }

    /**
     * The account view: balance and this month's statistics.
     *
     * @return the account service
     */
    public AccountService account() {
        return account;
    }

    /**
     * Usage analytics: today and this month, and a daily series (days in the platform's time zone).
     *
     * @return the analytics service
     */
    public AnalyticsService analytics() {
        return analytics;
    }

    /**
     * Test mode's reset; only a client built with a test key ({@link #isTestMode()}) may call it.
     *
     * @return the sandbox service
     */
    public SandboxService sandbox() {
        return sandbox;
    }

    /**
     * Whether this client was built with a test key ({@code sk_test_…}): it then acts on the account's test mode
     * (its own wallet and data, simulated upstreams only).
     *
     * @return true for a test key
     */
    public boolean isTestMode() {
        return testMode;
    }

    /**
     * The phone book: contacts, CSV import and export.
     *
     * @return the contacts service
     */
    public ContactsService contacts() {
        return contacts;
    }

    /**
     * Groups of contacts.
     *
     * @return the groups service
     */
    public GroupsService groups() {
        return groups;
    }

    /**
     * Numbers that opted out of this account's messages.
     *
     * @return the opt-outs service
     */
    public OptOutsService optOuts() {
        return optOuts;
    }

    /**
     * Personalised campaigns.
     *
     * @return the campaigns service
     */
    public CampaignsService campaigns() {
        return campaigns;
    }

    /**
     * The tenant id this client calls as.
     *
     * @return the {@code client_id}
     */
    public long clientId() {
        return clientId;
    }

    /**
     * The API origin this client calls.
     *
     * @return the base URL
     */
    public String baseUrl() {
        return baseUrl.toString();
    }

    /**
     * The SDK's version, as sent in its {@code User-Agent}.
     *
     * @return the version, for example {@code 0.1.0}
     */
    public static String version() {
        Properties p = new Properties();
        try (InputStream in = JumbeClient.class.getResourceAsStream("sdk.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        return p.getProperty("version", "unknown");
    }

    @Override
    public String toString() {
        return "JumbeClient[baseUrl=" + baseUrl + ", clientId=" + clientId + "]";
    }

    /**
     * Collects the client's settings. Not thread-safe; {@link #build()} returns an immutable client.
     */
    public static final class Builder {
        private String apiKey;
        private long clientId;
        private boolean clientIdSet;
        private HttpUrl baseUrl;
        private Duration connectTimeout;
        private Duration readTimeout;
        private int maxRetries = DEFAULT_MAX_RETRIES;
        private Duration initialRetryDelay = Duration.ofMillis(500);
        private Duration maxRetryDelay = Duration.ofSeconds(8);
        private Duration maxRetryAfter = Duration.ofSeconds(60);
        private OkHttpClient httpClient;
        private boolean logging;
        private Sleeper sleeper = Sleeper.threadSleep();
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /**
         * The API key, {@code sk_live_…} or {@code sk_test_…}. Required. Sent as {@code X-API-Key}; never logged.
         *
         * @param apiKey the key
         * @return this builder
         */
        public Builder apiKey(String apiKey) {
            this.apiKey = apiKey;
            return this;
        }

        /**
         * The tenant's numeric id, the {@code {client_id}} in {@code /api/{client_id}/…}. Required.
         *
         * @param clientId a positive id
         * @return this builder
         */
        public Builder clientId(long clientId) {
            this.clientId = clientId;
            this.clientIdSet = true;
            return this;
        }

        /**
         * The API origin, for example {@code https://api.example.com} or {@code http://127.0.0.1:8080}. Required.
         *
         * @param baseUrl an http or https URL; a path prefix is kept
         * @return this builder
         * @throws IllegalArgumentException when the URL does not parse
         */
        public Builder baseUrl(String baseUrl) {
            Objects.requireNonNull(baseUrl, "baseUrl");
            HttpUrl parsed = HttpUrl.parse(baseUrl.trim());
            if (parsed == null) {
                throw new IllegalArgumentException("baseUrl is not an http(s) URL: " + baseUrl);
            }
            this.baseUrl = parsed;
            return this;
        }

        /**
         * Connect timeout. Default 10 s (or the custom client's own).
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connectTimeout");
            return this;
        }

        /**
         * Read timeout. Default 30 s (or the custom client's own).
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = positive(timeout, "readTimeout");
            return this;
        }

        /**
         * Retries after a failed attempt (connection failure, 409, 429 or 5xx). Default 2; 0 turns retries off.
         *
         * @param maxRetries zero or more
         * @return this builder
         */
        public Builder maxRetries(int maxRetries) {
            if (maxRetries < 0) {
                throw new IllegalArgumentException("maxRetries must be >= 0");
            }
            this.maxRetries = maxRetries;
            return this;
        }

        /**
         * The first backoff delay; each retry doubles it (up to {@link #maxRetryDelay(Duration)}) and jitter
         * picks between half and all of it. Default 500 ms.
         *
         * @param delay a positive duration
         * @return this builder
         */
        public Builder initialRetryDelay(Duration delay) {
            this.initialRetryDelay = positive(delay, "initialRetryDelay");
            return this;
        }

        /**
         * The largest backoff delay. Default 8 s.
         *
         * @param delay a positive duration
         * @return this builder
         */
        public Builder maxRetryDelay(Duration delay) {
            this.maxRetryDelay = positive(delay, "maxRetryDelay");
            return this;
        }

        /**
         * The longest {@code Retry-After} the SDK waits for on a 429 or 503; a longer one is thrown to the caller
         * at once. Default 60 s.
         *
         * @param limit a positive duration
         * @return this builder
         */
        public Builder maxRetryAfter(Duration limit) {
            this.maxRetryAfter = positive(limit, "maxRetryAfter");
            return this;
        }

        /**
         * A custom OkHttp client (for proxies, TLS, interceptors, a shared pool). The SDK derives its own client
         * from it with OkHttp's retries turned off, so retries happen in one layer only.
         *
         * @param httpClient the client to derive from
         * @return this builder
         */
        public Builder httpClient(OkHttpClient httpClient) {
            this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
            return this;
        }

        /**
         * Logs one line per attempt (method, path, status, milliseconds, request id) to the
         * {@code java.util.logging} logger {@code io.jumbe.sdk}. Off by default; never logs the key or bodies.
         *
         * @param logging whether to log
         * @return this builder
         */
        public Builder logging(boolean logging) {
            this.logging = logging;
            return this;
        }

        /**
         * How the SDK waits between retries and polls. Tests pass one that returns at once.
         *
         * @param sleeper the sleeper
         * @return this builder
         */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /**
         * The clock used to read {@code Retry-After} dates. Default the system UTC clock.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Builds the client.
         *
         * @return an immutable, thread-safe client
         * @throws IllegalStateException when the API key, client id or base URL is missing or invalid
         */
        public JumbeClient build() {
            if (apiKey == null || apiKey.isBlank()) {
                throw new IllegalStateException("apiKey is required");
            }
            if (!clientIdSet || clientId <= 0) {
                throw new IllegalStateException("clientId is required and must be positive");
            }
            if (baseUrl == null) {
                throw new IllegalStateException("baseUrl is required");
            }
            OkHttpClient.Builder http = httpClient != null ? httpClient.newBuilder()
                    : new OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(10)).readTimeout(Duration.ofSeconds(30));
            if (connectTimeout != null) {
                http.connectTimeout(connectTimeout);
            }
            if (readTimeout != null) {
                http.readTimeout(readTimeout);
            }
            ApiCalls calls = new ApiCalls(new ApiCalls.Settings(http.build(), Json.moshi(),
                    baseUrl, clientId, apiKey.trim(), maxRetries, initialRetryDelay, maxRetryDelay, maxRetryAfter,
                    sleeper, clock, logging, "jumbe-java/" + version()));
            return new JumbeClient(this, calls);
        }

        private static Duration positive(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive");
            }
            return d;
        }
    }
}
