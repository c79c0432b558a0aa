package io.jumbe.core.events;

import java.time.Instant;
import java.util.Map;

/** A recorded change: {@code sequence} rises per tenant so receivers can order what they get. */
public record DomainEvent(long id, String eventId, long tenantId, String type, long sequence,
                          Map<String, Object> data, Instant createdAt) {
}
