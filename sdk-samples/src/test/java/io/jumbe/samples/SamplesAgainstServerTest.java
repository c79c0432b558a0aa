package io.jumbe.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.jumbe.core.common.Money;
import io.jumbe.sdk.JumbeClient;
import io.jumbe.sdk.realserver.InProcessServer;
import io.jumbe.sdk.webhooks.WebhookConfigParams;
import io.jumbe.server.testing.Sender;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Runs each sample against the real server started in-process and checks what it prints. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SamplesAgainstServerTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final InProcessServer server = InProcessServer.start();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @AfterAll
    void stop() {
        server.close();
    }

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private String printedAfter(int mark) {
        return printed().substring(mark);
    }

    @Test
    void sendSmsPrintsTheQueuedMessageItsCostAndItsStatus() {
        Sender sender = server.sender("10.00");
        int mark = printed().length();

        int status = Sample.execute(SendSms::run, server.sampleEnv(sender), out);

        assertThat(status).as(printedAfter(mark)).isZero();
        assertThat(printedAfter(mark))
                .containsPattern("queued MSG-\\S+ to 254712345678: 1 segment\\(s\\), GSM-7, cost KES 1\\.00")
                .contains("balance KES 9.00")
                .containsPattern("status (queued|sent|delivered)");
    }

    @Test
    void sendWhatsAppSendsATemplateAndWaitsForItsDelivery() {
        Sender sender = server.sender("10.00");
        int mark = printed().length();

        int status = Sample.execute(SendWhatsApp::run, server.sampleEnv(sender), out);

        assertThat(status).as(printedAfter(mark)).isZero();
        assertThat(printedAfter(mark))
                .containsPattern("queued MSG-\\S+ to 254712345678 on WhatsApp: utility, cost KES 1\\.00")
                .contains("balance KES 9.00")
                .contains("status delivered");
    }

    @Test
    void sendSmsPrintsTheProblemWhenTheBalanceIsShort() {
        Sender sender = server.sender("0.00");
        int mark = printed().length();

        assertThat(Sample.execute(SendSms::run, server.sampleEnv(sender), out)).isEqualTo(1);

        assertThat(printedAfter(mark)).containsPattern("error: HTTP 402 insufficient_balance: .+ \\(request id req_\\w+\\)");
    }

    @Test
    void bulkSendPrintsTheQuoteTheQueuedMessagesAndTheRejected() {
        Sender sender = server.sender("10.00");
        int mark = printed().length();

        int status = Sample.execute(BulkSend::run, server.sampleEnv(sender), out);

        assertThat(status).as(printedAfter(mark)).isZero();
        assertThat(printedAfter(mark)).contains("quote: 1 segment(s) each, total KES 3.00")
                .containsPattern("queued 3 message\\(s\\) in batch \\S+, total KES 3\\.00")
                .containsPattern("MSG-\\S+ -> 254712345678").containsPattern("MSG-\\S+ -> 254712345679")
                .containsPattern("MSG-\\S+ -> 254712340001")
                .contains("rejected 12345: invalid_recipient")
                .contains("balance KES 7.00");
    }

    @Test
    void sendCampaignImportsTheSamplesCsvLaunchesAndFollowsTheCampaignToTheEnd() {
        Sender sender = server.sender("10.00");
        int mark = printed().length();

        int status = Sample.execute(SendCampaign::run, server.sampleEnv(sender), out);

        assertThat(status).as(printedAfter(mark)).isZero();
        assertThat(printedAfter(mark)).containsPattern("import IMP-\\S+ completed: 4 created, 0 updated, 0 skipped")
                .containsPattern("campaign CMP-\\S+: 4 recipient\\(s\\), estimated KES 4\\.00")
                .contains("254722110123: Dear Achieng Odhiambo, fees for your child are due on 5 Dec.")
                .contains("launched, charged KES 4.00")
                .contains("completed: 4 sent, 4 delivered, 0 failed, 0 skipped of 4");
    }

    @Test
    void checkBalancePrintsTheBalanceAndTheMonth() {
        Sender sender = server.sender("10.00");
        JumbeClient client = server.client(sender);
        String id = client.sms().send(io.jumbe.sdk.sms.SendSmsParams.builder().recipient("0712345678")
                .message("one").build()).messageId();
        // the month counts a message as sent once it has left: wait for the simulator's delivery report
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (client.sms().status(id).status() != io.jumbe.sdk.sms.MessageStatus.DELIVERED) {
            assertThat(System.nanoTime()).as("delivered in time").isLessThan(deadline);
            pause();
        }
        int mark = printed().length();

        int status = Sample.execute(CheckBalance::run, server.sampleEnv(sender), out);

        assertThat(status).as(printedAfter(mark)).isZero();
        assertThat(printedAfter(mark)).contains("balance KES 9.00 (9 SMS at KES 1.00)")
                .contains("this month: 1 sent, 1 delivered, 0 failed, spend KES 1.00");
    }

    @Test
    void topUpPushesWaitsForMpesaAndPrintsTheReceiptAndBalance() {
        Sender sender = server.sender("0.00");
        int mark = printed().length();

        int status = Sample.execute(TopUp::run, server.sampleEnv(sender), out);

        assertThat(status).as(printedAfter(mark)).isZero();
        assertThat(printedAfter(mark))
                .containsPattern("pushed TXN-\\S+ for KES 100\\.00: Check your phone for the M-Pesa prompt")
                .contains("waiting up to 60 s for M-Pesa...")
                .containsPattern("completed: receipt [A-Z0-9]+")
                .contains("balance KES 100.00");
    }

    @Test
    void topUpPrintsWhyAPromptFailed() {
        Sender sender = server.sender("0.00");
        Map<String, String> env = server.sampleEnv(sender);
        env.put("JUMBE_PHONE", "0712340001");
        env.put("JUMBE_AMOUNT", "250");
        int mark = printed().length();

        assertThat(Sample.execute(TopUp::run, env, out)).isZero();

        assertThat(printedAfter(mark)).containsPattern("pushed TXN-\\S+ for KES 250\\.00")
                .containsPattern("cancelled: .*1032").contains("balance KES 0.00");
    }

    @Test
    void aSamplePrintsTheServersProblemAndExitsOneWhenTheKeyIsWrong() {
        Sender sender = server.sender("0.00");
        Map<String, String> env = server.sampleEnv(sender);
        env.put("JUMBE_API_KEY", "sk_test_wrongwrongwrongwrongwrongwrong");
        int mark = printed().length();

        assertThat(Sample.execute(CheckBalance::run, env, out)).isEqualTo(1);

        assertThat(printedAfter(mark)).containsPattern("error: HTTP 401 unauthorized: .*API key.*\\(request id req_\\w+\\)")
                .doesNotContain("sk_test_wrong");
    }

    @Test
    void webhookReceiverVerifiesAndPrintsRealDeliveriesFromTheServer() {
        Sender sender = server.sender("10.00");
        JumbeClient client = server.client(sender);
        String secret = client.webhooks().putConfig(WebhookConfigParams.builder()
                .webhookUrl("http://127.0.0.1:1/unused").addEvent("balance.updated").build()).webhookSecret();
        Map<String, String> env = Map.of("PORT", "0", "JUMBE_WEBHOOK_SECRET", secret);
        int mark = printed().length();

        try (WebhookReceiver receiver = WebhookReceiver.start(env, out)) {
            client.webhooks().putConfig(WebhookConfigParams.builder()
                    .webhookUrl("http://127.0.0.1:" + receiver.port() + "/webhooks").addEvent("balance.updated")
                    .webhookSecret(secret).build());

            assertThat(client.webhooks().test().httpStatus()).isEqualTo(200);
            server.app().platform().wallet().manualCredit(sender.clientId(), Money.parse("250.00"), "slip-1", null,
                    "test");
            awaitPrinted(mark, "verified balance.updated");
        }

        assertThat(printedAfter(mark)).contains("listening on http://localhost:")
                .containsPattern("verified webhook\\.test \\S+ #\\d+: test ")
                .containsPattern("verified balance\\.updated \\S+ #\\d+: balance 10\\.00 -> 260\\.00 \\(\\w+\\)")
                .doesNotContain("rejected delivery");
    }

    private void awaitPrinted(int mark, String text) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!printedAfter(mark).contains(text)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("never printed '" + text + "'; printed:\n" + printedAfter(mark));
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
