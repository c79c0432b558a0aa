package io.jumbe.core.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookPayloadTest {

    private static final Instant AT = Instant.parse("2025-10-09T14:35:00Z");

    @Test
    void writesTheEnvelopeFieldsInTheDocumentedOrder() {
        byte[] body = WebhookPayload.of("balance.updated", 2, AT, 1842, Map.of("amount", new BigDecimal("0.80"))).toBytes();

        assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo(
                "{\"event\":\"balance.updated\",\"client_id\":2,\"timestamp\":\"2025-10-09T14:35:00Z\","
                        + "\"sequence\":1842,\"livemode\":true,\"data\":{\"amount\":0.80}}");
    }

    @Test
    void writesMapDataInTheSameOrderWhateverTheMapIterationOrder() {
        Map<String, Object> forwards = new LinkedHashMap<>();
        forwards.put("old_balance", new BigDecimal("100.00"));
        forwards.put("new_balance", new BigDecimal("99.20"));
        forwards.put("cause", "sms");
        Map<String, Object> backwards = new LinkedHashMap<>();
        backwards.put("cause", "sms");
        backwards.put("new_balance", new BigDecimal("99.20"));
        backwards.put("old_balance", new BigDecimal("100.00"));

        assertThat(WebhookPayload.of("balance.updated", 2, AT, 1, forwards).toBytes())
                .isEqualTo(WebhookPayload.of("balance.updated", 2, AT, 1, backwards).toBytes());
    }

    @Test
    void keepsTheOrderOfJsonNodeData() {
        ObjectNode data = new ObjectMapper().createObjectNode().put("message_id", "MSG-1").put("cost", 0.8);

        String body = new String(new WebhookPayload("message.delivered", 2, AT, 7, data).toBytes(), StandardCharsets.UTF_8);

        assertThat(body).endsWith("\"data\":{\"message_id\":\"MSG-1\",\"cost\":0.8}}");
    }

    @Test
    void writesTheTimestampInUtcToTheSecond() {
        byte[] body = WebhookPayload.of("topup.completed", 2, Instant.parse("2025-10-09T14:35:00.987654Z"), 1, Map.of())
                .toBytes();

        assertThat(new String(body, StandardCharsets.UTF_8)).contains("\"timestamp\":\"2025-10-09T14:35:00Z\"");
    }

    @Test
    void writesInstantsInDataAsIsoText() {
        byte[] body = WebhookPayload.of("topup.completed", 2, AT, 1, Map.of("paid_at", AT)).toBytes();

        assertThat(new String(body, StandardCharsets.UTF_8)).contains("\"paid_at\":\"2025-10-09T14:35:00Z\"");
    }

    @Test
    void buildsTheSameBytesEveryTime() {
        WebhookPayload payload = WebhookPayload.of("message.sent", 2, AT, 5, Map.of("a", 1, "b", 2, "c", 3));

        assertThat(payload.toBytes()).isEqualTo(payload.toBytes());
    }

    @Test
    void refusesDataThatIsNotAnObject() {
        assertThatThrownBy(() -> new WebhookPayload("message.sent", 2, AT, 5, new ObjectMapper().createArrayNode()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
