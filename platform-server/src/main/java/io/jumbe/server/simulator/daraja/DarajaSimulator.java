package io.jumbe.server.simulator.daraja;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.jumbe.core.common.Json;
import io.jumbe.core.common.OutboundHttp;
import io.jumbe.core.payments.mpesa.DarajaConfig;
import io.jumbe.core.payments.mpesa.DarajaPassword;
import io.jumbe.core.payments.mpesa.DarajaTransactionType;
import io.jumbe.core.payments.mpesa.MpesaEnvironment;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Safaricom Daraja's OAuth, STK Push and STK Query over HTTP, for the embedded default and for tests. It checks
 * what Daraja checks (Basic credentials, bearer token, {@code Password}, required fields) and answers with
 * Daraja's shapes. After {@link Settings#callbackDelay()} it POSTs an official-shaped {@code Body.stkCallback}
 * to the push's {@code CallBackURL}; the outcome follows the phone number's last digits:
 * <ul>
 *   <li>{@code …0001}: cancelled by user (1032)</li>
 *   <li>{@code …0002}: user cannot be reached (1037)</li>
 *   <li>{@code …0003}: wrong PIN (2001)</li>
 *   <li>{@code …0004}: insufficient M-Pesa balance (1)</li>
 *   <li>{@code …0005}: no callback ever; STK Query answers "being processed" for
 *       {@link Settings#lostCallbackPendingFor()}, then {@link Settings#lostCallbackResultCode()}</li>
 *   <li>{@code …0009}: the push itself is refused, as Daraja refuses a subscriber it cannot lock: HTTP 500
 *       {@code 500.001.1001} and no push, no callback</li>
 *   <li>anything else: paid (0) with a receipt such as {@code TJK4H7Q2LM}</li>
 * </ul>
 * Mount it inside an app with {@link #addRoutes(JavalinConfig)}, or run it alone with {@link #start(int, Settings)}.
 * Close it to stop its callback threads.
 */
public final class DarajaSimulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DarajaSimulator.class);
    private static final ZoneId NAIROBI = ZoneId.of("Africa/Nairobi");
    private static final DateTimeFormatter DARAJA_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(NAIROBI);
    private static final DateTimeFormatter CHECKOUT_TIME =
            DateTimeFormatter.ofPattern("ddMMyyyyHHmmssSSS").withZone(NAIROBI);
    private static final MediaType JSON_TYPE = MediaType.get("application/json");
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final String BEING_PROCESSED = "The transaction is being processed";
    /** Phone numbers ending so get the push request itself refused, with Daraja's error body. */
    private static final String REFUSED_PUSH_SUFFIX = "0009";
    private static final String SUBSCRIBER_LOCKED =
            "Unable to lock subscriber, a transaction is already in process for the current subscriber";
    /** Pushes kept for STK Query and the test hooks; beyond it the oldest is forgotten. */
    public static final int MAX_PUSHES = io.jumbe.server.simulator.RecentItems.DEFAULT_CAPACITY;
    /** Live tokens kept; beyond it the one closest to expiry is dropped. */
    static final int MAX_TOKENS = 1_000;

    /**
     * How the simulator behaves.
     *
     * @param pathPrefix             where its routes live, e.g. {@code /simulators/daraja}, or {@code ""}
     * @param consumerKey            the consumer key it accepts
     * @param consumerSecret         the consumer secret it accepts
     * @param passkey                the passkey {@code Password} must be made with
     * @param tokenLifetime          {@code expires_in} of the tokens it issues
     * @param callbackDelay          how long the "customer" takes before the callback is sent
     * @param lostCallbackPendingFor how long STK Query says "being processed" for a {@code …0005} push
     * @param lostCallbackResultCode the final result of a {@code …0005} push (0 = paid, callback lost)
     */
    public record Settings(
            String pathPrefix,
            String consumerKey,
            String consumerSecret,
            String passkey,
            Duration tokenLifetime,
            Duration callbackDelay,
            Duration lostCallbackPendingFor,
            int lostCallbackResultCode) {

        /** Key of {@link #defaults(String)}. */
        public static final String DEFAULT_CONSUMER_KEY = "jumbe-simulator-key";
        /** Secret of {@link #defaults(String)}. */
        public static final String DEFAULT_CONSUMER_SECRET = "jumbe-simulator-secret";

        /** Normalises the prefix ({@code "/x/"} → {@code "/x"}) and checks the durations. */
        public Settings {
            pathPrefix = pathPrefix == null ? "" : pathPrefix.strip();
            if (!pathPrefix.isEmpty() && !pathPrefix.startsWith("/")) {
                pathPrefix = "/" + pathPrefix;
            }
            if (pathPrefix.endsWith("/")) {
                pathPrefix = pathPrefix.substring(0, pathPrefix.length() - 1);
            }
            Objects.requireNonNull(consumerKey, "consumerKey");
            Objects.requireNonNull(consumerSecret, "consumerSecret");
            Objects.requireNonNull(passkey, "passkey");
            if (tokenLifetime.isNegative() || tokenLifetime.isZero() || callbackDelay.isNegative()
                    || lostCallbackPendingFor.isNegative()) {
                throw new IllegalArgumentException("simulator durations must not be negative");
            }
        }

        /**
         * Defaults: {@link #DEFAULT_CONSUMER_KEY}/{@link #DEFAULT_CONSUMER_SECRET}, Safaricom's sandbox passkey
         * (any shortcode is accepted), 3599 s tokens, callbacks after 2 s, a lost callback pending for 90 s and
         * then paid.
         */
        public static Settings defaults(String pathPrefix) {
            return new Settings(pathPrefix, DEFAULT_CONSUMER_KEY, DEFAULT_CONSUMER_SECRET, DarajaConfig.SANDBOX_PASSKEY,
                    Duration.ofSeconds(3599), Duration.ofSeconds(2), Duration.ofSeconds(90), 0);
        }

        /** These settings with another callback delay. */
        public Settings withCallbackDelay(Duration delay) {
            return new Settings(pathPrefix, consumerKey, consumerSecret, passkey, tokenLifetime, delay,
                    lostCallbackPendingFor, lostCallbackResultCode);
        }

        /** These settings with another "being processed" period and final result for {@code …0005}. */
        public Settings withLostCallback(Duration pendingFor, int resultCode) {
            return new Settings(pathPrefix, consumerKey, consumerSecret, passkey, tokenLifetime, callbackDelay,
                    pendingFor, resultCode);
        }

        /** These settings with another token lifetime. */
        public Settings withTokenLifetime(Duration lifetime) {
            return new Settings(pathPrefix, consumerKey, consumerSecret, passkey, lifetime, callbackDelay,
                    lostCallbackPendingFor, lostCallbackResultCode);
        }

        @Override
        public String toString() {
            return "Settings[pathPrefix=" + pathPrefix + ", callbackDelay=" + callbackDelay
                    + ", lostCallbackPendingFor=" + lostCallbackPendingFor + ", secrets=<redacted>]";
        }
    }

    /** A simulator running alone on its own port; closing it stops the server and the simulator. */
    public static final class Running implements AutoCloseable {
        private final Javalin app;
        private final DarajaSimulator simulator;

        private Running(Javalin app, DarajaSimulator simulator) {
            this.app = app;
            this.simulator = simulator;
        }

        /** {@code http://127.0.0.1:PORT} plus the path prefix: the Daraja base URL to configure a client with. */
        public String baseUrl() {
            return "http://127.0.0.1:" + app.port() + simulator.settings.pathPrefix();
        }

        /** The port it listens on. */
        public int port() {
            return app.port();
        }

        /** A client config for this running simulator. @see DarajaSimulator#clientConfig(String, String, String) */
        public DarajaConfig clientConfig(String callbackUrl) {
            return simulator.clientConfig(baseUrl(), callbackUrl, null);
        }

        /** The simulator, for its test hooks. */
        public DarajaSimulator simulator() {
            return simulator;
        }

        @Override
        public void close() {
            app.stop();
            simulator.close();
        }
    }

    private final Settings settings;
    private final int maxPushes;
    private final OkHttpClient http;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper(Json.newFactory());
    private final SecureRandom random = new SecureRandom();
    private final ScheduledExecutorService scheduler;
    private final Map<String, Instant> tokens = new ConcurrentHashMap<>();
    private final Map<String, SimulatedPush> pushes = new ConcurrentHashMap<>();
    // acceptance order, so that the oldest push is dropped once MAX_PUSHES are kept
    private final java.util.Queue<String> pushOrder = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private volatile java.util.function.Predicate<String> callbackAllowed = url -> true;
    private final Set<String> receipts = ConcurrentHashMap.newKeySet();
    private final AtomicInteger callbackCopies = new AtomicInteger(1);
    private final AtomicLong amountOverrideCents = new AtomicLong(-1);
    private final AtomicBoolean callbackBeforeAnswer = new AtomicBoolean();

    /** A simulator with its own HTTP client for callbacks and the system clock. */
    public DarajaSimulator(Settings settings) {
        // Callbacks may be resent after a stale connection: the platform dedupes them by CheckoutRequestID.
        this(settings, OutboundHttp.builder(OutboundHttp.Resend.ANY_REQUEST).callTimeout(Duration.ofSeconds(15)).build(),
                Clock.systemUTC());
    }

    /**
     * @param settings behaviour
     * @param http     client used to POST callbacks
     * @param clock    source of timestamps, token expiry and "being processed" periods
     */
    public DarajaSimulator(Settings settings, OkHttpClient http, Clock clock) {
        this(settings, http, clock, MAX_PUSHES);
    }

    /**
     * @param settings  behaviour
     * @param http      client used to POST callbacks
     * @param clock     source of timestamps, token expiry and "being processed" periods
     * @param maxPushes pushes kept at most; the oldest is forgotten beyond it
     */
    public DarajaSimulator(Settings settings, OkHttpClient http, Clock clock, int maxPushes) {
        if (maxPushes < 1) {
            throw new IllegalArgumentException("maxPushes must be at least 1");
        }
        this.maxPushes = maxPushes;
        this.settings = Objects.requireNonNull(settings, "settings");
        this.http = Objects.requireNonNull(http, "http");
        this.clock = Objects.requireNonNull(clock, "clock");
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(4, runnable -> {
            Thread thread = new Thread(runnable, "daraja-simulator-callback");
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        this.scheduler = executor;
    }

    /**
     * Starts a simulator alone on {@code 127.0.0.1:port} (0 picks a free port).
     *
     * @return the running server; close it when done
     */
    public static Running start(int port, Settings settings) {
        DarajaSimulator simulator = new DarajaSimulator(settings);
        try {
            Javalin app = Javalin.create(simulator::addRoutes).start("127.0.0.1", port);
            return new Running(app, simulator);
        } catch (RuntimeException e) {
            simulator.close();
            throw e;
        }
    }

    /** The settings in force. */
    public Settings settings() {
        return settings;
    }

    /** Shortcode the helper configs use: Safaricom's sandbox paybill (the simulator accepts any shortcode). */
    public static final String SHORTCODE = DarajaConfig.SANDBOX_SHORTCODE;

    /**
     * A client config that this simulator accepts: its credentials and passkey, shortcode {@link #SHORTCODE},
     * paybill.
     *
     * @param baseUrl     where this simulator is reachable, including the path prefix
     * @param callbackUrl our STK callback endpoint
     * @param timeoutUrl  our timeout endpoint, or null
     */
    public DarajaConfig clientConfig(String baseUrl, String callbackUrl, String timeoutUrl) {
        return DarajaConfig.forEnvironment(MpesaEnvironment.SIMULATOR, baseUrl, settings.consumerKey(),
                settings.consumerSecret(), settings.passkey(), SHORTCODE, null,
                DarajaTransactionType.CUSTOMER_PAY_BILL_ONLINE, callbackUrl, timeoutUrl);
    }

    /**
     * Declares the simulator's three routes under the path prefix:
     * {@code GET …/oauth/v1/generate}, {@code POST …/mpesa/stkpush/v1/processrequest},
     * {@code POST …/mpesa/stkpushquery/v1/query}.
     */
    public void addRoutes(JavalinConfig config) {
        String prefix = settings.pathPrefix();
        config.routes.get(prefix + "/oauth/v1/generate", this::issueToken);
        config.routes.post(prefix + "/mpesa/stkpush/v1/processrequest", this::stkPush);
        config.routes.post(prefix + "/mpesa/stkpushquery/v1/query", this::stkQuery);
    }

    // ---------------------------------------------------------------- test hooks

    /** Every callback sent from now on is POSTed {@code copies} times in a row (duplicate-callback tests). */
    public void setCallbackCopies(int copies) {
        if (copies < 1) {
            throw new IllegalArgumentException("copies must be at least 1");
        }
        callbackCopies.set(copies);
    }

    /** Paid callbacks sent from now on carry this {@code Amount} instead of the one asked for; null restores. */
    public void setCallbackAmountOverride(Long amountCents) {
        amountOverrideCents.set(amountCents == null ? -1 : amountCents);
    }

    /**
     * With {@code true}, a push's callback is POSTed (and answered) before the push itself is answered, as Daraja may
     * do under load: the caller has not yet seen the {@code CheckoutRequestID} the callback names.
     */
    public void setCallbackBeforeAnswer(boolean first) {
        callbackBeforeAnswer.set(first);
    }

    /** Makes every issued token invalid, so the next API call gets {@code 404.001.03}. */
    public void invalidateTokens() {
        tokens.clear();
    }

    /**
     * Which {@code CallBackURL}s a push may name: the embedded simulator calls back only the platform's own
     * callback endpoints, so nobody can make it POST to an address of their choosing. Any URL by default (a
     * standalone simulator in tests).
     */
    public void callbackUrls(java.util.function.Predicate<String> allowed) {
        this.callbackAllowed = Objects.requireNonNull(allowed, "allowed");
    }

    /** The push with this {@code CheckoutRequestID}, if the simulator accepted one. */
    public Optional<SimulatedPush> push(String checkoutRequestId) {
        return Optional.ofNullable(pushes.get(checkoutRequestId));
    }

    /** Every accepted push, oldest first. */
    public List<SimulatedPush> pushes() {
        List<SimulatedPush> all = new ArrayList<>(pushes.values());
        all.sort(Comparator.comparing(SimulatedPush::requestedAt));
        return all;
    }

    /**
     * The callback body for a push, exactly as the simulator sends it (with the amount override applied), for
     * tests that POST it themselves.
     *
     * @throws IllegalArgumentException for an unknown id
     */
    public String callbackBody(String checkoutRequestId) {
        return callbackJson(known(checkoutRequestId));
    }

    /**
     * POSTs the push's callback now, {@code copies} times at once from parallel threads, whatever the number's
     * usual behaviour (this also lets a {@code …0005} push's callback arrive late).
     *
     * @return the HTTP status of each POST (0 when it failed to connect)
     * @throws IllegalArgumentException for an unknown id
     */
    public List<Integer> sendCallbackNow(String checkoutRequestId, int copies) {
        SimulatedPush push = known(checkoutRequestId);
        String body = callbackJson(push);
        ExecutorService senders = Executors.newFixedThreadPool(Math.max(1, Math.min(copies, 32)));
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < copies; i++) {
                results.add(senders.submit(() -> post(push.callbackUrl(), body)));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get());
            }
            return statuses;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending callbacks", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("callback sending failed", e.getCause());
        } finally {
            senders.shutdownNow();
        }
    }

    /** Stops the callback threads; callbacks not yet sent are dropped. */
    @Override
    public void close() {
        scheduler.shutdownNow();
    }

    // ---------------------------------------------------------------- OAuth

    private void issueToken(Context ctx) {
        if (!"client_credentials".equals(ctx.queryParam("grant_type"))) {
            error(ctx, 400, "400.008.02", "Invalid grant type passed");
            return;
        }
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            error(ctx, 400, "400.008.01", "Invalid Authentication passed");
            return;
        }
        String expected = Base64.getEncoder().encodeToString(
                (settings.consumerKey() + ":" + settings.consumerSecret()).getBytes(StandardCharsets.UTF_8));
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                header.substring(6).strip().getBytes(StandardCharsets.UTF_8))) {
            error(ctx, 400, "400.008.01", "Invalid Authentication passed");
            return;
        }
        String token = randomText(28, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789");
        Instant now = clock.instant();
        tokens.values().removeIf(expiry -> !now.isBefore(expiry));
        while (tokens.size() >= MAX_TOKENS) {
            tokens.entrySet().stream().min(Map.Entry.comparingByValue())
                    .ifPresent(oldest -> tokens.remove(oldest.getKey()));
        }
        tokens.put(token, now.plus(settings.tokenLifetime()));
        ObjectNode answer = json.createObjectNode();
        answer.put("access_token", token);
        answer.put("expires_in", Long.toString(settings.tokenLifetime().toSeconds()));
        send(ctx, 200, answer);
    }

    private boolean hasValidToken(Context ctx) {
        String header = ctx.header("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            Instant expiry = tokens.get(header.substring(7).strip());
            if (expiry != null && clock.instant().isBefore(expiry)) {
                return true;
            }
        }
        error(ctx, 404, "404.001.03", "Invalid Access Token");
        return false;
    }

    // ---------------------------------------------------------------- STK Push

    private void stkPush(Context ctx) {
        if (!hasValidToken(ctx)) {
            return;
        }
        JsonNode body = jsonBody(ctx);
        if (body == null) {
            return;
        }
        String shortcode = digits(body, "BusinessShortCode");
        if (shortcode == null || shortcode.length() < 5 || shortcode.length() > 7) {
            invalid(ctx, "BusinessShortCode");
            return;
        }
        String timestamp = digits(body, "Timestamp");
        if (timestamp == null || !isDarajaTime(timestamp)) {
            invalid(ctx, "Timestamp");
            return;
        }
        if (!passwordMatches(body, shortcode, timestamp)) {
            error(ctx, 500, "500.001.1001", "Wrong credentials");
            return;
        }
        String type = text(body, "TransactionType");
        if (!"CustomerPayBillOnline".equals(type) && !"CustomerBuyGoodsOnline".equals(type)) {
            invalid(ctx, "TransactionType");
            return;
        }
        String amount = digits(body, "Amount");
        if (amount == null || amount.length() > 9 || Long.parseLong(amount) < 1) {
            invalid(ctx, "Amount");
            return;
        }
        String partyA = digits(body, "PartyA");
        if (partyA == null || !partyA.matches("254[17]\\d{8}")) {
            invalid(ctx, "PartyA");
            return;
        }
        if (digits(body, "PartyB") == null) {
            invalid(ctx, "PartyB");
            return;
        }
        String phone = digits(body, "PhoneNumber");
        if (phone == null || !phone.matches("254[17]\\d{8}")) {
            invalid(ctx, "PhoneNumber");
            return;
        }
        String callbackUrl = text(body, "CallBackURL");
        HttpUrl parsedCallback = callbackUrl == null ? null : HttpUrl.parse(callbackUrl);
        if (parsedCallback == null || !callbackAllowed.test(callbackUrl)) {
            invalid(ctx, "CallBackURL");
            return;
        }
        String reference = text(body, "AccountReference");
        if (reference == null || reference.length() > 12) {
            invalid(ctx, "AccountReference");
            return;
        }
        String description = text(body, "TransactionDesc");
        if (description != null && description.length() > 13) {
            invalid(ctx, "TransactionDesc");
            return;
        }

        if (phone.endsWith(REFUSED_PUSH_SUFFIX)) {
            error(ctx, 500, "500.001.1001", SUBSCRIBER_LOCKED);
            return;
        }
        SimulatedPush push = accept(phone, Long.parseLong(amount), callbackUrl, reference);
        if (push.callbackSent() && callbackBeforeAnswer.get()) {
            deliverScheduled(push);
        } else if (push.callbackSent()) {
            long delayMillis = Math.max(0, Duration.between(clock.instant(), push.resolvesAt()).toMillis());
            scheduler.schedule(() -> deliverScheduled(push), delayMillis, TimeUnit.MILLISECONDS);
        }
        ObjectNode answer = json.createObjectNode();
        answer.put("MerchantRequestID", push.merchantRequestId());
        answer.put("CheckoutRequestID", push.checkoutRequestId());
        answer.put("ResponseCode", "0");
        answer.put("ResponseDescription", "Success. Request accepted for processing");
        answer.put("CustomerMessage", "Success. Request accepted for processing");
        send(ctx, 200, answer);
    }

    private SimulatedPush accept(String phone, long amount, String callbackUrl, String reference) {
        Instant now = clock.instant();
        // an embedded simulator runs for weeks: forget pushes nobody will ask about any more
        pushes.values().removeIf(old -> {
            boolean stale = old.requestedAt().isBefore(now.minus(Duration.ofDays(1)));
            if (stale && old.mpesaReceipt() != null) {
                receipts.remove(old.mpesaReceipt());
            }
            return stale;
        });
        pushOrder.removeIf(id -> !pushes.containsKey(id));
        String suffix = phone.substring(phone.length() - 4);
        int code;
        String desc;
        switch (suffix) {
            case "0001" -> { code = 1032; desc = "Request cancelled by user"; }
            case "0002" -> { code = 1037; desc = "DS timeout user cannot be reached"; }
            case "0003" -> { code = 2001; desc = "The initiator information is invalid."; }
            case "0004" -> { code = 1; desc = "The balance is insufficient for the transaction."; }
            case "0005" -> { code = settings.lostCallbackResultCode(); desc = describe(code); }
            default -> { code = 0; desc = describe(0); }
        }
        boolean lost = "0005".equals(suffix);
        Instant resolvesAt = now.plus(lost ? settings.lostCallbackPendingFor() : settings.callbackDelay());
        String receipt = code == 0 ? newReceipt() : null;
        String merchantRequestId = (10000 + random.nextInt(90000)) + "-" + (10000000 + random.nextInt(90000000)) + "-1";
        while (true) {
            String checkoutRequestId = "ws_CO_" + CHECKOUT_TIME.format(now) + phone.substring(3)
                    + randomText(3, "0123456789");
            SimulatedPush push = new SimulatedPush(checkoutRequestId, merchantRequestId, phone, amount, callbackUrl,
                    reference, now, code, desc, receipt, resolvesAt, !lost);
            if (pushes.putIfAbsent(checkoutRequestId, push) == null) {
                pushOrder.add(checkoutRequestId);
                while (pushes.size() > maxPushes) {
                    String oldest = pushOrder.poll();
                    if (oldest == null) {
                        break;
                    }
                    forget(oldest);
                }
                return push;
            }
        }
    }

    private void forget(String checkoutRequestId) {
        SimulatedPush gone = pushes.remove(checkoutRequestId);
        if (gone != null && gone.mpesaReceipt() != null) {
            receipts.remove(gone.mpesaReceipt());
        }
    }

    private static String describe(int code) {
        return switch (code) {
            case 0 -> "The service request is processed successfully.";
            case 1 -> "The balance is insufficient for the transaction.";
            case 1019 -> "Transaction has expired";
            case 1032 -> "Request cancelled by user";
            case 1037 -> "DS timeout user cannot be reached";
            case 2001 -> "The initiator information is invalid.";
            default -> "Simulated result " + code;
        };
    }

    private String newReceipt() {
        while (true) {
            String receipt = "TJK" + randomText(7, ALPHANUMERIC);
            if (receipts.add(receipt)) {
                return receipt;
            }
        }
    }

    // ---------------------------------------------------------------- STK Query

    private void stkQuery(Context ctx) {
        if (!hasValidToken(ctx)) {
            return;
        }
        JsonNode body = jsonBody(ctx);
        if (body == null) {
            return;
        }
        String shortcode = digits(body, "BusinessShortCode");
        if (shortcode == null) {
            invalid(ctx, "BusinessShortCode");
            return;
        }
        String timestamp = digits(body, "Timestamp");
        if (timestamp == null || !isDarajaTime(timestamp)) {
            invalid(ctx, "Timestamp");
            return;
        }
        if (!passwordMatches(body, shortcode, timestamp)) {
            error(ctx, 500, "500.001.1001", "Wrong credentials");
            return;
        }
        String checkoutRequestId = text(body, "CheckoutRequestID");
        SimulatedPush push = checkoutRequestId == null ? null : pushes.get(checkoutRequestId);
        if (push == null) {
            invalid(ctx, "CheckoutRequestID");
            return;
        }
        if (clock.instant().isBefore(push.resolvesAt())) {
            ObjectNode answer = json.createObjectNode();
            answer.put("requestId", push.checkoutRequestId());
            answer.put("errorCode", "500.001.1001");
            answer.put("errorMessage", BEING_PROCESSED);
            send(ctx, 500, answer);
            return;
        }
        ObjectNode answer = json.createObjectNode();
        answer.put("ResponseCode", "0");
        answer.put("ResponseDescription", "The service request has been accepted successfully");
        answer.put("MerchantRequestID", push.merchantRequestId());
        answer.put("CheckoutRequestID", push.checkoutRequestId());
        answer.put("ResultCode", Integer.toString(push.resultCode()));
        answer.put("ResultDesc", push.resultDesc());
        send(ctx, 200, answer);
    }

    // ---------------------------------------------------------------- callbacks

    private void deliverScheduled(SimulatedPush push) {
        String body = callbackJson(push);
        int copies = callbackCopies.get();
        for (int i = 0; i < copies; i++) {
            int status = post(push.callbackUrl(), body);
            LOG.debug("Daraja simulator callback for {} answered {}", push.checkoutRequestId(), status);
        }
    }

    private int post(String url, String body) {
        Request request = new Request.Builder().url(url)
                .post(RequestBody.create(body.getBytes(StandardCharsets.UTF_8), JSON_TYPE)).build();
        try (Response response = http.newCall(request).execute()) {
            return response.code();
        } catch (IOException e) {
            LOG.info("Daraja simulator could not deliver a callback: {}", e.toString());
            return 0;
        }
    }

    /** The official shape: metadata only when paid, with a {@code Balance} item that has no {@code Value}. */
    private String callbackJson(SimulatedPush push) {
        ObjectNode stk = json.createObjectNode();
        stk.put("MerchantRequestID", push.merchantRequestId());
        stk.put("CheckoutRequestID", push.checkoutRequestId());
        stk.put("ResultCode", push.resultCode());
        stk.put("ResultDesc", push.resultDesc());
        if (push.isPaid()) {
            long override = amountOverrideCents.get();
            long cents = override >= 0 ? override : push.amountShillings() * 100;
            ArrayNode items = stk.putObject("CallbackMetadata").putArray("Item");
            items.addObject().put("Name", "Amount").put("Value", BigDecimal.valueOf(cents, 2));
            items.addObject().put("Name", "MpesaReceiptNumber").put("Value", push.mpesaReceipt());
            items.addObject().put("Name", "Balance");
            items.addObject().put("Name", "TransactionDate")
                    .put("Value", Long.parseLong(DARAJA_TIME.format(push.resolvesAt())));
            items.addObject().put("Name", "PhoneNumber").put("Value", Long.parseLong(push.phoneNumber()));
        }
        ObjectNode root = json.createObjectNode();
        root.putObject("Body").set("stkCallback", stk);
        return root.toString();
    }

    // ---------------------------------------------------------------- helpers

    private SimulatedPush known(String checkoutRequestId) {
        SimulatedPush push = pushes.get(checkoutRequestId);
        if (push == null) {
            throw new IllegalArgumentException("no push with CheckoutRequestID " + checkoutRequestId);
        }
        return push;
    }

    private JsonNode jsonBody(Context ctx) {
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            // Daraja's FAQ: a wrong content type surfaces as this misleading message
            invalid(ctx, "BusinessShortCode");
            return null;
        }
        try {
            JsonNode node = json.readTree(ctx.bodyAsBytes());
            if (node != null && node.isObject()) {
                return node;
            }
        } catch (IOException e) {
            // falls through to the error answer
        }
        error(ctx, 400, "400.002.02", "Bad Request - Invalid JSON");
        return null;
    }

    private boolean passwordMatches(JsonNode body, String shortcode, String timestamp) {
        String given = text(body, "Password");
        String expected = DarajaPassword.password(shortcode, settings.passkey(), timestamp);
        return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean isDarajaTime(String timestamp) {
        try {
            DARAJA_TIME.parse(timestamp);
            return true;
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull() || value.isContainerNode()) {
            return null;
        }
        String text = value.asText().strip();
        return text.isEmpty() ? null : text;
    }

    // Daraja takes these as JSON numbers or strings; whole numbers only
    private static String digits(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        String text;
        if (value.isIntegralNumber()) {
            text = value.bigIntegerValue().toString();
        } else if (value.isTextual()) {
            text = value.textValue().strip();
        } else {
            return null;
        }
        return !text.isEmpty() && text.chars().allMatch(Character::isDigit) ? text : null;
    }

    private void invalid(Context ctx, String field) {
        error(ctx, 400, "400.002.02", "Bad Request - Invalid " + field);
    }

    private void error(Context ctx, int status, String code, String message) {
        ObjectNode answer = json.createObjectNode();
        answer.put("requestId", randomText(4, "0123456789abcdef") + "-" + randomText(4, "0123456789abcdef") + "-"
                + randomText(4, "0123456789abcdef") + "-" + randomText(20, "0123456789abcdef"));
        answer.put("errorCode", code);
        answer.put("errorMessage", message);
        send(ctx, status, answer);
    }

    private static void send(Context ctx, int status, JsonNode body) {
        ctx.status(status).contentType("application/json").result(body.toString());
    }

    private String randomText(int length, String alphabet) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
