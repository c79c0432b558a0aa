package io.jumbe.server.sms;

import static io.jumbe.server.sms.SmsFlows.ENV;
import static io.jumbe.server.sms.SmsFlows.awaitStatus;
import static io.jumbe.server.sms.SmsFlows.send;
import static io.jumbe.server.sms.SmsFlows.sendOne;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jumbe.core.common.Money;
import io.jumbe.core.testing.TestClock;
import io.jumbe.core.testing.TestDatabase;
import io.jumbe.server.testing.Http;
import io.jumbe.server.testing.Sender;
import io.jumbe.server.testing.TestApp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SmsAccountViewsTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void cancellingAScheduledMessageRefundsItOnce(TestDatabase db) {
        try (TestApp app = TestApp.start(db, ENV)) {
            Sender s = app.sender("10.00");
            String at = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
            JsonNode sent = send(s, "{\"recipient\":\"0712345678\",\"message\":\"later\",\"schedule_at\":\"" + at + "\"}");
            String id = sent.get("message_id").asText();
            assertThat(sent.get("balance").decimalValue()).isEqualByComparingTo("9.00");

            Http.Response cancelled = s.delete("/sms/" + id);
            assertThat(cancelled.status()).isEqualTo(200);
            assertThat(cancelled.json().get("status").asText()).isEqualTo("cancelled");
            assertThat(cancelled.json().get("refunded").asBoolean()).isTrue();
            assertThat(cancelled.json().get("scheduled_at").asText()).isEqualTo(at);
            assertThat(app.platform().wallet().balance(s.clientId()).balance()).isEqualTo(Money.parse("10.00"));

            Http.Response again = s.delete("/sms/" + id);
            assertThat(again.status()).isEqualTo(409);
            assertThat(again.json().get("code").asText()).isEqualTo("not_cancellable");
            assertThat(app.platform().wallet().balance(s.clientId()).balance()).isEqualTo(Money.parse("10.00"));
            assertThat(app.platform().ledgerCheck().verify()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aMessageThatAlreadyLeftCannotBeCancelled(TestDatabase db) {
        try (TestApp app = TestApp.start(db, ENV)) {
            Sender s = app.sender("10.00");
            String id = sendOne(s, "0712345678", "now");
            awaitStatus(s, id, "delivered");
            Http.Response r = s.delete("/sms/" + id);
            assertThat(r.status()).isEqualTo(409);
            assertThat(r.json().get("code").asText()).isEqualTo("not_cancellable");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void anotherTenantsMessageIsNotFound(TestDatabase db) {
        try (TestApp app = TestApp.start(db, ENV)) {
            Sender owner = app.sender("10.00");
            Sender other = app.sender("10.00");
            String at = Instant.now().plus(1, ChronoUnit.HOURS).toString();
            String id = send(owner, "{\"recipient\":\"0712345678\",\"message\":\"mine\",\"schedule_at\":\"" + at + "\"}")
                    .get("message_id").asText();
            Http.Response status = other.get("/sms/status/" + id);
            Http.Response cancel = other.delete("/sms/" + id);
            for (Http.Response r : List.of(status, cancel)) {
                assertThat(r.status()).isEqualTo(404);
                assertThat(r.json().get("code").asText()).isEqualTo("not_found");
            }
            assertThat(other.get("/sms/history").json().get("meta").get("total").asLong()).isZero();
            assertThat(owner.get("/sms/status/" + id).json().get("status").asText()).isEqualTo("queued");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void historyFiltersAndStatisticsCountWhatWasSent(TestDatabase db) {
        // Noon of tomorrow (UTC), standing still: "today" and "this month" are the same day and month however long the
        // run takes, and a view that read the machine's clock instead of the platform's (which stamped the messages)
        // would miss them. CI met that at midnight: "today" ended at the real now, before the test clock's noon.
        TestClock clock = new TestClock(Instant.now().truncatedTo(ChronoUnit.DAYS).plus(36, ChronoUnit.HOURS));
        try (TestApp app = TestApp.start(db, ENV, clock)) {
            Sender s = app.sender("100.00");
            app.platform().wallet().manualCredit(s.clientId(), Money.parse("50.00"), "bank-1", "test", "admin");
            String a = send(s, "{\"recipient\":\"0712345678\",\"message\":\"one\",\"reference\":\"ref-a\"}")
                    .get("message_id").asText();
            String b = sendOne(s, "0712340002", "rejected upstream");
            awaitStatus(s, a, "delivered");
            awaitStatus(s, b, "failed");

            JsonNode byRef = s.get("/sms/history?reference=ref-a").json();
            assertThat(byRef.get("meta").get("total").asLong()).isEqualTo(1);
            assertThat(byRef.get("data").get(0).get("message_id").asText()).isEqualTo(a);
            assertThat(s.get("/sms/history?recipient=0712340002").json().get("data").get(0).get("message_id").asText())
                    .isEqualTo(b);
            assertThat(s.get("/sms/history?status=failed").json().get("meta").get("total").asLong()).isEqualTo(1);
            JsonNode paged = s.get("/sms/history?per_page=1&page=2").json();
            assertThat(paged.get("data")).hasSize(1);
            assertThat(paged.get("meta").get("total").asLong()).isEqualTo(2);

            JsonNode stats = s.get("/sms/statistics").json();
            assertThat(stats.get("today").get("total").asLong()).isEqualTo(2);
            assertThat(stats.get("today").get("by_status").get("delivered").asLong()).isEqualTo(1);
            assertThat(stats.get("this_month").get("cost").decimalValue()).isEqualByComparingTo("1.00");
            String today = clock.instant().toString().substring(0, 10);
            JsonNode ranged = s.get("/sms/statistics?from=" + today + "&to=" + today).json();
            assertThat(ranged.get("segments").asLong()).isEqualTo(2);

            JsonNode client = s.get("/client/statistics").json();
            assertThat(client.get("messages_sent").asLong()).isEqualTo(1);
            assertThat(client.get("messages_delivered").asLong()).isEqualTo(1);
            assertThat(client.get("messages_failed").asLong()).isEqualTo(1);
            assertThat(client.get("spend").decimalValue()).isEqualByComparingTo("1.00");
            assertThat(client.get("topups").decimalValue()).isEqualByComparingTo("150.00"); // the opening balance is a manual credit too
            assertThat(client.get("balance").decimalValue()).isEqualByComparingTo("149.00");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void badInputOnEverySmsEndpointIsA4xxProblemAndChangesNothing(TestDatabase db) {
        try (TestApp app = TestApp.start(db, ENV)) {
            Sender s = app.sender("10.00");
            String past = Instant.now().minus(1, ChronoUnit.HOURS).toString();
            String far = Instant.now().plus(31, ChronoUnit.DAYS).toString();
            List<String> bodies = List.of("", "not json", "[]", "{}", "{\"recipient\":\"0712345678\"}",
                    "{\"recipient\":\"0712345678\",\"message\":\"\"}",
                    "{\"recipient\":\"0712345678\",\"message\":\"" + "x".repeat(1531) + "\"}",
                    "{\"recipient\":\"0712345678\",\"message\":42}",
                    "{\"recipient\":{\"n\":1},\"message\":\"hi\"}",
                    "{\"recipients\":\"0712345678\",\"message\":\"hi\"}",
                    "{\"recipients\":[],\"message\":\"hi\"}",
                    "{\"recipient\":\"0712345678\",\"recipients\":[\"0712345679\"],\"message\":\"hi\"}",
                    "{\"recipient\":\"12\",\"message\":\"hi\"}",
                    "{\"recipients\":[\"12\",\"abc\"],\"message\":\"hi\"}",
                    "{\"recipient\":\"0712345678\",\"message\":\"hi\",\"reference\":\"" + "r".repeat(65) + "\"}",
                    "{\"recipient\":\"0712345678\",\"message\":\"hi\",\"schedule_at\":\"" + past + "\"}",
                    "{\"recipient\":\"0712345678\",\"message\":\"hi\",\"schedule_at\":\"" + far + "\"}",
                    "{\"recipient\":\"0712345678\",\"message\":\"hi\",\"schedule_at\":\"tomorrow\"}",
                    "{\"recipient\":\"0712345678\",\"message\":\"hi\",\"sender\":\"NOPE\"}");
            for (String path : List.of("/sms/send", "/sms/quote")) {
                for (String body : bodies) {
                    Http.Response r = s.post(path, body);
                    assertThat(r.status()).as(path + " " + body).isBetween(400, 499);
                    assertThat(r.contentType()).as(path + " " + body).startsWith("application/problem+json");
                }
            }
            StringBuilder many = new StringBuilder("{\"recipients\":[");
            for (int i = 0; i < 10_001; i++) {
                many.append(i == 0 ? "" : ",").append('"').append(700_000_000 + i).append('"');
            }
            assertThat(s.post("/sms/send", many.append("],\"message\":\"hi\"}").toString()).status()).isEqualTo(400);
            for (String query : List.of("/sms/history?status=lost", "/sms/history?per_page=0", "/sms/history?page=x",
                    "/sms/history?from=yesterday", "/sms/statistics?from=2025-13-01", "/sms/statistics?from=2025-10-09&to=2025-10-01",
                    "/sms/status/MSG-NOPE")) {
                Http.Response r = s.get(query);
                assertThat(r.status()).as(query).isBetween(400, 499);
                assertThat(r.contentType()).as(query).startsWith("application/problem+json");
            }
            assertThat(s.delete("/sms/MSG-NOPE").status()).isEqualTo(404);
            assertThat(s.post("/sms/send", "{\"recipient\":\"12\",\"message\":\"hi\"}").json().get("code").asText())
                    .isEqualTo("invalid_recipient");
            assertThat(s.post("/sms/send", "{\"recipient\":\"0712345678\",\"message\":\"hi\",\"sender\":\"NOPE\"}").status())
                    .isEqualTo(422);
            assertThat(SmsFlows.count(app.platform(), "SELECT COUNT(*) FROM messages")).isZero();
            assertThat(app.platform().wallet().balance(s.clientId()).balance()).isEqualTo(Money.parse("10.00"));
            assertThat(app.http().send("POST", s.path("/sms/send"), "{}", Map.of()).status()).isEqualTo(401);
        }
    }
}
