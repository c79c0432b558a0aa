package io.jumbe.server.testing;

import io.jumbe.core.Jumbe;
import io.jumbe.core.common.Money;
import io.jumbe.core.config.ConfigLoader;
import io.jumbe.core.config.JumbeConfig;
import io.jumbe.core.tenant.NewTenant;
import io.jumbe.core.testing.TestDatabase;
import io.jumbe.server.Application;
import io.jumbe.core.store.Database;
import io.jumbe.server.sms.SmsTuning;
import java.time.Clock;
import javax.sql.DataSource;
import java.util.HashMap;
import java.util.Map;

/**
 * The whole server started in-process on a free port over a fresh test database, with test-friendly settings
 * (private webhook targets allowed). Close it after the test.
 */
public final class TestApp implements AutoCloseable {
    private final Application app;
    private final Http http;

    private TestApp(Application app) {
        this.app = app;
        this.http = new Http(app.baseUrl());
    }

    public static TestApp start(TestDatabase db) {
        return start(db, Map.of());
    }

    /** Starts with extra environment variables over the test defaults. */
    public static TestApp start(TestDatabase db, Map<String, String> env) {
        Map<String, String> all = new HashMap<>();
        all.put("WEBHOOKS_ALLOW_PRIVATE_NETWORKS", "true");
        all.putAll(env);
        JumbeConfig config = new ConfigLoader(all).load();
        return new TestApp(new Application(config, db.fresh(), Clock.systemUTC(), SmsTuning.fast()).start(0));
    }

    /**
     * Starts over a database the caller keeps: closing this app leaves {@code dataSource} open, so a second app can
     * start over the same data (a restart).
     */
    public static TestApp startOver(DataSource dataSource, Map<String, String> env) {
        Map<String, String> all = new HashMap<>();
        all.put("WEBHOOKS_ALLOW_PRIVATE_NETWORKS", "true");
        all.putAll(env);
        JumbeConfig config = new ConfigLoader(all).load();
        return new TestApp(new Application(config, Database.over(new KeptOpen(dataSource)), Clock.systemUTC(),
                SmsTuning.fast()).start(0));
    }

    /** A DataSource that ignores close, so the pool outlives the app. */
    private record KeptOpen(DataSource delegate) implements DataSource {
        @Override
        public java.sql.Connection getConnection() throws java.sql.SQLException {
            return delegate.getConnection();
        }

        @Override
        public java.sql.Connection getConnection(String user, String password) throws java.sql.SQLException {
            return delegate.getConnection(user, password);
        }

        @Override
        public java.io.PrintWriter getLogWriter() throws java.sql.SQLException {
            return delegate.getLogWriter();
        }

        @Override
        public void setLogWriter(java.io.PrintWriter out) throws java.sql.SQLException {
            delegate.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws java.sql.SQLException {
            delegate.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws java.sql.SQLException {
            return delegate.getLoginTimeout();
        }

        @Override
        public java.util.logging.Logger getParentLogger() throws java.sql.SQLFeatureNotSupportedException {
            return delegate.getParentLogger();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws java.sql.SQLException {
            return delegate.unwrap(iface);
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) throws java.sql.SQLException {
            return delegate.isWrapperFor(iface);
        }
    }

    public Jumbe platform() {
        return app.platform();
    }

    public Application application() {
        return app;
    }

    public String baseUrl() {
        return app.baseUrl();
    }

    public Http http() {
        return http;
    }

    /** A new sender with the given balance; its id and live key. */
    public Sender sender(String balance) {
        var created = platform().tenants().create(NewTenant.of("Sender " + System.nanoTime(),
                "ops@sender.example", "FALLEY-MED").withBalance(Money.parse(balance)));
        return new Sender(created.tenant().id(), created.key().secret(), http);
    }

    @Override
    public void close() {
        app.close();
    }
}
