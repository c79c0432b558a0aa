package io.jumbe.server.simulator.daraja;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.jumbe.core.payments.mpesa.DarajaClient;
import io.jumbe.core.payments.mpesa.DarajaConfig;
import io.jumbe.core.payments.mpesa.DarajaRejectedException;
import io.jumbe.core.payments.mpesa.DarajaTransactionType;
import io.jumbe.core.payments.mpesa.MpesaEnvironment;
import io.jumbe.core.payments.mpesa.StkCallback;
import io.jumbe.core.payments.mpesa.StkCallbackParser;
import io.jumbe.core.payments.mpesa.StkPushRequest;
import io.jumbe.core.payments.mpesa.StkPushResult;
import io.jumbe.core.payments.mpesa.StkQueryResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real Daraja client against the running simulator; a MockWebServer plays our callback endpoint. */
class DarajaSimulatorTest {

    private static final String PREFIX = "/simulators/daraja";

    private final ObjectMapper json = new ObjectMapper();
    private final StkCallbackParser parser = new StkCallbackParser();
    private MockWebServer callbacks;
    private DarajaSimulator.Running simulator;
    private DarajaClient client;

    @BeforeEach
    void start() throws Exception {
        callbacks = new MockWebServer();
        callbacks.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse().setHeader("Content-Type", "application/json")
                        .setBody("{\"ResultCode\":0,\"ResultDesc\":\"Accepted\"}");
            }
        });
        callbacks.start();
        simulator = DarajaSimulator.start(0, DarajaSimulator.Settings.defaults(PREFIX)
                .withCallbackDelay(Duration.ofMillis(100))
                .withLostCallback(Duration.ofMillis(800), 0));
        client = clientFor(simulator.baseUrl(), DarajaSimulator.Settings.DEFAULT_CONSUMER_SECRET, DarajaConfig.SANDBOX_PASSKEY);
    }

    @AfterEach
    void stop() throws Exception {
        simulator.close();
        callbacks.shutdown();
    }

    private DarajaClient clientFor(String baseUrl, String secret, String passkey) {
        DarajaConfig config = DarajaConfig.forEnvironment(MpesaEnvironment.SIMULATOR, baseUrl,
                DarajaSimulator.Settings.DEFAULT_CONSUMER_KEY, secret, passkey, "174379", null,
                DarajaTransactionType.CUSTOMER_PAY_BILL_ONLINE,
                callbacks.url("/api/webhooks/mpesa/callback/secret-token").toString(), null);
        return new DarajaClient(config);
    }

    private StkPushResult push(String phone, long shillings) {
        return client.stkPush(new StkPushRequest(phone, shillings * 100, "TXN-ABC123", "Jumbe top-up"));
    }

    private StkCallback nextCallback() throws InterruptedException {
        RecordedRequest request = callbacks.takeRequest(10, TimeUnit.SECONDS);
        assertThat(request).as("a callback arrived").isNotNull();
        assertThat(request.getPath()).isEqualTo("/api/webhooks/mpesa/callback/secret-token");
        return parser.parse(request.getBody().readUtf8());
    }

    private StkQueryResult.Resolved queryUntilResolved(String checkoutRequestId) throws InterruptedException {
        Instant giveUp = Instant.now().plusSeconds(10);
        while (Instant.now().isBefore(giveUp)) {
            if (client.stkQuery(checkoutRequestId) instanceof StkQueryResult.Resolved resolved) {
                return resolved;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("STK Query never resolved " + checkoutRequestId);
    }

    @Test
    void paidPushCallsBackWithReceiptAmountAndPhone() throws Exception {
        StkPushResult pushed = push("254712345678", 1049);

        StkCallback callback = nextCallback();
        assertThat(pushed.responseCode()).isEqualTo("0");
        assertThat(pushed.checkoutRequestId()).startsWith("ws_CO_");
        assertThat(callback.checkoutRequestId()).isEqualTo(pushed.checkoutRequestId());
        assertThat(callback.merchantRequestId()).isEqualTo(pushed.merchantRequestId());
        assertThat(callback.resultCode()).isZero();
        assertThat(callback.amountCents()).isEqualTo(104_900L);
        assertThat(callback.mpesaReceipt()).matches("[A-Z0-9]{10}");
        assertThat(callback.phoneNumber()).isEqualTo("254712345678");
        assertThat(callback.transactionDate()).isNotNull();
    }

    @Test
    void paidCallbackHasTheOfficialShape() throws Exception {
        push("254712345678", 100);

        RecordedRequest request = callbacks.takeRequest(10, TimeUnit.SECONDS);
        JsonNode stk = json.readTree(request.getBody().readUtf8()).path("Body").path("stkCallback");
        assertThat(stk.get("ResultCode").isInt()).isTrue();
        JsonNode items = stk.path("CallbackMetadata").path("Item");
        assertThat(items.get(0).get("Name").asText()).isEqualTo("Amount");
        assertThat(items.get(0).get("Value").decimalValue()).isEqualByComparingTo("100.00");
        assertThat(items.get(2).get("Name").asText()).isEqualTo("Balance");
        assertThat(items.get(2).has("Value")).isFalse();
        assertThat(items.get(3).get("Value").isIntegralNumber()).isTrue();
        assertThat(items.get(4).get("Value").isIntegralNumber()).isTrue();
    }

    @Test
    void failedCallbackHasOnlyTheFourOfficialFields() throws Exception {
        push("254700000001", 100);

        RecordedRequest request = callbacks.takeRequest(10, TimeUnit.SECONDS);
        JsonNode stk = json.readTree(request.getBody().readUtf8()).path("Body").path("stkCallback");
        assertThat(stk.fieldNames()).toIterable()
                .containsExactly("MerchantRequestID", "CheckoutRequestID", "ResultCode", "ResultDesc");
        assertThat(stk.get("ResultCode").isInt()).isTrue();
    }

    @Test
    void numberEndingIn0001IsCancelledByTheUser() throws Exception {
        push("254700000001", 100);

        StkCallback callback = nextCallback();
        assertThat(callback.resultCode()).isEqualTo(1032);
        assertThat(callback.resultDesc()).isEqualTo("Request cancelled by user");
        assertThat(callback.mpesaReceipt()).isNull();
        assertThat(callback.amountCents()).isNull();
    }

    @Test
    void numberEndingIn0002IsUnreachable() throws Exception {
        push("254700000002", 100);

        assertThat(nextCallback().resultCode()).isEqualTo(1037);
    }

    @Test
    void numberEndingIn0003EntersAWrongPin() throws Exception {
        push("254700000003", 100);

        assertThat(nextCallback().resultCode()).isEqualTo(2001);
    }

    @Test
    void numberEndingIn0004HasInsufficientFunds() throws Exception {
        push("254700000004", 100);

        assertThat(nextCallback().resultCode()).isEqualTo(1);
    }

    @Test
    void numberEndingIn0005IsPendingThenResolvedOnlyByQuery() throws Exception {
        StkPushResult pushed = push("254700000005", 100);

        StkQueryResult first = client.stkQuery(pushed.checkoutRequestId());
        StkQueryResult.Resolved resolved = queryUntilResolved(pushed.checkoutRequestId());

        assertThat(first).isInstanceOf(StkQueryResult.Pending.class);
        assertThat(resolved.resultCode()).isEqualTo("0");
        assertThat(resolved.merchantRequestId()).isEqualTo(pushed.merchantRequestId());
        assertThat(callbacks.takeRequest(300, TimeUnit.MILLISECONDS)).as("no callback for …0005").isNull();
    }

    @Test
    void queryTellsTheResultAfterTheCallback() throws Exception {
        StkPushResult pushed = push("254700000001", 100);
        nextCallback();

        StkQueryResult.Resolved resolved = queryUntilResolved(pushed.checkoutRequestId());

        assertThat(resolved.resultCode()).isEqualTo("1032");
        assertThat(resolved.resultDesc()).isEqualTo("Request cancelled by user");
    }

    @Test
    void queryBeforeTheCustomerAnswersIsPending() throws Exception {
        try (DarajaSimulator.Running slow = DarajaSimulator.start(0,
                DarajaSimulator.Settings.defaults("").withCallbackDelay(Duration.ofMinutes(10)))) {
            DarajaClient slowClient = clientFor(slow.baseUrl(), DarajaSimulator.Settings.DEFAULT_CONSUMER_SECRET,
                    DarajaConfig.SANDBOX_PASSKEY);
            StkPushResult pushed = slowClient.stkPush(new StkPushRequest("254712345678", 100, "ref", null));

            assertThat(slowClient.stkQuery(pushed.checkoutRequestId())).isInstanceOf(StkQueryResult.Pending.class);
        }
    }

    @Test
    void queryOfAnUnknownCheckoutIdIsRejected() {
        assertThatThrownBy(() -> client.stkQuery("ws_CO_unknown"))
                .isInstanceOfSatisfying(DarajaRejectedException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo("400.002.02");
                    assertThat(e.errorMessage()).isEqualTo("Bad Request - Invalid CheckoutRequestID");
                });
    }

    @Test
    void wrongConsumerSecretIsRejectedAtOAuth() {
        DarajaClient wrong = clientFor(simulator.baseUrl(), "not-the-secret", DarajaConfig.SANDBOX_PASSKEY);

        assertThatThrownBy(() -> wrong.stkPush(new StkPushRequest("254712345678", 100, "ref", null)))
                .isInstanceOfSatisfying(DarajaRejectedException.class,
                        e -> assertThat(e.errorCode()).isEqualTo("400.008.01"));
    }

    @Test
    void passwordMadeWithAnotherPasskeyIsWrongCredentials() {
        DarajaClient wrong = clientFor(simulator.baseUrl(), DarajaSimulator.Settings.DEFAULT_CONSUMER_SECRET, "other-passkey");

        assertThatThrownBy(() -> wrong.stkPush(new StkPushRequest("254712345678", 100, "ref", null)))
                .isInstanceOfSatisfying(DarajaRejectedException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo("500.001.1001");
                    assertThat(e.errorMessage()).isEqualTo("Wrong credentials");
                });
    }

    @Test
    void clientRecoversWhenItsTokenIsInvalidated() {
        push("254712345678", 100);
        simulator.simulator().invalidateTokens();

        assertThat(push("254712345678", 100).responseCode()).isEqualTo("0");
    }

    @Test
    void pushWithoutAValidBearerTokenGetsInvalidAccessToken() throws Exception {
        try (Response response = rawPost("/mpesa/stkpush/v1/processrequest", "Bearer nope", "{}")) {
            JsonNode body = json.readTree(response.body().string());
            assertThat(response.code()).isEqualTo(404);
            assertThat(body.get("errorCode").asText()).isEqualTo("404.001.03");
            assertThat(body.get("errorMessage").asText()).isEqualTo("Invalid Access Token");
            assertThat(body.has("requestId")).isTrue();
        }
    }

    @Test
    void pushMissingAFieldIsABadRequestNamingIt() throws Exception {
        String token = token();
        String timestamp = "20250101120000";
        String password = io.jumbe.core.payments.mpesa.DarajaPassword.password("174379", DarajaConfig.SANDBOX_PASSKEY, timestamp);
        String body = "{\"BusinessShortCode\":174379,\"Password\":\"" + password + "\",\"Timestamp\":\"" + timestamp
                + "\",\"TransactionType\":\"CustomerPayBillOnline\",\"Amount\":\"1\",\"PartyA\":\"254712345678\","
                + "\"PartyB\":\"174379\",\"CallBackURL\":\"https://example.test/cb\",\"AccountReference\":\"ref\"}";

        try (Response response = rawPost("/mpesa/stkpush/v1/processrequest", "Bearer " + token, body)) {
            JsonNode answer = json.readTree(response.body().string());
            assertThat(response.code()).isEqualTo(400);
            assertThat(answer.get("errorCode").asText()).isEqualTo("400.002.02");
            assertThat(answer.get("errorMessage").asText()).isEqualTo("Bad Request - Invalid PhoneNumber");
        }
    }

    @Test
    void callbackCanBeSentSeveralTimesAtOnce() throws Exception {
        simulator.simulator().setCallbackCopies(1);
        StkPushResult pushed = push("254712345678", 100);
        StkCallback scheduled = nextCallback();

        List<Integer> statuses = simulator.simulator().sendCallbackNow(pushed.checkoutRequestId(), 3);

        assertThat(statuses).containsExactly(200, 200, 200);
        for (int i = 0; i < 3; i++) {
            assertThat(nextCallback()).isEqualTo(scheduled);
        }
    }

    @Test
    void scheduledCallbackCanBeRepeated() throws Exception {
        simulator.simulator().setCallbackCopies(2);
        StkPushResult pushed = push("254712345678", 100);

        assertThat(nextCallback().checkoutRequestId()).isEqualTo(pushed.checkoutRequestId());
        assertThat(nextCallback().checkoutRequestId()).isEqualTo(pushed.checkoutRequestId());
    }

    @Test
    void callbackAmountCanBeChangedForMismatchTests() throws Exception {
        simulator.simulator().setCallbackAmountOverride(50_00L);
        push("254712345678", 100);

        assertThat(nextCallback().amountCents()).isEqualTo(50_00L);
    }

    @Test
    void lostCallbackCanStillBeDeliveredLate() throws Exception {
        StkPushResult pushed = push("254700000005", 250);

        simulator.simulator().sendCallbackNow(pushed.checkoutRequestId(), 1);

        StkCallback late = nextCallback();
        assertThat(late.resultCode()).isZero();
        assertThat(late.amountCents()).isEqualTo(25_000L);
        assertThat(late.mpesaReceipt()).isEqualTo(simulator.simulator().push(pushed.checkoutRequestId()).orElseThrow().mpesaReceipt());
    }

    @Test
    void clientConfigOfTheSimulatorIsAccepted() throws Exception {
        DarajaClient configured = new DarajaClient(
                simulator.clientConfig(callbacks.url("/api/webhooks/mpesa/callback/secret-token").toString()));

        StkPushResult pushed = configured.stkPush(new StkPushRequest("254712345678", 100, "ref", null));

        assertThat(nextCallback().checkoutRequestId()).isEqualTo(pushed.checkoutRequestId());
    }

    @Test
    void worksMountedInsideAnotherJavalinApp() throws Exception {
        DarajaSimulator mounted = new DarajaSimulator(DarajaSimulator.Settings.defaults(PREFIX)
                .withCallbackDelay(Duration.ofMillis(50)));
        Javalin app = Javalin.create(config -> {
            config.routes.get("/health", ctx -> ctx.result("ok"));
            mounted.addRoutes(config);
        }).start("127.0.0.1", 0);
        try {
            DarajaClient mountedClient = clientFor("http://127.0.0.1:" + app.port() + PREFIX,
                    DarajaSimulator.Settings.DEFAULT_CONSUMER_SECRET, DarajaConfig.SANDBOX_PASSKEY);

            StkPushResult pushed = mountedClient.stkPush(new StkPushRequest("254712345678", 100, "ref", null));

            assertThat(nextCallback().checkoutRequestId()).isEqualTo(pushed.checkoutRequestId());
        } finally {
            app.stop();
            mounted.close();
        }
    }

    private String token() throws Exception {
        Request request = new Request.Builder()
                .url(simulator.baseUrl() + "/oauth/v1/generate?grant_type=client_credentials")
                .header("Authorization", okhttp3.Credentials.basic(DarajaSimulator.Settings.DEFAULT_CONSUMER_KEY,
                        DarajaSimulator.Settings.DEFAULT_CONSUMER_SECRET))
                .build();
        try (Response response = new OkHttpClient().newCall(request).execute()) {
            return json.readTree(response.body().string()).get("access_token").asText();
        }
    }

    private Response rawPost(String path, String authorization, String body) throws Exception {
        Request request = new Request.Builder().url(simulator.baseUrl() + path)
                .header("Authorization", authorization)
                .post(RequestBody.create(body, MediaType.get("application/json")))
                .build();
        return new OkHttpClient().newCall(request).execute();
    }
}
