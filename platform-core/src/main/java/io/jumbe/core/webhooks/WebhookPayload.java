package io.jumbe.core.webhooks;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * The JSON body of a delivery:
 * {@code {"event":…,"client_id":2,"timestamp":"2025-10-09T14:35:00Z","sequence":1842,"livemode":true,"data":{…}}}.
 *
 * <p>Fields are always written in that order. Build the bytes once per event and store them: retries and replays
 * must send (and sign) the very same bytes.
 *
 * @param event     the event type, e.g. {@code balance.updated}
 * @param clientId  the tenant id
 * @param timestamp when the event happened; written as ISO-8601 UTC to the second
 * @param sequence  the tenant's event sequence number, rising so receivers can order events
 * @param livemode  false for an event of the tenant's test mode
 * @param data      the event's details, a JSON object
 */
public record WebhookPayload(String event, long clientId, Instant timestamp, long sequence, boolean livemode,
                             JsonNode data) {

    // Immutable once configured and thread-safe; sorted map keys make bodies built from a Map (Map.of iterates in
    // an order that changes between runs) identical every time.
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            // Money keeps its scale: 0.80 stays 0.80 on its way through the tree.
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
            .build();

    /** Checks the fields. */
    public WebhookPayload {
        if (event == null || event.isBlank()) {
            throw new IllegalArgumentException("event is required");
        }
        if (timestamp == null) {
            throw new IllegalArgumentException("timestamp is required");
        }
        if (data == null || !data.isObject()) {
            throw new IllegalArgumentException("data must be a JSON object");
        }
        data = data.deepCopy();
    }

    /**
     * A payload whose data is given as a map; its keys are written in sorted order (nested maps too), values
     * as Jackson writes them ({@code BigDecimal} plainly, {@code Instant} as ISO-8601 text).
     *
     * @param event     the event type
     * @param clientId  the tenant id
     * @param timestamp when the event happened
     * @param sequence  the tenant's event sequence number
     * @param data      the event's details
     * @return the payload
     */
    public static WebhookPayload of(String event, long clientId, Instant timestamp, long sequence, Map<String, ?> data) {
        return of(event, clientId, timestamp, sequence, true, data);
    }

    /** As {@link #of(String, long, Instant, long, Map)}, for an event of the given mode. */
    public static WebhookPayload of(String event, long clientId, Instant timestamp, long sequence, boolean livemode,
                                    Map<String, ?> data) {
        return new WebhookPayload(event, clientId, timestamp, sequence, livemode, MAPPER.valueToTree(data));
    }

    /** A live-mode payload. */
    public WebhookPayload(String event, long clientId, Instant timestamp, long sequence, JsonNode data) {
        this(event, clientId, timestamp, sequence, true, data);
    }

    /** @return a copy of the data */
    @Override
    public JsonNode data() {
        return data.deepCopy();
    }

    /** @return the UTF-8 JSON body to send and sign */
    public byte[] toBytes() {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("event", event);
        root.put("client_id", clientId);
        root.put("timestamp", DateTimeFormatter.ISO_INSTANT.format(timestamp.truncatedTo(ChronoUnit.SECONDS)));
        root.put("sequence", sequence);
        root.put("livemode", livemode);
        root.set("data", data);
        try {
            return MAPPER.writeValueAsBytes(root);
        } catch (JsonProcessingException impossible) {
            // A tree of plain JSON nodes always serialises.
            throw new IllegalStateException(impossible);
        }
    }
}
