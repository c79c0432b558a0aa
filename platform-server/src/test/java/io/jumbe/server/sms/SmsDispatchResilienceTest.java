package io.jumbe.server.sms;

import static io.jumbe.server.sms.SmsFlows.ENV;
import static io.jumbe.server.sms.SmsFlows.await;
import static io.jumbe.server.sms.SmsFlows.awaitStatus;
import static io.jumbe.server.sms.SmsFlows.count;
import static io.jumbe.server.sms.SmsFlows.send;
import static io.jumbe.server.sms.SmsFlows.sendOne;
import static io.jumbe.server.sms.SmsFlows.simulator;
import static io.jumbe.server.sms.SmsFlows.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.jumbe.core.common.Money;
import io.jumbe.core.sms.SmsDispatcher;
import io.jumbe.core.sms.SmsService;
import io.jumbe.core.sms.SmsTuning;
import io.jumbe.core.testing.TestClock;
import io.jumbe.core.testing.TestDatabase;
import io.jumbe.server.simulator.onfon.OnfonSimulator;
import io.jumbe.server.testing.Sender;
import io.jumbe.server.testing.TestApp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SmsDispatchResilienceTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void everyMessageAcceptedBeforeARestartIsSentExactlyOnceAfterIt(TestDatabase db) throws Exception {
        DataSource data = db.freshDataSource();
        List<String> ids = new ArrayList<>();
        long clientId;
        Map<String, Long> submissions = new HashMap<>();
        try (TestApp first = TestApp.startOver(data, ENV)) {
            simulator(first).failNextRequests(Integer.MAX_VALUE);
            Sender s = first.sender("500.00");
            clientId = s.clientId();
            for (int i = 0; i < 10; i++) {
                ids.add(sendOne(s, "0733" + (100_100 + i), "before the crash " + i));
            }
            var bulk = send(s, "{\"recipients\":[" + java.util.stream.IntStream.range(0, 40)
                    .mapToObj(i -> "\"0744" + (200_100 + i) + "\"").collect(Collectors.joining(",")) + "],\"message\":\"bulk\"}");
            bulk.get("messages").forEach(m -> ids.add(m.get("message_id").asText()));
            await("the upstream was tried", () -> simulator(first).requestCount() > 2);
            simulator(first).submitted().forEach(m -> submissions.merge(m.number(), 1L, Long::sum));
        }
        try (TestApp second = TestApp.startOver(data, ENV)) {
            Sender s = new Sender(clientId, null, second.http());
            await("every message delivered", () -> count(second.platform(),
                    "SELECT COUNT(*) FROM messages WHERE status = 'delivered'") == ids.size());
            simulator(second).submitted().forEach(m -> submissions.merge(m.number(), 1L, Long::sum));
            assertThat(submissions).hasSize(ids.size());
            assertThat(submissions.values()).allMatch(n -> n == 1L);
            assertThat(second.platform().wallet().balance(s.clientId()).balance()).isEqualTo(Money.parse("450.00"));
            assertThat(count(second.platform(), "SELECT COUNT(*) FROM wallet_transactions WHERE type = 'refund'")).isZero();
            assertThat(second.platform().ledgerCheck().verify()).isEmpty();
        } finally {
            if (data instanceof AutoCloseable closeable) {
                closeable.close();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aSingleSendQueuedBehindALargeBulkGoesOutFirstOnItsOwnLane(TestDatabase db) throws Exception {
        try (TestApp app = TestApp.start(db, ENV)) {
            SmsDispatcher dispatcher = app.application().smsDispatcher();
            dispatcher.close(); // nothing leaves until this test says so, one batch at a time
            Sender s = app.sender("2000.00");
            var bulk = send(s, "{\"recipients\":[" + java.util.stream.IntStream.range(0, 1500)
                    .mapToObj(i -> "\"0722" + (400_000 + i) + "\"").collect(Collectors.joining(",")) + "],\"message\":\"bulk\"}");
            assertThat(bulk.get("messages")).hasSize(1500);
            String single = sendOne(s, "0711999888", "your results are ready");

            // One claim on the single lane: the 1,500 bulk messages queued before it are on the other lane.
            assertThat(dispatcher.dispatchOnce(SmsService.SINGLE_QUEUE)).isEqualTo(1);

            assertThat(simulator(app).submitted()).extracting(OnfonSimulator.SubmittedMessage::number)
                    .containsExactly("254711999888");
            assertThat(status(s, single)).isIn("sent", "delivered");
            assertThat(count(app.platform(), "SELECT COUNT(*) FROM messages WHERE status = 'queued'")).isEqualTo(1500);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void anUpstreamAnswering500ForAWhileLosesNothingAndChargesOnce(TestDatabase db) {
        try (TestApp app = TestApp.start(db, ENV)) {
            OnfonSimulator sim = simulator(app);
            sim.failNextRequests(4);
            Sender s = app.sender("20.00");
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                ids.add(sendOne(s, "0755" + (300_100 + i), "retry me " + i));
            }
            for (String id : ids) {
                awaitStatus(s, id, "delivered");
            }
            assertThat(sim.requestCount()).isGreaterThan(4);
            assertThat(sim.submitted()).hasSize(5);
            assertThat(app.platform().wallet().balance(s.clientId()).balance()).isEqualTo(Money.parse("15.00"));
            assertThat(count(app.platform(), "SELECT COUNT(*) FROM wallet_transactions WHERE type = 'debit'")).isEqualTo(5);
            assertThat(count(app.platform(), "SELECT COUNT(*) FROM wallet_transactions WHERE type = 'refund'")).isZero();
            assertThat(app.platform().ledgerCheck().verify()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void upstreamCreditExhaustedKeepsMessagesQueuedAlertsAdminsAndResumes(TestDatabase db) {
        // The pause runs on the platform's clock: the test moves it instead of waiting the pause out.
        TestClock clock = TestClock.ofNow();
        Duration pause = SmsTuning.fast().upstreamPause();
        try (TestApp app = TestApp.start(db, ENV, clock)) {
            OnfonSimulator sim = simulator(app);
            sim.creditExhausted(true);
            Sender s = app.sender("10.00");
            String id = sendOne(s, "0766400100", "wait for credit");
            await("the credit alert is raised", () -> app.platform().alerts().open().stream()
                    .anyMatch(a -> a.kind().equals(SmsDispatcher.ALERT_CREDIT)));
            SmsDispatcher dispatcher = app.application().smsDispatcher();
            long pauses = dispatcher.upstreamPauses();
            assertThat(pauses).isGreaterThan(0);
            assertThat(dispatcher.paused()).isTrue();
            clock.advance(pause.plusMillis(1));
            await("the dispatcher tries again after its pause and is refused again",
                    () -> dispatcher.upstreamPauses() > pauses);
            assertThat(status(s, id)).isEqualTo("queued");
            assertThat(count(app.platform(), "SELECT COUNT(*) FROM wallet_transactions WHERE type = 'refund'")).isZero();
            assertThat(count(app.platform(), "SELECT attempts FROM jobs WHERE dedupe_key = ?", id)).isLessThanOrEqualTo(1);
            assertThat(app.http().get("/metrics").body()).contains("onfon_dispatch_pauses_total");

            sim.creditExhausted(false);
            clock.advance(pause.plusMillis(1));
            awaitStatus(s, id, "delivered");
            await("the alert is resolved", () -> app.platform().alerts().open().isEmpty());
            assertThat(app.platform().wallet().balance(s.clientId()).balance()).isEqualTo(Money.parse("9.00"));
            assertThat(app.platform().ledgerCheck().verify()).isEmpty();
        }
    }
}
