package io.jumbe.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.jumbe.core.testing.TestDatabases;
import io.jumbe.server.testing.Http;
import io.jumbe.server.testing.Sender;
import io.jumbe.server.testing.TestApp;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Many connections dribbling request bodies (real sockets on loopback, a bounded number for a few seconds) must
 * not hold every worker: another tenant and {@code /health} are answered while they are open, and each dribbler
 * is answered too: refused at once beyond its tenant's or the server's share, or cut off with 408 once its body
 * proves too slow. Before the limits, 250 such connections took Jetty's whole pool and everything else waited.
 * (Nothing is stored: one database.)
 */
class SlowBodiesTest {
    private static final int SLOW_CONNECTIONS = 260;

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void aTenantsSlowBodiesStopNeitherAnotherTenantNorHealth() throws Exception {
        try (TestApp app = TestApp.start(TestDatabases.h2())) {
            Sender hostile = app.sender("10.00");
            Sender other = app.sender("10.00");
            String head = "POST " + hostile.path("/sms/quote") + " HTTP/1.1\r\nHost: localhost\r\nX-API-Key: "
                    + hostile.apiKey() + "\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{";
            List<Socket> slow = open(app, head, SLOW_CONNECTIONS);
            try {
                assertOthersAreServed(app, other);
                List<Integer> statuses = dribbleAndRead(slow);
                assertThat(statuses).as("every slow request is answered").doesNotContain(-1);
                assertThat(statuses).containsOnly(429, 408).contains(429, 408);
                assertThat(statuses.stream().filter(s -> s == 408).count())
                        .as("no more bodies read at once than the tenant may have in flight").isLessThanOrEqualTo(8);
            } finally {
                closeAll(slow);
            }
            assertOthersAreServed(app, hostile);
        }
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void slowBodiesWithoutAKeyOnASimulatorRouteLeaveHealthAnswering() throws Exception {
        try (TestApp app = TestApp.start(TestDatabases.h2())) {
            Sender other = app.sender("10.00");
            // the Onfon simulator reads its body once the access key matches (the default key is no secret)
            String head = "POST /simulators/onfon/v1/sms/SendBulkSMS HTTP/1.1\r\nHost: localhost\r\n"
                    + "AccessKey: " + app.application().config().onfon().accessKey()
                    + "\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{";
            List<Socket> slow = open(app, head, SLOW_CONNECTIONS);
            try {
                Http.Response health = app.http().get("/health");
                assertThat(health.status()).isEqualTo(200);
                List<Integer> statuses = dribbleAndRead(slow);
                assertThat(statuses).as("every slow request is answered").doesNotContain(-1);
                // beyond the server's share: 503 at once; the rest had their body read cut off, which the
                // simulator answers as Onfon does a missing parameter (HTTP 200, error 023): every one was answered
                // although no body ever arrived whole
                assertThat(statuses).containsOnly(503, 200).contains(503, 200);
                assertThat(statuses.stream().filter(s -> s == 200).count())
                        .isLessThanOrEqualTo(Admission.SERVER_MAX_IN_FLIGHT);
            } finally {
                closeAll(slow);
            }
            assertOthersAreServed(app, other);
        }
    }

    private static void assertOthersAreServed(TestApp app, Sender other) {
        Http.Response quote = other.post("/sms/quote", "{\"recipient\": \"0712345678\", \"message\": \"hello\"}");
        assertThat(quote.status()).isEqualTo(200);
        assertThat(app.http().get("/health").status()).isEqualTo(200);
    }

    private static List<Socket> open(TestApp app, String head, int count) throws IOException {
        List<Socket> sockets = new ArrayList<>();
        byte[] bytes = head.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < count; i++) {
            Socket socket = new Socket("127.0.0.1", app.application().port());
            socket.setSoTimeout(60_000);
            socket.getOutputStream().write(bytes);
            socket.getOutputStream().flush();
            sockets.add(socket);
        }
        return sockets;
    }

    /** Sends one more byte on each connection every 1.2 s, four times, then reads each status line. */
    private static List<Integer> dribbleAndRead(List<Socket> sockets) throws InterruptedException {
        for (int round = 0; round < 4; round++) {
            Thread.sleep(1_200);
            for (Socket socket : sockets) {
                try {
                    OutputStream out = socket.getOutputStream();
                    out.write(' ');
                    out.flush();
                } catch (IOException e) {
                    // already answered and closed by the server: fine
                }
            }
        }
        List<Integer> statuses = new ArrayList<>();
        for (Socket socket : sockets) {
            statuses.add(status(socket));
        }
        return statuses;
    }

    private static int status(Socket socket) {
        try {
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = in.read()) != -1 && c != '\n') {
                line.append((char) c);
            }
            String[] parts = line.toString().split(" ");
            return parts.length > 1 ? Integer.parseInt(parts[1]) : -1;
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    private static void closeAll(List<Socket> sockets) {
        for (Socket socket : sockets) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing test sockets
            }
        }
    }
}
