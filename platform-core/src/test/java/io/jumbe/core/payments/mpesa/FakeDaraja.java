package io.jumbe.core.payments.mpesa;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;

/** Answers MockWebServer like Daraja: numbered tokens on OAuth, queued answers (else an accepted push) on the API. */
final class FakeDaraja extends Dispatcher {

    static final String ACCEPTED = """
            {"MerchantRequestID":"2654-4b64-97ff-b827b542881d3130","CheckoutRequestID":"ws_CO_1007202409152617172396192",
             "ResponseCode":"0","ResponseDescription":"Success. Request accepted for processing",
             "CustomerMessage":"Success. Request accepted for processing"}""";

    static final String PAID = """
            {"ResponseCode":"0","ResponseDescription":"The service request has been accepted successsfully",
             "MerchantRequestID":"22205-34066-1","CheckoutRequestID":"ws_CO_13012021093521236557",
             "ResultCode":"0","ResultDesc":"The service request is processed successfully."}""";

    private final AtomicInteger tokensIssued = new AtomicInteger();
    private final Queue<MockResponse> apiAnswers = new ConcurrentLinkedQueue<>();
    private volatile String expiresIn = "3599";
    private final java.util.Set<String> revokedTokens = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        if (request.getPath() != null && request.getPath().startsWith("/oauth/v1/generate")) {
            int n = tokensIssued.incrementAndGet();
            return json(200, "{\"access_token\":\"token-" + n + "\",\"expires_in\":" + expiresIn + "}");
        }
        if (revokedTokens.contains(String.valueOf(request.getHeader("Authorization")).replace("Bearer ", ""))) {
            return json(404, "{\"requestId\":\"r\",\"errorCode\":\"404.001.03\",\"errorMessage\":\"Invalid Access Token\"}");
        }
        MockResponse queued = apiAnswers.poll();
        if (queued != null) {
            return queued;
        }
        return json(200, request.getPath().startsWith("/mpesa/stkpushquery") ? PAID : ACCEPTED);
    }

    void answerNext(int status, String body) {
        apiAnswers.add(json(status, body));
    }

    void answerNext(MockResponse response) {
        apiAnswers.add(response);
    }

    /** Every API call carrying this token gets {@code 404.001.03} from now on. */
    void revoke(String token) {
        revokedTokens.add(token);
    }

    void expiresIn(String jsonValue) {
        this.expiresIn = jsonValue;
    }

    int tokensIssued() {
        return tokensIssued.get();
    }

    static MockResponse json(int status, String body) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json").setBody(body);
    }
}
