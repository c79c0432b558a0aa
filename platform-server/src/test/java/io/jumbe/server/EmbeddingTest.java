package io.jumbe.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import com.zaxxer.hikari.HikariDataSource;
import io.jumbe.core.Jumbe;
import io.jumbe.core.common.Money;
import io.jumbe.core.config.ConfigLoader;
import io.jumbe.core.config.JumbeConfig;
import io.jumbe.core.sms.DeliveryReport;
import io.jumbe.core.sms.MessageStatus;
import io.jumbe.core.sms.SendRequest;
import io.jumbe.core.sms.SendResult;
import io.jumbe.core.tenant.NewTenant;
import io.jumbe.core.webhooks.WebhookConfigRequest;
import io.jumbe.core.testing.TestDatabase;
import io.jumbe.server.simulator.onfon.OnfonSimulator;
import io.jumbe.server.testing.Await;
import java.net.InetSocketAddress;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * platform-core's README, section "Embedding", run as written: a program's own HikariCP pool, the platform built
 * and started in the program's process, the Onfon simulator started alone in place of an Onfon account.
 */
class EmbeddingTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void anSmsSentThroughTheEmbeddedPlatformIsDeliveredAndThePoolOutlivesIt(TestDatabase db) throws Exception {
        try (HikariDataSource pool = (HikariDataSource) db.freshDataSource();
             OnfonSimulator.Running onfon = OnfonSimulator.start(0)) {
            JumbeConfig config = new ConfigLoader(Map.of(
                    "ONFON_BASE_URL", onfon.baseUrl(),
                    "ONFON_ACCESS_KEY", OnfonSimulator.DEFAULT_ACCESS_KEY,
                    "ONFON_API_KEY", OnfonSimulator.DEFAULT_API_KEY,
                    "ONFON_CLIENT_ID", OnfonSimulator.DEFAULT_CLIENT_ID)).load();
            long sender;
            String messageId;

            try (Jumbe platform = Jumbe.builder().dataSource(pool).config(config).build()) {
                HttpServer reports = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
                reports.createContext("/onfon/dlr/" + platform.onfonDlrToken(), exchange -> {
                    DeliveryReport.fromQuery(exchange.getRequestURI().getRawQuery())
                            .ifPresent(platform.sms().lifecycle()::apply);
                    exchange.sendResponseHeaders(200, -1);
                    exchange.close();
                });
                reports.start();
                platform.start();
                onfon.simulator().dlrUrl("http://127.0.0.1:" + reports.getAddress().getPort() + "/onfon/dlr/"
                        + platform.onfonDlrToken());

                sender = platform.tenants().create(NewTenant.of("Falley Medical", "ops@falley.example", "FALLEY-MED")
                        .withBalance(Money.parse("100.00"))).tenant().id();
                SendResult sent = platform.sms().send(sender, SendRequest.to("0712345678", "Your results are ready."));
                messageId = sent.messages().get(0).messageId();

                Await.until(() -> platform.sms().get(sender, messageId).status(), s -> s == MessageStatus.DELIVERED);
                assertThat(onfon.simulator().submitted()).singleElement()
                        .satisfies(m -> assertThat(m.number()).isEqualTo("254712345678"));
                assertThat(onfon.simulator().reports()).singleElement()
                        .satisfies(r -> assertThat(r.httpStatus()).isEqualTo(200));
                reports.stop(0);
            }

            assertThat(pool.isClosed()).isFalse();
            try (Connection c = pool.getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT status FROM messages WHERE id = '" + messageId + "'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("delivered");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void webhooksToTenantsLeaveFromTheEmbeddingProcess(TestDatabase db) throws Exception {
        List<String> events = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hooks", exchange -> {
            events.add(exchange.getRequestHeaders().getFirst("X-Webhook-Event"));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try (HikariDataSource pool = (HikariDataSource) db.freshDataSource();
             OnfonSimulator.Running onfon = OnfonSimulator.start(0);
             Jumbe platform = Jumbe.builder().dataSource(pool).config(new ConfigLoader(Map.of(
                     "ONFON_BASE_URL", onfon.baseUrl(),
                     "ONFON_ACCESS_KEY", OnfonSimulator.DEFAULT_ACCESS_KEY,
                     "ONFON_API_KEY", OnfonSimulator.DEFAULT_API_KEY,
                     "ONFON_CLIENT_ID", OnfonSimulator.DEFAULT_CLIENT_ID,
                     "WEBHOOKS_ALLOW_PRIVATE_NETWORKS", "true")).load()).build()) {
            platform.start();
            long tenant = platform.tenants().create(NewTenant.of("Falley Medical", "ops@falley.example", "FALLEY-MED"))
                    .tenant().id();
            platform.webhooks().putConfig(tenant, new WebhookConfigRequest("http://127.0.0.1:"
                    + receiver.getAddress().getPort() + "/hooks", List.of("balance.updated"), null));

            platform.wallet().manualCredit(tenant, Money.parse("50.00"), "bank slip 1", null, "admin:test");

            Await.until(() -> List.copyOf(events), e -> e.contains("balance.updated"));
        } finally {
            receiver.stop(0);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void anEmbeddedPlatformWithNoOnfonAccountRefusesToStartRatherThanQueueForever(TestDatabase db) {
        try (HikariDataSource pool = (HikariDataSource) db.freshDataSource();
             Jumbe platform = Jumbe.builder().dataSource(pool).config(new ConfigLoader(Map.of()).load()).build()) {
            assertThatThrownBy(platform::start).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("ONFON_ACCESS_KEY");
        }
    }
}
