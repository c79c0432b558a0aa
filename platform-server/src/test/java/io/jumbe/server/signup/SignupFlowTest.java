package io.jumbe.server.signup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.jumbe.core.Jumbe;
import io.jumbe.core.notify.Notifications;
import io.jumbe.core.testing.TestDatabase;
import io.jumbe.server.Main;
import io.jumbe.server.cli.AdminCommand;
import io.jumbe.server.testing.Eventually;
import io.jumbe.server.testing.Http;
import io.jumbe.server.testing.Sender;
import io.jumbe.server.testing.TestApp;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Self-service sign-up and the notification settings over HTTP, with a real SMTP server (GreenMail). */
class SignupFlowTest {
    private static final Pattern LINK = Pattern.compile("(https?://\\S+/api/signup/verify\\?token=[A-Za-z0-9_-]+)");
    private static final Pattern KEY = Pattern.compile("Live API key: (sk_live_\\S+)");
    private static final Pattern TEST_KEY = Pattern.compile("Test API key: (sk_test_\\S+)");
    private static final Pattern CLIENT_ID = Pattern.compile("Client id: (\\d+)");
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
        return TestApp.start(db, Map.of("SMTP_URL", "smtp://127.0.0.1:" + smtp.getSmtp().getPort(),
                "MAIL_FROM", "Jumbe <no-reply@jumbe.test>", "SUPPORT_EMAIL", "help@jumbe.test"));
    }

    private static String signup(String email, String name) {
        return "{\"name\":\"" + name + "\",\"email\":\"" + email + "\",\"phone\":\"0712345678\","
                + "\"sender_id\":\"FALLEY-MED\",\"use_case\":\"appointment reminders\"}";
    }

    private MimeMessage awaitMail(String subjectStart, String to) throws Exception {
        Eventually.until("a mail '" + subjectStart + "' to " + to, Duration.ofSeconds(20), () -> find(subjectStart, to) != null);
        return find(subjectStart, to);
    }

    private MimeMessage find(String subjectStart, String to) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return m.getSubject().startsWith(subjectStart) && m.getAllRecipients()[0].toString().equals(to);
            } catch (Exception e) {
                return false;
            }
        }).findFirst().orElse(null);
    }

    private static String text(MimeMessage m) throws Exception {
        return (String) ((MimeMultipart) m.getContent()).getBodyPart(0).getContent();
    }

    private static String admin(Jumbe platform, String... args) {
        StringWriter out = new StringWriter();
        var cli = Main.commandLine(new AdminCommand(() -> platform));
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(out));
        int exit = cli.execute(args);
        assertThat(exit).as(out.toString()).isZero();
        return out.toString();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void anApplicantSignsUpVerifiesIsApprovedAndSendsAnSmsWithTheMailedKey(TestDatabase db) throws Exception {
        try (TestApp app = app(db)) {
            Http.Response applied = app.http().send("POST", "/api/signup",
                    signup("ops@falley.co.ke", "Falley Medical Center"), Map.of("Content-Type", "application/json"));
            assertThat(applied.status()).isEqualTo(202);
            assertThat(applied.body()).isEqualTo("{\"status\":\"verification_sent\"}");

            MimeMessage verify = awaitMail("Confirm your email address", "ops@falley.co.ke");
            Matcher link = LINK.matcher(text(verify));
            assertThat(link.find()).isTrue();
            URI uri = URI.create(link.group(1));
            String pathAndQuery = uri.getRawPath() + "?" + uri.getRawQuery();
            Http.Response verified = app.http().get(pathAndQuery);
            assertThat(verified.status()).isEqualTo(200);
            assertThat(verified.json().get("status").asText()).isEqualTo("pending_approval");
            Http.Response again = app.http().get(pathAndQuery);
            assertThat(again.status()).isEqualTo(400);
            assertThat(again.contentType()).startsWith("application/problem+json");
            // the confirmed address gets a test key at once, which works in test mode only, before any approval
            MimeMessage testKeyMail = awaitMail("Your Jumbe test key", "ops@falley.co.ke");
            Matcher testKey = TEST_KEY.matcher(text(testKeyMail));
            assertThat(testKey.find()).isTrue();
            Matcher mailedClientId = CLIENT_ID.matcher(text(testKeyMail));
            assertThat(mailedClientId.find()).isTrue();
            long clientId = Long.parseLong(mailedClientId.group(1));
            Sender test = new Sender(clientId, testKey.group(1), app.http());
            Http.Response testSent = test.post("/sms/send", "{\"recipient\":\"0712345678\",\"message\":\"Trying\","
                    + "\"sender\":\"FALLEY-MED\"}");
            assertThat(testSent.status()).as(testSent.body()).isEqualTo(202);
            assertThat(testSent.header("Jumbe-Mode")).isEqualTo("test");
            String testMessage = testSent.json().get("message_id").asText();
            Eventually.until("the test SMS delivered by the simulator", Duration.ofSeconds(20),
                    () -> "delivered".equals(test.get("/sms/status/" + testMessage).json().get("status").asText()));
            assertThat(app.application().testOnfonSimulator().submitted()).isNotEmpty();

            // its live side is pending: no live key, no sender id granted, not activatable past the approval
            var pending = app.platform().tenants().get(clientId);
            assertThat(pending.status()).isEqualTo("pending");
            assertThat(pending.senderIds()).isEmpty();
            assertThat(app.platform().apiKeys().list(clientId)).allSatisfy(k -> assertThat(k.mode()).isEqualTo("test"));
            assertThat(admin(app.platform(), "admin", "senders", "list")).contains("pending");
            assertThat(Main.commandLine(new AdminCommand(() -> app.platform()))
                    .setOut(new PrintWriter(new StringWriter())).setErr(new PrintWriter(new StringWriter()))
                    .execute("admin", "senders", "activate", Long.toString(clientId))).isNotZero();

            String id = app.platform().signups().list("pending_approval").get(0).id();
            String listed = admin(app.platform(), "admin", "signups", "list", "--status", "pending_approval");
            assertThat(listed).contains(id, "FALLEY-MED");
            admin(app.platform(), "admin", "signups", "approve", id, "--balance", "100", "--tier", "silver");
            String twice = admin(app.platform(), "admin", "signups", "approve", id);
            assertThat(twice).contains("nothing was done again");
            assertThat(app.platform().tenants().count()).isEqualTo(1);

            MimeMessage welcome = awaitMail("Welcome to Jumbe - Your API Credentials", "ops@falley.co.ke");
            Matcher key = KEY.matcher(text(welcome));
            assertThat(key.find()).isTrue();
            assertThat(text(welcome)).doesNotContain("sk_test_");   // the applicant's test key was mailed before
            assertThat(app.platform().tenants().list().get(0).id()).isEqualTo(clientId);
            assertThat(app.platform().tenants().get(clientId).status()).isEqualTo("active");
            assertThat(app.platform().tenants().get(clientId).balance().toDecimal()).isEqualByComparingTo("100.00");
            Sender sender = new Sender(clientId, key.group(1), app.http());
            Http.Response sent = sender.post("/sms/send", "{\"recipient\":\"0712345678\",\"message\":\"Hello\","
                    + "\"sender\":\"FALLEY-MED\"}");
            assertThat(sent.status()).as(sent.body()).isIn(200, 201, 202);
            assertThat(sent.header("Jumbe-Mode")).isNull();
            assertThat(test.get("/account").status()).as("the test key still works").isEqualTo(200);
            assertThat(Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
                try {
                    return m.getSubject().startsWith("Welcome");
                } catch (Exception e) {
                    return false;
                }
            }).count()).isEqualTo(1);
            assertThat(admin(app.platform(), "admin", "mail", "list", "--to", "ops@falley.co.ke"))
                    .contains("welcome", "signup_verify", "signup_test_key");

            // another applicant is turned down: the reason is mailed, escaped in the HTML part
            assertThat(app.http().send("POST", "/api/signup", signup("owner@spam.co.ke", "Bulk Promo"),
                    Map.of("Content-Type", "application/json")).status()).isEqualTo(202);
            String other = app.platform().signups().list("unverified").get(0).id();
            admin(app.platform(), "admin", "signups", "reject", other, "--reason", "Promotions need <b>consent</b>");
            MimeMessage rejected = awaitMail("Your Jumbe application", "owner@spam.co.ke");
            assertThat(text(rejected)).contains("Reason: Promotions need <b>consent</b>");
            assertThat(((String) ((MimeMultipart) rejected.getContent()).getBodyPart(1).getContent()))
                    .contains("Promotions need &lt;b&gt;consent&lt;/b&gt;");
            assertThat(app.platform().signups().find(other).orElseThrow().status()).isEqualTo("rejected");

            // a confirmed applicant turned down loses the test key mailed at verification
            assertThat(app.http().send("POST", "/api/signup", signup("ops@refused.co.ke", "Refused Ltd"),
                    Map.of("Content-Type", "application/json")).status()).isEqualTo(202);
            Matcher refusedLink = LINK.matcher(text(awaitMail("Confirm your email address", "ops@refused.co.ke")));
            assertThat(refusedLink.find()).isTrue();
            URI refusedUri = URI.create(refusedLink.group(1));
            assertThat(app.http().get(refusedUri.getRawPath() + "?" + refusedUri.getRawQuery()).status()).isEqualTo(200);
            String refusedText = text(awaitMail("Your Jumbe test key", "ops@refused.co.ke"));
            Matcher refusedKey = TEST_KEY.matcher(refusedText);
            Matcher refusedClient = CLIENT_ID.matcher(refusedText);
            assertThat(refusedKey.find() && refusedClient.find()).isTrue();
            Sender refusedTest = new Sender(Long.parseLong(refusedClient.group(1)), refusedKey.group(1), app.http());
            assertThat(refusedTest.get("/account").status()).isEqualTo(200);
            String refused = app.platform().signups().list("pending_approval").get(0).id();
            admin(app.platform(), "admin", "signups", "reject", refused, "--reason", "Not a business");
            assertThat(refusedTest.get("/account").status()).isEqualTo(401);
            assertThat(app.platform().tenants().get(refusedTest.clientId()).status()).isEqualTo("suspended");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void tooManySignUpsFromOneAddressOrForOneEmailAre429AndUnknownTokensAre400(TestDatabase db) throws Exception {
        try (TestApp app = app(db)) {
            Map<String, String> json = Map.of("Content-Type", "application/json");
            for (int i = 0; i < 3; i++) {
                assertThat(app.http().send("POST", "/api/signup", signup("same@clinic.co.ke", "Clinic"), json).status())
                        .isEqualTo(202);
            }
            Http.Response fourth = app.http().send("POST", "/api/signup", signup("same@clinic.co.ke", "Clinic"), json);
            assertThat(fourth.status()).isEqualTo(429);
            assertThat(fourth.json().get("code").asText()).isEqualTo("rate_limited");
            for (int i = 0; i < 2; i++) {
                assertThat(app.http().send("POST", "/api/signup", signup("other" + i + "@clinic.co.ke", "Clinic"), json)
                        .status()).isEqualTo(202);
            }
            assertThat(app.http().send("POST", "/api/signup", signup("sixth@clinic.co.ke", "Clinic"), json).status())
                    .isEqualTo(429);

            Http.Response badSenderId = app.http().send("POST", "/api/signup",
                    "{\"name\":\"X\",\"email\":\"x@clinic.co.ke\",\"phone\":\"0712345678\",\"sender_id\":\"NO!\"}", json);
            assertThat(badSenderId.status()).isEqualTo(400);
            Http.Response unknown = app.http().get("/api/signup/verify?token=not-a-token");
            assertThat(unknown.status()).isEqualTo(400);
            assertThat(unknown.json().get("errors").toString()).contains("token");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void notificationSettingsAreReadAndChangedAndBadAddressesRefused(TestDatabase db) throws Exception {
        try (TestApp app = app(db)) {
            Sender s = app.sender("150.00");
            JsonNode shown = s.get("/account/notifications").json();
            assertThat(shown.get("low_balance_threshold").decimalValue()).isEqualByComparingTo("100.00");
            assertThat(shown.get("emails").get("low_balance").asBoolean()).isTrue();

            Http.Response bad = s.put("/account/notifications", "{\"email\":\"not an address\",\"cc\":[\"x@\"]}");
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.body()).contains("email", "cc[0]");

            Http.Response changed = s.put("/account/notifications", "{\"email\":\"ops@clinic.co.ke\","
                    + "\"cc\":[\"cfo@clinic.co.ke\"],\"low_balance_threshold\":149.50,\"emails\":{\"topup\":false}}");
            assertThat(changed.status()).as(changed.body()).isEqualTo(200);
            assertThat(changed.body()).isEqualTo("{\"email\":\"ops@clinic.co.ke\",\"cc\":[\"cfo@clinic.co.ke\"],"
                    + "\"low_balance_threshold\":149.50,\"emails\":{\"low_balance\":true,\"topup\":false,"
                    + "\"webhooks\":true}}");

            // one send takes the balance below the new threshold: the alert goes to the address and its copy
            assertThat(s.post("/sms/send", "{\"recipient\":\"0712345678\",\"message\":\"Hello\"}").status())
                    .isIn(200, 201, 202);
            MimeMessage alert = awaitMail("Low Balance Alert - Top up now", "ops@clinic.co.ke");
            assertThat(text(alert)).contains("KES 149.00", "KES 149.50");
            Eventually.until("the alert logged as sent", Duration.ofSeconds(20), () -> app.platform().notifications()
                    .list("sent", null, 10).stream().anyMatch(m -> m.template().equals(Notifications.LOW_BALANCE)));
        }
    }
}
