package io.jumbe.server.sms;

import static io.jumbe.server.sms.SmsFlows.DLR_TOKEN;
import static io.jumbe.server.sms.SmsFlows.ENV;
import static io.jumbe.server.sms.SmsFlows.awaitStatus;
import static io.jumbe.server.sms.SmsFlows.report;
import static io.jumbe.server.sms.SmsFlows.sendOne;
import static io.jumbe.server.sms.SmsFlows.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.jumbe.core.events.EventTypes;
import io.jumbe.core.testing.TestDatabase;
import io.jumbe.server.testing.Http;
import io.jumbe.server.testing.Sender;
import io.jumbe.server.testing.TestApp;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SmsDeliveryReportTest {

    /** Sends to a test number the simulator never reports on, and returns the message id once it is sent. */
    private static String sentAndUnreported(Sender s) {
        String id = sendOne(s, "0712340005", "no report from upstream");
        awaitStatus(s, id, "sent");
        return id;
    }

    private static String upstreamId(Sender s, String id) {
        return s.get("/sms/status/" + id).json().get("upstream_message_id").asText();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aDuplicateReportIsANoOp(TestDatabase db) {
        try (TestApp app = TestApp.start(db, ENV)) {
            Sender s = app.sender("10.00");
            String id = sentAndUnreported(s);
            String body = "{\"messageId\":\"" + upstreamId(s, id) + "\",\"mobile\":\"254712340005\",\"status\":\"DELIVRD\","
                    + "\"errorCode\":\"000\"}";
            Http.Response first = report(app, "POST", DLR_TOKEN, null, body, "application/json");
            Http.Response again = report(app, "POST", DLR_TOKEN, null, body, "application/json");

            assertThat(first.status()).isEqualTo(200);
            assertThat(first.header("Content-Type")).startsWith("application/json");
            assertThat(first.json().get("outcome").asText()).isEqualTo("applied");
            assertThat(again.status()).isEqualTo(200);
            assertThat(again.json().get("status").asText()).isEqualTo("ok");
            assertThat(again.json().get("outcome").asText()).isEqualTo("ignored");
            assertThat(status(s, id)).isEqualTo("delivered");
            assertThat(app.platform().events().forTenant(s.clientId(), EventTypes.MESSAGE_DELIVERED, 10)).hasSize(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aReportOlderThanTheMessagesStatusChangesNothing(TestDatabase db) {
        try (TestApp app = TestApp.start(db, ENV)) {
            Sender s = app.sender("10.00");
            String id = sentAndUnreported(s);
            String upstream = upstreamId(s, id);
            report(app, "GET", DLR_TOKEN, "messageId=" + upstream + "&status=ENROUTE", null, null);
            assertThat(status(s, id)).isEqualTo("sent");
            report(app, "POST", DLR_TOKEN, null, "messageId=" + upstream + "&status=DeliveredToTerminal",
                    "application/x-www-form-urlencoded");
            assertThat(status(s, id)).isEqualTo("delivered");
            Http.Response late = report(app, "GET", DLR_TOKEN, "messageId=" + upstream + "&status=UNDELIV&errorCode=001",
                    null, null);
            assertThat(late.status()).isEqualTo(200);
            assertThat(status(s, id)).isEqualTo("delivered");
            assertThat(app.platform().events().forTenant(s.clientId(), EventTypes.MESSAGE_FAILED, 10)).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aWrongTokenIs404AndChangesNothing(TestDatabase db) {
        try (TestApp app = TestApp.start(db, ENV)) {
            Sender s = app.sender("10.00");
            String id = sentAndUnreported(s);
            Http.Response r = report(app, "GET", "not-the-token", "messageId=" + upstreamId(s, id) + "&status=DELIVRD",
                    null, null);
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.body()).doesNotContain(DLR_TOKEN);
            assertThat(status(s, id)).isEqualTo("sent");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void anUnknownMessageIdGets200(TestDatabase db) {
        try (TestApp app = TestApp.start(db, ENV)) {
            Http.Response r = report(app, "GET", DLR_TOKEN, "messageId=no-such-id&status=DELIVRD", null, null);
            assertThat(r.status()).isEqualTo(200);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aMessageWithNoFinalReportExpiresAndALateReportStillCounts(TestDatabase db) {
        Map<String, String> env = new HashMap<>(ENV);
        env.put("DLR_EXPIRY", "1s");
        try (TestApp app = TestApp.start(db, env)) {
            Sender s = app.sender("10.00");
            String id = sentAndUnreported(s);
            awaitStatus(s, id, "expired");
            assertThat(s.get("/sms/status/" + id).json().get("expired_at").isNull()).isFalse();
            report(app, "GET", DLR_TOKEN, "messageId=" + upstreamId(s, id) + "&status=DELIVRD", null, null);
            assertThat(status(s, id)).isEqualTo("delivered");
        }
    }
}
