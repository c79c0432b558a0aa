package io.jumbe.sdk.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jumbe.sdk.MockApi;
import io.jumbe.sdk.Page;
import io.jumbe.sdk.errors.ConnectionException;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WalletServiceTest {
    private MockApi api;

    @BeforeEach
    void start() throws Exception {
        api = new MockApi();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void balanceReadsMoneyExactlyAsWritten() throws Exception {
        api.json(200, "{\"balance\": 1049.00, \"currency\": \"KES\", \"units\": 1049, \"price_per_unit\": 1.00}");

        Balance balance = api.client.wallet().balance();

        RecordedRequest r = api.take();
        assertThat(r.getMethod()).isEqualTo("GET");
        assertThat(r.getTarget()).isEqualTo("/api/2/client/balance");
        assertThat(balance.balance().toPlainString()).isEqualTo("1049.00");
        assertThat(balance.pricePerUnit()).isEqualTo(new BigDecimal("1.00"));
        assertThat(balance.units()).isEqualTo(1049L);
    }

    @Test
    void balanceKeepsDigitsADoubleWouldLose() {
        api.json(200, "{\"balance\": 90071992547409.93, \"currency\": \"KES\", \"units\": 90071992547409, "
                + "\"price_per_unit\": 1.00}");
        assertThat(api.client.wallet().balance().balance().toPlainString()).isEqualTo("90071992547409.93");
    }

    @Test
    void topUpPostsAmountMethodAndPhone() throws Exception {
        api.json(202, "{\"status\": \"pending\", \"message\": \"Check your phone for the M-Pesa prompt\", "
                + "\"transaction_id\": \"TXN-1\", \"amount\": 1000.00, \"checkout_request_id\": \"ws_CO_1\"}");

        TopUpResult result = api.client.wallet().topUp(TopUpParams.builder().amount(1000).phoneNumber("0712345678")
                .build());

        RecordedRequest r = api.take();
        assertThat(r.getMethod()).isEqualTo("POST");
        assertThat(r.getTarget()).isEqualTo("/api/2/wallet/topup");
        assertThat(r.getHeaders().get("Idempotency-Key")).isNotBlank();
        assertThat(MockApi.body(r)).isEqualTo(
                "{\"amount\":1000,\"payment_method\":\"mpesa\",\"phone_number\":\"0712345678\"}");
        assertThat(result.status()).isEqualTo(TransactionStatus.PENDING);
        assertThat(result.checkoutRequestId()).isEqualTo("ws_CO_1");
        assertThat(result.amount()).isEqualTo(new BigDecimal("1000.00"));
    }

    @Test
    void topUpRejectsFractionalShillings() {
        assertThatThrownBy(() -> TopUpParams.builder().amount(new BigDecimal("100.50")).phoneNumber("0712345678")
                .build()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("whole");
    }

    @Test
    void topUpStatusGetsTheTransaction() throws Exception {
        api.json(200, "{\"transaction_id\":\"TXN-1\",\"status\":\"failed\",\"amount\":500.00,\"payment_method\":\"mpesa\","
                + "\"phone_number\":\"254712345678\",\"reference\":null,\"checkout_request_id\":\"ws_CO_1\","
                + "\"mpesa_receipt\":null,\"failure_reason\":\"cancelled by user (M-Pesa ResultCode 1032)\","
                + "\"created_at\":\"2025-10-09T14:35:00Z\",\"completed_at\":\"2025-10-09T14:35:40Z\"}");

        TopUp topUp = api.client.wallet().topUpStatus("TXN-1");

        assertThat(api.take().getTarget()).isEqualTo("/api/2/wallet/topup/TXN-1");
        assertThat(topUp.status()).isEqualTo(TransactionStatus.FAILED);
        assertThat(topUp.failureReason()).contains("1032");
        assertThat(topUp.checkoutRequestId()).isEqualTo("ws_CO_1");
        assertThat(topUp.completedAt()).isEqualTo(Instant.parse("2025-10-09T14:35:40Z"));
    }

    @Test
    void waitForTopUpPollsUntilTheTopUpIsFinal() {
        api.json(200, "{\"transaction_id\":\"TXN-1\",\"status\":\"pending\"}");
        api.json(200, "{\"transaction_id\":\"TXN-1\",\"status\":\"pending\"}");
        api.json(200, "{\"transaction_id\":\"TXN-1\",\"status\":\"completed\",\"mpesa_receipt\":\"QJK1\"}");

        TopUp topUp = api.client.wallet().waitForTopUp("TXN-1", Duration.ofMinutes(1), Duration.ofSeconds(3));

        assertThat(topUp.status()).isEqualTo(TransactionStatus.COMPLETED);
        assertThat(topUp.mpesaReceipt()).isEqualTo("QJK1");
        assertThat(api.sleeps).containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(3));
    }

    @Test
    void waitForTopUpReturnsThePendingTopUpWhenTheTimeoutPasses() {
        for (int i = 0; i < 5; i++) {
            api.json(200, "{\"transaction_id\":\"TXN-1\",\"status\":\"pending\"}");
        }

        TopUp topUp = api.client.wallet().waitForTopUp("TXN-1", Duration.ofSeconds(5), Duration.ofSeconds(2));

        assertThat(topUp.status()).isEqualTo(TransactionStatus.PENDING);
        assertThat(api.sleeps).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(1));
    }

    @Test
    void transactionsSendFiltersAndWalkPages() throws Exception {
        api.json(200, "{\"data\":[{\"transaction_id\":\"TXN-2\",\"type\":\"debit\",\"status\":\"completed\","
                + "\"amount\":3.00}],\"meta\":{\"current_page\":1,\"per_page\":1,\"total\":2,\"has_more\":true}}");
        api.json(200, "{\"data\":[{\"transaction_id\":\"TXN-1\",\"type\":\"credit\",\"status\":\"completed\","
                + "\"amount\":1000.00,\"mpesa_receipt\":\"QJK1\",\"failure_reason\":null,\"balance_before\":3.00,"
                + "\"balance_after\":1003.00}],\"meta\":{\"per_page\":1,\"total\":2,\"has_more\":false,"
                + "\"starting_after\":\"TXN-2\"}}");

        Page<WalletTransaction> page = api.client.wallet().transactions(TransactionListParams.builder()
                .fromDate(LocalDate.of(2025, 10, 1)).toDate(LocalDate.of(2025, 10, 31)).type(TransactionType.CREDIT)
                .status(TransactionStatus.COMPLETED).search("QJK1").perPage(1).build());

        assertThat(api.take().getTarget()).isEqualTo("/api/2/wallet/transactions?from_date=2025-10-01"
                + "&to_date=2025-10-31&type=credit&status=completed&search=QJK1&per_page=1");
        assertThat(page.hasNextPage()).isTrue();
        Page<WalletTransaction> second = page.nextPage();
        assertThat(api.take().getTarget()).endsWith("&search=QJK1&starting_after=TXN-2&per_page=1");
        assertThat(second.data().get(0).type()).isEqualTo(TransactionType.CREDIT);
        assertThat(second.data().get(0).balanceBefore().toPlainString()).isEqualTo("3.00");
        assertThat(second.data().get(0).balanceAfter().toPlainString()).isEqualTo("1003.00");
        assertThat(second.hasNextPage()).isFalse();
    }

    @Test
    void transactionsAllIteratesEveryPageByCursor() throws Exception {
        api.json(200, "{\"data\":[{\"transaction_id\":\"A\"},{\"transaction_id\":\"B\"}],"
                + "\"meta\":{\"current_page\":1,\"per_page\":2,\"total\":3,\"has_more\":true}}");
        api.json(200, "{\"data\":[{\"transaction_id\":\"C\"}],\"meta\":{\"per_page\":2,\"total\":3,\"has_more\":false}}");

        List<String> ids = new ArrayList<>();
        api.client.wallet().transactionsAll(TransactionListParams.none()).forEach(t -> ids.add(t.transactionId()));

        assertThat(ids).containsExactly("A", "B", "C");
        assertThat(api.take().getTarget()).isEqualTo("/api/2/wallet/transactions");
        assertThat(api.take().getTarget()).isEqualTo("/api/2/wallet/transactions?starting_after=B");
    }

    @Test
    void downloadsTransactionsAsCsvToTheStream() throws Exception {
        String csv = "transaction_id,type,amount\nTXN-1,credit,1000.00\n";
        api.server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/csv").body(csv).build());
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        long bytes = api.client.wallet().downloadTransactionsCsv(TransactionListParams.builder()
                .type(TransactionType.CREDIT).page(3).build(), out);

        RecordedRequest r = api.take();
        assertThat(r.getHeaders().get("Accept")).isEqualTo("text/csv");
        assertThat(r.getTarget()).isEqualTo("/api/2/wallet/transactions?type=credit");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(csv);
        assertThat(bytes).isEqualTo(csv.length());
    }

    @Test
    void writesTheCsvToTheStreamAsItArrivesAndDoesNotRetryAfterTheFirstByte() {
        String csv = "transaction_id,type,amount\n" + "TXN-1,credit,1000.00\n".repeat(2000);
        // the server sends half of the body, then closes the connection
        api.server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/csv").body(csv)
                .onResponseBody(new SocketEffect.CloseSocket(true, false, false)).build());
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        assertThatThrownBy(() -> api.client.wallet().downloadTransactionsCsv(TransactionListParams.builder().build(),
                out)).isInstanceOf(ConnectionException.class).hasMessageContaining("failed after " + out.size() + " bytes");

        // what had arrived is already the caller's: the body was copied as it came, not read whole first
        assertThat(out.size()).isPositive().isLessThan(csv.length());
        assertThat(csv).startsWith(out.toString(StandardCharsets.UTF_8));
        assertThat(api.server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void manualTopUpPostsAmountReferenceAndNote() throws Exception {
        api.json(202, "{\"status\":\"pending\",\"transaction_id\":\"TXN-7\",\"amount\":5000.00,"
                + "\"reference\":\"bank slip 123\"}");

        ManualTopUpResult result = api.client.wallet().manualTopUp(ManualTopUpParams.builder()
                .amount(new BigDecimal("5000.00")).reference("bank slip 123").note("October").build());

        RecordedRequest r = api.take();
        assertThat(r.getTarget()).isEqualTo("/api/2/wallet/topup/manual");
        assertThat(r.getHeaders().get("Idempotency-Key")).isNotBlank();
        assertThat(MockApi.body(r)).isEqualTo("{\"amount\":5000.00,\"reference\":\"bank slip 123\",\"note\":\"October\"}");
        assertThat(result.transactionId()).isEqualTo("TXN-7");
    }
}
