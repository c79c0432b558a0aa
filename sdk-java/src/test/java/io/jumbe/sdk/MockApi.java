package io.jumbe.sdk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/** A MockWebServer and a client pointed at it, with a sleeper that records waits instead of sleeping. */
public final class MockApi implements AutoCloseable {
    public static final String KEY = "sk_test_abcdefghijklmnopqrstuvwxyz012345";
    public static final long CLIENT_ID = 2;

    public final MockWebServer server = new MockWebServer();
    public final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    public final JumbeClient client;

    public MockApi() throws IOException {
        this(JumbeClient.DEFAULT_MAX_RETRIES);
    }

    public MockApi(int maxRetries) throws IOException {
        server.start();
        client = JumbeClient.builder()
                .apiKey(KEY)
                .clientId(CLIENT_ID)
                .baseUrl(server.url("/").toString())
                .maxRetries(maxRetries)
                .sleeper(sleeps::add)
                .build();
    }

    public void json(int status, String body) {
        server.enqueue(new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json")
                .body(body).build());
    }

    public void problem(int status, String code, String extraHeaderName, String extraHeaderValue) {
        MockResponse.Builder b = new MockResponse.Builder().code(status)
                .addHeader("Content-Type", "application/problem+json")
                .addHeader("X-Request-Id", "req_" + status)
                .body("{\"type\":\"https://docs.jumbe.io/problems/" + code + "\",\"title\":\"t\",\"status\":" + status
                        + ",\"detail\":\"detail of " + code + "\",\"code\":\"" + code + "\"}");
        if (extraHeaderName != null) {
            b.addHeader(extraHeaderName, extraHeaderValue);
        }
        server.enqueue(b.build());
    }

    public RecordedRequest take() throws InterruptedException {
        RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
        if (r == null) {
            throw new AssertionError("no request arrived");
        }
        return r;
    }

    public static String body(RecordedRequest r) {
        return r.getBody() == null ? "" : r.getBody().string(StandardCharsets.UTF_8);
    }

    public static String pathAndQuery(RecordedRequest r) {
        return r.getTarget();
    }

    @Override
    public void close() {
        server.close();
    }
}
