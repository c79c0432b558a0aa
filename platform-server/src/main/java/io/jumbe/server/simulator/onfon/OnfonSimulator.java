package io.jumbe.server.simulator.onfon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.jumbe.core.common.Json;
import io.jumbe.core.common.OutboundHttp;
import io.jumbe.core.sms.onfon.OnfonConfig;
import io.jumbe.server.simulator.RecentItems;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Onfon Media's v1 SMS API, simulated over HTTP so that the whole send → delivery report flow runs on one
 * machine with no account anywhere (providers.md §1, DESIGN.md "Providers and simulators").
 *
 * <p>It checks {@code AccessKey}/{@code ApiKey}/{@code ClientId}, answers Onfon-shaped JSON with a fresh
 * {@code MessageId} per accepted recipient, and after {@code dlrDelay} sends a delivery report as Onfon does:
 * a GET with {@code messageId, mobile, status, errorCode, submitDate, doneDate, shortMessage} to the DLR URL.
 * Outcomes follow the test number's last four digits: {@code 0001} accepted then {@code UNDELIV};
 * {@code 0002} rejected at submit ({@code MessageErrorCode} 401); {@code 0005} accepted and never reported;
 * anything else accepted then {@code DELIVRD}.
 *
 * <p>Mount it in an app with {@link #addRoutes(JavalinConfig)}, or run it alone with {@link #start(int)}.
 * Call {@link #close()} to stop its delivery-report senders.
 */
public final class OnfonSimulator implements AutoCloseable {
    /** Delivery reports in flight at once, as Onfon's callback workers send them. */
    private static final int REPORT_CONCURRENCY = 16;
    /**
     * Reports waiting for their time or a sender, at most, before a submit waits for room (up to
     * {@link #ROOM_WAIT}). The simulator runs in the server's process, so a backlog of reports here is the server's
     * heap: dispatch with no upstream cap outran the senders 4 to 1 and the waiting reports filled the heap into
     * back-to-back full collections. A submit that still finds no room after the wait queues its reports anyway,
     * well inside the dispatcher's 30-second read timeout: it is slowed, never failed. Every report waits its delay
     * here, so the bound is also a rate: 10,000 at the default 2-second delay lets 5,000 messages a second through
     * (5,000 capped dispatch at 2,500/s). A waiting report is 41 bytes in {@link WaitingReports}' columns.
     */
    static final int MAX_WAITING_REPORTS = 10_000;
    private static final Duration ROOM_WAIT = Duration.ofSeconds(5);

    /** Access key a default simulator expects. */
    public static final String DEFAULT_ACCESS_KEY = "sim-onfon-access-key";
    /** API key a default simulator expects. */
    public static final String DEFAULT_API_KEY = "sim-onfon-api-key";
    /** Client id a default simulator expects. */
    public static final String DEFAULT_CLIENT_ID = "sim-onfon-client";
    /** Path prefix the server mounts the simulator under. */
    public static final String DEFAULT_MOUNT_PREFIX = "/simulators/onfon";

    private static final Logger log = LoggerFactory.getLogger(OnfonSimulator.class);
    private static final Pattern KENYAN_MOBILE = Pattern.compile("254[17]\\d{8}");
    private static final DateTimeFormatter DLR_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final String pathPrefix;
    private final String accessKey;
    private final String apiKey;
    private final String clientId;
    private final Duration dlrDelay;
    private final OkHttpClient http;
    private final boolean ownsHttp;
    private final ObjectMapper json = new ObjectMapper(Json.newFactory());
    /** Reports not sent yet, oldest first (one delay for all, so also the order they fall due in). */
    private final WaitingReports due = new WaitingReports(MAX_WAITING_REPORTS);
    private final java.util.concurrent.Semaphore room = new java.util.concurrent.Semaphore(MAX_WAITING_REPORTS);
    private final List<Thread> reporters = new java.util.ArrayList<>();
    private volatile boolean closed;
    private final RecentItems<SubmittedMessage> submitted;
    private final RecentItems<SentReport> reports;
    private final AtomicInteger requests = new AtomicInteger();
    private final RecentItems<Arrival> arrivals = new RecentItems<>(RecentItems.DEFAULT_CAPACITY);
    private final AtomicInteger failNext = new AtomicInteger();
    private final AtomicBoolean creditExhausted = new AtomicBoolean();
    private volatile Supplier<String> dlrUrl = () -> null;

    /**
     * What the simulator received for one recipient.
     *
     * @param senderId  {@code SenderId} of the request
     * @param number    {@code Number} as sent
     * @param text      {@code Text} as sent
     * @param unicode   {@code IsUnicode} of the request
     * @param messageId the {@code MessageId} it assigned, or null when it rejected the recipient
     * @param errorCode the {@code MessageErrorCode} it answered (0 when accepted)
     */
    public record SubmittedMessage(String senderId, String number, String text, boolean unicode, String messageId,
                                   int errorCode) {
    }

    /**
     * A delivery report the simulator tried to send.
     *
     * @param url        the full URL called, kept only when the callee did not answer 200 (to send it again): the URLs
     *                   of the last 10,000 reports were several megabytes of the server's heap, promoted and dropped
     *                   again every few seconds while a backlog drained
     * @param messageId  the report's {@code messageId}
     * @param status     {@code DELIVRD} or {@code UNDELIV}
     * @param httpStatus the callee's status, or -1 when the call failed
     */
    public record SentReport(String url, String messageId, String status, int httpStatus) {
    }

    /**
     * A simulator checking the given credentials.
     *
     * @param pathPrefix routes go under {@code pathPrefix + "/v1/sms/..."}; {@code ""} for a standalone server
     * @param accessKey  expected {@code AccessKey} header
     * @param apiKey     expected {@code ApiKey}
     * @param clientId   expected {@code ClientId}
     * @param dlrDelay   how long after a submit its delivery reports go out
     * @param http       client used to call the DLR URL
     */
    public OnfonSimulator(String pathPrefix, String accessKey, String apiKey, String clientId, Duration dlrDelay,
                          OkHttpClient http) {
        this(pathPrefix, accessKey, apiKey, clientId, dlrDelay, http, false, RecentItems.DEFAULT_CAPACITY);
    }

    /**
     * As {@link #OnfonSimulator(String, String, String, String, Duration, OkHttpClient)}, keeping the last
     * {@code history} submitted messages and sent reports for {@link #submitted()} and {@link #reports()}.
     */
    public OnfonSimulator(String pathPrefix, String accessKey, String apiKey, String clientId, Duration dlrDelay,
                          OkHttpClient http, int history) {
        this(pathPrefix, accessKey, apiKey, clientId, dlrDelay, http, false, history);
    }

    private OnfonSimulator(String pathPrefix, String accessKey, String apiKey, String clientId, Duration dlrDelay,
                           OkHttpClient http, boolean ownsHttp, int history) {
        String prefix = Objects.requireNonNull(pathPrefix, "pathPrefix");
        while (prefix.endsWith("/")) {
            prefix = prefix.substring(0, prefix.length() - 1);
        }
        this.pathPrefix = prefix;
        this.accessKey = Objects.requireNonNull(accessKey, "accessKey");
        this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
        this.clientId = Objects.requireNonNull(clientId, "clientId");
        this.dlrDelay = Objects.requireNonNull(dlrDelay, "dlrDelay");
        this.http = Objects.requireNonNull(http, "http");
        this.ownsHttp = ownsHttp;
        this.submitted = new RecentItems<>(history);
        this.reports = new RecentItems<>(history);
    }

    /**
     * A simulator with the default credentials ({@link #DEFAULT_ACCESS_KEY} …) and its own HTTP client.
     *
     * @param pathPrefix e.g. {@link #DEFAULT_MOUNT_PREFIX}, or {@code ""} for a standalone server
     * @param dlrDelay   how long after a submit its delivery reports go out
     */
    public OnfonSimulator(String pathPrefix, Duration dlrDelay) {
        this(pathPrefix, DEFAULT_ACCESS_KEY, DEFAULT_API_KEY, DEFAULT_CLIENT_ID, dlrDelay,
                OutboundHttp.builder(OutboundHttp.Resend.ANY_REQUEST).build(), true, RecentItems.DEFAULT_CAPACITY);
    }

    /**
     * Starts a standalone simulator with default credentials, no path prefix and a 100 ms report delay.
     *
     * @param port TCP port, 0 for any free one
     * @return the running server; close it when done
     */
    public static Running start(int port) {
        return new OnfonSimulator("", Duration.ofMillis(100)).startStandalone(port);
    }

    /**
     * Serves this simulator alone on {@code port}.
     *
     * @param port TCP port, 0 for any free one
     * @return the running server; closing it also closes this simulator
     */
    public Running startStandalone(int port) {
        Javalin app = Javalin.create(this::addRoutes).start("127.0.0.1", port);
        return new Running(this, app);
    }

    /**
     * Registers {@code POST {prefix}/v1/sms/SendBulkSMS} and {@code GET {prefix}/v1/sms/Balance}.
     *
     * @param cfg the configuration of the app that hosts the simulator
     */
    public void addRoutes(JavalinConfig cfg) {
        cfg.routes.post(pathPrefix + "/v1/sms/SendBulkSMS", this::sendBulk);
        cfg.routes.get(pathPrefix + "/v1/sms/Balance", this::balance);
    }

    /**
     * Where delivery reports go; read at the time each report is sent, so it may be set after start.
     *
     * @param url supplies the full DLR URL (query parameters are appended); a null URL means no reports
     */
    public void dlrUrl(Supplier<String> url) {
        this.dlrUrl = Objects.requireNonNull(url, "url");
    }

    /**
     * Sets a fixed DLR URL.
     *
     * @param url the full DLR URL
     */
    public void dlrUrl(String url) {
        dlrUrl(() -> url);
    }

    /** The OnfonConfig that makes a real client talk to this simulator at {@code baseUrl}. */
    public OnfonConfig clientConfig(String baseUrl) {
        return new OnfonConfig(baseUrl + pathPrefix, accessKey, apiKey, clientId);
    }

    /** Every recipient received so far, in order of arrival. */
    public List<SubmittedMessage> submitted() {
        return submitted.snapshot();
    }

    /** Every delivery report sent so far (including failed attempts), in order. */
    public List<SentReport> reports() {
        return reports.snapshot();
    }

    /** How many SendBulkSMS requests arrived, whatever their answer. */
    public int requestCount() {
        return requests.get();
    }

    /**
     * When each of the last 10,000 accepted requests arrived and how many messages it carried, in order: what a rate
     * cap is judged by.
     */
    public List<Arrival> arrivals() {
        return arrivals.snapshot();
    }

    /**
     * One request the simulator accepted.
     *
     * @param at       when it arrived
     * @param messages how many messages it carried
     */
    public record Arrival(java.time.Instant at, int messages) {
    }

    /**
     * Answers the next {@code n} SendBulkSMS requests with HTTP 500 and does not process them.
     *
     * @param n how many
     */
    public void failNextRequests(int n) {
        failNext.set(n);
    }

    /**
     * While on, every SendBulkSMS is refused with ErrorCode {@code 021} (Insufficient wallet credits).
     *
     * @param exhausted on or off
     */
    public void creditExhausted(boolean exhausted) {
        creditExhausted.set(exhausted);
    }

    /**
     * Stops the delivery-report senders (reports not yet sent are dropped) and, when the simulator built its
     * own HTTP client, that client's threads.
     */
    @Override
    public void close() {
        List<Thread> started;
        synchronized (reporters) {
            closed = true;
            started = List.copyOf(reporters);
        }
        started.forEach(Thread::interrupt);
        due.clear();
        if (ownsHttp) {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }

    private void sendBulk(Context ctx) {
        requests.incrementAndGet();
        long roomDeadline = System.nanoTime() + ROOM_WAIT.toNanos();
        if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            ctx.status(500).result("Internal Server Error");
            return;
        }
        // the key is checked before the body is read, so nobody without it can hold a worker with a slow body
        if (!accessKey.equals(ctx.header("AccessKey"))) {
            answer(ctx, error("010", "Unauthorized API access"));
            return;
        }
        JsonNode body;
        try {
            body = json.readTree(ctx.bodyAsBytes());
        } catch (IOException e) {
            body = null;
        }
        if (body == null || !body.isObject()) {
            answer(ctx, error("023", "Parameter missing"));
            return;
        }
        if (!apiKey.equals(body.path("ApiKey").asText(null)) || !clientId.equals(body.path("ClientId").asText(null))) {
            answer(ctx, error("007", "Invalid api credential"));
            return;
        }
        String senderId = body.path("SenderId").asText("").strip();
        if (senderId.isEmpty()) {
            answer(ctx, error("003", "SenderId cannot be blank"));
            return;
        }
        JsonNode parameters = body.path("MessageParameters");
        if (!parameters.isArray() || parameters.isEmpty()) {
            answer(ctx, error("005", "Message properties cannot be blank"));
            return;
        }
        for (JsonNode p : parameters) {
            if (p.path("Number").asText("").isBlank() || p.path("Text").asText("").isEmpty()) {
                answer(ctx, error("020", "Message or mobile number cannot be blank"));
                return;
            }
        }
        if (creditExhausted.get()) {
            answer(ctx, error("021", "Insufficient wallet credits"));
            return;
        }
        boolean unicode = body.path("IsUnicode").asBoolean(false);
        arrivals.add(new Arrival(java.time.Instant.now(), parameters.size()));
        ObjectNode response = json.createObjectNode();
        response.put("ErrorCode", 0);
        response.put("ErrorDescription", "Success");
        ArrayNode data = response.putArray("Data");
        String submitDate = now();
        String previousText = null;
        WaitingReports.Submission submission = null;
        for (JsonNode p : parameters) {
            String number = p.path("Number").asText();
            String text = p.path("Text").asText();
            // a bulk's recipients mostly share one text: kept once, not once per recipient, in the test hooks
            if (text.equals(previousText)) {
                text = previousText;
            } else {
                submission = new WaitingReports.Submission(submitDate, text.length() > 20 ? text.substring(0, 20) : text);
            }
            previousText = text;
            ObjectNode entry = data.addObject();
            entry.put("MobileNumber", number);
            entry.put("Custom", "");
            if (!KENYAN_MOBILE.matcher(number).matches()) {
                reject(entry, 801, "Country not found in master data");
                submitted.add(new SubmittedMessage(senderId, number, text, unicode, null, 801));
            } else if (number.endsWith("0002")) {
                reject(entry, 401, "Value filter failed for user [simulator] (destination_address filter mismatch).");
                submitted.add(new SubmittedMessage(senderId, number, text, unicode, null, 401));
            } else {
                UUID id = UUID.randomUUID();
                String messageId = id.toString();
                entry.put("MessageErrorCode", 0);
                entry.put("MessageErrorDescription", "Success");
                entry.put("MessageId", messageId);
                submitted.add(new SubmittedMessage(senderId, number, text, unicode, messageId, 0));
                scheduleReport(id, number, submission, roomDeadline);
            }
        }
        answer(ctx, response);
    }

    private void balance(Context ctx) {
        if (!accessKey.equals(ctx.header("AccessKey"))) {
            answer(ctx, error("010", "Unauthorized API access"));
            return;
        }
        if (!apiKey.equals(ctx.queryParam("ApiKey")) || !clientId.equals(ctx.queryParam("ClientId"))) {
            answer(ctx, error("007", "Invalid api credential"));
            return;
        }
        ObjectNode response = json.createObjectNode();
        response.put("ErrorCode", 0);
        response.put("ErrorDescription", "Success");
        response.putArray("Data").addObject().put("PluginType", "SMS").put("Credits", "KSh100000.0000");
        answer(ctx, response);
    }

    /** @param submission when the message was submitted and the start of its text, as Onfon's reports carry them */
    private void scheduleReport(UUID messageId, String number, WaitingReports.Submission submission,
                                long roomDeadline) {
        if (number.endsWith("0005")) {
            return;
        }
        boolean holdsRoom;
        try {
            holdsRoom = room.tryAcquire(Math.max(0, roomDeadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            holdsRoom = false;
        }
        due.add(System.nanoTime() + dlrDelay.toNanos(), messageId, number, submission, holdsRoom);
        startReporters();
    }

    /**
     * Onfon pushes reports from many workers at once: {@value #REPORT_CONCURRENCY} threads here, each sending one
     * report at a time when it falls due. Reports waiting stay in {@link #due} as a few primitives each rather than as
     * queued HTTP calls (OkHttp's asynchronous queue, 5 requests per host, piled up calls in memory once dispatch
     * outran it). Started with the first report.
     */
    private void startReporters() {
        synchronized (reporters) {
            if (!reporters.isEmpty() || closed) {
                return;
            }
            for (int i = 0; i < REPORT_CONCURRENCY; i++) {
                Thread t = new Thread(this::sendDueReports, "onfon-simulator-dlr-" + i);
                t.setDaemon(true);
                reporters.add(t);
                t.start();
            }
        }
    }

    private void sendDueReports() {
        while (!closed) {
            try {
                WaitingReports.Due r = due.take();
                long wait = r.dueAt() - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                try {
                    sendReport(r);
                } finally {
                    if (r.holdsRoom()) {
                        room.release();
                    }
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("Onfon simulator could not send a delivery report", e);
            }
        }
    }

    private void sendReport(WaitingReports.Due r) {
        String messageId = r.messageId();
        boolean undelivered = r.number().endsWith("0001");
        String status = undelivered ? "UNDELIV" : "DELIVRD";
        String target = dlrUrl.get();
        HttpUrl base = target == null ? null : HttpUrl.parse(target);
        if (base == null) {
            log.info("Onfon simulator has no usable DLR URL; report for {} dropped", messageId);
            return;
        }
        HttpUrl url = base.newBuilder()
                .addQueryParameter("messageId", messageId)
                .addQueryParameter("mobile", r.number())
                .addQueryParameter("status", status)
                .addQueryParameter("errorCode", undelivered ? "001" : "000")
                .addQueryParameter("submitDate", r.submission().submitDate())
                .addQueryParameter("doneDate", now())
                .addQueryParameter("shortMessage", r.submission().shortMessage())
                .build();
        try (Response response = http.newCall(new Request.Builder().url(url).get().build()).execute()) {
            reports.add(new SentReport(response.code() == 200 ? null : url.toString(), messageId, status,
                    response.code()));
        } catch (IOException e) {
            reports.add(new SentReport(url.toString(), messageId, status, -1));
            log.info("Onfon simulator could not deliver the report for {}: {}", messageId, e.toString());
        }
    }

    private ObjectNode error(String code, String description) {
        ObjectNode node = json.createObjectNode();
        node.put("ErrorCode", code);
        node.put("ErrorDescription", description);
        node.putNull("Data");
        return node;
    }

    private static void reject(ObjectNode entry, int code, String description) {
        entry.put("MessageErrorCode", code);
        entry.put("MessageErrorDescription", description);
        entry.putNull("MessageId");
    }

    private void answer(Context ctx, ObjectNode body) {
        try {
            ctx.status(200).contentType("application/json");
            io.jumbe.server.http.Responses.writeNow(ctx, json.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String now() {
        return LocalDateTime.now(ZoneOffset.UTC).format(DLR_TIME);
    }

    /** A standalone simulator server. Closing it stops the server and the simulator. */
    public static final class Running implements AutoCloseable {
        private final OnfonSimulator simulator;
        private final Javalin app;

        private Running(OnfonSimulator simulator, Javalin app) {
            this.simulator = simulator;
            this.app = app;
        }

        /** The simulator, for its counters and switches. */
        public OnfonSimulator simulator() {
            return simulator;
        }

        /** The port it listens on. */
        public int port() {
            return app.port();
        }

        /** {@code http://127.0.0.1:PORT} plus the path prefix: the base URL to give an {@code OnfonClient}. */
        public String baseUrl() {
            return "http://127.0.0.1:" + app.port() + simulator.pathPrefix;
        }

        /** An OnfonConfig pointing at this server with the simulator's credentials. */
        public OnfonConfig clientConfig() {
            return simulator.clientConfig("http://127.0.0.1:" + app.port());
        }

        @Override
        public void close() {
            app.stop();
            simulator.close();
        }
    }
}
