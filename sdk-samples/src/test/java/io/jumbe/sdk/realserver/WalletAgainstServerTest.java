package io.jumbe.sdk.realserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jumbe.core.common.Money;
import io.jumbe.sdk.JumbeClient;
import io.jumbe.sdk.Page;
import io.jumbe.sdk.RequestOptions;
import io.jumbe.sdk.errors.IdempotencyConflictException;
import io.jumbe.sdk.errors.NotFoundException;
import io.jumbe.sdk.errors.ValidationException;
import io.jumbe.sdk.wallet.ManualTopUpParams;
import io.jumbe.sdk.wallet.ManualTopUpResult;
import io.jumbe.sdk.wallet.TopUp;
import io.jumbe.sdk.wallet.TopUpParams;
import io.jumbe.sdk.wallet.TopUpResult;
import io.jumbe.sdk.wallet.TransactionListParams;
import io.jumbe.sdk.wallet.TransactionStatus;
import io.jumbe.sdk.wallet.TransactionType;
import io.jumbe.sdk.wallet.WalletTransaction;
import io.jumbe.server.testing.Sender;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Every wallet call against the real server, with M-Pesa played by the built-in Daraja simulator. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WalletAgainstServerTest {
    // the simulator answers a push within seconds; this only bounds a broken run
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final InProcessServer server = InProcessServer.start();

    @AfterAll
    void stop() {
        server.close();
    }

    private static TopUpParams topUp(long shillings, String phone) {
        return TopUpParams.builder().amount(shillings).phoneNumber(phone).build();
    }

    @Test
    void aTopUpToAnOrdinaryNumberCompletesAndCreditsTheWallet() {
        Sender sender = server.sender("0.00");
        JumbeClient client = server.client(sender);

        TopUpResult pushed = client.wallet().topUp(topUp(150, "0712 345 678"));

        assertThat(pushed.status()).isEqualTo(TransactionStatus.PENDING);
        assertThat(pushed.message()).isEqualTo("Check your phone for the M-Pesa prompt");
        assertThat(pushed.transactionId()).startsWith("TXN-");
        assertThat(pushed.checkoutRequestId()).startsWith("ws_CO_");
        assertThat(pushed.amount().toPlainString()).isEqualTo("150.00");

        TopUp done = client.wallet().waitForTopUp(pushed.transactionId(), PATIENCE, Duration.ofMillis(200));

        assertThat(done.status()).isEqualTo(TransactionStatus.COMPLETED);
        assertThat(done.mpesaReceipt()).isNotBlank();
        assertThat(done.failureReason()).isNull();
        assertThat(done.completedAt()).isNotNull();
        assertThat(client.wallet().balance().balance().toPlainString()).isEqualTo("150.00");
    }

    @Test
    void aPromptTheUserCancelsEndsCancelledWithItsReason() {
        Sender sender = server.sender("0.00");
        JumbeClient client = server.client(sender);
        TopUpResult pushed = client.wallet().topUp(topUp(100, "0712340001"));

        TopUp done = client.wallet().waitForTopUp(pushed.transactionId(), PATIENCE, Duration.ofMillis(200));

        assertThat(done.status()).isEqualTo(TransactionStatus.CANCELLED);
        assertThat(done.failureReason()).contains("1032");
        assertThat(done.mpesaReceipt()).isNull();
        assertThat(client.wallet().balance().balance()).isEqualByComparingTo("0");
    }

    @Test
    void topUpStatusReadsEveryFieldOfAPendingTopUp() {
        Sender sender = server.sender("0.00");
        JumbeClient client = server.client(sender);
        TopUpResult pushed = client.wallet().topUp(topUp(200, "+254712345678"));

        TopUp status = client.wallet().topUpStatus(pushed.transactionId());

        assertThat(status.transactionId()).isEqualTo(pushed.transactionId());
        assertThat(status.amount().toPlainString()).isEqualTo("200.00");
        assertThat(status.paymentMethod()).isEqualTo("mpesa");
        assertThat(status.phoneNumber()).isEqualTo("254712345678");
        assertThat(status.checkoutRequestId()).isEqualTo(pushed.checkoutRequestId());
        assertThat(status.createdAt()).isNotNull();
    }

    @Test
    void anAmountBelowTheMinimumIsAValidationExceptionNamingTheField() {
        JumbeClient client = server.client(server.sender("0.00"));

        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> client.wallet().topUp(topUp(99, "0712345678")));

        assertThat(e.status()).isEqualTo(400);
        assertThat(e.fieldErrors()).extracting(f -> f.field()).contains("amount");
    }

    @Test
    void theSameIdempotencyKeyReplaysTheFirstAnswerAndPushesOnce() {
        Sender sender = server.sender("0.00");
        ResponseRecorder recorder = new ResponseRecorder();
        JumbeClient client = server.clientBuilder(sender)
                .httpClient(new OkHttpClient.Builder().addInterceptor(recorder).build()).build();
        RequestOptions key = RequestOptions.idempotencyKey("crm-order-" + System.nanoTime());
        int pushesBefore = server.app().daraja().pushes().size();

        TopUpResult first = client.wallet().topUp(topUp(300, "0712345678"), key);
        TopUpResult again = client.wallet().topUp(topUp(300, "0712345678"), key);

        assertThat(again).isEqualTo(first);
        assertThat(recorder.all().get(0).header("Idempotent-Replayed")).isNull();
        assertThat(recorder.last().header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(recorder.last().idempotencyKey()).isEqualTo(key.idempotencyKey());
        assertThat(server.app().daraja().pushes()).hasSize(pushesBefore + 1);
    }

    @Test
    void theSameIdempotencyKeyWithAnotherBodyIsAnIdempotencyConflict() {
        JumbeClient client = server.client(server.sender("0.00"));
        RequestOptions key = RequestOptions.idempotencyKey("crm-order-" + System.nanoTime());
        client.wallet().topUp(topUp(300, "0712345678"), key);

        IdempotencyConflictException e = catchThrowableOfType(IdempotencyConflictException.class,
                () -> client.wallet().topUp(topUp(400, "0712345678"), key));

        assertThat(e.status()).isEqualTo(422);
        assertThat(e.code()).isEqualTo("idempotency_conflict");
    }

    @Test
    void anotherTenantsTopUpIsNotFound() {
        JumbeClient theirs = server.client(server.sender("0.00"));
        String txn = theirs.wallet().topUp(topUp(100, "0712345678")).transactionId();
        JumbeClient mine = server.client(server.sender("0.00"));

        NotFoundException e = catchThrowableOfType(NotFoundException.class, () -> mine.wallet().topUpStatus(txn));

        assertThat(e.code()).isEqualTo("not_found");
    }

    @Test
    void transactionsComeInPagesAndTheIteratorFetchesEveryPage() {
        Sender sender = server.sender("0.00");
        JumbeClient client = server.client(sender);
        for (int i = 1; i <= 5; i++) {
            credit(sender, i + ".00", "slip-" + i);
        }

        Page<WalletTransaction> first = client.wallet().transactions(TransactionListParams.builder().perPage(2).build());

        assertThat(first.data()).hasSize(2);
        assertThat(first.meta().total()).isEqualTo(5L);
        assertThat(first.meta().perPage()).isEqualTo(2);
        assertThat(first.meta().lastPage()).isEqualTo(3);
        assertThat(first.hasNextPage()).isTrue();
        assertThat(first.meta().hasMore()).isTrue();
        assertThat(first.nextPage().meta().startingAfter()).as("the next page follows the last id by cursor")
                .isEqualTo(first.data().get(1).transactionId());
        List<WalletTransaction> all = new ArrayList<>();
        client.wallet().transactionsAll(TransactionListParams.builder().perPage(2).build()).forEach(all::add);
        assertThat(all).hasSize(5).extracting(WalletTransaction::transactionId).doesNotHaveDuplicates();
        assertThat(all).allSatisfy(t -> {
            assertThat(t.type()).isEqualTo(TransactionType.CREDIT);
            assertThat(t.status()).isEqualTo(TransactionStatus.COMPLETED);
            assertThat(t.transactionId()).startsWith("TXN-");
            assertThat(t.createdAt()).isNotNull();
        });
        assertThat(all).extracting(WalletTransaction::amount).extracting(BigDecimal::toPlainString)
                .containsExactlyInAnyOrder("1.00", "2.00", "3.00", "4.00", "5.00");
        WalletTransaction third = all.stream().filter(t -> t.amount().compareTo(new BigDecimal("3")) == 0)
                .findFirst().orElseThrow();
        assertThat(third.balanceBefore().toPlainString()).isEqualTo("3.00");
        assertThat(third.balanceAfter().toPlainString()).isEqualTo("6.00");
        assertThat(third.reference()).isEqualTo("slip-3");
    }

    @Test
    void transactionsFilterByTypeAndSearch() {
        Sender sender = server.sender("0.00");
        JumbeClient client = server.client(sender);
        credit(sender, "10.00", "slip-a");
        credit(sender, "20.00", "slip-b");
        String wanted = client.wallet().transactions(TransactionListParams.none()).data().get(0).transactionId();

        Page<WalletTransaction> found = client.wallet().transactions(TransactionListParams.builder()
                .type(TransactionType.CREDIT).status(TransactionStatus.COMPLETED).search(wanted).build());
        Page<WalletTransaction> debits = client.wallet().transactions(TransactionListParams.builder()
                .type(TransactionType.DEBIT).build());

        assertThat(found.data()).extracting(WalletTransaction::transactionId).containsExactly(wanted);
        assertThat(debits.data()).isEmpty();
        assertThat(debits.hasNextPage()).isFalse();
    }

    @Test
    void theCsvDownloadStreamsEveryMatchingEntry() {
        Sender sender = server.sender("0.00");
        JumbeClient client = server.client(sender);
        for (int i = 1; i <= 3; i++) {
            credit(sender, i + "0.00", "slip-" + i);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        long bytes = client.wallet().downloadTransactionsCsv(TransactionListParams.builder()
                .type(TransactionType.CREDIT).perPage(1).build(), out);

        String csv = out.toString(StandardCharsets.UTF_8);
        assertThat(bytes).isEqualTo(out.size());
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).startsWith("transaction_id,type,amount,status");
        assertThat(lines).as("a header and every entry, paging ignored").hasSize(4);
        assertThat(lines.subList(1, 4)).allSatisfy(l -> assertThat(l).startsWith("TXN-").contains(",credit,"));
        assertThat(csv).contains("10.00").contains("20.00").contains("30.00");
    }

    @Test
    void aManualTopUpWaitsForAnAdminAndThenCredits() {
        Sender sender = server.sender("0.00");
        JumbeClient client = server.client(sender);

        ManualTopUpResult asked = client.wallet().manualTopUp(ManualTopUpParams.builder()
                .amount(new BigDecimal("500.00")).reference("bank slip 123").note("October").build());

        assertThat(asked.status()).isEqualTo(TransactionStatus.PENDING);
        assertThat(asked.transactionId()).startsWith("TXN-");
        assertThat(asked.amount().toPlainString()).isEqualTo("500.00");
        assertThat(asked.reference()).isEqualTo("bank slip 123");
        assertThat(asked.message()).isNotBlank();
        assertThat(client.wallet().balance().balance()).isEqualByComparingTo("0");

        server.app().platform().topups().approve(asked.transactionId(), "ops@reseller.example");

        TopUp approved = client.wallet().topUpStatus(asked.transactionId());
        assertThat(approved.status()).isEqualTo(TransactionStatus.COMPLETED);
        assertThat(approved.paymentMethod()).isEqualTo("manual");
        assertThat(approved.reference()).isEqualTo("bank slip 123");
        assertThat(client.wallet().balance().balance().toPlainString()).isEqualTo("500.00");
    }

    private void credit(Sender sender, String amount, String reference) {
        server.app().platform().wallet().manualCredit(sender.clientId(), Money.parse(amount), reference, null, "test");
    }
}
