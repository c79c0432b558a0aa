package io.jumbe.server.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jumbe.core.common.Money;
import io.jumbe.core.testing.TestDatabase;
import io.jumbe.core.wallet.Posting;
import io.jumbe.server.testing.Http;
import io.jumbe.server.testing.Sender;
import io.jumbe.server.testing.TestApp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TransactionsTest {

    /** Three credits of 10, 20, 30 and two debits of 1 and 2, straight through the ledger; their ids in order. */
    private static List<String> journal(TestApp app, Sender s) {
        List<String> ids = new ArrayList<>();
        app.platform().jdbi().useTransaction(h -> {
            for (int i = 1; i <= 3; i++) {
                ids.add(app.platform().ledger().credit(h, s.clientId(), Money.ofCents(i * 1000L),
                        Posting.of("test", "credit " + i).withReference("REF-" + i)).transactionId());
            }
            for (int i = 1; i <= 2; i++) {
                ids.add(app.platform().ledger().debit(h, s.clientId(), Money.ofCents(i * 100L),
                        Posting.of("sms_charge", "debit " + i)).orElseThrow().transactionId());
            }
        });
        return ids;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void listsTheJournalNewestFirstInPagesWithMeta(TestDatabase db) {
        try (TestApp app = TestApp.start(db)) {
            Sender s = app.sender("0.00");
            journal(app, s);
            Http.Response r = s.get("/wallet/transactions?page=2&per_page=2");
            assertThat(r.status()).isEqualTo(200);
            JsonNode body = r.json();
            assertThat(body.get("data")).hasSize(2);
            assertThat(body.get("meta").get("current_page").asInt()).isEqualTo(2);
            assertThat(body.get("meta").get("per_page").asInt()).isEqualTo(2);
            assertThat(body.get("meta").get("total").asLong()).isEqualTo(5);
            JsonNode first = s.get("/wallet/transactions?per_page=1").json().get("data").get(0);
            assertThat(first.get("type").asText()).isEqualTo("debit");
            assertThat(first.get("amount").decimalValue()).isEqualByComparingTo("2.00");
            assertThat(s.get("/wallet/transactions?per_page=1").body()).contains("\"amount\":2.00")
                    .contains("\"balance_after\":57.00");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void filtersByTypeStatusSearchAndDates(TestDatabase db) {
        try (TestApp app = TestApp.start(db)) {
            Sender s = app.sender("0.00");
            List<String> ids = journal(app, s);
            Http.Response manual = s.post("/wallet/topup/manual", "{\"amount\": 2500, \"reference\": \"bank slip 123\"}");
            assertThat(manual.status()).isEqualTo(202);
            assertThat(manual.json().get("status").asText()).isEqualTo("pending");

            assertThat(total(s, "type=debit")).isEqualTo(2);
            assertThat(total(s, "type=credit")).isEqualTo(4);
            assertThat(total(s, "status=pending")).isEqualTo(1);
            assertThat(total(s, "status=completed&type=credit")).isEqualTo(3);
            assertThat(total(s, "search=" + ids.get(1))).isEqualTo(1);
            assertThat(total(s, "search=REF-3")).isEqualTo(1);
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            assertThat(total(s, "from_date=" + today + "&to_date=" + today)).isEqualTo(6);
            assertThat(total(s, "from_date=" + today.plusDays(1))).isZero();
            assertThat(total(s, "to_date=" + today.minusDays(1))).isZero();

            Http.Response bad = s.get("/wallet/transactions?type=gift&from_date=yesterday&per_page=1000");
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.json().get("errors")).hasSize(3);
        }
    }

    private static long total(Sender s, String query) {
        Http.Response r = s.get("/wallet/transactions?" + query);
        assertThat(r.status()).as(query).isEqualTo(200);
        return r.json().get("meta").get("total").asLong();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aManualRequestNeedsAPositiveAmountAndAReference(TestDatabase db) {
        try (TestApp app = TestApp.start(db)) {
            Sender s = app.sender("0.00");
            Http.Response r = s.post("/wallet/topup/manual", "{\"amount\": 0}");
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.json().get("errors")).hasSize(2);
            assertThat(total(s, "status=pending")).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void exportsTenThousandEntriesAsCsvWithTheSameFilter(TestDatabase db) {
        try (TestApp app = TestApp.start(db)) {
            Sender s = app.sender("0.00");
            Sender other = app.sender("5.00");
            app.platform().jdbi().useTransaction(h -> {
                for (int i = 0; i < 10_000; i++) {
                    app.platform().ledger().credit(h, s.clientId(), Money.ofCents(100),
                            Posting.of("test", i % 1000 == 0 ? "note, with \"quotes\"" : "bulk"));
                }
                app.platform().ledger().debit(h, s.clientId(), Money.ofCents(50), Posting.of("sms_charge", "=cmd()"));
            });
            Http.Response csv = s.get("/wallet/transactions?format=csv&type=credit");
            assertThat(csv.status()).isEqualTo(200);
            assertThat(csv.contentType()).startsWith("text/csv");
            String[] lines = csv.body().split("\r\n");
            assertThat(lines).hasSize(10_001);
            assertThat(lines[0]).isEqualTo("transaction_id,type,amount,status,payment_method,phone_number,reference,"
                    + "description,mpesa_receipt,failure_reason,balance_before,balance_after,created_at,completed_at");
            assertThat(lines[1]).contains(",credit,1.00,completed,").contains("\"note, with \"\"quotes\"\"\"")
                    .contains(",0.00,1.00,");
            assertThat(lines[10_000]).contains(",9999.00,10000.00,");

            Http.Response accepted = app.http().send("GET", s.path("/wallet/transactions?type=debit"), null,
                    Map.of("X-API-Key", s.apiKey(), "Accept", "text/csv"));
            String[] debits = accepted.body().split("\r\n");
            assertThat(debits).hasSize(2);
            assertThat(debits[1]).contains(",'=cmd(),");
            assertThat(total(other, "type=credit")).isEqualTo(1);
        }
    }

    /** What a tenant's client sends, and what it gets: JSON unless CSV is preferred (RFC 9110 q-values, not order). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void negotiatesJsonOrCsvByPreferenceNotByMention(TestDatabase db) {
        try (TestApp app = TestApp.start(db)) {
            Sender s = app.sender("0.00");
            journal(app, s);
            Map<String, String> expected = new LinkedHashMap<>();
            expected.put("application/json, text/csv", "application/json");
            expected.put("text/csv;q=0.5, application/json", "application/json");
            expected.put("text/csv", "text/csv");
            expected.put("text/csv, application/json;q=0.5", "text/csv");
            expected.put("*/*", "application/json");
            expected.put("text/csv;q=0", "application/json");
            expected.put("application/xml", "application/json");
            for (Map.Entry<String, String> c : expected.entrySet()) {
                Http.Response r = app.http().send("GET", s.path("/wallet/transactions"), null,
                        Map.of("X-API-Key", s.apiKey(), "Accept", c.getKey()));
                assertThat(r.status()).as(c.getKey()).isEqualTo(200);
                assertThat(r.contentType()).as(c.getKey()).startsWith(c.getValue());
                assertThat(r.header("Vary")).as(c.getKey()).contains("Accept");
                if (c.getValue().equals("text/csv")) {
                    assertThat(r.body()).as(c.getKey()).startsWith("transaction_id,type,amount,");
                } else {
                    assertThat(r.json().get("data")).as(c.getKey()).hasSize(5);
                }
            }
            Http.Response byQuery = app.http().send("GET", s.path("/wallet/transactions?format=csv"), null,
                    Map.of("X-API-Key", s.apiKey(), "Accept", "application/json"));
            assertThat(byQuery.contentType()).startsWith("text/csv");
            assertThat(s.get("/wallet/transactions").contentType()).as("no Accept").startsWith("application/json");
        }
    }
}
