package io.jumbe.core.payments.mpesa;

import io.jumbe.core.testing.TestClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Instant;
import java.util.Base64;
import java.nio.charset.StandardCharsets;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class DarajaClientLoggingTest {

    private final FakeDaraja daraja = new FakeDaraja();
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(DarajaClient.class);
    private MockWebServer server;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.setDispatcher(daraja);
        server.start();
        logger.setLevel(Level.TRACE);
        logged.start();
        logger.addAppender(logged);
    }

    @AfterEach
    void stop() throws Exception {
        logger.detachAppender(logged);
        server.shutdown();
    }

    @Test
    void neverLogsCredentialsPasskeyPasswordOrToken() {
        DarajaConfig config = DarajaConfig.forEnvironment(MpesaEnvironment.SIMULATOR, server.url("/").toString(),
                "the-consumer-key", "the-consumer-secret", DarajaConfig.SANDBOX_PASSKEY, "174379", null,
                DarajaTransactionType.CUSTOMER_PAY_BILL_ONLINE, "https://jumbe.test/cb/secret-callback-token", null);
        TestClock clock = new TestClock(Instant.parse("2021-06-28T06:24:08Z"));
        DarajaClient client = new DarajaClient(config, DarajaClient.defaultHttpClient(), clock);
        daraja.answerNext(404, "{\"requestId\":\"r\",\"errorCode\":\"404.001.03\",\"errorMessage\":\"Invalid Access Token\"}");
        daraja.answerNext(400, "{\"requestId\":\"r\",\"errorCode\":\"400.002.02\",\"errorMessage\":\"Bad Request - Invalid PhoneNumber\"}");

        assertThatThrownBy(() -> client.stkPush(new StkPushRequest("254722111111", 100, "ref", null)))
                .isInstanceOf(DarajaRejectedException.class)
                .hasMessageNotContaining("token-");
        client.stkPush(new StkPushRequest("254722111111", 100, "ref", null));
        client.stkQuery("ws_CO_1");

        String password = DarajaPassword.password("174379", DarajaConfig.SANDBOX_PASSKEY, "20210628092408");
        String basic = Base64.getEncoder().encodeToString("the-consumer-key:the-consumer-secret".getBytes(StandardCharsets.UTF_8));
        assertThat(logged.list).isNotEmpty();
        for (ILoggingEvent event : logged.list) {
            assertThat(event.getFormattedMessage()).doesNotContain("the-consumer-key", "the-consumer-secret",
                    DarajaConfig.SANDBOX_PASSKEY, password, basic, "token-1", "token-2", "secret-callback-token");
        }
    }
}
