package io.jumbe.server.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.javalin.Javalin;
import io.jumbe.core.payments.mpesa.DarajaClient;
import io.jumbe.core.payments.mpesa.DarajaConfig;
import io.jumbe.core.payments.mpesa.DarajaRejectedException;
import io.jumbe.core.payments.mpesa.DarajaTransactionType;
import io.jumbe.core.payments.mpesa.MpesaEnvironment;
import io.jumbe.core.payments.mpesa.StkPushRequest;
import io.jumbe.core.testing.TestDatabases;
import io.jumbe.server.Application;
import io.jumbe.server.simulator.daraja.DarajaSimulator;
import io.jumbe.server.simulator.daraja.SimulatedPush;
import io.jumbe.server.testing.Http;
import io.jumbe.server.testing.TestApp;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.time.Clock;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.Test;

/**
 * The built-in simulators take no tenant key, so they answer only this machine, keep bounded state, and call back
 * nothing but the platform's own endpoints. (No database state is involved: one database.)
 */
class SimulatorsClosedToOutsidersTest {
    private static final String TOKEN_PATH = Application.DARAJA_SIMULATOR_PATH + "/oauth/v1/generate?grant_type=client_credentials";
    private static final String BASIC = "Basic " + java.util.Base64.getEncoder().encodeToString(
            (DarajaSimulator.Settings.DEFAULT_CONSUMER_KEY + ":" + DarajaSimulator.Settings.DEFAULT_CONSUMER_SECRET)
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));

    @Test
    void onlyALoopbackPeerReachesTheSimulatorsUnlessTheyAreMadePublic() {
        SimulatorAccess closed = new SimulatorAccess(false);
        assertThat(closed.allows("/simulators/daraja/oauth/v1/generate", "127.0.0.1")).isTrue();
        assertThat(closed.allows("/simulators/onfon/v1/sms/SendBulkSMS", "0:0:0:0:0:0:0:1")).isTrue();
        assertThat(closed.allows("/simulators/onfon/v1/sms/SendBulkSMS", "[::1]")).isTrue();
        assertThat(closed.allows("/simulators/daraja/oauth/v1/generate", "192.0.2.10")).isFalse();
        assertThat(closed.allows("/simulators/daraja/oauth/v1/generate", "10.0.0.5")).isFalse();
        assertThat(closed.allows("/simulators/daraja/oauth/v1/generate", "localhost.evil.example")).isFalse();
        assertThat(closed.allows("/simulators/daraja/oauth/v1/generate", null)).isFalse();
        assertThat(closed.allows("/api/2/sms/send", "192.0.2.10")).as("not a simulator route").isTrue();
        assertThat(new SimulatorAccess(true).allows("/simulators/daraja/oauth/v1/generate", "192.0.2.10")).isTrue();
    }

    /**
     * A real non-loopback peer: the server listens on every interface, and the test connects to this machine's own
     * non-loopback address, so the server sees that address as the peer (skipped on a machine with none; the
     * decision itself is covered by the test above).
     */
    @Test
    void aRequestFromAnotherAddressIsRefusedAndFromThisMachineServed() {
        Optional<InetAddress> external = nonLoopbackAddress();
        assumeThat(external).as("this machine has a non-loopback IPv4 address").isPresent();
        try (TestApp app = TestApp.start(TestDatabases.h2())) {
            Http outside = new Http("http://" + external.get().getHostAddress() + ":" + app.application().port());
            Http.Response refused = outside.send("GET", TOKEN_PATH, null, Map.of("Authorization", BASIC));
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.json().get("code").asText()).isEqualTo("forbidden");
            Http.Response onfon = outside.send("POST", "/simulators/onfon/v1/sms/SendBulkSMS", "{}", Map.of());
            assertThat(onfon.status()).isEqualTo(403);
            assertThat(outside.get("/health").status()).as("the rest of the server is not affected").isEqualTo(200);

            Http.Response local = app.http().send("GET", TOKEN_PATH, null, Map.of("Authorization", BASIC));
            assertThat(local.status()).isEqualTo(200);
            assertThat(local.json().get("access_token").asText()).isNotBlank();
        }
        try (TestApp app = TestApp.start(TestDatabases.h2(), Map.of("SIMULATORS_PUBLIC", "true"))) {
            Http outside = new Http("http://" + external.get().getHostAddress() + ":" + app.application().port());
            assertThat(outside.send("GET", TOKEN_PATH, null, Map.of("Authorization", BASIC)).status()).isEqualTo(200);
        }
    }

    @Test
    void theEmbeddedDarajaSimulatorCallsBackNothingButThePlatformsOwnEndpoints() throws Exception {
        try (TestApp app = TestApp.start(TestDatabases.h2()); MockWebServer foreign = new MockWebServer()) {
            foreign.enqueue(new MockResponse().setBody("{}"));
            foreign.start();
            for (String callback : List.of(foreign.url("/api/webhooks/mpesa/callback/x").toString(),
                    "http://169.254.169.254/latest/meta-data/",
                    app.baseUrl() + "/api/webhooks/mpesa/../../api/2/sms/send",
                    app.baseUrl() + "/api/2/wallet/topup/manual")) {
                DarajaClient client = client(app.baseUrl() + Application.DARAJA_SIMULATOR_PATH, callback);
                assertThatThrownBy(() -> client.stkPush(new StkPushRequest("254712345678", 100_00, "TXN-1", "x")))
                        .as(callback).isInstanceOf(DarajaRejectedException.class)
                        .hasMessageContaining("CallBackURL");
            }
            assertThat(app.daraja().pushes()).as("no push, so no callback will ever be sent").isEmpty();
            assertThat(foreign.getRequestCount()).isZero();
        }
    }

    @Test
    void theDarajaSimulatorKeepsOnlyItsNewestPushes() {
        DarajaSimulator simulator = new DarajaSimulator(DarajaSimulator.Settings.defaults("")
                .withCallbackDelay(java.time.Duration.ofHours(1)), new OkHttpClient(), Clock.systemUTC(), 3);
        Javalin server = Javalin.create(simulator::addRoutes).start("127.0.0.1", 0);
        try {
            DarajaClient client = client("http://127.0.0.1:" + server.port(), "http://127.0.0.1:1/callback");
            List<String> ids = new java.util.ArrayList<>();
            for (int i = 0; i < 5; i++) {
                ids.add(client.stkPush(new StkPushRequest("25471234567" + i, 100_00, "TXN-" + i, "x"))
                        .checkoutRequestId());
            }
            assertThat(simulator.pushes()).extracting(SimulatedPush::checkoutRequestId)
                    .containsExactlyElementsOf(ids.subList(2, 5));
        } finally {
            server.stop();
            simulator.close();
        }
    }

    @Test
    void recentItemsDropTheOldestBeyondTheirCapacity() {
        RecentItems<Integer> items = new RecentItems<>(3);
        for (int i = 1; i <= 5; i++) {
            items.add(i);
        }
        assertThat(items.snapshot()).containsExactly(3, 4, 5);
    }

    private static DarajaClient client(String baseUrl, String callbackUrl) {
        DarajaConfig config = DarajaConfig.forEnvironment(MpesaEnvironment.SIMULATOR, baseUrl,
                DarajaSimulator.Settings.DEFAULT_CONSUMER_KEY, DarajaSimulator.Settings.DEFAULT_CONSUMER_SECRET,
                DarajaConfig.SANDBOX_PASSKEY, "174379", null, DarajaTransactionType.CUSTOMER_PAY_BILL_ONLINE,
                callbackUrl, null);
        return new DarajaClient(config);
    }

    private static Optional<InetAddress> nonLoopbackAddress() {
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isLoopback()) {
                    continue;
                }
                for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                    if (a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()) {
                        return Optional.of(a);
                    }
                }
            }
        } catch (SocketException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
