package io.jumbe.core.sms.onfon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jumbe.core.common.Json;
import io.jumbe.core.common.OutboundHttp;
import io.jumbe.core.sms.MessageOutcome;
import io.jumbe.core.sms.OutboundSms;
import io.jumbe.core.sms.SmsEncoding;
import io.jumbe.core.sms.SmsGateway;
import io.jumbe.core.sms.SubmitBatch;
import io.jumbe.core.sms.SubmitResult;
import io.jumbe.core.sms.SubmitResult.FailureKind;
import io.jumbe.core.sms.SubmitResult.RequestFailed;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
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
 * Onfon Media's v1 REST API (providers.md §1): {@code POST {baseUrl}/v1/sms/SendBulkSMS} and
 * {@code GET {baseUrl}/v1/sms/Balance}.
 *
 * <p>A request succeeded only if the HTTP status is 2xx AND {@code ErrorCode} is 0; even then each recipient
 * is checked on its own ({@code MessageErrorCode} 0 and a non-empty {@code MessageId}), because Onfon answers
 * {@code ErrorCode 0} with a per-recipient 401 for an unapproved sender. Share one instance (and so one
 * OkHttp connection pool, kept alive between calls) across the process. The keys are never logged.
 */
public final class OnfonClient implements SmsGateway {

    private static final Logger log = LoggerFactory.getLogger(OnfonClient.class);
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final Set<String> ACCESS_DENIED = Set.of("007", "008", "009", "010", "011");
    private static final Pattern AMOUNT = Pattern.compile("-?\\d+(?:\\.\\d+)?");

    private final OnfonConfig config;
    private final OkHttpClient http;
    private final ObjectMapper json = new ObjectMapper(Json.newFactory());
    private final HttpUrl sendUrl;
    private final HttpUrl balanceUrl;

    /**
     * Builds a client over a caller-supplied OkHttp client (share it with the rest of the process to share
     * its connection pool; its timeouts bound each call).
     *
     * @param config account and address
     * @param http   the HTTP client; its {@code retryOnConnectionFailure} should be off so that retries
     *               happen only in dispatch
     */
    public OnfonClient(OnfonConfig config, OkHttpClient http) {
        this.config = Objects.requireNonNull(config, "config");
        this.http = Objects.requireNonNull(http, "http");
        HttpUrl base = HttpUrl.get(config.baseUrl() + "/");
        this.sendUrl = base.resolve("v1/sms/SendBulkSMS");
        this.balanceUrl = base.resolve("v1/sms/Balance");
    }

    /**
     * Builds a client with its own {@link #defaultHttpClient()}.
     *
     * @param config account and address
     */
    public OnfonClient(OnfonConfig config) {
        this(config, defaultHttpClient());
    }

    /**
     * An OkHttp client suited to Onfon: 5 s to connect, 30 s per call, short keep-alive pooling, and no silent
     * retry (dispatch owns retries). A send is resent only when it cannot have reached Onfon (its kept-alive
     * connection was found closed before it was written), since a resent SendBulkSMS would send the SMS twice.
     */
    public static OkHttpClient defaultHttpClient() {
        return OutboundHttp.builder(OutboundHttp.Resend.ONLY_UNSENT)
                .connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(30))
                .writeTimeout(Duration.ofSeconds(30))
                .callTimeout(Duration.ofSeconds(45))
                .retryOnConnectionFailure(false)
                .build();
    }

    @Override
    public SubmitResult submit(SubmitBatch batch) {
        byte[] body;
        try {
            body = json.writeValueAsBytes(requestBody(batch));
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise an Onfon request", e);
        }
        Request request = new Request.Builder()
                .url(sendUrl)
                .header("AccessKey", config.accessKey())
                .header("Accept", "application/json")
                .post(RequestBody.create(body, JSON))
                .build();
        try (Response response = http.newCall(request).execute()) {
            String text = readBody(response);
            if (!response.isSuccessful()) {
                RequestFailed failure = httpFailure(response.code(), text);
                log.warn("Onfon SendBulkSMS answered HTTP {} for {} messages: {}", response.code(),
                        batch.messages().size(), failure.kind().code());
                return failure;
            }
            return interpretSend(batch, text);
        } catch (InterruptedIOException e) {
            log.warn("Onfon SendBulkSMS timed out for {} messages", batch.messages().size());
            return new RequestFailed(FailureKind.TRANSIENT, "timeout", "no answer from Onfon in time");
        } catch (IOException e) {
            log.warn("Onfon SendBulkSMS connection failed: {}", e.toString());
            return new RequestFailed(FailureKind.TRANSIENT, "connection_failed", "could not reach Onfon: " + e.getClass().getSimpleName());
        }
    }

    /**
     * Reads the account's remaining credit ({@code GET /v1/sms/Balance}).
     *
     * @return pluginType, the raw {@code Credits} string and its value in cents
     * @throws OnfonException when the call fails or the answer carries a non-zero {@code ErrorCode}
     */
    public OnfonBalance balance() {
        HttpUrl url = balanceUrl.newBuilder()
                .addQueryParameter("ApiKey", config.apiKey())
                .addQueryParameter("ClientId", config.clientId())
                .build();
        Request request = new Request.Builder()
                .url(url)
                .header("AccessKey", config.accessKey())
                .header("Accept", "application/json")
                .get()
                .build();
        try (Response response = http.newCall(request).execute()) {
            String text = readBody(response);
            if (!response.isSuccessful()) {
                throw new OnfonException("http_" + response.code(), "Onfon Balance answered HTTP " + response.code(), null);
            }
            JsonNode root = parse(text);
            if (root == null) {
                throw new OnfonException("invalid_response", "Onfon Balance answered something that is not JSON", null);
            }
            String code = topLevelCode(root.get("ErrorCode"));
            if (!"000".equals(code)) {
                throw new OnfonException(code, "Onfon Balance failed: " + root.path("ErrorDescription").asText(""), null);
            }
            JsonNode entry = root.path("Data").path(0);
            String credits = entry.path("Credits").asText("");
            return new OnfonBalance(entry.path("PluginType").asText(""), credits, parseCents(credits));
        } catch (InterruptedIOException e) {
            throw new OnfonException("timeout", "no answer from Onfon Balance in time", e);
        } catch (IOException e) {
            throw new OnfonException("connection_failed", "could not reach Onfon Balance", e);
        }
    }

    private ObjectNode requestBody(SubmitBatch batch) {
        ObjectNode root = json.createObjectNode();
        root.put("ApiKey", config.apiKey());
        root.put("ClientId", config.clientId());
        root.put("SenderId", batch.senderId());
        root.put("IsUnicode", batch.encoding() == SmsEncoding.UCS_2);
        root.put("IsFlash", false);
        ArrayNode parameters = root.putArray("MessageParameters");
        for (OutboundSms message : batch.messages()) {
            parameters.addObject().put("Number", message.recipient()).put("Text", message.text());
        }
        return root;
    }

    private SubmitResult interpretSend(SubmitBatch batch, String text) {
        JsonNode root = parse(text);
        if (root == null || !root.isObject()) {
            // A 2xx we cannot read may or may not have sent; dispatch retries with the same message ids.
            log.warn("Onfon SendBulkSMS answered 2xx with a body that is not a JSON object");
            return new RequestFailed(FailureKind.TRANSIENT, "invalid_response", "Onfon answered a body that is not JSON");
        }
        String code = topLevelCode(root.get("ErrorCode"));
        String description = root.path("ErrorDescription").isNull() ? "" : root.path("ErrorDescription").asText("");
        if (!"000".equals(code)) {
            FailureKind kind = kindOf(code);
            log.warn("Onfon SendBulkSMS refused a request of {} messages: ErrorCode {} ({}) -> {}",
                    batch.messages().size(), code, description, kind.code());
            return new RequestFailed(kind, code, description);
        }
        JsonNode data = root.path("Data");
        List<JsonNode> entries = new ArrayList<>();
        if (data.isArray()) {
            data.forEach(entries::add);
        }
        return new SubmitResult.Completed(match(batch.messages(), entries));
    }

    // Entries are matched by index when the counts agree (Onfon answers in request order and may reformat a
    // number), otherwise by MobileNumber, first unmatched message first.
    private List<MessageOutcome> match(List<OutboundSms> messages, List<JsonNode> entries) {
        JsonNode[] byMessage = new JsonNode[messages.size()];
        if (entries.size() == messages.size()) {
            for (int i = 0; i < entries.size(); i++) {
                byMessage[i] = entries.get(i);
            }
        } else {
            Map<String, Deque<Integer>> positions = new HashMap<>();
            for (int i = 0; i < messages.size(); i++) {
                positions.computeIfAbsent(messages.get(i).recipient(), k -> new ArrayDeque<>()).add(i);
            }
            for (JsonNode entry : entries) {
                Deque<Integer> queue = positions.get(entry.path("MobileNumber").asText(""));
                if (queue != null && !queue.isEmpty()) {
                    byMessage[queue.poll()] = entry;
                }
            }
        }
        List<MessageOutcome> outcomes = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            outcomes.add(outcomeOf(messages.get(i), byMessage[i]));
        }
        return outcomes;
    }

    private static MessageOutcome outcomeOf(OutboundSms message, JsonNode entry) {
        if (entry == null) {
            return new MessageOutcome.TransientFailure(message.messageId(), "Onfon's answer has no entry for this recipient");
        }
        String code = recipientCode(entry.get("MessageErrorCode"));
        String description = entry.path("MessageErrorDescription").isNull() ? "" : entry.path("MessageErrorDescription").asText("");
        JsonNode idNode = entry.get("MessageId");
        String upstreamId = idNode == null || idNode.isNull() ? "" : idNode.asText("").strip();
        if ("0".equals(code) && !upstreamId.isEmpty()) {
            return new MessageOutcome.Accepted(message.messageId(), upstreamId);
        }
        if ("0".equals(code)) {
            return new MessageOutcome.Rejected(message.messageId(), "no_message_id",
                    description.isEmpty() ? "Onfon returned no MessageId" : description);
        }
        return new MessageOutcome.Rejected(message.messageId(), code, description);
    }

    private static FailureKind kindOf(String code) {
        if ("006".equals(code)) {
            return FailureKind.TRANSIENT;
        }
        if ("021".equals(code)) {
            return FailureKind.UPSTREAM_CREDIT_EXHAUSTED;
        }
        if (ACCESS_DENIED.contains(code)) {
            return FailureKind.UPSTREAM_ACCESS_DENIED;
        }
        return FailureKind.PERMANENT;
    }

    private static RequestFailed httpFailure(int status, String body) {
        String code = "http_" + status;
        if (status >= 500 || status == 408 || status == 429) {
            return new RequestFailed(FailureKind.TRANSIENT, code, "Onfon answered HTTP " + status);
        }
        if (status == 401 || status == 403) {
            return new RequestFailed(FailureKind.UPSTREAM_ACCESS_DENIED, code, "Onfon refused our credentials (HTTP " + status + ")");
        }
        return new RequestFailed(FailureKind.PERMANENT, code, "Onfon answered HTTP " + status);
    }

    /** Top-level codes arrive as {@code 0} or {@code "000"}; normalise to three digits. Missing → invalid. */
    private static String topLevelCode(JsonNode node) {
        if (node == null || node.isNull()) {
            return "invalid_response";
        }
        String raw = node.asText("").strip();
        if (raw.matches("\\d+")) {
            return String.format("%03d", Integer.parseInt(raw));
        }
        return raw.isEmpty() ? "invalid_response" : raw;
    }

    /** Per-recipient codes ({@code 0}, {@code 401}, {@code "801"}) as plain integers in text; missing counts as 0. */
    private static String recipientCode(JsonNode node) {
        if (node == null || node.isNull()) {
            return "0";
        }
        String raw = node.asText("").strip();
        if (raw.isEmpty()) {
            return "0";
        }
        // "000" reads as 0; a run of digits too long for an int is kept as sent
        return raw.length() <= 9 && raw.chars().allMatch(c -> c >= '0' && c <= '9')
                ? Integer.toString(Integer.parseInt(raw)) : raw;
    }

    private static long parseCents(String credits) {
        Matcher m = AMOUNT.matcher(credits.replace(",", ""));
        if (!m.find()) {
            throw new OnfonException("invalid_response", "Onfon Balance Credits is not a number", null);
        }
        return new BigDecimal(m.group()).movePointRight(2).setScale(0, RoundingMode.DOWN).longValueExact();
    }

    private JsonNode parse(String text) {
        try {
            return text.isBlank() ? null : json.readTree(text);
        } catch (IOException e) {
            return null;
        }
    }

    private static String readBody(Response response) throws IOException {
        ResponseBody body = response.body();
        return body == null ? "" : body.string();
    }
}
