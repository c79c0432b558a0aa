package io.jumbe.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.jumbe.core.testing.TestDatabase;
import io.jumbe.server.testing.Http;
import io.jumbe.server.testing.Sender;
import io.jumbe.server.testing.TestApp;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A transaction the database rolled back to break a deadlock or a serialization conflict is the caller's to retry,
 * not a broken store: the request is answered 503 with {@code Retry-After}, nothing of it is kept, and the server
 * goes on answering (it does not fail closed as it does for a lost connection).
 */
class TransactionConflictTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aDeadlockedSendIsAnswered503ToRetryAndTheServerGoesOnAnswering(TestDatabase db) {
        HikariDataSource pool = (HikariDataSource) db.freshDataSource();
        StoreFailureTest.CommitSwitch store = new StoreFailureTest.CommitSwitch(pool,
                () -> new SQLException("deadlock detected", "40P01"));
        try (TestApp app = TestApp.startOver(store, Map.of())) {
            Sender s = app.sender("100.00");

            store.failing.set(true);
            Http.Response refused = s.post("/sms/send", "{\"recipient\": \"0712345678\", \"message\": \"collides\"}");
            store.failing.set(false);

            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.json().get("code").asText()).isEqualTo("service_unavailable");
            assertThat(refused.header("Retry-After")).isEqualTo("1");
            assertThat(app.http().get("/health").status()).as("the store is not taken for broken").isEqualTo(200);
            Http.Response retried = s.post("/sms/send", "{\"recipient\": \"0712345678\", \"message\": \"again\"}");
            assertThat(retried.status()).isEqualTo(202);
            assertThat(s.get("/sms/history").json().get("data")).singleElement()
                    .satisfies(m -> assertThat(m.get("message").asText()).isEqualTo("again"));
            assertThat(s.get("/client/balance").json().get("balance").decimalValue()).isEqualByComparingTo("99.00");
            assertThat(app.platform().ledgerCheck().verify()).isEmpty();
        } finally {
            pool.close();
        }
    }

    @org.junit.jupiter.api.Test
    void aSerializationFailureOrDeadlockIsNotAFatalStoreError() {
        assertThat(StoreGuard.isFatal(new RuntimeException(new SQLException("deadlock detected", "40P01")))).isFalse();
        assertThat(io.jumbe.core.store.StoreErrors.conflict(
                new RuntimeException(new SQLException("deadlock detected", "40P01")))).isTrue();
        assertThat(io.jumbe.core.store.StoreErrors.conflict(
                new SQLException("could not serialize access", "40001"))).isTrue();
        assertThat(io.jumbe.core.store.StoreErrors.conflict(new SQLException("dup", "23505"))).isFalse();
    }
}
