package io.jumbe.core.sms;

import static org.assertj.core.api.Assertions.assertThat;

import io.jumbe.core.Jumbe;
import io.jumbe.core.common.Money;
import io.jumbe.core.sms.MessageLifecycle.ReportOutcome;
import io.jumbe.core.tenant.NewTenant;
import io.jumbe.core.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DeliveryReportBatchTest {

    private static DeliveryReport report(String upstreamId, String status) {
        return new DeliveryReport(upstreamId, "254712345678", status, "000", "2026-04-08 09:30", "2026-04-08 09:31",
                DeliveryReport.classify(status), true);
    }

    /** Sends one message per tenant and marks each sent with upstream id {@code up-<i>}; returns their ids. */
    private static List<String> sentMessages(Jumbe platform, int tenants) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < tenants; i++) {
            long tenant = platform.tenants().create(NewTenant.of("Clinic " + i, "ops@clinic.example", "CLINIC")
                    .withBalance(Money.parse("100"))).tenant().id();
            ids.add(platform.sms().send(tenant, SendRequest.to("0712345678", "Results ready")).messages().get(0)
                    .messageId());
        }
        platform.jdbi().useTransaction(h -> {
            List<Message> found = MessageStore.findAll(h, ids);
            List<Map.Entry<Message, String>> moves = new ArrayList<>();
            for (Message m : found) {
                moves.add(Map.entry(m, "up-" + ids.indexOf(m.id())));
            }
            platform.sms().lifecycle().markSentAll(h, moves);
        });
        return ids;
    }

    private static String status(Jumbe platform, String id) {
        return platform.jdbi().withHandle(h -> h.createQuery("SELECT status FROM messages WHERE id = :id")
                .bind("id", id).mapTo(String.class).one());
    }

    private static long events(Jumbe platform, String type) {
        return platform.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM events WHERE type = :t")
                .bind("t", type).mapTo(Long.class).one());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aBatchOfReportsKeepsStatusForwardOnlyAndDuplicatesAsNoOps(TestDatabase db) {
        try (Jumbe platform = db.platform()) {
            List<String> ids = sentMessages(platform, 3);
            // tenants out of order; for up-0 a delivery, its duplicate, then a late failure that must not win
            List<ReportOutcome> outcomes = platform.sms().lifecycle().applyAll(List.of(
                    report("up-2", "UNDELIV"), report("up-0", "DELIVRD"), report("up-0", "DELIVRD"),
                    report("up-1", "DELIVRD"), report("up-0", "UNDELIV"), report("up-unknown", "DELIVRD")));

            assertThat(outcomes).containsExactly(ReportOutcome.APPLIED, ReportOutcome.APPLIED, ReportOutcome.IGNORED,
                    ReportOutcome.APPLIED, ReportOutcome.IGNORED, ReportOutcome.UNKNOWN);
            assertThat(status(platform, ids.get(0))).isEqualTo("delivered");
            assertThat(status(platform, ids.get(1))).isEqualTo("delivered");
            assertThat(status(platform, ids.get(2))).isEqualTo("failed");
            assertThat(events(platform, "message.delivered")).isEqualTo(2);
            assertThat(events(platform, "message.failed")).isEqualTo(1);
            assertThat(platform.ledgerCheck().verify()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aBatchOfReportsForDistinctMessagesGivesEachItsOwnStatusTimeAndError(TestDatabase db) {
        try (Jumbe platform = db.platform()) {
            List<String> ids = sentMessages(platform, 4);
            platform.jdbi().useHandle(h -> h.execute("UPDATE messages SET status = 'expired' WHERE id = ?", ids.get(3)));

            // one report per message: the batch moves them all in one statement, each from the status it read
            List<ReportOutcome> outcomes = platform.sms().lifecycle().applyAll(List.of(report("up-0", "DELIVRD"),
                    new DeliveryReport("up-1", "254712345678", "UNDELIV", "001", "2026-04-08 09:30",
                            "2026-04-08 09:31", DeliveryReport.classify("UNDELIV"), true),
                    report("up-2", "EXPIRED"), report("up-3", "DELIVRD")));

            assertThat(outcomes).containsOnly(ReportOutcome.APPLIED);
            List<String> rows = platform.jdbi().withHandle(h -> h.createQuery("SELECT id, status, error_code, "
                            + "delivered_at IS NOT NULL AS d, failed_at IS NOT NULL AS f, expired_at IS NOT NULL AS e, "
                            + "upstream_status FROM messages WHERE id IN (<ids>) ORDER BY upstream_message_id")
                    .bindList("ids", ids)
                    .map((rs, ctx) -> rs.getString("status") + " " + rs.getString("error_code") + " "
                            + rs.getBoolean("d") + rs.getBoolean("f") + rs.getBoolean("e") + " "
                            + rs.getString("upstream_status")).list());
            assertThat(rows).containsExactly("delivered null truefalsefalse DELIVRD", "failed 001 falsetruefalse UNDELIV",
                    "expired EXPIRED falsefalsetrue EXPIRED", "delivered null truefalsefalse DELIVRD");
            assertThat(events(platform, "message.delivered")).isEqualTo(2);
            assertThat(events(platform, "message.failed")).isEqualTo(1);

            // the same reports again change nothing
            assertThat(platform.sms().lifecycle().applyAll(List.of(report("up-0", "DELIVRD"), report("up-2",
                    "EXPIRED")))).containsOnly(ReportOutcome.IGNORED);
            assertThat(events(platform, "message.delivered")).isEqualTo(2);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aBatchMixingFinalReportsWithAPendingOneAndAnUnknownIdMovesOnlyTheNewestMessageOfEachKnownId(TestDatabase db) {
        try (Jumbe platform = db.platform()) {
            List<String> ids = sentMessages(platform, 3);
            // an older message that once carried up-1 (ids are the upstream's, and it may reuse one): the newest wins
            platform.jdbi().useHandle(h -> h.execute("UPDATE messages SET upstream_message_id = 'up-1', "
                    + "created_at = created_at - INTERVAL '1' DAY WHERE id = ?", ids.get(2)));

            List<ReportOutcome> outcomes = platform.sms().lifecycle().applyAll(List.of(report("up-1", "DELIVRD"),
                    report("up-0", "ACCEPTD"), report("up-never-sent", "DELIVRD")));

            assertThat(outcomes).containsExactly(ReportOutcome.APPLIED, ReportOutcome.IGNORED, ReportOutcome.UNKNOWN);
            assertThat(status(platform, ids.get(1))).isEqualTo("delivered");
            assertThat(status(platform, ids.get(2))).isEqualTo("sent");
            assertThat(status(platform, ids.get(0))).isEqualTo("sent");
            assertThat(events(platform, "message.delivered")).isEqualTo(1);
        }
    }

    /** Sends three messages for the tenant and marks them sent with upstream ids {@code up-0} to {@code up-2}. */
    private static List<String> threeSentMessages(Jumbe platform, long tenant) {
        List<String> ids = platform.sms().send(tenant, new SendRequest(List.of("0712345601", "0712345602",
                "0712345603"), "Results ready", null, null, null, false)).messages().stream()
                .map(SendResult.Queued::messageId).toList();
        platform.jdbi().useTransaction(h -> {
            List<Map.Entry<Message, String>> moves = new ArrayList<>();
            for (Message m : MessageStore.findAll(h, ids)) {
                moves.add(Map.entry(m, "up-" + ids.indexOf(m.id())));
            }
            platform.sms().lifecycle().markSentAll(h, moves);
        });
        return ids;
    }

    /** The tenant's delivered and failed events, in sequence order. */
    private static List<io.jumbe.core.events.DomainEvent> finalEvents(Jumbe platform, long tenant) {
        List<io.jumbe.core.events.DomainEvent> events = new ArrayList<>(platform.events().forTenant(tenant, null, 100));
        events.removeIf(e -> !e.type().equals("message.delivered") && !e.type().equals("message.failed"));
        events.sort(java.util.Comparator.comparingLong(io.jumbe.core.events.DomainEvent::sequence));
        return events;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aBatchOfOneReportPerMessageWritesATenantsEventsInArrivalOrder(TestDatabase db) {
        try (Jumbe platform = db.platform()) {
            long tenant = platform.tenants().create(NewTenant.of("Clinic", "ops@clinic.example", "CLINIC")
                    .withBalance(Money.parse("100"))).tenant().id();
            List<String> ids = threeSentMessages(platform, tenant);

            // not in upstream-id order, which is the order PostgreSQL's single UPDATE takes the rows in
            platform.sms().lifecycle().applyAll(List.of(report("up-2", "DELIVRD"), report("up-0", "UNDELIV"),
                    report("up-1", "DELIVRD")));

            assertThat(finalEvents(platform, tenant)).extracting(e -> e.type() + " " + e.data().get("message_id"))
                    .containsExactly("message.delivered " + ids.get(2), "message.failed " + ids.get(0),
                            "message.delivered " + ids.get(1));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aBatchOfReportsCountsItsOutcomesAndWritesTheEventsOfATenantInArrivalOrder(TestDatabase db) {
        try (Jumbe platform = db.platform()) {
            long tenant = platform.tenants().create(NewTenant.of("Clinic", "ops@clinic.example", "CLINIC")
                    .withBalance(Money.parse("100"))).tenant().id();
            List<String> ids = threeSentMessages(platform, tenant);

            platform.sms().lifecycle().applyAll(List.of(report("up-2", "DELIVRD"), report("up-0", "UNDELIV"),
                    report("up-1", "DELIVRD"), report("up-2", "DELIVRD")));

            List<io.jumbe.core.events.DomainEvent> events = finalEvents(platform, tenant);
            assertThat(events).extracting(e -> e.type() + " " + e.data().get("message_id")).containsExactly(
                    "message.delivered " + ids.get(2), "message.failed " + ids.get(0),
                    "message.delivered " + ids.get(1));
            assertThat(events.get(1).data()).containsEntry("status", "failed").containsEntry("refunded", false);
            @SuppressWarnings("unchecked")
            Map<String, Object> error = (Map<String, Object>) events.get(1).data().get("error");
            assertThat(error).containsEntry("code", "UNDELIV").containsEntry("description", "UNDELIV");
            long[] counts = platform.jdbi().withHandle(h -> h.createQuery("SELECT SUM(delivered), SUM(failed) FROM "
                    + "usage_daily WHERE tenant_id = :t").bind("t", tenant)
                    .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)}).one());
            assertThat(counts).containsExactly(2, 1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void reportsArrivingTogetherThroughTheBatcherEachGetTheirOwnOutcome(TestDatabase db) {
        try (Jumbe platform = db.platform()) {
            List<String> ids = sentMessages(platform, 20);
            List<CompletableFuture<ReportOutcome>> first = new ArrayList<>();
            List<CompletableFuture<ReportOutcome>> again = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                DeliveryReport r = report("up-" + i, "DELIVRD");
                first.add(CompletableFuture.supplyAsync(() -> platform.deliveryReports().apply(r)));
            }
            first.forEach(CompletableFuture::join);
            for (int i = 0; i < ids.size(); i++) {
                DeliveryReport r = report("up-" + i, "DELIVRD");
                again.add(CompletableFuture.supplyAsync(() -> platform.deliveryReports().apply(r)));
            }

            assertThat(first).allSatisfy(f -> assertThat(f.join()).isEqualTo(ReportOutcome.APPLIED));
            assertThat(again).allSatisfy(f -> assertThat(f.join()).isEqualTo(ReportOutcome.IGNORED));
            assertThat(ids).allSatisfy(id -> assertThat(status(platform, id)).isEqualTo("delivered"));
            assertThat(events(platform, "message.delivered")).isEqualTo(ids.size());
        }
    }
}
