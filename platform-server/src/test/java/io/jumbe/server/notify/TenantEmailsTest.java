package io.jumbe.server.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.jumbe.core.common.Money;
import io.jumbe.core.notify.Notifications;
import io.jumbe.core.testing.TestDatabase;
import io.jumbe.server.Main;
import io.jumbe.server.cli.AdminCommand;
import io.jumbe.server.testing.Eventually;
import io.jumbe.server.testing.Http;
import io.jumbe.server.testing.Sender;
import io.jumbe.server.testing.TestApp;
import io.jumbe.server.testing.WebhookReceiver;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The emails an admin's commands and a receiver's 410 make, through a real SMTP server (GreenMail). */
class TenantEmailsTest {
    private GreenMail smtp;

    @BeforeEach
    void startSmtp() {
        ServerSetup setup = new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort();
        setup.setServerStartupTimeout(30_000); // 2 s by default: too little for SMTPS on a busy machine
        smtp = new GreenMail(setup);
        smtp.start();
    }

    @AfterEach
    void stopSmtp() {
        smtp.stop();
    }

    private TestApp app(TestDatabase db) {
        return TestApp.start(db, Map.of("SMTP_URL", "smtp://127.0.0.1:" + smtp.getSmtp().getPort()));
    }

    private static String admin(TestApp app, String... args) {
        StringWriter out = new StringWriter();
        var cli = Main.commandLine(new AdminCommand(app::platform));
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(out));
        assertThat(cli.execute(args)).as(out.toString()).isZero();
        return out.toString();
    }

    private static String text(MimeMessage m) throws Exception {
        return (String) ((MimeMultipart) m.getContent()).getBodyPart(0).getContent();
    }

    private long mailsTo(String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(address);
            } catch (Exception e) {
                return false;
            }
        }).count();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void sendersCreateMailsAWelcomeWhoseKeyWorksUnlessToldNotTo(TestDatabase db) throws Exception {
        try (TestApp app = app(db)) {
            String printed = admin(app, "admin", "senders", "create", "--name", "Falley Medical", "--email",
                    "ops@falley.co.ke", "--sender-id", "FALLEY-MED", "--json");
            admin(app, "admin", "senders", "create", "--name", "Quiet Clinic", "--email", "ops@quiet.co.ke",
                    "--sender-id", "QUIET", "--no-welcome-email");

            assertThat(smtp.waitForIncomingEmail(20_000, 1)).isTrue();
            MimeMessage welcome = smtp.getReceivedMessages()[0];
            assertThat(welcome.getSubject()).isEqualTo("Welcome to Jumbe - Your API Credentials");
            Matcher key = Pattern.compile("Live API key: (sk_live_\\S+)").matcher(text(welcome));
            assertThat(key.find()).isTrue();
            assertThat(printed).contains(key.group(1));
            long clientId = app.platform().tenants().list().get(0).id();
            assertThat(text(welcome)).contains("Client id: " + clientId, app.baseUrl() + "/docs");
            assertThat(new Sender(clientId, key.group(1), app.http()).get("/account").status()).isEqualTo(200);
            Matcher testKey = Pattern.compile("Test API key: (sk_test_\\S+)").matcher(text(welcome));
            assertThat(testKey.find()).isTrue();
            assertThat(new Sender(clientId, testKey.group(1), app.http()).get("/account").body())
                    .contains("\"mode\":\"test\"");
            Eventually.until("the welcome logged as sent", Duration.ofSeconds(20),
                    () -> !app.platform().notifications().list("sent", null, 10).isEmpty());
            String mailId = app.platform().notifications().list("sent", "ops@falley.co.ke", 10).get(0).id();
            String shown = admin(app, "admin", "mail", "show", mailId);
            assertThat(shown).contains("Welcome to Jumbe - Your API Credentials", "sent", Notifications.SECRET_NOT_KEPT)
                    .doesNotContain(key.group(1));
            assertThat(admin(app, "admin", "mail", "list", "--status", "failed")).doesNotContain(mailId);
            assertThat(app.platform().notifications().list(null, "ops@quiet.co.ke", 10)).isEmpty();
            assertThat(mailsTo("ops@quiet.co.ke")).isZero();
        }
    }

    private MimeMessage awaitSubject(String start) {
        Eventually.until("a mail '" + start + "'", Duration.ofSeconds(30), () -> withSubject(start) != null);
        return withSubject(start);
    }

    private MimeMessage withSubject(String start) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return m.getSubject().startsWith(start);
            } catch (Exception e) {
                return false;
            }
        }).findFirst().orElse(null);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void mpesaTopUpsThatSucceedAndFailAreMailedWithReceiptAndReason(TestDatabase db) throws Exception {
        try (TestApp app = app(db)) {
            Sender s = app.sender("50.00");
            assertThat(s.post("/wallet/topup", "{\"amount\": 1000, \"payment_method\": \"mpesa\", "
                    + "\"phone_number\": \"254712345678\"}").status()).isEqualTo(202);
            assertThat(s.post("/wallet/topup", "{\"amount\": 500, \"payment_method\": \"mpesa\", "
                    + "\"phone_number\": \"254712000001\"}").status()).isEqualTo(202);

            MimeMessage paid = awaitSubject("Top-up Successful - KES 1,000.00 added");
            assertThat(text(paid)).contains("M-Pesa receipt: ", "New balance: KES 1,050.00", "EAT");
            MimeMessage failed = awaitSubject("Top-up Failed");
            assertThat(text(failed)).contains("KES 500.00", "Reason: ");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aReceiverAnswering410TurnsWebhooksOffAndTheTenantIsMailedOnce(TestDatabase db) throws Exception {
        try (TestApp app = app(db); WebhookReceiver receiver = WebhookReceiver.start().answering(r -> 410)) {
            Sender s = app.sender("10.00");
            assertThat(s.put("/webhooks/config", "{\"webhook_url\":\"" + receiver.url()
                    + "\",\"events\":[\"balance.updated\"]}").status()).isEqualTo(200);

            app.platform().wallet().manualCredit(s.clientId(), Money.ofCents(100), "bank", "credit", "admin");
            app.platform().wallet().manualCredit(s.clientId(), Money.ofCents(100), "bank", "credit", "admin");

            Eventually.until("the webhooks-off mail", Duration.ofSeconds(20), () -> Arrays.stream(smtp.getReceivedMessages())
                    .anyMatch(m -> {
                        try {
                            return m.getSubject().startsWith("Webhooks turned off");
                        } catch (Exception e) {
                            return false;
                        }
                    }));
            MimeMessage off = Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
                try {
                    return m.getSubject().startsWith("Webhooks turned off");
                } catch (Exception e) {
                    return false;
                }
            }).findFirst().orElseThrow();
            assertThat(text(off)).contains("410 Gone", "/api/" + s.clientId() + "/webhooks");
            Http.Response config = s.get("/webhooks/config");
            assertThat(config.json().get("enabled").asBoolean()).isFalse();
            assertThat(app.platform().notifications().list(null, null, 20).stream()
                    .filter(m -> m.template().equals(Notifications.WEBHOOKS_DISABLED)).count()).isEqualTo(1);
        }
    }
}
