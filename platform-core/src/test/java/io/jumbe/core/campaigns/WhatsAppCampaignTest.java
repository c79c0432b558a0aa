package io.jumbe.core.campaigns;

import static io.jumbe.core.campaigns.CampaignServiceTest.count;
import static io.jumbe.core.campaigns.CampaignServiceTest.feed;
import static io.jumbe.core.campaigns.CampaignServiceTest.tenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jumbe.core.Jumbe;
import io.jumbe.core.common.Money;
import io.jumbe.core.common.PageRequest;
import io.jumbe.core.common.ServiceException;
import io.jumbe.core.contacts.ContactImportTest;
import io.jumbe.core.contacts.OptOuts;
import io.jumbe.core.events.EventTypes;
import io.jumbe.core.testing.TestClock;
import io.jumbe.core.testing.TestDatabase;
import io.jumbe.core.whatsapp.Category;
import io.jumbe.core.whatsapp.ChannelMessage;
import io.jumbe.core.whatsapp.GraphConfig;
import io.jumbe.core.whatsapp.TemplateRef;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * WhatsApp-template campaigns through the core, on H2 and PostgreSQL: the business account's templates come from a
 * Graph API played by MockWebServer; the feeding job is run here and nothing is dispatched, so what is queued and
 * what a cancel finds unsent are exact.
 */
class WhatsAppCampaignTest {
    private static final String TEMPLATES = "{\"data\":["
            + "{\"name\":\"order_update\",\"language\":\"en\",\"status\":\"APPROVED\",\"category\":\"UTILITY\","
            + "\"components\":[{\"type\":\"BODY\",\"text\":\"Hi {{1}}, your order {{2}} is on its way.\"}]},"
            + "{\"name\":\"weekend_offer\",\"language\":\"en\",\"status\":\"APPROVED\",\"category\":\"MARKETING\","
            + "\"components\":[{\"type\":\"BODY\",\"text\":\"{{1}}: 20% off this weekend.\"}]},"
            + "{\"name\":\"spring_sale\",\"language\":\"en\",\"status\":\"PENDING\",\"category\":\"MARKETING\","
            + "\"components\":[{\"type\":\"BODY\",\"text\":\"{{1}}: spring sale.\"}]}]}";
    static final TemplateRef ORDER_UPDATE = new TemplateRef("order_update", "en",
            List.of("{{name}}", "{{attributes.order}}"));

    /** A Graph API that only lists the templates (nothing is sent in these tests). */
    static final class Graph implements AutoCloseable {
        final MockWebServer server = new MockWebServer();
        final AtomicReference<String> templates = new AtomicReference<>(TEMPLATES);

        Graph() throws IOException {
            server.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                            .body(templates.get()).build();
                }
            });
            server.start();
        }

        GraphConfig config() {
            return new GraphConfig(server.url("/").toString(), "v23.0", "meta-token", "waba-1");
        }

        @Override
        public void close() {
            server.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aTemplateCampaignIsPricedByCategoryChargedOnceQueuedWithRenderedParametersAndCancelRefundsTheRest(
            TestDatabase db) throws IOException {
        try (Graph graph = new Graph();
             Jumbe platform = Jumbe.builder().database(db.fresh()).whatsapp(graph::config).build()) {
            long tenant = tenant(platform, "2000.00");
            platform.whatsapp().setPrices(tenant, Map.of(Category.UTILITY, Money.parse("1.50")));
            // 300 customers with their order numbers; every 50th has none (missing_field), 3 opted out
            StringBuilder csv = new StringBuilder("phone,name,order\n");
            for (int i = 0; i < 300; i++) {
                csv.append("0713").append(String.format("%06d", i)).append(",Customer ").append(i).append(',')
                        .append(i % 50 == 0 ? "" : "ORD-" + (1000 + i)).append('\n');
            }
            platform.contactImports().start(tenant, "customers", ContactImportTest.csv(csv.toString()));
            ContactImportTest.runJobs(platform);
            for (int i = 1; i < 300; i += 100) {
                platform.optOuts().optOut(tenant, "0713" + String.format("%06d", i), null, OptOuts.SOURCE_API);
            }
            long sendable = 300 - 3 - 6;
            Money expected = Money.parse("1.50").times(sendable);

            Campaign draft = platform.campaigns().create(tenant, CampaignRequest.whatsapp("Order updates",
                    ORDER_UPDATE, new Audience(List.of("customers"), null, null), null, "orders"));
            assertThat(draft.channel()).isEqualTo("whatsapp");
            assertThat(draft.sender()).isNull();
            assertThat(draft.message()).isNull();
            assertThat(draft.template()).isEqualTo(ORDER_UPDATE);
            assertThat(draft.category()).isEqualTo("utility");
            assertThat(draft.recipients()).isEqualTo(297);
            assertThat(draft.estimate().skipped()).isEqualTo(6);
            assertThat(draft.estimate().cost()).isEqualTo(expected);
            assertThat(draft.estimate().warnings()).anySatisfy(w -> assertThat(w).contains("6 recipient(s)",
                    "missing_field")).anySatisfy(w -> assertThat(w).contains("3 number(s) opted out"));
            List<CampaignRecipient> preview = platform.campaigns().preview(tenant, draft.id());
            assertThat(preview).hasSize(5);
            // each recipient's own name and order
            assertThat(preview).allSatisfy(r -> {
                int n = Integer.parseInt(r.recipient().substring(6));
                assertThat(r.parameters()).containsExactly("Customer " + n, "ORD-" + (1000 + n));
                assertThat(r.message()).isNull();
                assertThat(r.cost()).isEqualTo(Money.parse("1.50"));
            });

            Money before = platform.wallet().balance(tenant).balance();
            Campaign launched = platform.campaigns().launch(tenant, draft.id());
            assertThat(launched.status()).isEqualTo("running");
            assertThat(launched.charged()).isEqualTo(expected);
            assertThat(platform.wallet().balance(tenant).balance()).isEqualTo(before.minus(expected));
            assertThat(count(platform, "SELECT COUNT(*) FROM wallet_transactions WHERE type = 'debit' "
                    + "AND reference = '" + draft.id() + "'")).isEqualTo(1);
            assertThat(platform.events().forTenant(tenant, EventTypes.CAMPAIGN_LAUNCHED, 5)).hasSize(1);

            feed(platform);
            // every paid recipient is a WhatsApp template message on the bulk lane, none outside the campaign
            assertThat(count(platform, "SELECT COUNT(*) FROM messages WHERE batch_id = '" + draft.id()
                    + "' AND channel = 'whatsapp' AND lane = 'bulk' AND template_name = 'order_update' "
                    + "AND category = 'utility' AND cost_cents = 150")).isEqualTo(sendable);
            assertThat(count(platform, "SELECT COUNT(*) FROM messages")).isEqualTo(sendable);
            assertThat(count(platform, "SELECT COUNT(*) FROM jobs WHERE queue = 'whatsapp-bulk' AND status = 'ready'"))
                    .isEqualTo(sendable);
            List<CampaignRecipient> queued = platform.campaigns().recipients(tenant, draft.id(), "queued",
                    PageRequest.page(1, 500)).items();
            assertThat(queued).hasSize((int) sendable).allSatisfy(r -> {
                int n = Integer.parseInt(r.recipient().substring(6));
                ChannelMessage m = platform.whatsapp().get(tenant, r.messageId());
                assertThat(m.recipient()).isEqualTo(r.recipient());
                assertThat(m.templateParameters()).containsExactly("Customer " + n, "ORD-" + (1000 + n))
                        .isEqualTo(r.parameters());
            });
            assertThat(platform.campaigns().get(tenant, draft.id()).progress().queued()).isEqualTo(sendable);

            // pause holds the campaign's waiting WhatsApp jobs, resume releases them
            String due = "SELECT COUNT(*) FROM jobs WHERE queue = 'whatsapp-bulk' AND status = 'ready' "
                    + "AND run_at <= CURRENT_TIMESTAMP";
            assertThat(platform.campaigns().pause(tenant, draft.id()).status()).isEqualTo("paused");
            assertThat(count(platform, due)).isZero();
            assertThat(platform.campaigns().resume(tenant, draft.id()).status()).isEqualTo("running");
            assertThat(count(platform, due)).isEqualTo(sendable);

            // two were already taken by dispatch: they stay charged; the rest comes back in one refund
            platform.database().jdbi().useHandle(h -> h.execute("UPDATE jobs SET status = 'running' WHERE id IN "
                    + "(SELECT id FROM jobs WHERE queue = 'whatsapp-bulk' ORDER BY id LIMIT 2)"));
            Campaign cancelled = platform.campaigns().cancel(tenant, draft.id());
            assertThat(cancelled.status()).isEqualTo("cancelled");
            assertThat(cancelled.refunded()).isEqualTo(Money.parse("1.50").times(sendable - 2));
            assertThat(platform.wallet().balance(tenant).balance()).isEqualTo(before.minus(Money.parse("3.00")));
            assertThat(count(platform, "SELECT COUNT(*) FROM wallet_transactions WHERE type = 'refund'")).isEqualTo(1);
            assertThat(count(platform, "SELECT COUNT(*) FROM jobs WHERE queue = 'whatsapp-bulk' AND status = 'ready'"))
                    .isZero();
            assertThat(cancelled.progress().cancelled()).isEqualTo(sendable - 2);
            assertThat(platform.campaigns().recipients(tenant, draft.id(), "skipped", PageRequest.page(1, 100))
                    .items()).hasSize(6).allSatisfy(r -> assertThat(r.reason()).isEqualTo("missing_field"));
            assertThat(platform.ledgerCheck().verify()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void anUnknownTemplateIs422AndAWrongParameterCountOrAnotherChannelsFieldIs400AndNothingIsKept(TestDatabase db)
            throws IOException {
        try (Graph graph = new Graph();
             Jumbe platform = Jumbe.builder().database(db.fresh()).whatsapp(graph::config).build()) {
            long tenant = tenant(platform, "100.00");
            Audience audience = new Audience(null, null, List.of("0712000001"));
            assertThat(refusal(platform, tenant, CampaignRequest.whatsapp("x", new TemplateRef("order_updat", "en",
                    List.of("a", "b")), audience, null, null))).isEqualTo("unknown_template");
            // there, but not approved yet
            assertThat(refusal(platform, tenant, CampaignRequest.whatsapp("x", new TemplateRef("spring_sale", "en",
                    List.of("{{name}}")), audience, null, null))).isEqualTo("unknown_template");
            assertThat(refusal(platform, tenant, CampaignRequest.whatsapp("x", new TemplateRef("order_update", "en",
                    List.of("{{name}}")), audience, null, null))).isEqualTo("validation_failed template.parameters");
            assertThat(refusal(platform, tenant, CampaignRequest.whatsapp("x", new TemplateRef("order_update", "en",
                    List.of("{{Name}}", "{{order}}")), audience, null, null)))
                    .isEqualTo("validation_failed template.parameters[0]");
            assertThat(refusal(platform, tenant, new CampaignRequest("x", "whatsapp", "SCHOOL", "Hello", audience,
                    null, null, ORDER_UPDATE))).isEqualTo("validation_failed message,sender");
            assertThat(refusal(platform, tenant, new CampaignRequest("x", "sms", null, "Hello", audience, null, null,
                    ORDER_UPDATE))).isEqualTo("validation_failed template");
            assertThat(refusal(platform, tenant, new CampaignRequest("x", "whatsapp", null, null, audience, null,
                    null, null))).isEqualTo("validation_failed template");
            assertThat(count(platform, "SELECT COUNT(*) FROM campaigns")).isZero();
            assertThat(platform.wallet().balance(tenant).balance()).isEqualTo(Money.parse("100.00"));
            assertThat(platform.ledgerCheck().verify()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aMarketingTemplateLaunchTheBalanceDoesNotCoverIs402AndQueuesNothing(TestDatabase db) throws IOException {
        try (Graph graph = new Graph();
             Jumbe platform = Jumbe.builder().database(db.fresh()).whatsapp(graph::config).build()) {
            long tenant = tenant(platform, "5.00");
            Campaign c = platform.campaigns().create(tenant, CampaignRequest.whatsapp("Offer",
                    new TemplateRef("weekend_offer", "en", List.of("{{name|Friend}}")),
                    new Audience(null, null, List.of("0712000001", "0712000002")), null, null));
            // marketing at the default KES 3.00: 6.00 for two
            assertThat(c.estimate().cost()).isEqualTo(Money.parse("6.00"));
            assertThat(platform.campaigns().preview(tenant, c.id()).get(0).parameters()).containsExactly("Friend");
            assertThatThrownBy(() -> platform.campaigns().launch(tenant, c.id()))
                    .hasFieldOrPropertyWithValue("code", "insufficient_balance");
            assertThat(platform.campaigns().get(tenant, c.id()).status()).isEqualTo("draft");
            assertThat(count(platform, "SELECT COUNT(*) FROM campaign_recipients")).isZero();
            assertThat(count(platform, "SELECT COUNT(*) FROM messages")).isZero();
            assertThat(count(platform, "SELECT COUNT(*) FROM jobs WHERE queue = 'whatsapp-bulk'")).isZero();
            assertThat(platform.wallet().balance(tenant).balance()).isEqualTo(Money.parse("5.00"));
            assertThat(platform.ledgerCheck().verify()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aDraftWhoseTemplateIsNoLongerApprovedShowsAWarningAndItsLaunchIsRefusedChargingNothing(TestDatabase db)
            throws IOException {
        TestClock clock = new TestClock(Instant.parse("2026-11-24T08:00:00Z"));
        try (Graph graph = new Graph();
             Jumbe platform = Jumbe.builder().database(db.fresh()).clock(clock).whatsapp(graph::config).build()) {
            long tenant = tenant(platform, "100.00");
            Campaign c = platform.campaigns().create(tenant, CampaignRequest.whatsapp("Offer",
                    new TemplateRef("weekend_offer", "en", List.of("{{name|Friend}}")),
                    new Audience(null, null, List.of("0712000001")), null, null));
            assertThat(c.estimate().cost()).isEqualTo(Money.parse("3.00"));
            // Meta paused the template; the cached list runs out
            graph.templates.set(TEMPLATES.replace("\"weekend_offer\",\"language\":\"en\",\"status\":\"APPROVED\"",
                    "\"weekend_offer\",\"language\":\"en\",\"status\":\"PAUSED\""));
            clock.advance(Duration.ofMinutes(11));

            Campaign draft = platform.campaigns().get(tenant, c.id());
            assertThat(draft.status()).isEqualTo("draft");
            assertThat(draft.estimate().warnings()).singleElement().asString().contains("weekend_offer",
                    "unknown_template");
            assertThatThrownBy(() -> platform.campaigns().launch(tenant, c.id()))
                    .hasFieldOrPropertyWithValue("code", "unknown_template");
            assertThatThrownBy(() -> platform.campaigns().preview(tenant, c.id()))
                    .hasFieldOrPropertyWithValue("code", "unknown_template");
            assertThat(platform.campaigns().get(tenant, c.id()).status()).isEqualTo("draft");
            assertThat(count(platform, "SELECT COUNT(*) FROM campaign_recipients")).isZero();
            assertThat(platform.wallet().balance(tenant).balance()).isEqualTo(Money.parse("100.00"));
            assertThat(platform.ledgerCheck().verify()).isEmpty();
        }
    }

    // the problem's code, and for validation the fields it names
    private static String refusal(Jumbe platform, long tenant, CampaignRequest r) {
        try {
            platform.campaigns().create(tenant, r);
        } catch (ServiceException e) {
            return e.fieldErrors().isEmpty() ? e.code() : e.code() + " " + String.join(",",
                    e.fieldErrors().stream().map(f -> f.field()).toList());
        }
        throw new AssertionError("created");
    }
}
