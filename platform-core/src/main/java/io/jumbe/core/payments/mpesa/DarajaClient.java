package io.jumbe.core.payments.mpesa;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jumbe.core.common.Json;
import io.jumbe.core.common.OutboundHttp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import okhttp3.Credentials;
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
 * Safaricom Daraja over HTTP: OAuth client-credentials, STK Push and STK Query, written to the published
 * contract. One instance per Daraja app, shared by all threads: it caches the access token, refreshes it a few
 * minutes before {@code expires_in}, and on {@code 404.001.03} (invalid access token) refreshes once and
 * repeats the call. There is no other retry here: the caller's job queue retries.
 */
public final class DarajaClient implements PaymentGateway {

    private static final Logger LOG = LoggerFactory.getLogger(DarajaClient.class);
    private static final MediaType JSON = MediaType.get("application/json");
    private static final String INVALID_TOKEN = "404.001.03";
    private static final String PUSH_REFUSED = "500.001.1001";
    private static final String QUERY_PATH = "/mpesa/stkpushquery/v1/query";

    private final DarajaConfig config;
    private final OkHttpClient http;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper(Json.newFactory());
    private final AccessTokenCache tokens;

    /** A client with its own OkHttp client (10 s connect, 30 s read) and the system clock. */
    public DarajaClient(DarajaConfig config) {
        this(config, defaultHttpClient(), Clock.systemUTC());
    }

    /**
     * @param config Daraja app and endpoints
     * @param http   the HTTP client; its timeouts bound each call (OkHttp's silent retries are turned off here)
     * @param clock  source of {@code Timestamp} and of token expiry
     */
    public DarajaClient(DarajaConfig config, OkHttpClient http, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.http = http.newBuilder().retryOnConnectionFailure(false).build();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.tokens = new AccessTokenCache(this::fetchToken, clock);
    }

    /**
     * An OkHttp client with the timeouts this client uses by default and short keep-alive pooling. A request that
     * failed on a kept-alive connection Daraja had closed is resent only when that cannot push a second STK prompt:
     * it was never written, or it only reads (token, STK Query).
     */
    public static OkHttpClient defaultHttpClient() {
        return OutboundHttp.builder(OutboundHttp.Resend.ONLY_UNSENT)
                .connectTimeout(Duration.ofSeconds(10))
                .readTimeout(Duration.ofSeconds(30))
                .writeTimeout(Duration.ofSeconds(30))
                .callTimeout(Duration.ofSeconds(45))
                .retryOnConnectionFailure(false)
                .build();
    }

    /** The settings this client uses. */
    public DarajaConfig config() {
        return config;
    }

    @Override
    public StkPushResult stkPush(StkPushRequest request) {
        Objects.requireNonNull(request, "request");
        String timestamp = DarajaPassword.timestamp(clock.instant());
        ObjectNode body = json.createObjectNode();
        body.put("BusinessShortCode", Long.parseLong(config.shortcode()));
        body.put("Password", DarajaPassword.password(config.shortcode(), config.passkey(), timestamp));
        body.put("Timestamp", timestamp);
        body.put("TransactionType", config.transactionType().wireName());
        body.put("Amount", request.amountShillings());
        body.put("PartyA", request.phoneNumber());
        body.put("PartyB", config.partyB());
        body.put("PhoneNumber", request.phoneNumber());
        body.put("CallBackURL", config.callbackUrl());
        body.put("AccountReference", request.accountReference());
        body.put("TransactionDesc", request.transactionDesc());

        Answer answer = postWithToken("/mpesa/stkpush/v1/processrequest", body);
        if (!answer.isSuccessful()) {
            throw failure("STK Push", answer, PUSH_REFUSED.equals(answer.errorCode()));
        }
        String responseCode = text(answer.body(), "ResponseCode");
        String description = text(answer.body(), "ResponseDescription");
        if (responseCode != null && !"0".equals(responseCode.trim())) {
            LOG.warn("Daraja STK Push refused: ResponseCode {} {}", responseCode, description);
            throw new DarajaRejectedException(answer.status(), responseCode.trim(), description, null);
        }
        String checkoutRequestId = text(answer.body(), "CheckoutRequestID");
        if (responseCode == null || checkoutRequestId == null) {
            throw new DarajaUnavailableException(answer.status(), null,
                    "STK Push answer has no ResponseCode or CheckoutRequestID", null, null);
        }
        LOG.info("Daraja STK Push accepted: CheckoutRequestID {}", checkoutRequestId);
        return new StkPushResult(text(answer.body(), "MerchantRequestID"), checkoutRequestId, responseCode.trim(),
                description, text(answer.body(), "CustomerMessage"));
    }

    @Override
    public StkQueryResult stkQuery(String checkoutRequestId) {
        if (checkoutRequestId == null || checkoutRequestId.isBlank()) {
            throw new IllegalArgumentException("checkoutRequestId is required");
        }
        String timestamp = DarajaPassword.timestamp(clock.instant());
        ObjectNode body = json.createObjectNode();
        body.put("BusinessShortCode", config.shortcode());
        body.put("Password", DarajaPassword.password(config.shortcode(), config.passkey(), timestamp));
        body.put("Timestamp", timestamp);
        body.put("CheckoutRequestID", checkoutRequestId);

        Answer answer = postWithToken(QUERY_PATH, body);
        if (isBeingProcessed(answer)) {
            return new StkQueryResult.Pending(checkoutRequestId, answer.errorMessage());
        }
        if (!answer.isSuccessful()) {
            throw failure("STK Query", answer, PUSH_REFUSED.equals(answer.errorCode()));
        }
        String responseCode = text(answer.body(), "ResponseCode");
        if (responseCode != null && !"0".equals(responseCode.trim())) {
            throw new DarajaRejectedException(answer.status(), responseCode.trim(),
                    text(answer.body(), "ResponseDescription"), null);
        }
        String resultCode = text(answer.body(), "ResultCode");
        if (resultCode == null) {
            throw new DarajaUnavailableException(answer.status(), null, "STK Query answer has no ResultCode",
                    null, null);
        }
        String answeredId = text(answer.body(), "CheckoutRequestID");
        return new StkQueryResult.Resolved(answeredId != null ? answeredId : checkoutRequestId,
                text(answer.body(), "MerchantRequestID"), resultCode.trim(), text(answer.body(), "ResultDesc"));
    }

    private static boolean isBeingProcessed(Answer answer) {
        return PUSH_REFUSED.equals(answer.errorCode()) && answer.errorMessage() != null
                && answer.errorMessage().toLowerCase(Locale.ROOT).contains("being processed");
    }

    // Daraja's own word is final for 4xx and for 500.001.1001 (merchant, credentials, locked subscriber);
    // other 5xx (busy, spike arrest, quota, internal error) may pass on a later try.
    private static DarajaException failure(String what, Answer answer, boolean definite) {
        LOG.warn("Daraja {} failed: HTTP {} {} {} (requestId {})", what, answer.status(), answer.errorCode(),
                answer.errorMessage(), answer.requestId());
        if (definite || answer.status() < 500) {
            return new DarajaRejectedException(answer.status(), answer.errorCode(), answer.errorMessage(),
                    answer.requestId());
        }
        return new DarajaUnavailableException(answer.status(), answer.errorCode(), answer.errorMessage(),
                answer.requestId(), null);
    }

    private Answer postWithToken(String path, ObjectNode body) {
        String token = tokens.get();
        Answer answer = post(path, body, token);
        if (INVALID_TOKEN.equals(answer.errorCode())) {
            LOG.info("Daraja rejected the access token; fetching a new one and trying once more");
            tokens.invalidate(token);
            answer = post(path, body, tokens.get());
        }
        return answer;
    }

    private Answer post(String path, ObjectNode body, String token) {
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write Daraja request", e);
        }
        Request request = new Request.Builder()
                .url(config.baseUrl() + path)
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .post(RequestBody.create(bytes, JSON))
                // A query only reads, so it may be resent after a stale connection; a push would prompt twice.
                .tag(OutboundHttp.Resend.class, path.equals(QUERY_PATH) ? OutboundHttp.Resend.ANY_REQUEST
                        : OutboundHttp.Resend.ONLY_UNSENT)
                .build();
        return execute(request, path);
    }

    private AccessTokenCache.IssuedToken fetchToken() {
        HttpUrl url = Objects.requireNonNull(HttpUrl.parse(config.baseUrl() + "/oauth/v1/generate"),
                "Daraja base URL").newBuilder().addQueryParameter("grant_type", "client_credentials").build();
        Request request = new Request.Builder()
                .url(url)
                .header("Authorization",
                        Credentials.basic(config.consumerKey(), config.consumerSecret(), StandardCharsets.UTF_8))
                .header("Accept", "application/json")
                .get()
                .build();
        Answer answer = execute(request, "/oauth/v1/generate");
        if (!answer.isSuccessful()) {
            throw failure("OAuth", answer, false);
        }
        String token = text(answer.body(), "access_token");
        long seconds;
        try {
            seconds = Long.parseLong(Objects.requireNonNullElse(text(answer.body(), "expires_in"), "").trim());
        } catch (NumberFormatException e) {
            seconds = -1;
        }
        if (token == null || seconds <= 0) {
            throw new DarajaUnavailableException(answer.status(), null,
                    "OAuth answer has no access_token or expires_in", null, null);
        }
        LOG.debug("Daraja access token issued for {} s", seconds);
        return new AccessTokenCache.IssuedToken(token, Duration.ofSeconds(seconds));
    }

    private Answer execute(Request request, String path) {
        try (Response response = http.newCall(request).execute()) {
            ResponseBody responseBody = response.body();
            String text = responseBody == null ? "" : responseBody.string();
            JsonNode node = readJson(text);
            return new Answer(response.code(), node);
        } catch (IOException e) {
            LOG.warn("Daraja {} did not answer: {}", path, e.toString());
            throw new DarajaUnavailableException(0, null, "no answer from Daraja: " + e.getClass().getSimpleName(),
                    null, e);
        }
    }

    private JsonNode readJson(String text) {
        if (text == null || text.isBlank()) {
            return json.createObjectNode();
        }
        try {
            JsonNode node = json.readTree(text);
            return node != null && node.isObject() ? node : json.createObjectNode();
        } catch (JsonProcessingException e) {
            return json.createObjectNode(); // HTML error pages from gateways in front of Daraja
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.isContainerNode()) {
            return null;
        }
        return value.asText();
    }

    /** An HTTP answer from Daraja with its JSON body (empty object when it had none). */
    private record Answer(int status, JsonNode body) {

        boolean isSuccessful() {
            return status >= 200 && status < 300 && errorCode() == null;
        }

        String errorCode() {
            return text(body, "errorCode");
        }

        String errorMessage() {
            String message = text(body, "errorMessage");
            return message != null ? message : (status >= 300 ? "HTTP " + status : null);
        }

        String requestId() {
            return text(body, "requestId");
        }
    }
}
