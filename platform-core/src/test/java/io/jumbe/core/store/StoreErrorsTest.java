package io.jumbe.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.jumbe.core.Jumbe;
import io.jumbe.core.testing.TestDatabase;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What the dispatchers retry: a transaction rolled back to break a deadlock is a conflict, not an outage. */
class StoreErrorsTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aDeadlockBetweenTwoTransactionsIsAConflictWorthRetryingAndNotAnUnreachableDatabase(TestDatabase db)
            throws Exception {
        try (Jumbe platform = db.platform()) {
            Jdbi jdbi = platform.jdbi();
            jdbi.useHandle(h -> {
                h.execute("CREATE TABLE deadlock_probe (id INT PRIMARY KEY, n INT NOT NULL)");
                h.execute("INSERT INTO deadlock_probe VALUES (1, 0), (2, 0)");
            });
            CyclicBarrier bothHoldOneRow = new CyclicBarrier(2);
            List<RuntimeException> failures = Collections.synchronizedList(new ArrayList<>());
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int[] order : new int[][] {{1, 2}, {2, 1}}) {
                    done.add(pool.submit(() -> {
                        try {
                            jdbi.useTransaction(h -> {
                                h.execute("UPDATE deadlock_probe SET n = n + 1 WHERE id = ?", order[0]);
                                bothHoldOneRow.await(10, TimeUnit.SECONDS);
                                h.execute("UPDATE deadlock_probe SET n = n + 1 WHERE id = ?", order[1]);
                            });
                        } catch (RuntimeException e) {
                            failures.add(e);
                        }
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    f.get(60, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(failures).as("the database broke the cycle by rolling back one of the two").hasSize(1);
            assertThat(StoreErrors.conflict(failures.get(0))).as(failures.get(0).toString()).isTrue();
            assertThat(StoreErrors.unreachable(failures.get(0))).isFalse();
            int total = jdbi.withHandle(h -> h.createQuery("SELECT SUM(n) FROM deadlock_probe").mapTo(Integer.class).one());
            assertThat(total).as("the survivor's two updates landed, the victim's none").isEqualTo(2);
        }
    }
}
