package io.jumbe.core.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jumbe.core.common.Json;
import io.jumbe.core.common.OutboundHttp;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Meta's WhatsApp Cloud API over HTTP (providers.md §3): {@code POST /{version}/{phone_number_id}/messages} with a
 * bearer token, and the business account's templates. Errors are classified, never thrown: rate limits (130429,
 * 131048, 131056, HTTP 429) and 5xx are retried; 131047 (the customer-service window is closed) and other
 * per-message errors (131026 undeliverable, …) fail the message; 190 or HTTP 401 (our token) pause dispatch.
 */
public final class GraphClient implements WhatsAppGateway {
    private static final Logger log = LoggerFactory.getLogger(GraphClient.class);
    private static final MediaType JSON = MediaType.get("application/json");
    private static final Set<Integer> RATE_LIMITS = Set.of(4, 80007, 130429, 131048, 131056);
    private static final Set<Integer> TRANSIENT = Set.of(1, 2, 131000, 133004);
    /** Meta's code for a free-form message outside the 24-hour window. */
    public static final int WINDOW_CLOSED = 131047;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_]+)\\s*}}");

    private final GraphConfig config;
    private final OkHttpClient http;

    public GraphClient(GraphConfig config) {
        this(config, defaultHttpClient());
    }

    public GraphClient(GraphConfig config, OkHttpClient http) {
        this.config = config;
        this.http = http;
    }

    /** A send is never resent after it may have reached Meta: a duplicate would reach the customer twice. */
    public static OkHttpClient defaultHttpClient() {
        return OutboundHttp.builder(OutboundHttp.Resend.ONLY_UNSENT)
                .connectTimeout(Duration.ofSeconds(10)).readTimeout(Duration.ofSeconds(30))
                .callTimeout(Duration.ofSeconds(45)).build();
    }

    private HttpUrl.Builder url(String... segments) {
        HttpUrl base = HttpUrl.get(config.baseUrl());
        HttpUrl.Builder b = base.newBuilder().addPathSegment(config.apiVersion());
        for (String s : segments) {
            b.addPathSegment(s);
        }
        return b;
    }

    @Override
    public SendOutcome send(String phoneNumberId, OutboundWhatsApp message) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("messaging_product", "whatsapp");
        body.put("recipient_type", "individual");
        body.put("to", message.to());
        if (message.template() == null) {
            body.put("type", "text");
            ObjectNode text = body.putObject("text");
            text.put("preview_url", false);
            text.put("body", message.text());
        } else {
            body.put("type", "template");
            ObjectNode template = body.putObject("template");
            template.put("name", message.template().name());
            template.putObject("language").put("code", message.template().language());
            if (!message.template().parameters().isEmpty()) {
                ObjectNode component = template.putArray("components").addObject();
                component.put("type", "body");
                ArrayNode params = component.putArray("parameters");
                for (String p : message.template().parameters()) {
                    params.addObject().put("type", "text").put("text", p);
                }
            }
        }
        Request request = new Request.Builder().url(url(phoneNumberId, "messages").build())
                .header("Authorization", "Bearer " + config.accessToken())
                .post(RequestBody.create(Json.write(body), JSON)).build();
        try (Response response = http.newCall(request).execute()) {
            JsonNode answer = read(response.body());
            if (response.isSuccessful()) {
                String wamid = answer.path("messages").path(0).path("id").asText("");
                if (wamid.isEmpty()) {
                    return new SendOutcome.Retry("no_message_id", "HTTP " + response.code() + " without messages[0].id");
                }
                return new SendOutcome.Accepted(wamid);
            }
            return classify(response.code(), answer);
        } catch (IOException e) {
            log.info("WhatsApp send of {} failed: {}", message.messageId(), e.toString());
            return new SendOutcome.Retry("network_error", e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** What an error answer means for the message (public for the tests of each Meta code). */
    static SendOutcome classify(int httpStatus, JsonNode answer) {
        JsonNode error = answer.path("error");
        int code = error.path("code").asInt(0);
        String title = error.path("error_data").path("details").asText(error.path("message").asText("HTTP " + httpStatus));
        if (httpStatus == 401 || code == 190) {
            return new SendOutcome.AccessDenied(code == 0 ? "http_401" : String.valueOf(code), title);
        }
        if (httpStatus == 429 || RATE_LIMITS.contains(code)) {
            return new SendOutcome.Retry(code == 0 ? "http_429" : String.valueOf(code), title);
        }
        if (code == WINDOW_CLOSED) {
            return new SendOutcome.Failed("whatsapp_window_closed", title);
        }
        if (httpStatus >= 500 || TRANSIENT.contains(code) || code == 0 && httpStatus == 408) {
            return new SendOutcome.Retry(code == 0 ? "http_" + httpStatus : String.valueOf(code), title);
        }
        return new SendOutcome.Failed(code == 0 ? "http_" + httpStatus : String.valueOf(code), title);
    }

    @Override
    public List<Template> templates() {
        List<Template> all = new ArrayList<>();
        String after = null;
        for (int page = 0; page < 20; page++) {
            HttpUrl.Builder u = url(config.businessAccountId(), "message_templates")
                    .addQueryParameter("fields", "name,language,category,status,components")
                    .addQueryParameter("limit", "100");
            if (after != null) {
                u.addQueryParameter("after", after);
            }
            Request request = new Request.Builder().url(u.build())
                    .header("Authorization", "Bearer " + config.accessToken()).get().build();
            JsonNode answer;
            try (Response response = http.newCall(request).execute()) {
                answer = read(response.body());
                if (!response.isSuccessful()) {
                    throw new WhatsAppUnavailableException("The Graph API refused the template list (HTTP "
                            + response.code() + ", code " + answer.path("error").path("code").asText("none") + ").");
                }
            } catch (IOException e) {
                throw new WhatsAppUnavailableException("The Graph API could not be reached for the template list.");
            }
            for (JsonNode t : answer.path("data")) {
                Category category;
                try {
                    category = Category.fromWire(t.path("category").asText(""));
                } catch (IllegalArgumentException e) {
                    continue;
                }
                if (category == Category.SERVICE) {
                    continue;
                }
                all.add(new Template(t.path("name").asText(), t.path("language").asText(), category,
                        t.path("status").asText(""), bodyParameters(t.path("components"))));
            }
            after = answer.path("paging").path("cursors").path("after").asText(null);
            if (after == null || answer.path("paging").path("next").isMissingNode()) {
                break;
            }
        }
        return all;
    }

    /** Distinct placeholders ({@code {{1}}}, {@code {{name}}}) in the BODY component. */
    static int bodyParameters(JsonNode components) {
        for (JsonNode c : components) {
            if ("BODY".equalsIgnoreCase(c.path("type").asText())) {
                Set<String> seen = new TreeSet<>();
                Matcher m = PLACEHOLDER.matcher(c.path("text").asText(""));
                while (m.find()) {
                    seen.add(m.group(1));
                }
                return seen.size();
            }
        }
        return 0;
    }

    private static JsonNode read(ResponseBody body) {
        try {
            String text = body == null ? "" : body.string();
            return text.isBlank() ? Json.mapper().createObjectNode() : Json.mapper().readTree(text);
        } catch (IOException | RuntimeException e) {
            return Json.mapper().createObjectNode();
        }
    }
}
