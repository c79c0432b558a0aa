package io.jumbe.server.sms;

import static io.jumbe.server.sms.SmsFlows.ENV;
import static io.jumbe.server.sms.SmsFlows.await;
import static io.jumbe.server.sms.SmsFlows.count;
import static io.jumbe.server.sms.SmsFlows.send;
import static io.jumbe.server.sms.SmsFlows.simulator;
import static io.jumbe.server.sms.SmsFlows.status;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jumbe.core.common.Json;
import io.jumbe.core.common.Money;
import io.jumbe.core.jobs.Job;
import io.jumbe.core.sms.SmsDispatcher;
import io.jumbe.core.sms.SmsService;
import io.jumbe.core.tenant.NewTenant;
import io.jumbe.core.testing.TestClock;
import io.jumbe.core.testing.TestDatabase;
import io.jumbe.server.simulator.onfon.OnfonSimulator;
import io.jumbe.server.testing.Http;
import io.jumbe.server.testing.Sender;
import io.jumbe.server.testing.TestApp;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A multi-recipient send is carried by one dispatch job per {@link SmsService#MESSAGES_PER_BULK_JOB} messages
 * instead of one per recipient; what happens to one message of such a job touches that message only.
 */
class BulkDispatchJobsTest {

    /** {@code n} numbers from 0722{@code first}; the simulator's special endings (0001, 0002, 0005) are avoided. */
    private static String recipients(int n, int first) {
        return IntStream.range(0, n).mapToObj(i -> "\"0722" + (first + i) + "\"").collect(Collectors.joining(","));
    }

    private static List<String> ids(JsonNode sent) {
        List<String> ids = new ArrayList<>();
        sent.get("messages").forEach(m -> ids.add(m.get("message_id").asText()));
        return ids;
    }

    private static long bulkJobs(TestApp app) {
        return count(app.platform(), "SELECT COUNT(*) FROM jobs WHERE queue = ?", SmsService.BULK_QUEUE);
    }

    /** Moves the platform's clock, and beats: a heartbeat older than the move would keep this instance from work. */
    private static void advance(TestApp app, TestClock clock, Duration by) {
        clock.advance(by);
        app.platform().instance().beat();
    }

    private static Map<String, Long> perNumber(List<String> numbers) {
        return numbers.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    /** The app's SMS dispatcher with its workers stopped, so that the test runs its rounds one at a time. */
    private static SmsDispatcher roundByRound(TestApp app) {
        SmsDispatcher dispatcher = app.application().smsDispatcher();
        dispatcher.close();
        return dispatcher;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aBulkOf250RecipientsIsCarriedByThreeJobsAndSendsEachMessageOnce(TestDatabase db) {
        try (TestApp app = TestApp.start(db, ENV)) {
            app.application().smsDispatcher().close(); // the jobs are counted before anything is dispatched
            Sender s = app.sender("300.00");
            List<String> ids = ids(send(s, "{\"recipients\":[" + recipients(250, 400_010) + "],\"message\":\"bulk\"}"));
            assertThat(ids).hasSize(250);
            assertThat(bulkJobs(app)).isEqualTo(3);
            assertThat(count(app.platform(), "SELECT COUNT(*) FROM jobs WHERE kind = ?", SmsService.BATCH_KIND))
                    .isEqualTo(3);
            assertThat(count(app.platform(), "SELECT COUNT(DISTINCT dispatch_key) FROM messages")).isEqualTo(3);

            app.application().smsDispatcher().start();
            await("every message delivered", () -> count(app.platform(),
                    "SELECT COUNT(*) FROM messages WHERE status = 'delivered'") == 250);
            Map<String, Long> submissions = perNumber(simulator(app).submitted().stream()
                    .map(OnfonSimulator.SubmittedMessage::number).toList());
            assertThat(submissions).hasSize(250);
            assertThat(submissions.values()).allMatch(n -> n == 1L);
            assertThat(count(app.platform(), "SELECT COUNT(*) FROM jobs WHERE queue = ? AND status <> 'done'",
                    SmsService.BULK_QUEUE)).isZero();
            assertThat(app.platform().wallet().balance(s.clientId()).balance()).isEqualTo(Money.parse("50.00"));
            assertThat(app.platform().ledgerCheck().verify()).isEmpty();
        }
    }

    /** An Onfon that leaves out of its answer, once each, the recipients it is told to: they had no outcome. */
    private static final class ForgetfulOnfon implements AutoCloseable {
        final MockWebServer server = new MockWebServer();
        final Set<String> forgetOnce = ConcurrentHashMap.newKeySet();
        final List<List<String>> requests = new CopyOnWriteArrayList<>();

        ForgetfulOnfon() throws IOException {
            server.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    try {
                        JsonNode body = Json.mapper().readTree(request.getBody().readUtf8());
                        ObjectNode answer = Json.mapper().createObjectNode();
                        answer.put("ErrorCode", 0);
                        answer.put("ErrorDescription", "Success");
                        ArrayNode data = answer.putArray("Data");
                        List<String> numbers = new ArrayList<>();
                        for (JsonNode p : body.get("MessageParameters")) {
                            String number = p.get("Number").asText();
                            numbers.add(number);
                            if (forgetOnce.remove(number)) {
                                continue;
                            }
                            data.addObject().put("MobileNumber", number).put("MessageErrorCode", 0)
                                    .put("MessageErrorDescription", "Success")
                                    .put("MessageId", UUID.randomUUID().toString());
                        }
                        requests.add(numbers);
                        return new MockResponse().setHeader("Content-Type", "application/json")
                                .setBody(Json.mapper().writeValueAsString(answer));
                    } catch (IOException e) {
                        return new MockResponse().setResponseCode(400);
                    }
                }
            });
            server.start();
        }

        Map<String, String> env() {
            Map<String, String> env = new HashMap<>(ENV);
            env.put("ONFON_BASE_URL", server.url("/").toString().replaceAll("/$", ""));
            env.put("ONFON_ACCESS_KEY", "real-access");
            env.put("ONFON_API_KEY", "real-api");
            env.put("ONFON_CLIENT_ID", "real-client");
            return env;
        }

        @Override
        public void close() throws IOException {
            server.shutdown();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aTransientFailureOfSomeMessagesOfABatchRetriesOnlyThose(TestDatabase db) throws Exception {
        TestClock clock = TestClock.ofNow();
        try (ForgetfulOnfon onfon = new ForgetfulOnfon(); TestApp app = TestApp.start(db, onfon.env(), clock)) {
            SmsDispatcher dispatcher = roundByRound(app);
            Sender s = app.sender("10.00");
            onfon.forgetOnce.addAll(List.of("254722400001", "254722400003"));
            List<String> ids = ids(send(s, "{\"recipients\":[" + recipients(5, 400_000) + "],\"message\":\"bulk\"}"));

            assertThat(dispatcher.dispatchOnce(SmsService.BULK_QUEUE)).isEqualTo(1);
            assertThat(onfon.requests).hasSize(1);
            assertThat(onfon.requests.get(0)).hasSize(5);
            assertThat(ids.stream().map(id -> status(s, id)).toList())
                    .containsExactly("sent", "queued", "sent", "queued", "sent");
            // the job goes back for the two without an outcome, and for them only, one attempt counted
            Map<String, Object> job = app.platform().jdbi().withHandle(h -> h.createQuery("SELECT status, payload, "
                    + "attempts FROM jobs WHERE queue = :q").bind("q", SmsService.BULK_QUEUE).mapToMap().one());
            assertThat(job).containsEntry("status", "ready").containsEntry("payload", ids.get(1) + "," + ids.get(3));
            assertThat(((Number) job.get("attempts")).intValue()).isEqualTo(1);

            assertThat(dispatcher.dispatchOnce(SmsService.BULK_QUEUE)).as("not due before its backoff").isZero();
            advance(app, clock, Duration.ofMinutes(1));
            assertThat(dispatcher.dispatchOnce(SmsService.BULK_QUEUE)).isEqualTo(1);
            assertThat(onfon.requests).hasSize(2);
            assertThat(onfon.requests.get(1)).containsExactly("254722400001", "254722400003");
            assertThat(ids).allSatisfy(id -> assertThat(status(s, id)).isEqualTo("sent"));
            assertThat(count(app.platform(), "SELECT COUNT(*) FROM jobs WHERE queue = ? AND status = 'done'",
                    SmsService.BULK_QUEUE)).isEqualTo(1);
            assertThat(app.platform().wallet().balance(s.clientId()).balance()).isEqualTo(Money.parse("5.00"));
            assertThat(app.platform().ledgerCheck().verify()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void cancellingOneScheduledMessageOfABulkRefundsOnlyItAndTheOthersAreStillSent(TestDatabase db) throws Exception {
        TestClock clock = TestClock.ofNow();
        try (TestApp app = TestApp.start(db, ENV, clock)) {
            SmsDispatcher dispatcher = roundByRound(app);
            Sender s = app.sender("10.00");
            String at = clock.instant().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
            List<String> ids = ids(send(s, "{\"recipients\":[" + recipients(3, 500_010) + "],\"message\":\"later\","
                    + "\"schedule_at\":\"" + at + "\"}"));
            assertThat(app.platform().wallet().balance(s.clientId()).balance()).isEqualTo(Money.parse("7.00"));

            Http.Response cancelled = s.delete("/sms/" + ids.get(1));
            assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
            assertThat(cancelled.json().get("status").asText()).isEqualTo("cancelled");
            assertThat(app.platform().wallet().balance(s.clientId()).balance()).isEqualTo(Money.parse("8.00"));
            assertThat(s.delete("/sms/" + ids.get(1)).status()).isEqualTo(409);
            // the job carrying the other two still waits for their time
            assertThat(count(app.platform(), "SELECT COUNT(*) FROM jobs WHERE queue = ? AND status = 'ready'",
                    SmsService.BULK_QUEUE)).isEqualTo(1);

            advance(app, clock, Duration.between(clock.instant(), Instant.parse(at).plusSeconds(1)));
            assertThat(dispatcher.dispatchOnce(SmsService.BULK_QUEUE)).isEqualTo(1);
            assertThat(simulator(app).submitted()).extracting(OnfonSimulator.SubmittedMessage::number)
                    .containsExactly("254722500010", "254722500012");
            assertThat(status(s, ids.get(0))).isIn("sent", "delivered");
            assertThat(status(s, ids.get(1))).isEqualTo("cancelled");
            assertThat(status(s, ids.get(2))).isIn("sent", "delivered");
            assertThat(app.platform().wallet().balance(s.clientId()).balance()).isEqualTo(Money.parse("8.00"));
            assertThat(count(app.platform(), "SELECT COUNT(*) FROM wallet_transactions WHERE type = 'refund'"))
                    .isEqualTo(1);
            assertThat(app.platform().ledgerCheck().verify()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aMessageOfABatchAlreadyClaimedForDispatchCannotBeCancelled(TestDatabase db) {
        TestClock clock = TestClock.ofNow();
        try (TestApp app = TestApp.start(db, ENV, clock)) {
            app.application().smsDispatcher().close();
            Sender s = app.sender("10.00");
            String at = clock.instant().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
            List<String> ids = ids(send(s, "{\"recipients\":[" + recipients(2, 600_000) + "],\"message\":\"later\","
                    + "\"schedule_at\":\"" + at + "\"}"));
            advance(app, clock, Duration.between(clock.instant(), Instant.parse(at).plusSeconds(1)));
            assertThat(app.platform().jobs().claim(SmsService.BULK_QUEUE, 10, "another-instance",
                    Duration.ofMinutes(2))).hasSize(1);

            Http.Response r = s.delete("/sms/" + ids.get(0));
            assertThat(r.status()).isEqualTo(409);
            assertThat(r.json().get("code").asText()).isEqualTo("not_cancellable");
            assertThat(status(s, ids.get(0))).isEqualTo("queued");
            assertThat(app.platform().wallet().balance(s.clientId()).balance()).isEqualTo(Money.parse("8.00"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aBatchJobHalfSentByAnInstanceThatDiedIsFinishedByAnotherSendingTheRestOnce(TestDatabase db) throws Exception {
        TestClock clock = TestClock.ofNow();
        try (TestApp app = TestApp.start(db, ENV, clock)) {
            SmsDispatcher dispatcher = roundByRound(app);
            Sender s = app.sender("10.00");
            List<String> ids = ids(send(s, "{\"recipients\":[" + recipients(4, 700_010) + "],\"message\":\"bulk\"}"));
            // an instance claimed the job, had two of its messages accepted and recorded, and died before the rest
            List<Job> claimed = app.platform().jobs().claim(SmsService.BULK_QUEUE, 10, "dead-instance",
                    Duration.ofMinutes(2));
            assertThat(claimed).hasSize(1);
            assertThat(SmsService.messageIdsOf(claimed.get(0))).containsExactlyElementsOf(ids);
            app.platform().jdbi().useHandle(h -> h.createUpdate("UPDATE messages SET status = 'sent', sent_at = :now, "
                    + "upstream_message_id = id WHERE id IN (<ids>)").bind("now", clock.instant())
                    .bindList("ids", ids.subList(0, 2)).execute());
            assertThat(dispatcher.dispatchOnce(SmsService.BULK_QUEUE)).as("still held").isZero();

            advance(app, clock, Duration.ofMinutes(3));
            assertThat(dispatcher.dispatchOnce(SmsService.BULK_QUEUE)).isEqualTo(1);
            assertThat(simulator(app).submitted()).extracting(OnfonSimulator.SubmittedMessage::number)
                    .containsExactly("254722700012", "254722700013");
            assertThat(ids.stream().map(id -> status(s, id)).toList()).allMatch(st -> !st.equals("queued"));
            assertThat(count(app.platform(), "SELECT COUNT(*) FROM jobs WHERE queue = ? AND status = 'done'",
                    SmsService.BULK_QUEUE)).isEqualTo(1);
            assertThat(count(app.platform(), "SELECT COUNT(*) FROM wallet_transactions WHERE type = 'refund'")).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void smallBulksAreClaimedTogetherSoOneRoundStillSendsABatch(TestDatabase db) throws Exception {
        try (TestApp app = TestApp.start(db, ENV)) {
            SmsDispatcher dispatcher = roundByRound(app);
            Sender s = app.sender("100.00");
            for (int i = 0; i < 30; i++) {
                send(s, "{\"recipients\":[" + recipients(2, 800_010 + 10 * i) + "],\"message\":\"pair\"}");
            }

            assertThat(dispatcher.dispatchOnce(SmsService.BULK_QUEUE)).isEqualTo(30);
            assertThat(simulator(app).submitted()).hasSize(60);
            assertThat(count(app.platform(), "SELECT COUNT(*) FROM messages WHERE status = 'queued'")).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void jobsThatWouldTakeARoundWellPastABatchGoBackUntouched(TestDatabase db) throws Exception {
        try (TestApp app = TestApp.start(db, ENV)) {
            SmsDispatcher dispatcher = roundByRound(app);
            Sender s = app.sender("400.00");
            send(s, "{\"recipients\":[" + recipients(2, 900_010) + "],\"message\":\"pair\"}");
            for (int i = 0; i < 3; i++) {
                send(s, "{\"recipients\":[" + recipients(100, 910_010 + 1000 * i) + "],\"message\":\"hundred\"}");
            }

            // the first job carried two messages, so up to 49 more were claimed: the three of 100 went back
            assertThat(dispatcher.dispatchOnce(SmsService.BULK_QUEUE)).isEqualTo(1);
            assertThat(simulator(app).submitted()).hasSize(2);
            assertThat(count(app.platform(), "SELECT COUNT(*) FROM jobs WHERE queue = ? AND status = 'ready' "
                    + "AND attempts = 0 AND locked_by IS NULL", SmsService.BULK_QUEUE)).isEqualTo(3);

            for (int round = 1; round <= 3; round++) {
                assertThat(dispatcher.dispatchOnce(SmsService.BULK_QUEUE)).isEqualTo(1);
                assertThat(simulator(app).submitted()).hasSize(2 + 100 * round);
            }
            Map<String, Long> submissions = perNumber(simulator(app).submitted().stream()
                    .map(OnfonSimulator.SubmittedMessage::number).toList());
            assertThat(submissions.values()).allMatch(n -> n == 1L);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aSandboxResetClearsTheWaitingJobOfATestBulkWithItsMessages(TestDatabase db) {
        try (TestApp app = TestApp.start(db, ENV)) {
            var created = app.platform().tenants().create(NewTenant.of("Falley Clinic", "ops@falley.example",
                    "FALLEY").withBalance(Money.parse("5.00")));
            Sender test = new Sender(created.tenant().id(), created.testKey().secret(), app.http());
            String at = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
            send(test, "{\"recipients\":[" + recipients(150, 300_010) + "],\"message\":\"later\","
                    + "\"schedule_at\":\"" + at + "\"}");
            assertThat(count(app.platform(), "SELECT COUNT(*) FROM jobs WHERE queue = ? AND status = 'ready'",
                    SmsService.BULK_QUEUE)).isEqualTo(2);

            Http.Response reset = test.post("/sandbox/reset", "{}");
            assertThat(reset.status()).as(reset.body()).isEqualTo(200);
            assertThat(reset.json().get("messages_cleared").asInt()).isEqualTo(150);
            assertThat(count(app.platform(), "SELECT COUNT(*) FROM jobs WHERE queue = ?", SmsService.BULK_QUEUE))
                    .isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void underASmallCapARoundSendsAboutASecondsWorthOfABatchJobAndPutsTheRestBack(TestDatabase db) throws Exception {
        Map<String, String> env = new HashMap<>(ENV);
        env.put("ONFON_MAX_TPS", "20");
        try (TestApp app = TestApp.start(db, env)) {
            SmsDispatcher dispatcher = roundByRound(app);
            Sender s = app.sender("100.00");
            List<String> ids = ids(send(s, "{\"recipients\":[" + recipients(50, 200_010) + "],\"message\":\"bulk\"}"));

            assertThat(dispatcher.dispatchOnce(SmsService.BULK_QUEUE)).isEqualTo(1);
            assertThat(simulator(app).submitted()).hasSize(20);
            Map<String, Object> job = app.platform().jdbi().withHandle(h -> h.createQuery("SELECT status, payload, "
                    + "attempts FROM jobs WHERE queue = :q").bind("q", SmsService.BULK_QUEUE).mapToMap().one());
            assertThat(job).containsEntry("status", "ready")
                    .containsEntry("payload", String.join(",", ids.subList(20, 50)));
            assertThat(((Number) job.get("attempts")).intValue()).as("not an attempt that failed").isZero();

            assertThat(dispatcher.dispatchOnce(SmsService.BULK_QUEUE)).isEqualTo(1);
            assertThat(dispatcher.dispatchOnce(SmsService.BULK_QUEUE)).isEqualTo(1);
            assertThat(dispatcher.dispatchOnce(SmsService.BULK_QUEUE)).isZero();
            Map<String, Long> submissions = perNumber(simulator(app).submitted().stream()
                    .map(OnfonSimulator.SubmittedMessage::number).toList());
            assertThat(submissions).hasSize(50);
            assertThat(submissions.values()).allMatch(n -> n == 1L);
        }
    }
}
