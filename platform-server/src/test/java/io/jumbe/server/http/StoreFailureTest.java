package io.jumbe.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.jumbe.core.testing.TestDatabase;
import io.jumbe.server.testing.Await;
import io.jumbe.server.testing.Http;
import io.jumbe.server.testing.Sender;
import io.jumbe.server.testing.TestApp;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The server fails closed: once the database cannot commit (a connection lost mid-transaction, as a dead
 * PostgreSQL or H2's store panic does), nothing is answered 2xx, {@code /health} says down, and the tenant keeps
 * exactly what was accepted before; when the database commits again, the server answers again.
 */
class StoreFailureTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aDatabaseThatCannotCommitTurnsSendsInto503AndHealthDownUntilItRecovers(TestDatabase db) {
        HikariDataSource pool = (HikariDataSource) db.freshDataSource();
        CommitSwitch store = new CommitSwitch(pool);
        try (TestApp app = TestApp.startOver(store, Map.of())) {
            Sender s = app.sender("100.00");
            Http.Response accepted = s.post("/sms/send", "{\"recipient\": \"0712345678\", \"message\": \"before\"}");
            assertThat(accepted.status()).isEqualTo(202);

            store.failing.set(true);
            Http.Response refused = s.post("/sms/send", "{\"recipient\": \"0712345678\", \"message\": \"during\"}");
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.json().get("code").asText()).isEqualTo("service_unavailable");
            assertThat(refused.header("Retry-After")).isNotBlank();
            Http.Response health = app.http().get("/health");
            assertThat(health.status()).isEqualTo(503);
            assertThat(health.json().get("database").asText()).isEqualTo("down");
            assertThat(s.post("/wallet/topup/manual", "{\"amount\": 500, \"reference\": \"SLIP-9\"}").status())
                    .as("nothing else is accepted either").isEqualTo(503);
            assertThat(s.get("/client/balance").status()).isEqualTo(503);

            store.failing.set(false);
            Await.until(() -> app.http().get("/health").status(), status -> status == 200);
            var history = s.get("/sms/history").json();
            assertThat(history.get("data")).singleElement()
                    .satisfies(m -> assertThat(m.get("message").asText()).isEqualTo("before"));
            String status = history.get("data").get(0).get("status").asText();
            assertThat(s.get("/client/balance").json().get("balance").decimalValue()).as("message %s", status)
                    .isEqualByComparingTo("99.00");
            assertThat(s.post("/sms/send", "{\"recipient\": \"0712345678\", \"message\": \"after\"}").status())
                    .isEqualTo(202);
            assertThat(app.platform().ledgerCheck().verify()).isEmpty();
        } finally {
            pool.close();
        }
    }

    @org.junit.jupiter.api.Test
    void tellsAFatalStoreErrorFromAnOrdinaryOne() {
        assertThat(StoreGuard.isFatal(new RuntimeException(new SQLException("connection lost", "08006")))).isTrue();
        assertThat(StoreGuard.isFatal(new SQLException("disk full", "53100"))).isTrue();
        assertThat(StoreGuard.isFatal(new SQLException("terminating connection", "57P01"))).isTrue();
        assertThat(StoreGuard.isFatal(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(StoreGuard.isFatal(new SQLException("serialization failure", "40001"))).isFalse();
        assertThat(StoreGuard.isFatal(new IllegalStateException("nope"))).isFalse();
    }

    @org.junit.jupiter.api.Test
    void takesAClosedH2DatabaseForFatal() throws SQLException {
        try (Connection c = java.sql.DriverManager.getConnection("jdbc:h2:mem:closing" + System.nanoTime(), "sa", "");
             Connection other = java.sql.DriverManager.getConnection(c.getMetaData().getURL(), "sa", "")) {
            other.createStatement().execute("SHUTDOWN");
            SQLException closed = org.assertj.core.api.Assertions.catchThrowableOfType(SQLException.class,
                    () -> c.createStatement().executeQuery("SELECT 1"));
            assertThat((Object) closed).isNotNull();
            assertThat(StoreGuard.isFatal(new RuntimeException("wrapped", closed))).as(closed.toString()).isTrue();
            SQLException syntax = org.assertj.core.api.Assertions.catchThrowableOfType(SQLException.class,
                    () -> other.createStatement());
            assertThat(syntax == null || StoreGuard.isFatal(syntax)).isTrue();
        }
        try (Connection c = java.sql.DriverManager.getConnection("jdbc:h2:mem:ordinary" + System.nanoTime(), "sa", "")) {
            SQLException syntax = org.assertj.core.api.Assertions.catchThrowableOfType(SQLException.class,
                    () -> c.createStatement().executeQuery("SELEKT 1"));
            assertThat(StoreGuard.isFatal(syntax)).as("an ordinary error is not fatal").isFalse();
        }
    }

    /** Hands out connections whose commit fails, as a lost connection's does, while {@link #failing} is set. */
    static final class CommitSwitch implements DataSource {
        final AtomicBoolean failing = new AtomicBoolean();
        private final DataSource delegate;
        private final java.util.function.Supplier<SQLException> failure;

        CommitSwitch(DataSource delegate) {
            this(delegate, () -> new SQLException("An I/O error occurred while sending to the backend.", "08006"));
        }

        /** @param failure what a commit throws while {@link #failing} is set */
        CommitSwitch(DataSource delegate, java.util.function.Supplier<SQLException> failure) {
            this.delegate = delegate;
            this.failure = failure;
        }

        @Override
        public Connection getConnection() throws SQLException {
            Connection real = delegate.getConnection();
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        if (method.getName().equals("commit") && failing.get()) {
                            throw failure.get();
                        }
                        try {
                            return method.invoke(real, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return delegate.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            delegate.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            delegate.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return delegate.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            return delegate.getParentLogger();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            return delegate.unwrap(iface);
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) throws SQLException {
            return delegate.isWrapperFor(iface);
        }
    }
}
