package io.jumbe.core.sms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jumbe.core.Jumbe;
import io.jumbe.core.common.Json;
import io.jumbe.core.common.Money;
import io.jumbe.core.common.PageRequest;
import io.jumbe.core.events.DomainEvent;
import io.jumbe.core.events.EventTypes;
import io.jumbe.core.tenant.NewTenant;
import io.jumbe.core.testing.TestDatabase;
import io.jumbe.core.webhooks.Delivery;
import io.jumbe.core.webhooks.DeliveryFilter;
import io.jumbe.core.webhooks.WebhookConfigRequest;
import io.jumbe.core.webhooks.WebhookSettings;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A dispatched batch marked sent at once: one move, one event and one webhook delivery per message, and only once. */
class MarkSentInBatchesTest {
    private static final String HOOK = "https://hooks.falley.example/jumbe";

    private static Jumbe platform(TestDatabase db) {
        return Jumbe.builder().database(db.fresh()).webhookSettings(WebhookSettings.defaults()
                .withResolver(host -> List.of(InetAddress.getByAddress(host, new byte[] {93, (byte) 184, (byte) 216, 34}))))
                .build();
    }

    private static long tenant(Jumbe platform, String name) {
        return platform.tenants().create(NewTenant.of(name, "ops@falley.example", "FALLEY")
                .withBalance(Money.parse("100.00"))).tenant().id();
    }

    /** Queues one bulk send of {@code n} recipients (the second one a two-segment text) and returns its messages. */
    private static List<Message> queued(Jumbe platform, long tenant, int n, String text) {
        List<String> recipients = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            recipients.add(String.format("07123450%02d", 10 + i));
        }
        List<String> ids = platform.sms().send(tenant, new SendRequest(recipients, text, null, null, null, false)).messages().stream()
                .map(SendResult.Queued::messageId).toList();
        List<Message> found = new ArrayList<>(platform.jdbi().withHandle(h -> MessageStore.findAll(h, ids)));
        found.sort(Comparator.comparing(m -> ids.indexOf(m.id())));
        return found;
    }

    private static int markSent(Jumbe platform, List<Message> messages) {
        List<Map.Entry<Message, String>> moves = new ArrayList<>();
        messages.forEach(m -> moves.add(Map.entry(m, "up-" + m.id())));
        return platform.jdbi().inTransaction(h -> platform.sms().lifecycle().markSentAll(h, moves));
    }

    private static long upstreamUnits(Jumbe platform, long tenant) {
        return platform.jdbi().withHandle(h -> h.createQuery("SELECT COALESCE(SUM(upstream_units), 0) FROM usage_daily "
                + "WHERE tenant_id = :t AND channel = 'sms'").bind("t", tenant).mapTo(Long.class).one());
    }

    private static List<Message> load(Jumbe platform, List<String> ids) {
        return platform.jdbi().withHandle(h -> MessageStore.findAll(h, ids));
    }

    private static List<DomainEvent> sentEvents(Jumbe platform, long tenant) {
        List<DomainEvent> events = new ArrayList<>(platform.events().forTenant(tenant, EventTypes.MESSAGE_SENT, 100));
        events.sort(Comparator.comparingLong(DomainEvent::sequence));
        return events;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aBatchOfAcceptedMessagesGetsOneSentEventAndOneWebhookEachInMessageOrder(TestDatabase db) throws Exception {
        try (Jumbe platform = platform(db)) {
            long clinic = tenant(platform, "Falley Medical");
            long school = tenant(platform, "Falley School");
            platform.webhooks().putConfig(clinic, new WebhookConfigRequest(HOOK, List.of(EventTypes.MESSAGE_SENT), null));
            List<Message> clinics = queued(platform, clinic, 3, "Your results are ready");
            List<Message> schools = queued(platform, school, 2, "x".repeat(200));
            long lastSequence = platform.events().forTenant(clinic, null, 1).get(0).sequence();
            List<Message> batch = new ArrayList<>();
            // one upstream batch mixing the two tenants, as a dispatcher's claim can
            batch.add(clinics.get(0));
            batch.add(schools.get(0));
            batch.addAll(clinics.subList(1, 3));
            batch.add(schools.get(1));

            assertThat(markSent(platform, batch)).isEqualTo(5);

            for (Message m : batch) {
                Message now = load(platform, List.of(m.id())).get(0);
                assertThat(now.status()).isEqualTo(MessageStatus.SENT);
                assertThat(now.upstreamMessageId()).isEqualTo("up-" + m.id());
            }
            List<DomainEvent> events = sentEvents(platform, clinic);
            assertThat(events).extracting(DomainEvent::sequence)
                    .containsExactly(lastSequence + 1, lastSequence + 2, lastSequence + 3);
            // consumers follow the stream by id: a tenant's events come in the order of their sequence numbers
            assertThat(events).extracting(DomainEvent::id).isSorted();
            for (int i = 0; i < 3; i++) {
                Message m = clinics.get(i);
                JsonNode stored = Json.mapper().valueToTree(events.get(i).data());
                JsonNode expected = Json.mapper().valueToTree(MessageLifecycle.data(m, MessageStatus.SENT, null, null, false));
                assertThat(stored).isEqualTo(expected);
            }
            assertThat(events.get(0).data()).containsEntry("message_id", clinics.get(0).id())
                    .containsEntry("status", "sent").containsEntry("refunded", false);
            assertThat(sentEvents(platform, school)).extracting(e -> e.data().get("message_id"))
                    .containsExactly(schools.get(0).id(), schools.get(1).id());
            assertThat(upstreamUnits(platform, clinic)).isEqualTo(3);
            assertThat(upstreamUnits(platform, school)).isEqualTo(4);

            List<Delivery> deliveries = platform.webhooks().deliveries(clinic, new DeliveryFilter(null, null, null, null),
                    PageRequest.page(1, 100)).items();
            assertThat(deliveries).hasSize(3).allSatisfy(d -> assertThat(d.status()).isEqualTo(Delivery.PENDING));
            for (DomainEvent event : events) {
                Delivery d = deliveries.stream().filter(x -> x.eventId().equals(event.eventId())).findFirst().orElseThrow();
                JsonNode body = Json.mapper().readTree(platform.webhooks().delivery(clinic, d.id()).payload());
                assertThat(body.get("event").asText()).isEqualTo(EventTypes.MESSAGE_SENT);
                assertThat(body.get("sequence").asLong()).isEqualTo(event.sequence());
                assertThat(body.get("data").get("message_id").asText()).isEqualTo(event.data().get("message_id"));
            }
            assertThat(platform.jobs().depth()).containsEntry(io.jumbe.core.webhooks.WebhookService.QUEUE, 3L);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void markingTheSameBatchAgainAfterACrashChangesNothing(TestDatabase db) {
        try (Jumbe platform = platform(db)) {
            long clinic = tenant(platform, "Falley Medical");
            List<Message> batch = queued(platform, clinic, 4, "Your results are ready");
            assertThat(markSent(platform, batch)).isEqualTo(4);

            List<Map.Entry<Message, String>> again = new ArrayList<>();
            batch.forEach(m -> again.add(Map.entry(m, "other-" + m.id())));
            int moved = platform.jdbi().inTransaction(h -> platform.sms().lifecycle().markSentAll(h, again));

            assertThat(moved).isZero();
            assertThat(sentEvents(platform, clinic)).hasSize(4);
            assertThat(upstreamUnits(platform, clinic)).isEqualTo(4);
            assertThat(load(platform, batch.stream().map(Message::id).toList())).allSatisfy(m -> assertThat(m.upstreamMessageId()).isEqualTo("up-" + m.id()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aMessageNoLongerQueuedInTheBatchIsLeftAloneWithoutAnEvent(TestDatabase db) {
        try (Jumbe platform = platform(db)) {
            long clinic = tenant(platform, "Falley Medical");
            List<Message> batch = queued(platform, clinic, 3, "Your results are ready");
            Message cancelled = batch.get(1);
            platform.jdbi().useHandle(h -> h.createUpdate("UPDATE messages SET status = 'cancelled' WHERE id = :id")
                    .bind("id", cancelled.id()).execute());

            assertThat(markSent(platform, batch)).isEqualTo(2);

            assertThat(sentEvents(platform, clinic)).extracting(e -> e.data().get("message_id"))
                    .containsExactly(batch.get(0).id(), batch.get(2).id());
            assertThat(load(platform, List.of(cancelled.id())).get(0).status())
                    .isEqualTo(MessageStatus.CANCELLED);
            assertThat(upstreamUnits(platform, clinic)).isEqualTo(2);
        }
    }
}
