package io.jumbe.server.simulator.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.jumbe.core.common.Json;
import io.jumbe.core.common.OutboundHttp;
import io.jumbe.core.whatsapp.GraphConfig;
import io.jumbe.core.whatsapp.MetaSignature;
import io.jumbe.server.simulator.RecentItems;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Meta's WhatsApp Cloud API (Graph API) simulated over HTTP (providers.md §3), so the whole send → status → reply
 * flow runs on one machine with no Meta account. It checks the bearer token, answers {@code wamid.…} ids, and after
 * {@code statusDelay} posts status webhooks to our Meta webhook URL, signed with the app secret as Meta signs them.
 *
 * <p>Outcomes by the test number's last four digits: anything else {@code sent} then {@code delivered};
 * {@code 0001} sent then {@code failed} (131026); {@code 0002} refused at send (131026); {@code 0005} no status ever;
 * {@code 0006} {@code sent}, {@code delivered}, then {@code read}. Templates: {@code hello_world} (en_US, utility, 0
 * parameters), {@code order_update} (en, utility, 2), {@code login_code} (en, authentication, 1),
 * {@code weekend_offer} (en, marketing, 1). {@code POST {prefix}/inbound {"from", "text", "to_phone_number_id"}}
 * makes a customer write in.
 */
public final class WhatsAppSimulator implements AutoCloseable {
    /** Path prefix the server mounts the simulator under. */
    public static final String DEFAULT_MOUNT_PREFIX = "/simulators/whatsapp";
    private static final Logger log = LoggerFactory.getLogger(WhatsAppSimulator.class);
    private static final MediaType JSON = MediaType.get("application/json");
    private static final Pattern KENYAN_MOBILE = Pattern.compile("254[17]\\d{8}");

    /** A template the simulator knows. */
    public record SimTemplate(String name, String language, String category, int parameters) {
    }

    /** The templates of the simulated business account. */
    public static final List<SimTemplate> TEMPLATES = List.of(
            new SimTemplate("hello_world", "en_US", "UTILITY", 0),
            new SimTemplate("order_update", "en", "UTILITY", 2),
            new SimTemplate("login_code", "en", "AUTHENTICATION", 1),
            new SimTemplate("weekend_offer", "en", "MARKETING", 1));

    /** What the simulator received: the recipient, the type, and the wamid it answered (null when refused). */
    public record Received(String phoneNumberId, String to, String type, String text, String template,
                           List<String> parameters, String wamid) {
    }

    /** A webhook the simulator sent, with the callee's HTTP status (-1 when the call failed). */
    public record SentWebhook(String body, int httpStatus) {
    }

    private final String pathPrefix;
    private final String accessToken;
    private final String phoneNumberId;
    private final String businessAccountId;
    private final String apiVersion;
    private final MetaSignature signature;
    private final Duration statusDelay;
    private final OkHttpClient http;
    private final ObjectMapper json = new ObjectMapper(Json.newFactory());
    private final ScheduledExecutorService scheduler;
    private final RecentItems<Received> received = new RecentItems<>(RecentItems.DEFAULT_CAPACITY);
    private final RecentItems<SentWebhook> webhooks = new RecentItems<>(RecentItems.DEFAULT_CAPACITY);
    private volatile Supplier<String> webhookUrl = () -> null;

    /**
     * @param pathPrefix        routes go under it; {@code ""} for a standalone server
     * @param apiVersion        the version path segment it serves ({@code v23.0})
     * @param accessToken       the bearer token it expects
     * @param phoneNumberId     the platform's phone number id (webhook metadata, default sender)
     * @param businessAccountId the business account whose templates it lists
     * @param appSecret         signs its webhooks
     * @param statusDelay       delay between a send and each of its statuses
     */
    public WhatsAppSimulator(String pathPrefix, String apiVersion, String accessToken, String phoneNumberId,
                             String businessAccountId, String appSecret, Duration statusDelay) {
        String prefix = Objects.requireNonNull(pathPrefix);
        this.pathPrefix = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
        this.apiVersion = apiVersion;
        this.accessToken = accessToken;
        this.phoneNumberId = phoneNumberId;
        this.businessAccountId = businessAccountId;
        this.signature = new MetaSignature(appSecret);
        this.statusDelay = statusDelay;
        // its webhooks go to our own endpoint, which dedupes by wamid: any request may be resent
        this.http = OutboundHttp.builder(OutboundHttp.Resend.ANY_REQUEST).build();
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "whatsapp-simulator");
            t.setDaemon(true);
            return t;
        });
    }

    /** Registers the Graph API routes, and {@code POST {prefix}/inbound}. */
    public void addRoutes(JavalinConfig cfg) {
        cfg.routes.post(pathPrefix + "/" + apiVersion + "/{phone_number_id}/messages", this::send);
        cfg.routes.get(pathPrefix + "/" + apiVersion + "/{waba_id}/message_templates", this::templates);
        cfg.routes.post(pathPrefix + "/inbound", this::inbound);
    }

    /** Serves this simulator alone on {@code port} (0 for any free one); close the result when done. */
    public Running startStandalone(int port) {
        return new Running(this, Javalin.create(this::addRoutes).start("127.0.0.1", port));
    }

    /** Where webhooks go; read when each is sent. A null URL means none. */
    public void webhookUrl(Supplier<String> url) {
        this.webhookUrl = Objects.requireNonNull(url);
    }

    /** The client configuration that points a real Graph client at this simulator served at {@code baseUrl}. */
    public GraphConfig clientConfig(String baseUrl) {
        return new GraphConfig(baseUrl + pathPrefix, apiVersion, accessToken, businessAccountId);
    }

    /** Every send received so far, in order. */
    public List<Received> received() {
        return received.snapshot();
    }

    /** Every webhook sent so far, in order. */
    public List<SentWebhook> webhooks() {
        return webhooks.snapshot();
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    private boolean authorised(Context ctx) {
        if (("Bearer " + accessToken).equals(ctx.header("Authorization"))) {
            return true;
        }
        error(ctx, 401, 190, "OAuthException", "Invalid OAuth access token - Cannot parse access token", null);
        return false;
    }

    private void send(Context ctx) throws IOException {
        if (!authorised(ctx)) {
            return;
        }
        JsonNode body = json.readTree(ctx.bodyAsBytes());
        String to = body.path("to").asText("");
        String type = body.path("type").asText("");
        if (!"whatsapp".equals(body.path("messaging_product").asText()) || !KENYAN_MOBILE.matcher(to).matches()) {
            error(ctx, 400, 100, "OAuthException", "(#100) Invalid parameter", "to or messaging_product is invalid");
            return;
        }
        String text = null;
        String template = null;
        List<String> parameters = new ArrayList<>();
        if ("text".equals(type)) {
            text = body.path("text").path("body").asText("");
        } else if ("template".equals(type)) {
            template = body.path("template").path("name").asText("");
            String language = body.path("template").path("language").path("code").asText("");
            for (JsonNode c : body.path("template").path("components")) {
                c.path("parameters").forEach(p -> parameters.add(p.path("text").asText()));
            }
            String name = template;
            SimTemplate known = TEMPLATES.stream().filter(t -> t.name().equals(name) && t.language().equals(language))
                    .findFirst().orElse(null);
            if (known == null) {
                error(ctx, 404, 132001, "OAuthException", "(#132001) Template name does not exist in the translation",
                        "template name (" + name + ") does not exist in " + language);
                return;
            }
            if (known.parameters() != parameters.size()) {
                error(ctx, 400, 132000, "OAuthException", "(#132000) Number of parameters does not match the "
                        + "expected number of params", "body: number of localizable_params (" + parameters.size()
                        + ") does not match the expected number of params (" + known.parameters() + ")");
                return;
            }
        } else {
            error(ctx, 400, 100, "OAuthException", "(#100) Invalid parameter", "unsupported type " + type);
            return;
        }
        String pn = ctx.pathParam("phone_number_id");
        if (to.endsWith("0002")) {
            received.add(new Received(pn, to, type, text, template, parameters, null));
            error(ctx, 400, 131026, "OAuthException", "(#131026) Message undeliverable",
                    "Unable to deliver message. Reasons can include: the recipient phone number is not a WhatsApp "
                            + "phone number.");
            return;
        }
        String wamid = "wamid." + UUID.randomUUID().toString().replace("-", "").toUpperCase();
        received.add(new Received(pn, to, type, text, template, parameters, wamid));
        ObjectNode answer = json.createObjectNode();
        answer.put("messaging_product", "whatsapp");
        answer.putArray("contacts").addObject().put("input", to).put("wa_id", to);
        answer.putArray("messages").addObject().put("id", wamid).put("message_status", "accepted");
        ctx.status(200).contentType("application/json").result(json.writeValueAsString(answer));
        if (to.endsWith("0005")) {
            return;
        }
        List<String> outcome = to.endsWith("0001") ? List.of("sent", "failed")
                : to.endsWith("0006") ? List.of("sent", "delivered", "read") : List.of("sent", "delivered");
        for (int i = 0; i < outcome.size(); i++) {
            String status = outcome.get(i);
            scheduler.schedule(() -> postStatus(pn, wamid, to, status), statusDelay.toMillis() * (i + 1),
                    TimeUnit.MILLISECONDS);
        }
    }

    private void templates(Context ctx) throws IOException {
        if (!authorised(ctx)) {
            return;
        }
        if (!businessAccountId.equals(ctx.pathParam("waba_id"))) {
            error(ctx, 400, 100, "GraphMethodException", "(#100) Unsupported get request", null);
            return;
        }
        ObjectNode answer = json.createObjectNode();
        ArrayNode data = answer.putArray("data");
        for (SimTemplate t : TEMPLATES) {
            ObjectNode n = data.addObject();
            n.put("name", t.name());
            n.put("language", t.language());
            n.put("category", t.category());
            n.put("status", "APPROVED");
            n.put("id", String.valueOf(Math.abs(t.name().hashCode())));
            StringBuilder text = new StringBuilder("Hello");
            for (int i = 1; i <= t.parameters(); i++) {
                text.append(" {{").append(i).append("}}");
            }
            n.putArray("components").addObject().put("type", "BODY").put("text", text.toString());
        }
        answer.putObject("paging").putObject("cursors").put("before", "MAZDZD").put("after", "MjQZD");
        ctx.status(200).contentType("application/json").result(json.writeValueAsString(answer));
    }

    private void inbound(Context ctx) throws IOException {
        JsonNode body = json.readTree(ctx.bodyAsBytes());
        String from = body.path("from").asText("").replaceAll("[^0-9]", "");
        if (from.startsWith("0")) {
            from = "254" + from.substring(1);
        }
        if (!KENYAN_MOBILE.matcher(from).matches() || body.path("text").asText("").isEmpty()) {
            ctx.status(400).contentType("application/json")
                    .result("{\"error\":\"give 'from' (a Kenyan mobile number) and 'text'\"}");
            return;
        }
        String pn = body.path("to_phone_number_id").asText(phoneNumberId);
        String wamid = "wamid." + UUID.randomUUID().toString().replace("-", "").toUpperCase();
        ObjectNode value = value(pn);
        value.putArray("contacts").addObject().put("wa_id", from).putObject("profile").put("name", "Test Customer");
        ObjectNode message = value.putArray("messages").addObject();
        message.put("from", from);
        message.put("id", wamid);
        message.put("timestamp", String.valueOf(System.currentTimeMillis() / 1000));
        message.put("type", "text");
        message.putObject("text").put("body", body.path("text").asText());
        if (body.hasNonNull("context_wamid")) {
            message.putObject("context").put("id", body.path("context_wamid").asText());
        }
        int status = post(envelope(value));
        ObjectNode answer = json.createObjectNode();
        answer.put("wamid", wamid);
        answer.put("webhook_status", status);
        ctx.status(200).contentType("application/json").result(json.writeValueAsString(answer));
    }

    private ObjectNode value(String pn) {
        ObjectNode value = json.createObjectNode();
        value.put("messaging_product", "whatsapp");
        value.putObject("metadata").put("display_phone_number", "15550000000").put("phone_number_id", pn);
        return value;
    }

    private String envelope(ObjectNode value) {
        ObjectNode root = json.createObjectNode();
        root.put("object", "whatsapp_business_account");
        ObjectNode entry = root.putArray("entry").addObject();
        entry.put("id", businessAccountId);
        ObjectNode change = entry.putArray("changes").addObject();
        change.put("field", "messages");
        change.set("value", value);
        try {
            return json.writeValueAsString(root);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void postStatus(String pn, String wamid, String to, String status) {
        ObjectNode value = value(pn);
        ObjectNode s = value.putArray("statuses").addObject();
        s.put("id", wamid);
        s.put("status", status);
        s.put("timestamp", String.valueOf(System.currentTimeMillis() / 1000));
        s.put("recipient_id", to);
        if ("failed".equals(status)) {
            ObjectNode e = s.putArray("errors").addObject();
            e.put("code", 131026);
            e.put("title", "Message undeliverable");
            e.put("message", "Message undeliverable");
            e.putObject("error_data").put("details", "The recipient is not on WhatsApp.");
        } else {
            s.putObject("pricing").put("billable", true).put("pricing_model", "PMP").put("category", "utility");
        }
        post(envelope(value));
    }

    /** Posts a signed webhook body; returns the callee's status, or -1. */
    private int post(String body) {
        String url = webhookUrl.get();
        if (url == null) {
            return -1;
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        Request request = new Request.Builder().url(url).header("X-Hub-Signature-256", signature.sign(bytes))
                .post(RequestBody.create(bytes, JSON)).build();
        int status;
        try (Response response = http.newCall(request).execute()) {
            status = response.code();
        } catch (IOException e) {
            log.info("WhatsApp simulator webhook to {} failed: {}", url, e.toString());
            status = -1;
        }
        webhooks.add(new SentWebhook(body, status));
        return status;
    }

    private void error(Context ctx, int http, int code, String type, String message, String details) {
        ObjectNode root = json.createObjectNode();
        ObjectNode e = root.putObject("error");
        e.put("message", message);
        e.put("type", type);
        e.put("code", code);
        if (details != null) {
            e.putObject("error_data").put("messaging_product", "whatsapp").put("details", details);
        }
        e.put("fbtrace_id", "Sim" + UUID.randomUUID().toString().substring(0, 8));
        try {
            ctx.status(http).contentType("application/json").result(json.writeValueAsString(root));
        } catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** A simulator served alone. */
    public static final class Running implements AutoCloseable {
        private final WhatsAppSimulator simulator;
        private final Javalin app;

        Running(WhatsAppSimulator simulator, Javalin app) {
            this.simulator = simulator;
            this.app = app;
        }

        public WhatsAppSimulator simulator() {
            return simulator;
        }

        public String baseUrl() {
            return "http://127.0.0.1:" + app.port();
        }

        public GraphConfig clientConfig() {
            return simulator.clientConfig(baseUrl());
        }

        @Override
        public void close() {
            app.stop();
            simulator.close();
        }
    }
}
