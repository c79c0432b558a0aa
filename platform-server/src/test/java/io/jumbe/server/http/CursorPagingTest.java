package io.jumbe.server.http;

import static io.jumbe.server.testing.Webhooks.configure;
import static io.jumbe.server.testing.Webhooks.credit;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jumbe.core.testing.TestDatabase;
import io.jumbe.server.testing.Http;
import io.jumbe.server.testing.Sender;
import io.jumbe.server.testing.TestApp;
import io.jumbe.server.testing.WebhookReceiver;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The tenant lists over HTTP on H2 and PostgreSQL: {@code starting_after}, {@code meta.has_more}, their ids. */
class CursorPagingTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aCrmPagingHistoryWhileItSendsSeesExactlyTheEarlierMessagesOnce(TestDatabase db) {
        try (TestApp app = TestApp.start(db)) {
            Sender s = app.sender("1000.00");
            Set<String> before = new HashSet<>();
            for (int batch = 0; batch < 3; batch++) {
                Http.Response sent = s.post("/sms/send", "{\"recipients\":" + numbers(batch * 100, 100)
                        + ",\"message\":\"Clinic reminder\"}");
                assertThat(sent.status()).as(sent.body()).isEqualTo(202);
                sent.json().get("messages").forEach(m -> before.add(m.get("message_id").asText()));
            }
            assertThat(before).hasSize(300);

            List<String> seen = new ArrayList<>();
            JsonNode page = s.get("/sms/history?per_page=50").json();
            int sent = 0;
            while (true) {
                page.get("data").forEach(m -> seen.add(m.get("message_id").asText()));
                for (int i = 0; i < 20 && sent < 100; i++, sent++) {
                    assertThat(s.post("/sms/send", "{\"recipient\":\"0722" + String.format("%06d", 500000 + sent)
                            + "\",\"message\":\"New reminder\"}").status()).isEqualTo(202);
                }
                if (!page.at("/meta/has_more").asBoolean()) {
                    break;
                }
                String last = seen.get(seen.size() - 1);
                page = s.get("/sms/history?per_page=50&starting_after=" + last).json();
                assertThat(page.at("/meta/starting_after").asText()).isEqualTo(last);
            }

            assertThat(sent).isEqualTo(100);
            assertThat(seen).doesNotHaveDuplicates().hasSize(300);
            assertThat(new HashSet<>(seen)).isEqualTo(before);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void everyListAnswersHasMoreAndTakesACursor(TestDatabase db) {
        try (TestApp app = TestApp.start(db); WebhookReceiver receiver = WebhookReceiver.start()) {
            Sender s = app.sender("10.00");
            configure(s, receiver.url());
            for (int i = 0; i < 3; i++) {
                credit(app, s, "1.00");
                assertThat(s.post("/sms/send", "{\"recipient\":\"07120000" + (10 + i) + "\",\"message\":\"hi\"}")
                        .status()).isEqualTo(202);
            }
            for (String list : List.of("/sms/history", "/wallet/transactions", "/webhooks/deliveries")) {
                JsonNode all = s.get(list + "?per_page=100").json();
                assertThat(all.at("/meta/has_more").asBoolean()).as(list).isFalse();
                List<String> ids = ids(all);
                assertThat(ids).as(list).hasSizeGreaterThanOrEqualTo(3);

                JsonNode first = s.get(list + "?per_page=1").json();
                assertThat(first.at("/meta/has_more").asBoolean()).as(list).isTrue();
                assertThat(first.at("/meta/current_page").asInt()).isEqualTo(1);
                JsonNode after = s.get(list + "?per_page=100&starting_after=" + ids.get(0)).json();
                assertThat(ids(after)).as(list).containsExactlyElementsOf(ids.subList(1, ids.size()));
                assertThat(after.at("/meta/has_more").asBoolean()).isFalse();
                assertThat(after.at("/meta/total").asInt()).isEqualTo(ids.size());
                assertThat(after.get("meta").has("current_page")).isFalse();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void anotherTenantsIdOrAnUnknownIdIsNotACursor(TestDatabase db) {
        try (TestApp app = TestApp.start(db)) {
            Sender mine = app.sender("10.00");
            Sender theirs = app.sender("10.00");
            String theirMessage = theirs.post("/sms/send", "{\"recipient\":\"0712000020\",\"message\":\"hi\"}").json()
                    .get("message_id").asText();

            for (String cursor : List.of(theirMessage, "MSG-01NOSUCHMESSAGE")) {
                Http.Response r = mine.get("/sms/history?starting_after=" + cursor);
                assertThat(r.status()).isEqualTo(400);
                assertThat(r.json().get("code").asText()).isEqualTo("validation_failed");
                assertThat(r.json().at("/errors/0/field").asText()).isEqualTo("starting_after");
                assertThat(r.body()).doesNotContain("Sender ");
            }
            Http.Response both = mine.get("/wallet/transactions?page=2&starting_after=TXN-X");
            assertThat(both.status()).isEqualTo(400);
            assertThat(both.json().at("/errors/0/field").asText()).isEqualTo("page");
            Http.Response export = mine.get("/wallet/transactions?format=csv&starting_after=TXN-X");
            assertThat(export.status()).as("the CSV export is not paged").isEqualTo(200);
            assertThat(export.body()).startsWith("transaction_id,");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aDeliveryNamesItsIdDeliveryIdAndKeepsIdForOneRelease(TestDatabase db) {
        try (TestApp app = TestApp.start(db); WebhookReceiver receiver = WebhookReceiver.start()) {
            Sender s = app.sender("10.00");
            configure(s, receiver.url());
            credit(app, s, "1.00");

            JsonNode listed = s.get("/webhooks/deliveries").json().at("/data/0");
            String id = listed.get("delivery_id").asText();
            JsonNode one = s.get("/webhooks/deliveries/" + id).json();

            assertThat(id).startsWith("WH-");
            assertThat(listed.get("id").asText()).isEqualTo(id);
            assertThat(one.get("delivery_id").asText()).isEqualTo(id);
            assertThat(one.get("id").asText()).isEqualTo(id);
        }
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        for (JsonNode item : page.get("data")) {
            for (String name : List.of("message_id", "transaction_id", "delivery_id")) {
                if (item.has(name)) {
                    ids.add(item.get(name).asText());
                    break;
                }
            }
        }
        return ids;
    }

    private static String numbers(int first, int count) {
        return IntStream.range(first, first + count).mapToObj(i -> "\"0712" + String.format("%06d", 100000 + i) + "\"")
                .collect(Collectors.joining(",", "[", "]"));
    }
}
