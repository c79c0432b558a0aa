package io.jumbe.sdk.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jumbe.sdk.MockApi;
import io.jumbe.sdk.Page;
import io.jumbe.sdk.RequestOptions;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SmsServiceTest {
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
    void sendPostsOneRecipientWithKeyAndIdempotencyKeyAndParsesTheAnswer() throws Exception {
        api.json(202, "{\"status\":\"queued\",\"message_id\":\"MSG-01H\",\"recipient\":\"254712345678\","
                + "\"segments\":1,\"encoding\":\"GSM-7\",\"cost\":1.00,\"balance\":1049.00}");

        SmsSendResult result = api.client.sms().send(SendSmsParams.builder().recipient("0712345678")
                .message("Hello").sender("FALLEY-MED").reference("order-7")
                .scheduleAt(Instant.parse("2030-01-01T08:00:00Z")).build());

        RecordedRequest r = api.take();
        assertThat(r.getMethod()).isEqualTo("POST");
        assertThat(r.getTarget()).isEqualTo("/api/2/sms/send");
        assertThat(r.getHeaders().get("X-API-Key")).isEqualTo(MockApi.KEY);
        assertThat(r.getHeaders().get("Idempotency-Key")).isNotBlank();
        assertThat(r.getHeaders().get("Content-Type")).startsWith("application/json");
        assertThat(MockApi.body(r)).isEqualTo("{\"recipient\":\"0712345678\",\"message\":\"Hello\",\"sender\":"
                + "\"FALLEY-MED\",\"schedule_at\":\"2030-01-01T08:00:00Z\",\"reference\":\"order-7\"}");
        assertThat(result.status()).isEqualTo(MessageStatus.QUEUED);
        assertThat(result.messageId()).isEqualTo("MSG-01H");
        assertThat(result.encoding()).isEqualTo(Encoding.GSM_7);
        assertThat(result.cost()).isEqualTo(new BigDecimal("1.00"));
        assertThat(result.balance().toPlainString()).isEqualTo("1049.00");
    }

    @Test
    void sendUsesTheCallersIdempotencyKey() throws Exception {
        api.json(202, "{\"status\":\"queued\",\"message_id\":\"MSG-1\",\"segments\":1}");
        api.client.sms().send(SendSmsParams.builder().recipient("0712345678").message("Hi").build(),
                RequestOptions.idempotencyKey("order-42"));
        assertThat(api.take().getHeaders().get("Idempotency-Key")).isEqualTo("order-42");
    }

    @Test
    void sendBulkPostsRecipientsAndParsesMessagesAndRejections() throws Exception {
        api.json(202, "{\"status\":\"queued\",\"batch_id\":\"BATCH-9\",\"messages\":[{\"message_id\":\"MSG-1\","
                + "\"recipient\":\"254712345678\",\"segments\":2,\"cost\":2.00},{\"message_id\":\"MSG-2\","
                + "\"recipient\":\"254712345679\",\"segments\":2,\"cost\":2.00}],\"total_cost\":4.00,"
                + "\"encoding\":\"GSM-7\",\"balance\":96.00,\"rejected\":[{\"recipient\":\"12\",\"code\":\"invalid_recipient\","
                + "\"reason\":\"not a Kenyan mobile number\"}]}");

        BulkSendResult result = api.client.sms().sendBulk(BulkSendSmsParams.builder()
                .recipients(List.of("0712345678", "0712345679", "12")).message("Clinic closed Monday").build());

        RecordedRequest r = api.take();
        assertThat(r.getTarget()).isEqualTo("/api/2/sms/send");
        assertThat(MockApi.body(r)).isEqualTo("{\"recipients\":[\"0712345678\",\"0712345679\",\"12\"],"
                + "\"message\":\"Clinic closed Monday\"}");
        assertThat(result.batchId()).isEqualTo("BATCH-9");
        assertThat(result.messages()).extracting(QueuedMessage::messageId).containsExactly("MSG-1", "MSG-2");
        assertThat(result.totalCost()).isEqualTo(new BigDecimal("4.00"));
        assertThat(result.encoding()).isEqualTo(Encoding.GSM_7);
        assertThat(result.rejected()).containsExactly(new RejectedRecipient("12", "invalid_recipient",
                "not a Kenyan mobile number"));
    }

    @Test
    void sendBulkReadsTheSingleShapeWhenDuplicatesLeftOneRecipient() {
        api.json(202, "{\"status\":\"queued\",\"message_id\":\"MSG-1\",\"recipient\":\"254712345678\","
                + "\"segments\":1,\"encoding\":\"GSM-7\",\"cost\":1.00,\"balance\":9.00}");

        BulkSendResult result = api.client.sms().sendBulk(BulkSendSmsParams.builder()
                .recipients(List.of("0712345678", "+254712345678")).message("x").build());

        assertThat(result.messages()).containsExactly(new QueuedMessage("MSG-1", "254712345678", 1,
                new BigDecimal("1.00")));
        assertThat(result.totalCost()).isEqualTo(new BigDecimal("1.00"));
    }

    @Test
    void quotePostsToQuoteAndParsesPricing() throws Exception {
        api.json(200, "{\"segments\":2,\"encoding\":\"UCS-2\",\"characters\":90,\"recipients\":3,"
                + "\"cost_per_recipient\":2.00,\"total_cost\":6.00,\"balance\":5.00,\"sufficient_balance\":false,"
                + "\"rejected\":[]}");

        SmsQuote quote = api.client.sms().quote(BulkSendSmsParams.builder()
                .recipients(List.of("0712345678", "0712345679", "0712345670")).message("Habari 😀").build());

        RecordedRequest r = api.take();
        assertThat(r.getMethod()).isEqualTo("POST");
        assertThat(r.getTarget()).isEqualTo("/api/2/sms/quote");
        assertThat(quote.encoding()).isEqualTo(Encoding.UCS_2);
        assertThat(quote.totalCost()).isEqualTo(new BigDecimal("6.00"));
        assertThat(quote.sufficientBalance()).isFalse();
        assertThat(quote.rejected()).isEmpty();
    }

    @Test
    void statusGetsTheMessageByIdAndParsesEveryStep() throws Exception {
        api.json(200, "{\"message_id\":\"MSG-1\",\"recipient\":\"254712345678\",\"status\":\"delivered\","
                + "\"upstream_status\":\"DELIVRD\",\"segments\":1,\"cost\":1.00,\"refunded\":false,"
                + "\"reference\":\"r1\",\"created_at\":\"2025-10-09T14:35:00Z\",\"sent_at\":\"2025-10-09T14:35:02Z\","
                + "\"delivered_at\":\"2025-10-09T14:35:09Z\"}");

        SmsMessage m = api.client.sms().status("MSG-1");

        RecordedRequest r = api.take();
        assertThat(r.getMethod()).isEqualTo("GET");
        assertThat(r.getTarget()).isEqualTo("/api/2/sms/status/MSG-1");
        assertThat(r.getHeaders().get("Idempotency-Key")).isNull();
        assertThat(m.status()).isEqualTo(MessageStatus.DELIVERED);
        assertThat(m.deliveredAt()).isEqualTo(Instant.parse("2025-10-09T14:35:09Z"));
        assertThat(m.refunded()).isFalse();
    }

    @Test
    void statusEncodesTheIdAsOnePathSegment() throws Exception {
        api.json(200, "{\"message_id\":\"a/b\",\"segments\":1,\"refunded\":false}");
        api.client.sms().status("a/b");
        assertThat(api.take().getTarget()).isEqualTo("/api/2/sms/status/a%2Fb");
    }

    @Test
    void historySendsFiltersAndIteratesPagesLazily() throws Exception {
        api.json(200, "{\"data\":[" + message("MSG-1") + "," + message("MSG-2") + "],"
                + "\"meta\":{\"current_page\":1,\"per_page\":2,\"total\":3,\"has_more\":true}}");
        api.json(200, "{\"data\":[" + message("MSG-3") + "],\"meta\":{\"per_page\":2,\"total\":3,\"has_more\":false,"
                + "\"starting_after\":\"MSG-2\"}}");

        Page<SmsMessage> first = api.client.sms().history(SmsHistoryParams.builder().status(MessageStatus.FAILED)
                .recipient("254712345678").reference("r").from(LocalDate.of(2025, 10, 1)).to(LocalDate.of(2025, 10, 31))
                .perPage(2).build());

        assertThat(api.take().getTarget()).isEqualTo("/api/2/sms/history?status=failed&recipient=254712345678"
                + "&reference=r&from=2025-10-01&to=2025-10-31&per_page=2");
        assertThat(api.server.getRequestCount()).isEqualTo(1);
        List<String> ids = new ArrayList<>();
        for (SmsMessage m : first.autoPagingIterable()) {
            ids.add(m.messageId());
        }
        assertThat(ids).containsExactly("MSG-1", "MSG-2", "MSG-3");
        assertThat(api.take().getTarget()).as("the next page by cursor, with the same filter")
                .isEqualTo("/api/2/sms/history?status=failed&recipient=254712345678"
                        + "&reference=r&from=2025-10-01&to=2025-10-31&starting_after=MSG-2&per_page=2");
        assertThat(api.server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void statisticsSendsTheRangeAndParsesCounts() throws Exception {
        api.json(200, "{\"from\":\"2025-10-01\",\"to\":\"2025-10-31\",\"total\":10,"
                + "\"by_status\":{\"delivered\":8,\"failed\":2},\"segments\":12,\"cost\":12.00,\"refunded\":2.00}");

        SmsStatistics stats = api.client.sms().statistics(SmsStatisticsParams.between(LocalDate.of(2025, 10, 1),
                LocalDate.of(2025, 10, 31)));

        assertThat(api.take().getTarget()).isEqualTo("/api/2/sms/statistics?from=2025-10-01&to=2025-10-31");
        assertThat(stats.byStatus()).containsEntry("delivered", 8L);
        assertThat(stats.cost()).isEqualTo(new BigDecimal("12.00"));
        assertThat(stats.refunded()).isEqualTo(new BigDecimal("2.00"));
    }

    @Test
    void aSendStatusThisSdkDoesNotKnowIsUnknownRatherThanAFailure() {
        api.json(202, "{\"status\":\"teleported\",\"message_id\":\"MSG-1\",\"segments\":1}");

        SmsSendResult result = api.client.sms().send(SendSmsParams.builder().recipient("0712345678").message("Hi")
                .build());

        assertThat(result.status()).isEqualTo(MessageStatus.UNKNOWN);
    }

    @Test
    void theOverviewReadsTodayAndThisMonthIntoTheirOwnShape() throws Exception {
        String range = "{\"from\":\"2025-10-09T00:00:00Z\",\"to\":\"2025-10-09T14:00:00Z\",\"total\":%d,"
                + "\"by_status\":{\"delivered\":%d},\"segments\":%d,\"cost\":1.00,\"refunded\":0.00}";
        api.json(200, "{\"today\":" + String.format(range, 1, 1, 1) + ",\"this_month\":"
                + String.format(range, 12, 10, 14) + "}");

        SmsStatisticsOverview overview = api.client.sms().statisticsOverview();

        assertThat(api.take().getTarget()).isEqualTo("/api/2/sms/statistics");
        assertThat(overview.today().total()).isEqualTo(1);
        assertThat(overview.thisMonth().total()).isEqualTo(12);
        assertThat(overview.thisMonth().segments()).isEqualTo(14);
        assertThat(overview.thisMonth().byStatus()).containsEntry("delivered", 10L);
    }

    @Test
    void aRangeNeedsAtLeastOneEnd() {
        assertThatThrownBy(() -> SmsStatisticsParams.between((LocalDate) null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("statisticsOverview");
    }

    @Test
    void historyStartsAfterTheGivenCursor() throws Exception {
        api.json(200, "{\"data\":[],\"meta\":{\"per_page\":20,\"total\":3,\"has_more\":false,"
                + "\"starting_after\":\"MSG-3\"}}");

        Page<SmsMessage> page = api.client.sms().history(SmsHistoryParams.builder().startingAfter("MSG-3").build());

        assertThat(api.take().getTarget()).isEqualTo("/api/2/sms/history?starting_after=MSG-3");
        assertThat(page.hasNextPage()).isFalse();
        assertThat(page.meta().startingAfter()).isEqualTo("MSG-3");
    }

    @Test
    void aPageNumberAndACursorCannotBeCombined() {
        assertThatThrownBy(() -> SmsHistoryParams.builder().page(2).startingAfter("MSG-3").build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SmsHistoryParams.builder().startingAfter(" ").build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void cancelDeletesTheMessage() throws Exception {
        api.json(200, "{\"message_id\":\"MSG-1\",\"status\":\"cancelled\",\"segments\":1,\"refunded\":true}");

        SmsMessage m = api.client.sms().cancel("MSG-1");

        RecordedRequest r = api.take();
        assertThat(r.getMethod()).isEqualTo("DELETE");
        assertThat(r.getTarget()).isEqualTo("/api/2/sms/MSG-1");
        assertThat(m.status()).isEqualTo(MessageStatus.CANCELLED);
    }

    @Test
    void unknownStatusFallsBackToUnknown() {
        api.json(200, "{\"message_id\":\"MSG-1\",\"status\":\"teleported\",\"encoding\":\"EBCDIC\",\"segments\":1,"
                + "\"refunded\":false}");
        SmsMessage m = api.client.sms().status("MSG-1");
        assertThat(m.status()).isEqualTo(MessageStatus.UNKNOWN);
        assertThat(m.encoding()).isEqualTo(Encoding.UNKNOWN);
    }

    @Test
    void buildRejectsMissingRecipientOrMessage() {
        assertThatThrownBy(() -> SendSmsParams.builder().message("x").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("recipient");
        assertThatThrownBy(() -> SendSmsParams.builder().recipient("0712345678").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("message");
        assertThatThrownBy(() -> BulkSendSmsParams.builder().message("x").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("recipient");
        assertThatThrownBy(() -> SendSmsParams.builder().recipient("0712345678").message("x")
                .reference("r".repeat(65)).build()).hasMessageContaining("64");
    }

    private static String message(String id) {
        return "{\"message_id\":\"" + id + "\",\"segments\":1,\"refunded\":false}";
    }
}
