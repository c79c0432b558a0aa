package io.jumbe.sdk.realserver;

import io.jumbe.core.testing.TestDatabases;
import io.jumbe.sdk.JumbeClient;
import io.jumbe.server.testing.Sender;
import io.jumbe.server.testing.TestApp;
import java.util.HashMap;
import java.util.Map;

/**
 * The real Jumbe server, started in-process on the embedded default (H2, built-in simulators) on a free port, and
 * SDK clients pointed at it. The server's own tests cover PostgreSQL; here the subject is the SDK, so one database
 * is enough.
 */
public final class InProcessServer implements AutoCloseable {
    private final TestApp app;

    private InProcessServer(TestApp app) {
        this.app = app;
    }

    /** Starts the server with the test defaults (rate limits off, private webhook targets allowed). */
    public static InProcessServer start() {
        return start(Map.of());
    }

    /** Starts the server with extra environment variables over the test defaults. */
    public static InProcessServer start(Map<String, String> env) {
        return new InProcessServer(TestApp.start(TestDatabases.h2(), env));
    }

    public TestApp app() {
        return app;
    }

    public String baseUrl() {
        return app.baseUrl();
    }

    /** A new tenant with the given balance in KES, approved sender id {@code FALLEY-MED}, bronze tier. */
    public Sender sender(String balance) {
        return app.sender(balance);
    }

    /** A client acting as the sender, with the SDK's defaults. */
    public JumbeClient client(Sender sender) {
        return clientBuilder(sender).build();
    }

    /** A client builder already pointed at this server as the sender, to adjust before building. */
    public JumbeClient.Builder clientBuilder(Sender sender) {
        return JumbeClient.builder().baseUrl(app.baseUrl()).clientId(sender.clientId()).apiKey(sender.apiKey());
    }

    /** What a sample reads from the environment to act as the sender against this server. */
    public Map<String, String> sampleEnv(Sender sender) {
        Map<String, String> env = new HashMap<>();
        env.put("JUMBE_BASE_URL", app.baseUrl());
        env.put("JUMBE_CLIENT_ID", Long.toString(sender.clientId()));
        env.put("JUMBE_API_KEY", sender.apiKey());
        return env;
    }

    /** Suspends the sender's account, as {@code jumbe admin senders suspend} does. */
    public void suspend(Sender sender) {
        app.platform().tenants().setActive(sender.clientId(), false);
    }

    @Override
    public void close() {
        app.close();
    }
}
