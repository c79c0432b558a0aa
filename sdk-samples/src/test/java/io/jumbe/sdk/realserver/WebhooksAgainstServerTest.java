package io.jumbe.sdk.realserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jumbe.core.common.Money;
import io.jumbe.sdk.JumbeClient;
import io.jumbe.sdk.Page;
import io.jumbe.sdk.errors.JumbeException;
import io.jumbe.sdk.errors.NotFoundException;
import io.jumbe.sdk.errors.ValidationException;
import io.jumbe.sdk.webhooks.DeliveryAttempt;
import io.jumbe.sdk.webhooks.DeliveryListParams;
import io.jumbe.sdk.webhooks.DeliveryStatus;
import io.jumbe.sdk.webhooks.SecretRotation;
import io.jumbe.sdk.webhooks.Webhook;
import io.jumbe.sdk.webhooks.WebhookConfig;
import io.jumbe.sdk.webhooks.WebhookConfigParams;
import io.jumbe.sdk.webhooks.WebhookDelivery;
import io.jumbe.sdk.webhooks.WebhookEvent;
import io.jumbe.sdk.webhooks.WebhookTestResult;
import io.jumbe.server.testing.Sender;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every webhooks call against the real server, with the deliveries received by a real local HTTP server and verified
 * with the SDK's {@link Webhook}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhooksAgainstServerTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final InProcessServer server = InProcessServer.start();
    private final Inbox inbox = new Inbox();

    @AfterAll
    void stop() {
        inbox.close();
        server.close();
    }

    private WebhookConfig configure(JumbeClient client, Inbox to) {
        return client.webhooks().putConfig(WebhookConfigParams.builder().webhookUrl(to.url())
                .addEvent("balance.updated").addEvent("topup.completed").build());
    }

    private void credit(Sender sender, String amount) {
        server.app().platform().wallet().manualCredit(sender.clientId(), Money.parse(amount), "REF-" + System.nanoTime(),
                null, "test");
    }

    @Test
    void putConfigWithoutASecretGeneratesOneThatIsShownOnce() {
        JumbeClient client = server.client(server.sender("0.00"));

        WebhookConfig put = configure(client, inbox);
        WebhookConfig got = client.webhooks().getConfig();

        assertThat(put.webhookSecret()).startsWith("whsec_");
        assertThat(put.webhookUrl()).isEqualTo(inbox.url());
        assertThat(put.events()).containsExactlyInAnyOrder("balance.updated", "topup.completed");
        assertThat(put.enabled()).isTrue();
        assertThat(put.createdAt()).isNotNull();
        assertThat(got.webhookSecret()).isNull();
        assertThat(got.webhookUrl()).isEqualTo(inbox.url());
        assertThat(got.events()).containsExactlyInAnyOrderElementsOf(put.events());
    }

    @Test
    void aBalanceChangeArrivesSignedAndTheSdkVerifiesItIntoATypedEvent() {
        Sender sender = server.sender("10.00");
        JumbeClient client = server.client(sender);
        try (Inbox own = new Inbox()) {
            Webhook webhook = new Webhook(configure(client, own).webhookSecret());

            credit(sender, "250.00");
            Inbox.Delivery d = own.next("balance.updated", PATIENCE);

            WebhookEvent event = webhook.verify(d.body(), d.headers());
            assertThat(event).isInstanceOfSatisfying(WebhookEvent.BalanceUpdated.class, e -> {
                assertThat(e.id()).isEqualTo(d.header("webhook-id"));
                assertThat(e.clientId()).isEqualTo(sender.clientId());
                assertThat(e.timestamp()).isNotNull();
                assertThat(e.sequence()).isPositive();
                assertThat(e.data().oldBalance().toPlainString()).isEqualTo("10.00");
                assertThat(e.data().newBalance().toPlainString()).isEqualTo("260.00");
                assertThat(e.data().amount().toPlainString()).isEqualTo("250.00");
                assertThat(e.data().currency()).isEqualTo("KES");
                assertThat(e.data().cause()).isNotBlank();
            });
            assertThat(d.header("X-Webhook-Signature")).isEqualTo(d.header("webhook-signature"));
        }
    }

    @Test
    void aGivenSecretIsTheOneThatSigns() {
        Sender sender = server.sender("0.00");
        JumbeClient client = server.client(sender);
        String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        try (Inbox own = new Inbox()) {
            client.webhooks().putConfig(WebhookConfigParams.builder().webhookUrl(own.url())
                    .addEvent("balance.updated").webhookSecret(secret).build());

            credit(sender, "1.00");
            Inbox.Delivery d = own.next("balance.updated", PATIENCE);

            assertThat(new Webhook(secret).verify(d.body(), d.headers())).isInstanceOf(WebhookEvent.BalanceUpdated.class);
        }
    }

    @Test
    void anUnknownEventNameIsAValidationException() {
        JumbeClient client = server.client(server.sender("0.00"));

        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> client.webhooks().putConfig(WebhookConfigParams.builder().webhookUrl(inbox.url())
                        .addEvent("balance.exploded").build()));

        assertThat(e.status()).isEqualTo(400);
        assertThat(e.fieldErrors()).extracting(f -> f.field()).anySatisfy(f -> assertThat(f).startsWith("events"));
    }

    @Test
    void aPrivateAddressIsRefusedWhenTheGuardIsOn() {
        try (InProcessServer guarded = InProcessServer.start(Map.of("WEBHOOKS_ALLOW_PRIVATE_NETWORKS", "false"))) {
            JumbeClient client = guarded.client(guarded.sender("0.00"));

            ValidationException e = catchThrowableOfType(ValidationException.class,
                    () -> client.webhooks().putConfig(WebhookConfigParams.builder()
                            .webhookUrl("http://169.254.169.254/latest").addEvent("balance.updated").build()));

            assertThat(e.status()).isEqualTo(400);
            assertThat(e.code()).isEqualTo("webhook_url_not_allowed");
        }
    }

    @Test
    void aRetryWhileWebhooksAreOffIsRefusedWithWebhooksDisabled() {
        JumbeClient client = server.client(server.sender("0.00"));
        configure(client, inbox);
        String deliveryId = client.webhooks().test().deliveryId();
        client.webhooks().deleteConfig();

        JumbeException e = catchThrowableOfType(JumbeException.class, () -> client.webhooks().retry(deliveryId));

        assertThat(e).isExactlyInstanceOf(JumbeException.class);
        assertThat(e.code()).isEqualTo("webhooks_disabled");
    }

    @Test
    void getConfigBeforeAnyIsNotFound() {
        JumbeClient client = server.client(server.sender("0.00"));

        NotFoundException e = catchThrowableOfType(NotFoundException.class, () -> client.webhooks().getConfig());

        assertThat(e.code()).isEqualTo("not_found");
    }

    @Test
    void deleteConfigTurnsWebhooksOff() {
        JumbeClient client = server.client(server.sender("0.00"));
        configure(client, inbox);

        WebhookConfig off = client.webhooks().deleteConfig();

        assertThat(off.enabled()).isFalse();
        assertThat(client.webhooks().getConfig().enabled()).isFalse();
    }

    @Test
    void testSendsAVerifiableWebhookTestAndReportsTheReceiversAnswer() {
        JumbeClient client = server.client(server.sender("0.00"));
        try (Inbox own = new Inbox()) {
            Webhook webhook = new Webhook(configure(client, own).webhookSecret());

            WebhookTestResult result = client.webhooks().test();
            Inbox.Delivery d = own.next("webhook.test", PATIENCE);

            assertThat(result.success()).isTrue();
            assertThat(result.httpStatus()).isEqualTo(200);
            assertThat(result.latencyMs()).isNotNull().isNotNegative();
            assertThat(result.responseBody()).isEqualTo("ok");
            assertThat(result.deliveryId()).isNotBlank();
            assertThat(result.webhookId()).isEqualTo(d.header("webhook-id"));
            assertThat(webhook.verify(d.body(), d.headers())).isInstanceOf(WebhookEvent.WebhookTest.class);
        }
    }

    @Test
    void testReportsAFailingReceiver() {
        JumbeClient client = server.client(server.sender("0.00"));
        try (Inbox own = new Inbox()) {
            own.answer(500);
            configure(client, own);

            WebhookTestResult result = client.webhooks().test();

            assertThat(result.success()).isFalse();
            assertThat(result.httpStatus()).isEqualTo(500);
        }
    }

    @Test
    void deliveriesListWhatWasSentAndOneDeliveryShowsItsBodyAndAttempts() {
        Sender sender = server.sender("0.00");
        JumbeClient client = server.client(sender);
        try (Inbox own = new Inbox()) {
            configure(client, own);
            credit(sender, "5.00");
            Inbox.Delivery received = own.next("balance.updated", PATIENCE);

            WebhookDelivery listed = eventually(() -> client.webhooks().deliveries(DeliveryListParams.builder()
                    .event("balance.updated").build()).data(), l -> l.size() == 1
                    && l.get(0).status() == DeliveryStatus.SUCCEEDED).get(0);
            WebhookDelivery one = client.webhooks().delivery(listed.deliveryId());

            assertThat(listed.webhookId()).isEqualTo(received.header("webhook-id"));
            assertThat(listed.event()).isEqualTo("balance.updated");
            assertThat(listed.attemptCount()).isEqualTo(1);
            assertThat(listed.eventId()).isNotBlank();
            assertThat(listed.createdAt()).isNotNull();
            assertThat(listed.attempts()).as("the list leaves attempts out").isEmpty();
            assertThat(one.payload()).as("the body exactly as sent").isEqualTo(received.text());
            assertThat(one.attempts()).singleElement().satisfies(a -> {
                assertThat(a.success()).isTrue();
                assertThat(a.httpStatus()).isEqualTo(200);
                assertThat(a.attemptedAt()).isNotNull();
                assertThat(a.responseBody()).isEqualTo("ok");
            });
        }
    }

    @Test
    void deliveriesFilterByStatusAndTheIteratorWalksEveryPage() {
        Sender sender = server.sender("0.00");
        JumbeClient client = server.client(sender);
        try (Inbox own = new Inbox()) {
            configure(client, own);
            for (int i = 0; i < 3; i++) {
                credit(sender, "1.00");
                own.next("balance.updated", PATIENCE);
            }
            DeliveryListParams succeeded = DeliveryListParams.builder().status(DeliveryStatus.SUCCEEDED).perPage(1)
                    .build();
            eventually(() -> client.webhooks().deliveries(succeeded).meta().total(), total -> total == 3);

            List<WebhookDelivery> all = new ArrayList<>();
            client.webhooks().deliveriesAll(succeeded).forEach(all::add);
            Page<WebhookDelivery> failed = client.webhooks().deliveries(DeliveryListParams.builder()
                    .status(DeliveryStatus.FAILED).build());

            assertThat(all).hasSize(3).extracting(WebhookDelivery::deliveryId).doesNotHaveDuplicates();
            assertThat(failed.data()).isEmpty();
        }
    }

    @Test
    void retrySendsTheDeliveryAgainWithTheSameWebhookId() {
        Sender sender = server.sender("0.00");
        JumbeClient client = server.client(sender);
        try (Inbox own = new Inbox()) {
            Webhook webhook = new Webhook(configure(client, own).webhookSecret());
            credit(sender, "2.00");
            Inbox.Delivery first = own.next("balance.updated", PATIENCE);
            String deliveryId = eventually(() -> client.webhooks().deliveries(DeliveryListParams.none()).data(),
                    l -> l.size() == 1 && l.get(0).status() == DeliveryStatus.SUCCEEDED).get(0).deliveryId();

            WebhookDelivery retried = client.webhooks().retry(deliveryId);
            Inbox.Delivery again = own.next("balance.updated", PATIENCE);

            assertThat(retried.deliveryId()).isEqualTo(deliveryId);
            assertThat(again.header("webhook-id")).isEqualTo(first.header("webhook-id"));
            assertThat(again.text()).isEqualTo(first.text());
            assertThat(webhook.verify(again.body(), again.headers()).id()).isEqualTo(first.header("webhook-id"));
            List<DeliveryAttempt> attempts = eventually(() -> client.webhooks().delivery(deliveryId).attempts(),
                    l -> l.size() == 2);
            assertThat(attempts).allSatisfy(a -> assertThat(a.success()).isTrue());
        }
    }

    @Test
    void afterRotationDeliveriesVerifyWithBothTheOldAndTheNewSecret() {
        Sender sender = server.sender("0.00");
        JumbeClient client = server.client(sender);
        try (Inbox own = new Inbox()) {
            String old = configure(client, own).webhookSecret();

            SecretRotation rotation = client.webhooks().rotateSecret();
            credit(sender, "3.00");
            Inbox.Delivery d = own.next("balance.updated", PATIENCE);

            assertThat(rotation.webhookSecret()).startsWith("whsec_").isNotEqualTo(old);
            assertThat(rotation.previousSecretValidUntil()).isAfter(Instant.now().plus(Duration.ofHours(23)));
            assertThat(d.header("webhook-signature").split(" ")).hasSize(2);
            assertThat(new Webhook(old).verify(d.body(), d.headers())).isInstanceOf(WebhookEvent.BalanceUpdated.class);
            assertThat(new Webhook(rotation.webhookSecret()).verify(d.body(), d.headers()))
                    .isInstanceOf(WebhookEvent.BalanceUpdated.class);
            assertThat(client.webhooks().getConfig().previousSecretValidUntil())
                    .isEqualTo(rotation.previousSecretValidUntil());
        }
    }

    @Test
    void anotherTenantsDeliveryIsNotFound() {
        Sender theirs = server.sender("0.00");
        JumbeClient theirClient = server.client(theirs);
        try (Inbox own = new Inbox()) {
            configure(theirClient, own);
            String deliveryId = theirClient.webhooks().test().deliveryId();
            JumbeClient mine = server.client(server.sender("0.00"));

            NotFoundException e = catchThrowableOfType(NotFoundException.class,
                    () -> mine.webhooks().delivery(deliveryId));

            assertThat(e.code()).isEqualTo("not_found");
        }
    }

    // deliveries are written by the server's job workers after the event: poll until the log shows the outcome
    private static <T> T eventually(Supplier<T> probe, Predicate<T> done) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        T last = probe.get();
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("still not done after " + PATIENCE + "; last seen: " + last);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            last = probe.get();
        }
        return last;
    }
}
