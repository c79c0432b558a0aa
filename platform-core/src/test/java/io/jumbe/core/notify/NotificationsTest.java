package io.jumbe.core.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.zaxxer.hikari.HikariDataSource;
import io.jumbe.core.Jumbe;
import io.jumbe.core.common.Money;
import io.jumbe.core.config.ConfigLoader;
import io.jumbe.core.config.JumbeConfig;
import io.jumbe.core.jobs.Backoff;
import io.jumbe.core.payments.Topup;
import io.jumbe.core.sms.SmsTuning;
import io.jumbe.core.tenant.NewTenant;
import io.jumbe.core.tenant.TenantService;
import io.jumbe.core.testing.TestDatabase;
import io.jumbe.core.wallet.Posting;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The emails to tenants, through a real SMTP server (GreenMail) and a real database. */
class NotificationsTest {
    private final List<AutoCloseable> open = new ArrayList<>();
    private GreenMail smtp;

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private GreenMail startSmtp(int port) {
        ServerSetup setup = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        setup.setServerStartupTimeout(30_000); // 2 s by default: too little for SMTPS on a busy machine
        GreenMail mail = new GreenMail(setup);
        mail.start();
        return mail;
    }

    private Jumbe platform(HikariDataSource pool, String smtpUrl, Properties overrides) {
        Map<String, String> env = new HashMap<>(Map.of("ONFON_BASE_URL", "http://127.0.0.1:9",
                "ONFON_ACCESS_KEY", "access", "ONFON_API_KEY", "api", "ONFON_CLIENT_ID", "client",
                "MAIL_FROM", "Jumbe <no-reply@jumbe.test>", "SUPPORT_EMAIL", "help@jumbe.test",
                "PUBLIC_BASE_URL", "https://sms.example.co.ke"));
        JumbeConfig config = new ConfigLoader(env).load();
        Jumbe platform = Jumbe.builder().dataSource(pool).config(config).smsTuning(SmsTuning.fast())
                .mailer(new SmtpMailer(smtpUrl, overrides))
                .mailBackoff(new Backoff(Duration.ofMillis(50), Duration.ofMillis(200))).build();
        open.add(platform);
        return platform;
    }

    private HikariDataSource pool(TestDatabase db) {
        HikariDataSource pool = (HikariDataSource) db.freshDataSource();
        open.add(pool);
        return pool;
    }

    /** Waits for work done by the platform's own worker threads; fails after a generous bound. */
    private static void eventually(BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(20);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("condition not reached in time").isBefore(deadline);
            Thread.sleep(20);
        }
    }

    private static String text(MimeMessage m) throws Exception {
        MimeMultipart alternative = (MimeMultipart) m.getContent();
        return (String) alternative.getBodyPart(0).getContent();
    }

    private static String html(MimeMessage m) throws Exception {
        MimeMultipart alternative = (MimeMultipart) m.getContent();
        return (String) alternative.getBodyPart(1).getContent();
    }

    private static void debit(Jumbe platform, long tenant, long cents) {
        platform.jdbi().useTransaction(h -> platform.ledger().debit(h, tenant, Money.ofCents(cents),
                Posting.of("sms_charge", "SMS")).orElseThrow());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void theWelcomeMailCarriesTheLiveAndTestKeysOnceAndTheLogForgetsThem(TestDatabase db) throws Exception {
        smtp = startSmtp(freePort());
        Jumbe platform = platform(pool(db), "smtp://127.0.0.1:" + smtp.getSmtp().getPort(), new Properties());
        TenantService.Created created = platform.tenants().create(NewTenant.of("Falley Medical Center",
                "ops@falley.co.ke", "FALLEY"));

        String id = platform.notifications().welcome(created.tenant().id(), created.key(), created.testKey()).orElseThrow();
        assertThat(platform.notifications().welcome(created.tenant().id(), created.key(), created.testKey())).isEmpty();
        platform.start();

        assertThat(smtp.waitForIncomingEmail(20_000, 1)).isTrue();
        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertThat(mail.getSubject()).isEqualTo("Welcome to Jumbe - Your API Credentials");
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("ops@falley.co.ke");
        assertThat(mail.getContentType()).startsWith("multipart/alternative");
        assertThat(text(mail)).contains("Client id: " + created.tenant().id(), created.key().secret(),
                "https://sms.example.co.ke/docs", "curl -X POST https://sms.example.co.ke/api/", "only time");
        eventually(() -> "sent".equals(platform.notifications().list(null, null, 10).get(0).status()));
        Notifications.Shown shown = platform.notifications().show(id).orElseThrow();
        assertThat(text(mail)).contains("Test API key: " + created.testKey().secret());
        assertThat(shown.text()).doesNotContain(created.key().secret()).doesNotContain(created.testKey().secret())
                .contains(Notifications.SECRET_NOT_KEPT);
        int secretsKept = platform.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM mail_messages WHERE "
                + "secret IS NOT NULL").mapTo(Integer.class).one());
        assertThat(secretsKept).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void manySendsBelowTheLineMailOneLowBalanceAlertAndOnlyATopUpArmsItAgain(TestDatabase db) throws Exception {
        smtp = startSmtp(freePort());
        Jumbe platform = platform(pool(db), "smtp://127.0.0.1:" + smtp.getSmtp().getPort(), new Properties());
        long tenant = platform.tenants().create(NewTenant.of("Clinic", "ops@clinic.co.ke", "CLINIC")
                .withBalance(Money.ofCents(10_500))).tenant().id();
        platform.start();

        for (int i = 0; i < 60; i++) {
            debit(platform, tenant, 100);   // 105.00 down to 45.00: crosses 100.00 once
        }
        assertThat(smtp.waitForIncomingEmail(20_000, 1)).isTrue();
        MimeMessage alert = smtp.getReceivedMessages()[0];
        assertThat(alert.getSubject()).isEqualTo("Low Balance Alert - Top up now");
        assertThat(text(alert)).contains("KES 99.00", "KES 100.00", "about 99 more SMS", "/wallet/topup");

        // a refund above the line does not arm it again
        platform.jdbi().useTransaction(h -> platform.ledger().refund(h, tenant, Money.ofCents(6_000), "MSG-1",
                Posting.of("refund", "Refund")));
        debit(platform, tenant, 100);
        platform.wallet().manualCredit(tenant, Money.ofCents(1_000), "bank", "top-up", "admin");   // 114.00
        debit(platform, tenant, 1_000);   // 104.00: above the line still
        debit(platform, tenant, 500);     // 99.00: a new crossing
        assertThat(smtp.waitForIncomingEmail(20_000, 2)).isTrue();
        eventually(() -> platform.notifications().list("sent", null, 10).size() == 2);
        assertThat(platform.notifications().list(null, "OPS@clinic.co.ke", 10)).hasSize(2)
                .allSatisfy(m -> assertThat(m.template()).isEqualTo(Notifications.LOW_BALANCE));
        assertThat(smtp.getReceivedMessages()).hasSize(2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void approvedAndRejectedTopUpsAreMailedWithTenantTextEscapedInHtml(TestDatabase db) throws Exception {
        smtp = startSmtp(freePort());
        Jumbe platform = platform(pool(db), "smtp://127.0.0.1:" + smtp.getSmtp().getPort(), new Properties());
        long tenant = platform.tenants().create(NewTenant.of("<script>alert(1)</script> & Sons", "ops@sons.co.ke",
                "SONS")).tenant().id();
        platform.notifications().update(tenant, new NotificationUpdate(null, List.of("cfo@sons.co.ke"), null, null,
                null, null));
        Topup paid = platform.topups().requestManual(tenant, Money.ofCents(105_000), "BANK-1", null);
        platform.topups().approve(paid.transactionId(), "admin");
        Topup refused = platform.topups().requestManual(tenant, Money.ofCents(50_000), "BANK-2", null);
        platform.topups().reject(refused.transactionId(), "No <b>transfer</b> arrived", "admin");
        platform.start();

        eventually(() -> platform.notifications().list("sent", null, 10).size() == 2);
        assertThat(smtp.waitForIncomingEmail(20_000, 2)).isTrue();
        Map<String, MimeMessage> bySubject = new HashMap<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            bySubject.put(m.getSubject(), m);
        }
        MimeMessage ok = bySubject.get("Top-up Successful - KES 1,050.00 added");
        assertThat(ok).isNotNull();
        assertThat(ok.getRecipients(jakarta.mail.Message.RecipientType.CC)[0].toString()).isEqualTo("cfo@sons.co.ke");
        assertThat(text(ok)).contains("New balance: KES 1,050.00", "manual top-up", "EAT");
        assertThat(html(ok)).contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; Sons").doesNotContain("<script>");
        MimeMessage failed = bySubject.get("Top-up Failed");
        assertThat(text(failed)).contains("Reason: No <b>transfer</b> arrived", "KES 500.00");
        assertThat(html(failed)).contains("No &lt;b&gt;transfer&lt;/b&gt; arrived");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aMailQueuedWhileSmtpIsDownIsSentOnceWhenItReturnsEvenWithTwoInstances(TestDatabase db) throws Exception {
        int port = freePort();
        HikariDataSource pool = pool(db);
        Jumbe first = platform(pool, "smtp://127.0.0.1:" + port, new Properties());
        Jumbe second = platform(pool, "smtp://127.0.0.1:" + port, new Properties());
        TenantService.Created created = first.tenants().create(NewTenant.of("Shop", "ops@shop.co.ke", "SHOP"));
        String id = first.notifications().welcome(created.tenant().id(), created.key(), created.testKey()).orElseThrow();
        first.start();
        second.start();

        eventually(() -> first.notifications().show(id).orElseThrow().message().attempts() >= 2);
        MailMessage waiting = first.notifications().show(id).orElseThrow().message();
        assertThat(waiting.status()).isEqualTo("queued");
        assertThat(waiting.lastError()).startsWith("SMTP unavailable");

        smtp = startSmtp(port);
        eventually(() -> "sent".equals(first.notifications().show(id).orElseThrow().message().status()));
        assertThat(smtp.waitForIncomingEmail(20_000, 1)).isTrue();
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(first.notifications().list(null, null, 10)).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aPermanentRefusalFailsTheMailWithTheServersAnswer(TestDatabase db) throws Exception {
        try (RefusingSmtpServer refusing = new RefusingSmtpServer("550 5.1.1 <ops@shop.co.ke>: mailbox unavailable")) {
            Jumbe platform = platform(pool(db), "smtp://127.0.0.1:" + refusing.port(), new Properties());
            TenantService.Created created = platform.tenants().create(NewTenant.of("Shop", "ops@shop.co.ke", "SHOP"));
            String id = platform.notifications().welcome(created.tenant().id(), created.key(), created.testKey()).orElseThrow();
            platform.start();

            eventually(() -> "failed".equals(platform.notifications().show(id).orElseThrow().message().status()));
            MailMessage failed = platform.notifications().list("failed", null, 10).get(0);
            assertThat(failed.attempts()).isEqualTo(1);
            assertThat(failed.lastError()).contains("550 5.1.1", "mailbox unavailable");
        }
    }

    /** An SMTP server that takes the envelope's sender and refuses every recipient with {@code answer}. */
    private static final class RefusingSmtpServer implements AutoCloseable {
        private final ServerSocket socket = new ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress());
        private final Thread thread;

        RefusingSmtpServer(String answer) throws IOException {
            thread = new Thread(() -> {
                while (!socket.isClosed()) {
                    try (java.net.Socket client = socket.accept();
                         var in = new java.io.BufferedReader(new java.io.InputStreamReader(client.getInputStream(),
                                 java.nio.charset.StandardCharsets.US_ASCII));
                         var out = new java.io.PrintWriter(client.getOutputStream(), true,
                                 java.nio.charset.StandardCharsets.US_ASCII)) {
                        out.print("220 refusing.test ESMTP\r\n");
                        out.flush();
                        String line;
                        while ((line = in.readLine()) != null) {
                            String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line;
                            String reply = switch (verb) {
                                case "EHLO", "HELO" -> "250 refusing.test";
                                case "RCPT" -> answer;
                                case "QUIT" -> "221 bye";
                                default -> "250 ok";
                            };
                            out.print(reply + "\r\n");
                            out.flush();
                            if (verb.equals("QUIT")) {
                                break;
                            }
                        }
                    } catch (IOException e) {
                        // closed by the test, or a client that went away
                    }
                }
            });
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    @Test
    void smtpUpgradesToTlsWhenTheServerOffersStartTls() throws Exception {
        try (StartTlsSmtpServer server = new StartTlsSmtpServer()) {
            Properties trustTheTestCertificate = new Properties();
            trustTheTestCertificate.put("mail.smtp.ssl.trust", "127.0.0.1");
            trustTheTestCertificate.put("mail.smtp.ssl.checkserveridentity", "false");
            SmtpMailer mailer = new SmtpMailer("smtp://127.0.0.1:" + server.port(), trustTheTestCertificate);

            mailer.send(new Email("MAIL-4", "Jumbe <no-reply@jumbe.test>", null, "ops@clinic.co.ke", List.of(),
                    "Over TLS", "plain", "<p>html</p>"));

            assertThat(server.received()).hasSize(1);
            assertThat(server.received().get(0).overTls()).isTrue();
            assertThat(server.received().get(0).data()).contains("Subject: Over TLS");
        }
    }

    @Test
    void smtpsDeliversOverTlsFromTheFirstByte() throws Exception {
        ServerSetup setup = new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTPS);
        setup.setServerStartupTimeout(30_000); // 2 s by default: too little for SMTPS on a busy machine
        smtp = new GreenMail(setup);
        smtp.start();
        Properties trustTheTestCertificate = new Properties();
        trustTheTestCertificate.put("mail.smtps.ssl.trust", "127.0.0.1");
        trustTheTestCertificate.put("mail.smtps.ssl.checkserveridentity", "false");
        SmtpMailer mailer = new SmtpMailer("smtps://127.0.0.1:" + smtp.getSmtps().getPort(), trustTheTestCertificate);

        mailer.send(new Email("MAIL-1", "Jumbe <no-reply@jumbe.test>", null, "ops@clinic.co.ke", List.of(), "Hi",
                "plain", "<p>html</p>"));

        assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
        assertThat(smtp.getReceivedMessages()[0].getSubject()).isEqualTo("Hi");
    }

    @Test
    void withoutSmtpEachMailIsAnEmlFileUnderTheMailFolder(@org.junit.jupiter.api.io.TempDir java.nio.file.Path home)
            throws Exception {
        EmlFileMailer mailer = new EmlFileMailer(home.resolve("mail"));

        mailer.send(new Email("MAIL-3", "Jumbe <no-reply@jumbe.test>", "help@jumbe.test", "ops@clinic.co.ke",
                List.of("cfo@clinic.co.ke"), "Top-up Failed", "plain words", "<p>html words</p>"));

        java.nio.file.Path file = home.resolve("mail").resolve("MAIL-3.eml");
        assertThat(file).exists();
        try (var in = java.nio.file.Files.newInputStream(file)) {
            MimeMessage read = new MimeMessage(jakarta.mail.Session.getInstance(new Properties()), in);
            assertThat(read.getSubject()).isEqualTo("Top-up Failed");
            assertThat(text(read)).isEqualTo("plain words");
            assertThat(html(read)).isEqualTo("<p>html words</p>");
        }
        assertThat(mailer.describe()).contains(".eml files under", "mail");
    }

    @Test
    void noSmtpServerIsATemporaryFailureAndThePasswordIsNeverShown() throws Exception {
        SmtpMailer mailer = new SmtpMailer("smtp://jumbe:s3cret-pass@127.0.0.1:" + freePort());
        assertThat(mailer.describe()).doesNotContain("s3cret-pass").contains("jumbe:***@");
        try {
            mailer.send(new Email("MAIL-2", "no-reply@jumbe.test", null, "ops@clinic.co.ke", List.of(), "Hi", "a", "b"));
            throw new AssertionError("no server listens there");
        } catch (MailFailure failure) {
            assertThat(failure.permanent()).isFalse();
            assertThat(failure.getMessage()).doesNotContain("s3cret-pass");
        }
    }
}
