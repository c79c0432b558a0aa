package io.jumbe.core.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.jumbe.core.store.Database;
import io.jumbe.core.config.ConfigLoader;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * H2 (PostgreSQL mode) and a real PostgreSQL: the one {@code TEST_DATABASE_URL} names, or else embedded binaries
 * from Maven Central started once per test JVM. Use with
 * {@code @ParameterizedTest @MethodSource("io.jumbe.core.testing.TestDatabases#all")}.
 */
public final class TestDatabases {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final TestDatabase H2 = new TestDatabase() {
        @Override
        public String name() {
            return "H2";
        }

        @Override
        public DataSource freshDataSource() {
            return pool("jdbc:h2:mem:t" + COUNTER.incrementAndGet() + ";" + ConfigLoader.H2_OPTIONS + ";DB_CLOSE_DELAY=-1",
                    "sa", "");
        }

        @Override
        public String toString() {
            return name();
        }
    };

    private static volatile TestDatabase postgres;

    private TestDatabases() {
    }

    public static Stream<TestDatabase> all() {
        return Stream.of(h2(), postgres());
    }

    public static TestDatabase h2() {
        return H2;
    }

    public static synchronized TestDatabase postgres() {
        if (postgres == null) {
            postgres = startPostgres();
        }
        return postgres;
    }

    public static List<TestDatabase> list() {
        return all().toList();
    }

    private static TestDatabase startPostgres() {
        String external = System.getenv("TEST_DATABASE_URL");
        String baseUrl;
        String user;
        String password;
        if (external != null && !external.isBlank()) {
            var parsed = ConfigLoader.parseDatabaseUrl(external);
            baseUrl = parsed.jdbcUrl();
            user = parsed.user();
            password = parsed.password();
        } else {
            try {
                EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        pg.close();
                    } catch (IOException ignored) {
                        // the JVM is exiting
                    }
                }));
                baseUrl = pg.getJdbcUrl("postgres", "postgres");
                user = "postgres";
                password = null;
            } catch (IOException e) {
                throw new IllegalStateException("embedded PostgreSQL did not start", e);
            }
        }
        DataSource admin = pool(baseUrl, user, password);
        return new TestDatabase() {
            @Override
            public String name() {
                return "PostgreSQL";
            }

            @Override
            public DataSource freshDataSource() {
                String schema = "t" + COUNTER.incrementAndGet() + "_" + ProcessHandle.current().pid();
                try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
                    s.execute("CREATE SCHEMA " + schema);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
                String sep = baseUrl.contains("?") ? "&" : "?";
                return pool(baseUrl + sep + "currentSchema=" + schema, user, password);
            }

            @Override
            public String toString() {
                return name();
            }
        };
    }

    private static DataSource pool(String url, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        if (password != null) {
            config.setPassword(password);
        }
        config.setMaximumPoolSize(20);
        config.setMinimumIdle(0);
        if (url.startsWith("jdbc:postgresql:")) {
            Database.POSTGRES_DRIVER_PROPERTIES.forEach(config::addDataSourceProperty);
        }
        return new HikariDataSource(config);
    }
}
