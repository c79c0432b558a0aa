package io.jumbe.core.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.jumbe.core.config.JumbeConfig;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * The pool, the migrations and the Jdbi instance over one database, H2 or PostgreSQL. Closing it closes the pool only
 * when it owns it: one it opened ({@link #open}) or was handed ({@link #adopt}), never a caller's ({@link #over}).
 */
public final class Database implements AutoCloseable {
    private final DataSource dataSource;
    private final Jdbi jdbi;
    private final Dialect dialect;
    private final boolean ownsDataSource;

    private Database(DataSource dataSource, Dialect dialect, boolean ownsDataSource) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.ownsDataSource = ownsDataSource;
        this.jdbi = Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin());
    }

    /**
     * Driver settings every PostgreSQL pool of ours uses: a batch of inserts (a bulk send's messages and jobs) goes as
     * multi-row INSERTs rather than one statement per row. Insert batches then report no per-row counts; nothing of
     * ours reads them (update batches, which are read, are not rewritten).
     */
    public static final java.util.Map<String, String> POSTGRES_DRIVER_PROPERTIES = java.util.Map.of(
            "reWriteBatchedInserts", "true",
            // a database host that does not answer fails the connection attempt in seconds, not minutes
            "connectTimeout", "5");

    /**
     * How long a request waits for a pooled connection before it fails (and is answered 503): well under 10 s, so
     * no request hangs while the database is down or restarting; the pool reconnects by itself when it is back.
     */
    public static final java.time.Duration CONNECTION_TIMEOUT = java.time.Duration.ofSeconds(5);

    /** Opens a pool for the configured database and brings its schema up to date. */
    public static Database open(JumbeConfig.Database config, int maxPoolSize) {
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(config.jdbcUrl());
        if (config.user() != null) {
            hikari.setUsername(config.user());
        }
        if (config.password() != null) {
            hikari.setPassword(config.password());
        }
        hikari.setMaximumPoolSize(maxPoolSize);
        hikari.setPoolName("jumbe");
        hikari.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
        hikari.setValidationTimeout(Math.min(2_000, CONNECTION_TIMEOUT.toMillis() - 1));
        if (config.jdbcUrl().startsWith("jdbc:postgresql:")) {
            POSTGRES_DRIVER_PROPERTIES.forEach(hikari::addDataSourceProperty);
        }
        HikariDataSource pool = new HikariDataSource(hikari);
        try {
            return adopt(pool);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    /** Uses a DataSource the caller owns (an embedding program's pool); migrates it and never closes it. */
    public static Database over(DataSource dataSource) {
        return migrated(dataSource, false);
    }

    /** Takes a pool made for this database alone (a test's, say): migrates it and closes it on {@link #close()}. */
    public static Database adopt(DataSource dataSource) {
        return migrated(dataSource, true);
    }

    private static Database migrated(DataSource dataSource, boolean owned) {
        Dialect dialect = Dialect.of(dataSource);
        Flyway.configure()
                .dataSource(dataSource)
                // one SQL set for both, plus the few migrations that must differ (triggers)
                .locations("classpath:db/migration", "classpath:db/vendor/"
                        + (dialect == Dialect.POSTGRES ? "postgresql" : "h2"))
                .load()
                .migrate();
        return new Database(dataSource, dialect, owned);
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** True when a connection can be had and answers a trivial query. */
    public boolean isReachable() {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    /** Whether {@link #close()} closes the DataSource (it was opened or adopted here, not lent by a caller). */
    public boolean ownsDataSource() {
        return ownsDataSource;
    }

    /** Closes the pool when this database owns it; a caller's DataSource stays open. */
    @Override
    public void close() {
        if (ownsDataSource && dataSource instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // closing a pool at shutdown: nothing useful to do with a failure
            }
        }
    }
}
