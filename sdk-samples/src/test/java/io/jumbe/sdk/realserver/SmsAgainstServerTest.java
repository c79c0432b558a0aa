package io.jumbe.sdk.realserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jumbe.sdk.JumbeClient;
import io.jumbe.sdk.Page;
import io.jumbe.sdk.RequestOptions;
import io.jumbe.sdk.account.AccountStatistics;
import io.jumbe.sdk.errors.InsufficientBalanceException;
import io.jumbe.sdk.errors.JumbeException;
import io.jumbe.sdk.errors.NotFoundException;
import io.jumbe.sdk.errors.ValidationException;
import io.jumbe.sdk.sms.BulkSendResult;
import io.jumbe.sdk.sms.BulkSendSmsParams;
import io.jumbe.sdk.sms.Encoding;
import io.jumbe.sdk.sms.MessageStatus;
import io.jumbe.sdk.sms.QueuedMessage;
import io.jumbe.sdk.sms.RejectedRecipient;
import io.jumbe.sdk.sms.SendSmsParams;
import io.jumbe.sdk.sms.SmsHistoryParams;
import io.jumbe.sdk.sms.SmsMessage;
import io.jumbe.sdk.sms.SmsQuote;
import io.jumbe.sdk.sms.SmsSendResult;
import io.jumbe.sdk.sms.SmsStatistics;
import io.jumbe.sdk.sms.SmsStatisticsOverview;
import io.jumbe.sdk.sms.SmsStatisticsParams;
import io.jumbe.server.testing.Sender;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Every SMS call, and the account statistics, against the real server with Onfon played by its simulator. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SmsAgainstServerTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final InProcessServer server = InProcessServer.start();

    @AfterAll
    void stop() {
        server.close();
    }

    private static SendSmsParams sms(String to, String text) {
        return SendSmsParams.builder().recipient(to).message(text).build();
    }

    @Test
    void aSingleSendIsQueuedChargedAndThenDeliveredBySimulator() {
        JumbeClient client = server.client(server.sender("10.00"));

        SmsSendResult sent = client.sms().send(SendSmsParams.builder().recipient("0712 345 678")
                .message("Your appointment is at 10:00").reference("appt-1").build());

        assertThat(sent.status()).isEqualTo(MessageStatus.QUEUED);
        assertThat(sent.messageId()).startsWith("MSG-");
        assertThat(sent.recipient()).isEqualTo("254712345678");
        assertThat(sent.segments()).isEqualTo(1);
        assertThat(sent.encoding()).isEqualTo(Encoding.GSM_7);
        assertThat(sent.cost().toPlainString()).isEqualTo("1.00");
        assertThat(sent.balance().toPlainString()).isEqualTo("9.00");

        SmsMessage delivered = eventually(() -> client.sms().status(sent.messageId()),
                m -> m.status() == MessageStatus.DELIVERED);

        assertThat(delivered.messageId()).isEqualTo(sent.messageId());
        assertThat(delivered.recipient()).isEqualTo("254712345678");
        assertThat(delivered.sender()).isEqualTo("FALLEY-MED");
        assertThat(delivered.message()).isEqualTo("Your appointment is at 10:00");
        assertThat(delivered.reference()).isEqualTo("appt-1");
        assertThat(delivered.cost().toPlainString()).isEqualTo("1.00");
        assertThat(delivered.refunded()).isFalse();
        assertThat(delivered.upstreamMessageId()).isNotBlank();
        assertThat(delivered.upstreamStatus()).isNotBlank();
        assertThat(delivered.queuedAt()).isNotNull();
        assertThat(delivered.sentAt()).isNotNull();
        assertThat(delivered.deliveredAt()).isNotNull();
        assertThat(delivered.createdAt()).isNotNull();
    }

    @Test
    void anUndeliverableNumberEndsFailedWithTheOperatorsWords() {
        JumbeClient client = server.client(server.sender("10.00"));
        String id = client.sms().send(sms("0712340001", "hello")).messageId();

        SmsMessage failed = eventually(() -> client.sms().status(id), m -> m.status() == MessageStatus.FAILED);

        assertThat(failed.failedAt()).isNotNull();
        assertThat(failed.upstreamStatus()).isNotBlank();
    }

    @Test
    void aBulkSendQueuesEachValidRecipientOnceAndListsTheRejected() {
        JumbeClient client = server.client(server.sender("10.00"));

        BulkSendResult result = client.sms().sendBulk(BulkSendSmsParams.builder()
                .recipients(List.of("0712345678", "+254712345679", "254712345678", "12345"))
                .message("Clinic closed on Monday").reference("closure").build());

        assertThat(result.status()).isEqualTo(MessageStatus.QUEUED);
        assertThat(result.batchId()).isNotBlank();
        assertThat(result.encoding()).isEqualTo(Encoding.GSM_7);
        assertThat(result.messages()).extracting(QueuedMessage::recipient)
                .containsExactlyInAnyOrder("254712345678", "254712345679");
        assertThat(result.messages()).allSatisfy(m -> {
            assertThat(m.messageId()).startsWith("MSG-");
            assertThat(m.segments()).isEqualTo(1);
            assertThat(m.cost().toPlainString()).isEqualTo("1.00");
        });
        assertThat(result.totalCost().toPlainString()).isEqualTo("2.00");
        assertThat(result.balance().toPlainString()).isEqualTo("8.00");
        assertThat(result.rejected()).singleElement().satisfies(r -> {
            assertThat(r.recipient()).isEqualTo("12345");
            assertThat(r.code()).isEqualTo("invalid_recipient");
            assertThat(r.reason()).isNotBlank();
        });
        assertThat(client.sms().status(result.messages().get(0).messageId()).batchId()).isEqualTo(result.batchId());
    }

    @Test
    void aQuotePricesWithoutSendingOrCharging() {
        JumbeClient client = server.client(server.sender("5.00"));
        String swahiliWithEmoji = "Habari! Miadi yako ni kesho saa nne asubuhi 😀 ".repeat(2);

        SmsQuote quote = client.sms().quote(BulkSendSmsParams.builder()
                .recipients(List.of("0712345678", "0712345679", "0712345670", "nope")).message(swahiliWithEmoji)
                .build());

        assertThat(quote.encoding()).isEqualTo(Encoding.UCS_2);
        assertThat(quote.characters()).as("characters as people count them: an emoji is one")
                .isEqualTo(swahiliWithEmoji.codePointCount(0, swahiliWithEmoji.length()));
        assertThat(quote.segments()).isEqualTo(2);
        assertThat(quote.recipients()).isEqualTo(3);
        assertThat(quote.costPerRecipient().toPlainString()).isEqualTo("2.00");
        assertThat(quote.totalCost().toPlainString()).isEqualTo("6.00");
        assertThat(quote.balance().toPlainString()).isEqualTo("5.00");
        assertThat(quote.sufficientBalance()).isFalse();
        assertThat(quote.rejected()).extracting(RejectedRecipient::recipient).containsExactly("nope");
        assertThat(client.wallet().balance().balance().toPlainString()).isEqualTo("5.00");
        assertThat(client.sms().history(SmsHistoryParams.none()).data()).isEmpty();
    }

    @Test
    void aSingleQuoteNamesItsSegments() {
        JumbeClient client = server.client(server.sender("5.00"));

        SmsQuote quote = client.sms().quote(sms("0712345678", "x".repeat(161)));

        assertThat(quote.encoding()).isEqualTo(Encoding.GSM_7);
        assertThat(quote.segments()).isEqualTo(2);
        assertThat(quote.totalCost().toPlainString()).isEqualTo("2.00");
        assertThat(quote.sufficientBalance()).isTrue();
    }

    @Test
    void notEnoughBalanceIsAnInsufficientBalanceExceptionAndChargesNothing() {
        JumbeClient client = server.client(server.sender("0.50"));

        InsufficientBalanceException e = catchThrowableOfType(InsufficientBalanceException.class,
                () -> client.sms().send(sms("0712345678", "hello")));

        assertThat(e.status()).isEqualTo(402);
        assertThat(e.code()).isEqualTo("insufficient_balance");
        assertThat(client.wallet().balance().balance().toPlainString()).isEqualTo("0.50");
    }

    @Test
    void aSenderIdTheAccountWasNotGivenIsRefused() {
        JumbeClient client = server.client(server.sender("10.00"));

        ValidationException e = catchThrowableOfType(ValidationException.class, () -> client.sms().send(
                SendSmsParams.builder().recipient("0712345678").message("hi").sender("OTHER-CO").build()));

        assertThat(e.status()).isEqualTo(422);
        assertThat(e.code()).isEqualTo("sender_not_allowed");
    }

    @Test
    void anInvalidRecipientIsRefused() {
        JumbeClient client = server.client(server.sender("10.00"));

        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> client.sms().send(sms("12345", "hi")));

        assertThat(e.status()).isEqualTo(400);
        assertThat(e.code()).isEqualTo("invalid_recipient");
    }

    @Test
    void aMessageLongerThanTenSegmentsIsAValidationFailureNamingTheField() {
        JumbeClient client = server.client(server.sender("100.00"));

        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> client.sms().send(sms("0712345678", "x".repeat(153 * 10 + 1))));

        assertThat(e.status()).isEqualTo(400);
        assertThat(e.code()).isEqualTo("validation_failed");
        assertThat(e.fieldErrors()).extracting(f -> f.field()).contains("message");
        assertThat(e.requestId()).startsWith("req_");
    }

    @Test
    void theSameIdempotencyKeyReplaysTheSendAndChargesOnce() {
        Sender sender = server.sender("10.00");
        ResponseRecorder recorder = new ResponseRecorder();
        JumbeClient client = server.clientBuilder(sender)
                .httpClient(new OkHttpClient.Builder().addInterceptor(recorder).build()).build();
        RequestOptions key = RequestOptions.idempotencyKey("reminder-" + System.nanoTime());

        SmsSendResult first = client.sms().send(sms("0712345678", "once"), key);
        SmsSendResult again = client.sms().send(sms("0712345678", "once"), key);

        assertThat(again).isEqualTo(first);
        assertThat(recorder.last().header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(client.wallet().balance().balance().toPlainString()).isEqualTo("9.00");
    }

    @Test
    void historyFiltersAndTheIteratorFetchesEveryPage() {
        JumbeClient client = server.client(server.sender("10.00"));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(client.sms().send(SendSmsParams.builder().recipient("0712345678").message("reminder " + i)
                    .reference("ward-7").build()).messageId());
        }
        client.sms().send(sms("0712345679", "another"));
        SmsHistoryParams ward = SmsHistoryParams.builder().reference("ward-7").perPage(2).build();

        Page<SmsMessage> first = client.sms().history(ward);
        List<String> all = new ArrayList<>();
        client.sms().historyAll(ward).forEach(m -> all.add(m.messageId()));
        Page<SmsMessage> byRecipient = client.sms().history(SmsHistoryParams.builder().recipient("254712345679")
                .build());

        assertThat(first.data()).hasSize(2);
        assertThat(first.meta().total()).isEqualTo(3L);
        assertThat(first.hasNextPage()).isTrue();
        assertThat(all).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(byRecipient.data()).singleElement().satisfies(m -> assertThat(m.message()).isEqualTo("another"));
    }

    @Test
    void historyFiltersByStatusAndDay() {
        JumbeClient client = server.client(server.sender("10.00"));
        String id = client.sms().send(sms("0712345678", "today")).messageId();
        eventually(() -> client.sms().status(id), m -> m.status() == MessageStatus.DELIVERED);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        Page<SmsMessage> delivered = client.sms().history(SmsHistoryParams.builder().status(MessageStatus.DELIVERED)
                .from(today).to(today).build());
        Page<SmsMessage> failed = client.sms().history(SmsHistoryParams.builder().status(MessageStatus.FAILED)
                .build());

        assertThat(delivered.data()).extracting(SmsMessage::messageId).containsExactly(id);
        assertThat(failed.data()).isEmpty();
    }

    @Test
    void statisticsCountByStatusForARangeAndDefaultToTodayAndThisMonth() {
        JumbeClient client = server.client(server.sender("10.00"));
        String id = client.sms().send(sms("0712345678", "counted")).messageId();
        eventually(() -> client.sms().status(id), m -> m.status() == MessageStatus.DELIVERED);
        // statistics count days in the server's TIMEZONE (Africa/Nairobi by default), not UTC days
        LocalDate today = LocalDate.now(ZoneId.of("Africa/Nairobi"));

        SmsStatistics range = client.sms().statistics(SmsStatisticsParams.between(today, today));
        SmsStatisticsOverview defaults = client.sms().statisticsOverview();

        assertThat(range.total()).isEqualTo(1L);
        assertThat(range.byStatus()).containsEntry("delivered", 1L).containsKeys("queued", "sent", "failed");
        assertThat(range.segments()).isEqualTo(1L);
        assertThat(range.cost().toPlainString()).isEqualTo("1.00");
        assertThat(range.from()).isNotBlank();
        assertThat(defaults.today().total()).isEqualTo(1L);
        assertThat(defaults.thisMonth().total()).isEqualTo(1L);
    }

    @Test
    void cancellingAScheduledMessageRefundsItAndASecondCancelIsNotCancellable() {
        Sender sender = server.sender("10.00");
        ResponseRecorder recorder = new ResponseRecorder();
        JumbeClient client = server.clientBuilder(sender)
                .httpClient(new OkHttpClient.Builder().addInterceptor(recorder).build()).build();
        Instant later = Instant.now().plus(Duration.ofHours(2));
        String id = client.sms().send(SendSmsParams.builder().recipient("0712345678").message("see you later")
                .scheduleAt(later).build()).messageId();
        assertThat(client.sms().status(id).scheduledAt()).isNotNull();

        SmsMessage cancelled = client.sms().cancel(id);
        int callsBefore = recorder.all().size();
        JumbeException again = catchThrowableOfType(JumbeException.class, () -> client.sms().cancel(id));
        int callsAfter = recorder.all().size();

        assertThat(cancelled.status()).isEqualTo(MessageStatus.CANCELLED);
        assertThat(cancelled.refunded()).isTrue();
        assertThat(cancelled.cancelledAt()).isNotNull();
        assertThat(client.wallet().balance().balance().toPlainString()).isEqualTo("10.00");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("not_cancellable");
        assertThat(callsAfter).as("a conflict of state is not retried").isEqualTo(callsBefore + 1);
    }

    @Test
    void anotherTenantsMessageIsNotFound() {
        String id = server.client(server.sender("10.00")).sms().send(sms("0712345678", "mine")).messageId();
        JumbeClient other = server.client(server.sender("10.00"));

        assertThat(catchThrowableOfType(NotFoundException.class, () -> other.sms().status(id)).code())
                .isEqualTo("not_found");
        assertThat(catchThrowableOfType(NotFoundException.class, () -> other.sms().cancel(id)).code())
                .isEqualTo("not_found");
    }

    @Test
    void accountStatisticsShowTheMonth() {
        JumbeClient client = server.client(server.sender("10.00"));
        String ok = client.sms().send(sms("0712345678", "ok")).messageId();
        String bad = client.sms().send(sms("0712340001", "bad")).messageId();
        eventually(() -> client.sms().status(ok), m -> m.status() == MessageStatus.DELIVERED);
        eventually(() -> client.sms().status(bad), m -> m.status() == MessageStatus.FAILED);

        AccountStatistics stats = client.account().statistics();

        assertThat(stats.periodStart()).isNotNull().isBefore(Instant.now());
        assertThat(stats.messagesSent()).isEqualTo(2L);
        assertThat(stats.messagesDelivered()).isEqualTo(1L);
        assertThat(stats.messagesFailed()).isEqualTo(1L);
        assertThat(stats.spend().toPlainString()).isEqualTo("2.00");
        assertThat(stats.balance().toPlainString()).isEqualTo("8.00");
        assertThat(stats.topups()).isNotNull();
        assertThat(stats.currency()).isEqualTo("KES");
    }

    // messages leave and come back through the server's workers and the simulator: poll until the state shows
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
