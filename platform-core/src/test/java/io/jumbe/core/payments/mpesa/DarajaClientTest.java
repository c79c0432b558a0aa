package io.jumbe.core.payments.mpesa;

import io.jumbe.core.testing.TestClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DarajaClientTest {

    // 2021-06-28 09:24:08 in Nairobi: the moment of the official STK Push sample
    private static final Instant SAMPLE_MOMENT = Instant.parse("2021-06-28T06:24:08Z");
    private static final String SAMPLE_PASSWORD = "MTc0Mzc5YmZiMjc5ZjlhYTliZGJjZjE1OGU5N2RkNzFhNDY3Y2QyZTBjODkzMDU5YjEwZjc4ZTZiNzJhZGExZWQyYzkxOTIwMjEwNjI4MDkyNDA4";
    private static final String BEING_PROCESSED =
            "{\"requestId\":\"ws_CO_20022018230142206\",\"errorCode\":\"500.001.1001\",\"errorMessage\":\"The transaction is being processed\"}";

    private final ObjectMapper json = new ObjectMapper();
    private final FakeDaraja daraja = new FakeDaraja();
    private final TestClock clock = new TestClock(SAMPLE_MOMENT);
    private MockWebServer server;
    private DarajaClient client;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.setDispatcher(daraja);
        server.start();
        client = clientWith(DarajaClient.defaultHttpClient());
    }

    @AfterEach
    void stop() throws Exception {
        server.shutdown();
    }

    private DarajaClient clientWith(OkHttpClient http) {
        DarajaConfig config = DarajaConfig.forEnvironment(MpesaEnvironment.SIMULATOR, server.url("/").toString(),
                "consumer-key", "consumer-secret", DarajaConfig.SANDBOX_PASSKEY, "174379", null,
                DarajaTransactionType.CUSTOMER_PAY_BILL_ONLINE, "https://jumbe.test/api/webhooks/mpesa/callback/tok", null);
        return new DarajaClient(config, http, clock);
    }

    private static StkPushRequest push() {
        return new StkPushRequest("254722111111", 100_000, "TXN-0123456789", "Jumbe top-up");
    }

    private RecordedRequest nextApiRequest() throws InterruptedException {
        while (true) {
            RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
            assertThat(request).as("a request reached the server").isNotNull();
            if (!request.getPath().startsWith("/oauth")) {
                return request;
            }
        }
    }

    @Test
    void pushSendsEveryFieldWithThePasswordAndTimestampOfTheClock() throws Exception {
        client.stkPush(new StkPushRequest("254722111111", 100, "accountref", "txndesc"));

        RecordedRequest request = nextApiRequest();
        JsonNode body = json.readTree(request.getBody().readUtf8());
        assertThat(request.getPath()).isEqualTo("/mpesa/stkpush/v1/processrequest");
        assertThat(request.getHeader("Content-Type")).startsWith("application/json");
        assertThat(body.get("BusinessShortCode").asText()).isEqualTo("174379");
        assertThat(body.get("Password").asText()).isEqualTo(SAMPLE_PASSWORD);
        assertThat(body.get("Timestamp").asText()).isEqualTo("20210628092408");
        assertThat(body.get("TransactionType").asText()).isEqualTo("CustomerPayBillOnline");
        assertThat(body.get("Amount").asLong()).isEqualTo(1);
        assertThat(body.get("PartyA").asText()).isEqualTo("254722111111");
        assertThat(body.get("PartyB").asText()).isEqualTo("174379");
        assertThat(body.get("PhoneNumber").asText()).isEqualTo("254722111111");
        assertThat(body.get("CallBackURL").asText()).isEqualTo("https://jumbe.test/api/webhooks/mpesa/callback/tok");
        assertThat(body.get("AccountReference").asText()).isEqualTo("accountref");
        assertThat(body.get("TransactionDesc").asText()).isEqualTo("txndesc");
    }

    @Test
    void pushCarriesTheBearerToken() throws Exception {
        client.stkPush(push());

        assertThat(nextApiRequest().getHeader("Authorization")).isEqualTo("Bearer token-1");
    }

    @Test
    void tokenIsFetchedWithBasicCredentials() throws Exception {
        client.stkPush(push());

        RecordedRequest token = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(token.getMethod()).isEqualTo("GET");
        assertThat(token.getPath()).isEqualTo("/oauth/v1/generate?grant_type=client_credentials");
        assertThat(token.getHeader("Authorization")).isEqualTo("Basic Y29uc3VtZXIta2V5OmNvbnN1bWVyLXNlY3JldA==");
    }

    @Test
    void pushReturnsDarajasAcknowledgement() {
        StkPushResult result = client.stkPush(push());

        assertThat(result).isEqualTo(new StkPushResult("2654-4b64-97ff-b827b542881d3130",
                "ws_CO_1007202409152617172396192", "0", "Success. Request accepted for processing",
                "Success. Request accepted for processing"));
    }

    @Test
    void oneTokenServesManyRequests() {
        for (int i = 0; i < 5; i++) {
            client.stkPush(push());
            client.stkQuery("ws_CO_1");
        }

        assertThat(daraja.tokensIssued()).isEqualTo(1);
    }

    @Test
    void concurrentRequestsShareOneToken() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<StkPushResult>> calls = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                calls.add(() -> client.stkPush(push()));
            }
            for (Future<StkPushResult> result : pool.invokeAll(calls)) {
                assertThat(result.get().responseCode()).isEqualTo("0");
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(daraja.tokensIssued()).isEqualTo(1);
    }

    @Test
    void tokenIsKeptUntilShortlyBeforeItExpires() {
        client.stkPush(push());
        clock.advance(Duration.ofMinutes(50));
        client.stkPush(push());

        assertThat(daraja.tokensIssued()).isEqualTo(1);
    }

    @Test
    void tokenIsRefreshedShortlyBeforeItExpires() throws Exception {
        client.stkPush(push());
        clock.advance(Duration.ofMinutes(56));
        client.stkPush(push());

        assertThat(daraja.tokensIssued()).isEqualTo(2);
        nextApiRequest();
        assertThat(nextApiRequest().getHeader("Authorization")).isEqualTo("Bearer token-2");
    }

    @Test
    void expiresInGivenAsAStringIsRead() {
        daraja.expiresIn("\"3599\"");
        client.stkPush(push());
        clock.advance(Duration.ofMinutes(50));
        client.stkPush(push());

        assertThat(daraja.tokensIssued()).isEqualTo(1);
    }

    @Test
    void invalidAccessTokenIsRefreshedOnceAndTheCallRepeated() throws Exception {
        daraja.answerNext(404, "{\"requestId\":\"r1\",\"errorCode\":\"404.001.03\",\"errorMessage\":\"Invalid Access Token\"}");

        StkPushResult result = client.stkPush(push());

        assertThat(result.checkoutRequestId()).isEqualTo("ws_CO_1007202409152617172396192");
        assertThat(daraja.tokensIssued()).isEqualTo(2);
        assertThat(nextApiRequest().getHeader("Authorization")).isEqualTo("Bearer token-1");
        assertThat(nextApiRequest().getHeader("Authorization")).isEqualTo("Bearer token-2");
    }

    @Test
    void concurrentCallsRejectedForTheSameStaleTokenCauseOneRefresh() throws Exception {
        client.stkPush(push());
        daraja.revoke("token-1");
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<StkPushResult>> calls = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                calls.add(() -> client.stkPush(push()));
            }
            for (Future<StkPushResult> result : pool.invokeAll(calls)) {
                assertThat(result.get().responseCode()).isEqualTo("0");
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(daraja.tokensIssued()).isEqualTo(2);
    }

    @Test
    void aSecondInvalidAccessTokenIsNotRetriedAgain() {
        String invalid = "{\"requestId\":\"r1\",\"errorCode\":\"404.001.03\",\"errorMessage\":\"Invalid Access Token\"}";
        daraja.answerNext(404, invalid);
        daraja.answerNext(404, invalid);

        assertThatThrownBy(() -> client.stkPush(push()))
                .isInstanceOfSatisfying(DarajaRejectedException.class,
                        e -> assertThat(e.errorCode()).isEqualTo("404.001.03"));
        assertThat(daraja.tokensIssued()).isEqualTo(2);
    }

    @Test
    void badRequestIsADefiniteRejectionWithDarajasWords() {
        daraja.answerNext(400, "{ \"requestId\": \"1c5b-4ba8-815c-ac45c57a3db01495926\", \"errorCode\": \"400.002.02\", "
                + "\"errorMessage\": \"Bad Request - Invalid PhoneNumber\" }");

        assertThatThrownBy(() -> client.stkPush(push()))
                .isInstanceOfSatisfying(DarajaRejectedException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(400);
                    assertThat(e.errorCode()).isEqualTo("400.002.02");
                    assertThat(e.errorMessage()).isEqualTo("Bad Request - Invalid PhoneNumber");
                    assertThat(e.requestId()).isEqualTo("1c5b-4ba8-815c-ac45c57a3db01495926");
                    assertThat(e.isTransient()).isFalse();
                });
    }

    @Test
    void merchantDoesNotExistIsADefiniteRejection() {
        daraja.answerNext(500, "{\"requestId\":\"r\",\"errorCode\":\"500.001.1001\",\"errorMessage\":\"Merchant does not exist\"}");

        assertThatThrownBy(() -> client.stkPush(push())).isInstanceOf(DarajaRejectedException.class);
    }

    @Test
    void spikeArrestIsTransient() {
        daraja.answerNext(500, "{\"requestId\":\"r\",\"errorCode\":\"500.003.02\",\"errorMessage\":\"Spike Arrest Violation\"}");

        assertThatThrownBy(() -> client.stkPush(push()))
                .isInstanceOfSatisfying(DarajaUnavailableException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo("500.003.02");
                    assertThat(e.isTransient()).isTrue();
                });
    }

    @Test
    void aGatewayErrorWithoutJsonIsTransient() {
        daraja.answerNext(new MockResponse().setResponseCode(503).setBody("<html>Service Unavailable</html>"));

        assertThatThrownBy(() -> client.stkPush(push()))
                .isInstanceOfSatisfying(DarajaUnavailableException.class, e -> assertThat(e.httpStatus()).isEqualTo(503));
    }

    @Test
    void noAnswerInTimeIsTransient() {
        DarajaClient impatient = clientWith(new OkHttpClient.Builder().readTimeout(Duration.ofMillis(300)).build());
        impatient.stkQuery("ws_CO_warm_up_token");
        daraja.answerNext(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));

        assertThatThrownBy(() -> impatient.stkPush(push()))
                .isInstanceOfSatisfying(DarajaUnavailableException.class, e -> assertThat(e.httpStatus()).isZero());
    }

    @Test
    void nonZeroResponseCodeIsADefiniteRejection() {
        daraja.answerNext(200, "{\"MerchantRequestID\":\"m\",\"CheckoutRequestID\":\"c\",\"ResponseCode\":\"1\","
                + "\"ResponseDescription\":\"Rejected\",\"CustomerMessage\":\"Rejected\"}");

        assertThatThrownBy(() -> client.stkPush(push()))
                .isInstanceOfSatisfying(DarajaRejectedException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo("1");
                    assertThat(e.errorMessage()).isEqualTo("Rejected");
                });
    }

    @Test
    void badConsumerCredentialsAreADefiniteRejection() throws Exception {
        server.shutdown();
        server = new MockWebServer();
        server.enqueue(FakeDaraja.json(400, "{\"requestId\":\"r\",\"errorCode\":\"400.008.01\",\"errorMessage\":\"Invalid Authentication passed\"}"));
        server.start();
        DarajaClient unauthorised = clientWith(DarajaClient.defaultHttpClient());

        assertThatThrownBy(() -> unauthorised.stkPush(push()))
                .isInstanceOfSatisfying(DarajaRejectedException.class,
                        e -> assertThat(e.errorCode()).isEqualTo("400.008.01"));
    }

    @Test
    void queryWhileTheCustomerHasNotAnsweredIsPending() {
        daraja.answerNext(500, BEING_PROCESSED);

        StkQueryResult result = client.stkQuery("ws_CO_20022018230142206");

        assertThat(result).isEqualTo(new StkQueryResult.Pending("ws_CO_20022018230142206", "The transaction is being processed"));
    }

    @Test
    void querySendsShortcodePasswordTimestampAndCheckoutId() throws Exception {
        client.stkQuery("ws_CO_260520211133524545");

        RecordedRequest request = nextApiRequest();
        JsonNode body = json.readTree(request.getBody().readUtf8());
        assertThat(request.getPath()).isEqualTo("/mpesa/stkpushquery/v1/query");
        assertThat(body.get("BusinessShortCode").asText()).isEqualTo("174379");
        assertThat(body.get("Password").asText()).isEqualTo(SAMPLE_PASSWORD);
        assertThat(body.get("Timestamp").asText()).isEqualTo("20210628092408");
        assertThat(body.get("CheckoutRequestID").asText()).isEqualTo("ws_CO_260520211133524545");
    }

    @Test
    void queryReadsTheStringResultCode() {
        daraja.answerNext(200, "{ \"ResponseCode\": \"0\", \"ResponseDescription\": \"The service request has been accepted successsfully\","
                + " \"MerchantRequestID\": \"22205-34066-1\", \"CheckoutRequestID\": \"ws_CO_13012021093521236557\","
                + " \"ResultCode\": \"1032\", \"ResultDesc\": \"Request cancelled by user\" }");

        StkQueryResult result = client.stkQuery("ws_CO_13012021093521236557");

        assertThat(result).isInstanceOfSatisfying(StkQueryResult.Resolved.class, resolved -> {
            assertThat(resolved.resultCode()).isEqualTo("1032");
            assertThat(resolved.merchantRequestId()).isEqualTo("22205-34066-1");
            assertThat(resolved.isSuccess()).isFalse();
            assertThat(resolved.outcome().status()).isEqualTo(DarajaResultCodes.Status.CANCELLED);
        });
    }

    @Test
    void queryOfAnUnknownIdIsRejected() {
        daraja.answerNext(400, "{\"requestId\":\"r\",\"errorCode\":\"400.002.02\",\"errorMessage\":\"Bad Request - Invalid CheckoutRequestID\"}");

        assertThatThrownBy(() -> client.stkQuery("ws_CO_nope")).isInstanceOf(DarajaRejectedException.class);
    }
}
