package io.jumbe.core.sms.onfon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jumbe.core.sms.MessageOutcome;
import io.jumbe.core.sms.OutboundSms;
import io.jumbe.core.sms.SubmitBatch;
import io.jumbe.core.sms.SubmitResult;
import io.jumbe.core.sms.SubmitResult.FailureKind;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OnfonClientTest {

    private static final String SUCCESS_TWO = """
            {
              "ErrorCode": 0,
              "ErrorDescription": null,
              "Data": [
                { "MessageErrorCode": 0, "MessageErrorDescription": "Success",
                  "MobileNumber": "254712345678", "MessageId": "7444f504-6760-43fd-9b40-2708da61d114", "Custom": "" },
                { "MessageErrorCode": 801, "MessageErrorDescription": "Country not found in master data",
                  "MobileNumber": "89254736388405", "MessageId": "", "Custom": "" }
              ]
            }""";

    private static final String SENDER_FILTERED = """
            { "ErrorCode": 0, "ErrorDescription": "Success",
              "Data": [ { "MobileNumber": "254712345678", "MessageId": null, "MessageErrorCode": 401,
                          "MessageErrorDescription": "Value filter failed for user [adcconnect] (source_address filter mismatch)." } ] }""";

    private final ObjectMapper json = new ObjectMapper();
    private MockWebServer server;
    private OnfonClient client;

    private final OutboundSms alice = new OutboundSms("MSG-1", "254712345678", "Hello Alice");
    private final OutboundSms bob = new OutboundSms("MSG-2", "254110000001", "Hello Bob");

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
        OkHttpClient http = OnfonClient.defaultHttpClient().newBuilder().readTimeout(Duration.ofSeconds(1)).build();
        client = new OnfonClient(new OnfonConfig(server.url("/").toString(), "access-secret", "api-secret", "client-7"), http);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private void answer(int status, String body) {
        server.enqueue(new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json").body(body).build());
    }

    private SubmitResult sendAliceAndBob() {
        return client.submit(new SubmitBatch("MYBRAND", List.of(alice, bob)));
    }

    @Test
    void postsTheDocumentedBodyWithTheAccessKeyHeader() throws Exception {
        answer(200, SUCCESS_TWO);
        sendAliceAndBob();

        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/sms/SendBulkSMS");
        assertThat(request.getHeaders().get("AccessKey")).isEqualTo("access-secret");
        assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
        JsonNode body = json.readTree(request.getBody().utf8());
        assertThat(body).isEqualTo(json.readTree("""
                {"ApiKey":"api-secret","ClientId":"client-7","SenderId":"MYBRAND","IsUnicode":false,"IsFlash":false,
                 "MessageParameters":[{"Number":"254712345678","Text":"Hello Alice"},
                                      {"Number":"254110000001","Text":"Hello Bob"}]}"""));
    }

    @Test
    void setsIsUnicodeForUcs2Text() throws Exception {
        answer(200, SENDER_FILTERED);
        client.submit(new SubmitBatch("MYBRAND", List.of(new OutboundSms("MSG-9", "254712345678", "Asante 🙏"))));
        JsonNode body = json.readTree(server.takeRequest(5, TimeUnit.SECONDS).getBody().utf8());
        assertThat(body.get("IsUnicode").asBoolean()).isTrue();
    }

    @Test
    void acceptsOneRecipientAndRejectsTheOtherFromTheSameSuccessfulResponse() {
        answer(200, SUCCESS_TWO);
        assertThat(sendAliceAndBob()).isEqualTo(new SubmitResult.Completed(List.of(
                new MessageOutcome.Accepted("MSG-1", "7444f504-6760-43fd-9b40-2708da61d114"),
                new MessageOutcome.Rejected("MSG-2", "801", "Country not found in master data"))));
    }

    @Test
    void rejectsARecipientWhoseSenderFilterFailedDespiteTopLevelSuccess() {
        answer(200, SENDER_FILTERED);
        SubmitResult result = client.submit(new SubmitBatch("MYBRAND", List.of(alice)));
        assertThat(result).isEqualTo(new SubmitResult.Completed(List.of(new MessageOutcome.Rejected("MSG-1", "401",
                "Value filter failed for user [adcconnect] (source_address filter mismatch)."))));
    }

    @Test
    void treatsAZeroCodeWithoutMessageIdAsARejection() {
        answer(200, """
                {"ErrorCode":"000","ErrorDescription":"Success","Data":[
                  {"MobileNumber":"254712345678","MessageId":"","MessageErrorCode":0,"MessageErrorDescription":"Success"}]}""");
        SubmitResult.Completed result = (SubmitResult.Completed) client.submit(new SubmitBatch("MYBRAND", List.of(alice)));
        assertThat(result.outcomes().get(0)).isInstanceOf(MessageOutcome.Rejected.class);
    }

    @Test
    void keepsARecipientCodeTooLongForANumberAsSent() {
        answer(200, """
                {"ErrorCode":0,"ErrorDescription":"Success","Data":[
                  {"MobileNumber":"254712345678","MessageId":null,"MessageErrorCode":"0004000000001",
                   "MessageErrorDescription":"Rejected"}]}""");
        SubmitResult result = client.submit(new SubmitBatch("MYBRAND", List.of(alice)));
        assertThat(result).isEqualTo(new SubmitResult.Completed(List.of(
                new MessageOutcome.Rejected("MSG-1", "0004000000001", "Rejected"))));
    }

    @Test
    void matchesEntriesByMobileNumberWhenTheCountsDiffer() {
        answer(200, """
                {"ErrorCode":0,"ErrorDescription":"Success","Data":[
                  {"MobileNumber":"254110000001","MessageId":"id-bob","MessageErrorCode":0}]}""");
        SubmitResult.Completed result = (SubmitResult.Completed) sendAliceAndBob();
        assertThat(result.outcomes()).containsExactly(
                new MessageOutcome.TransientFailure("MSG-1", "Onfon's answer has no entry for this recipient"),
                new MessageOutcome.Accepted("MSG-2", "id-bob"));
    }

    @Test
    void reportsExhaustedUpstreamCreditDistinctly() {
        answer(200, """
                {"ErrorCode":"021","ErrorDescription":"Insufficient wallet credits","Data":null}""");
        assertThat(sendAliceAndBob()).isEqualTo(new SubmitResult.RequestFailed(
                FailureKind.UPSTREAM_CREDIT_EXHAUSTED, "021", "Insufficient wallet credits"));
    }

    @Test
    void treatsError006AsTransient() {
        answer(200, """
                {"ErrorCode":6,"ErrorDescription":"Something went wrong","Data":[]}""");
        assertThat(sendAliceAndBob()).isEqualTo(new SubmitResult.RequestFailed(
                FailureKind.TRANSIENT, "006", "Something went wrong"));
    }

    @Test
    void treatsInvalidSenderIdAsPermanent() {
        answer(200, """
                {"ErrorCode":"015","ErrorDescription":"Invalid SenderId","Data":[]}""");
        assertThat(((SubmitResult.RequestFailed) sendAliceAndBob()).kind()).isEqualTo(FailureKind.PERMANENT);
    }

    @Test
    void treatsRefusedCredentialsAsAnUpstreamAccessProblem() {
        answer(200, """
                {"ErrorCode":"007","ErrorDescription":"Invalid api credential","Data":[]}""");
        assertThat(((SubmitResult.RequestFailed) sendAliceAndBob()).kind()).isEqualTo(FailureKind.UPSTREAM_ACCESS_DENIED);
    }

    @Test
    void treatsHttp500AsTransient() {
        answer(500, "Internal Server Error");
        assertThat(sendAliceAndBob()).isEqualTo(new SubmitResult.RequestFailed(
                FailureKind.TRANSIENT, "http_500", "Onfon answered HTTP 500"));
    }

    @Test
    void treatsATimeoutAsTransient() {
        server.enqueue(new MockResponse.Builder().headersDelay(4, TimeUnit.SECONDS).body(SUCCESS_TWO).build());
        SubmitResult result = sendAliceAndBob();
        assertThat(result).isEqualTo(new SubmitResult.RequestFailed(FailureKind.TRANSIENT, "timeout", "no answer from Onfon in time"));
    }

    @Test
    void treatsARefusedConnectionAsTransient() {
        String url = server.url("/").toString();
        server.close();
        OnfonClient closed = new OnfonClient(new OnfonConfig(url, "a", "b", "c"));
        SubmitResult result = closed.submit(new SubmitBatch("MYBRAND", List.of(alice)));
        assertThat(result).isInstanceOf(SubmitResult.RequestFailed.class);
        assertThat(((SubmitResult.RequestFailed) result).kind()).isEqualTo(FailureKind.TRANSIENT);
        assertThat(((SubmitResult.RequestFailed) result).code()).isEqualTo("connection_failed");
    }

    @Test
    void treatsAnUnreadableSuccessBodyAsTransient() {
        answer(200, "<html>gateway</html>");
        assertThat(((SubmitResult.RequestFailed) sendAliceAndBob()).code()).isEqualTo("invalid_response");
    }

    @Test
    void readsTheBalanceInCents() throws Exception {
        answer(200, """
                { "ErrorCode": 0, "ErrorDescription": "Success",
                  "Data": [ { "PluginType": "SMS", "Credits": "KSh7578560.8000" } ] }""");
        assertThat(client.balance()).isEqualTo(new OnfonBalance("SMS", "KSh7578560.8000", 757_856_080L));
        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/sms/Balance");
        assertThat(request.getUrl().queryParameter("ApiKey")).isEqualTo("api-secret");
        assertThat(request.getUrl().queryParameter("ClientId")).isEqualTo("client-7");
        assertThat(request.getHeaders().get("AccessKey")).isEqualTo("access-secret");
    }

    @Test
    void failsTheBalanceCallOnAnErrorCode() {
        answer(200, """
                {"ErrorCode":"007","ErrorDescription":"Invalid api credential","Data":null}""");
        assertThatThrownBy(client::balance).isInstanceOf(OnfonException.class)
                .extracting(e -> ((OnfonException) e).code()).isEqualTo("007");
    }

    @Test
    void neverPrintsKeysInItsConfiguration() {
        assertThat(new OnfonConfig("https://api.onfonmedia.co.ke/", "access-secret", "api-secret", "client-7").toString())
                .doesNotContain("access-secret").doesNotContain("api-secret").contains("client-7");
    }
}
