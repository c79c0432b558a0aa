package io.jumbe.server.testing;

import io.jumbe.core.Jumbe;
import io.jumbe.core.common.Money;
import io.jumbe.core.config.ConfigLoader;
import io.jumbe.core.config.JumbeConfig;
import io.jumbe.core.tenant.NewTenant;
import io.jumbe.core.sms.SmsTuning;
import io.jumbe.core.store.Database;
import io.jumbe.core.testing.TestDatabase;
import com.zaxxer.hikari.HikariDataSource;
import io.jumbe.server.Application;
import io.jumbe.server.simulator.daraja.DarajaSimulator;
import javax.sql.DataSource;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * The whole server started in-process on a free port over a fresh test database, with test-friendly settings
 * (private webhook targets allowed). Close it after the test.
 */
public final class TestApp implements AutoCloseable {
    /** The platform key every test app runs with unless the test says otherwise. */
    public static final String TEST_SECRET_KEY = "dGVzdC1rZXktMzItYnl0ZXMtZm9yLWp1bWJlLXRlc3Q=";
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
        return start(db.fresh(), env, DarajaSimulator.Settings.defaults(Application.DARAJA_SIMULATOR_PATH));
    }

    /** Starts with extra environment variables and the given clock (a {@code TestClock} the test moves). */
    public static TestApp start(TestDatabase db, Map<String, String> env, Clock clock) {
        return start(db.fresh(), env, DarajaSimulator.Settings.defaults(Application.DARAJA_SIMULATOR_PATH), clock);
    }

    /** Starts with extra environment variables and the built-in Daraja simulator behaving as given. */
    public static TestApp start(TestDatabase db, Map<String, String> env, DarajaSimulator.Settings daraja) {
        return start(db.fresh(), env, daraja);
    }

    /** Starts over a database that may already hold data (a restart). */
    public static TestApp start(Database database, Map<String, String> env) {
        return start(database, env, DarajaSimulator.Settings.defaults(Application.DARAJA_SIMULATOR_PATH));
    }

    /** Starts over a given database with the built-in Daraja simulator behaving as given. */
    public static TestApp start(Database database, Map<String, String> env, DarajaSimulator.Settings daraja) {
        return start(database, env, daraja, Clock.systemUTC());
    }

    private static TestApp start(Database database, Map<String, String> env, DarajaSimulator.Settings daraja,
                                 Clock clock) {
        Map<String, String> all = new HashMap<>();
        all.put("WEBHOOKS_ALLOW_PRIVATE_NETWORKS", "true");
        // tests send more than a bronze tenant's 60 a minute; RateLimitTest turns limits on
        all.put("RATE_LIMITS", "false");
        // a fixed key, so no test writes a key file into the working folder; FilesAtRestTest uses a key file
        all.put("JUMBE_SECRET_KEY", TEST_SECRET_KEY);
        all.putAll(env);
        JumbeConfig config = new ConfigLoader(all).load();
        return new TestApp(new Application(config, database, clock, daraja, SmsTuning.fast()).start(0));
    }

    /**
     * Starts over a database the caller keeps: closing this app leaves {@code dataSource} open, so a second app can
     * start over the same data (a restart).
     */
    public static TestApp startOver(DataSource dataSource, Map<String, String> env) {
        return start(Database.over(dataSource), env);
    }

    /** The built-in Daraja simulator (MPESA_ENV=simulator, the default). */
    public DarajaSimulator daraja() {
        return app.darajaSimulator().orElseThrow();
    }

    /**
     * Stops this application (its workers, server and pool) and starts a new one over the same database on a new
     * port, as after a restart of the process.
     */
    public TestApp restart(Map<String, String> env) {
        HikariDataSource old = (HikariDataSource) platform().database().dataSource();
        close();
        HikariDataSource again = new HikariDataSource();
        again.setJdbcUrl(old.getJdbcUrl());
        again.setUsername(old.getUsername());
        again.setPassword(old.getPassword());
        again.setMaximumPoolSize(20);
        again.setMinimumIdle(0);
        return start(Database.adopt(again), env);
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
