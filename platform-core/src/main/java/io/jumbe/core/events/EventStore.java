package io.jumbe.core.events;

import com.fasterxml.jackson.core.type.TypeReference;
import io.jumbe.core.common.Ids;
import io.jumbe.core.common.Json;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Appends domain events inside the caller's transaction, and reads them back for consumers. */
public final class EventStore {
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    private final Jdbi jdbi;
    private final Ids ids;
    private final Clock clock;
    private final List<EventListener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    public EventStore(Jdbi jdbi, Ids ids, Clock clock) {
        this.jdbi = jdbi;
        this.ids = ids;
        this.clock = clock;
    }

    /** Takes the tenant's next sequence number and records the event, in the handle's transaction. */
    public DomainEvent append(Handle h, long tenantId, String type, Map<String, Object> data) {
        long sequence = h.createUpdate("UPDATE tenants SET event_seq = event_seq + 1 WHERE id = :id")
                .bind("id", tenantId).execute() == 1
                ? h.createQuery("SELECT event_seq FROM tenants WHERE id = :id").bind("id", tenantId)
                        .mapTo(Long.class).one()
                : failNoTenant(tenantId);
        return appendWithSequence(h, tenantId, sequence, type, data);
    }

    /** Records an event whose sequence the caller already took (the ledger takes it with the balance update). */
    public DomainEvent appendWithSequence(Handle h, long tenantId, long sequence, String type, Map<String, Object> data) {
        String eventId = ids.next("EVT");
        Instant now = clock.instant();
        long id = h.createUpdate("INSERT INTO events (event_id, tenant_id, type, sequence, payload, created_at) "
                        + "VALUES (:eventId, :tenantId, :type, :sequence, :payload, :createdAt)")
                .bind("eventId", eventId).bind("tenantId", tenantId).bind("type", type)
                .bind("sequence", sequence).bind("payload", Json.write(data)).bind("createdAt", now)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        return announce(h, new DomainEvent(id, eventId, tenantId, type, sequence, data, now));
    }

    /**
     * Tells the listeners about an event the caller inserted itself (the ledger writes its balance event in the
     * same statement as the balance change on PostgreSQL). Same transaction, same guarantees as {@link #append}.
     */
    public DomainEvent announce(Handle h, DomainEvent event) {
        for (EventListener listener : listeners) {
            listener.onEvent(h, event);
        }
        return event;
    }

    /** A new event id, for callers that insert the event row themselves. */
    public String newEventId() {
        return ids.next("EVT");
    }

    /** Registers a listener called in the transaction of every event appended from now on. */
    public void addListener(EventListener listener) {
        listeners.add(listener);
    }

    /** Events after a global position, oldest first: how consumers (webhooks, mail) follow the stream. */
    public List<DomainEvent> after(long afterId, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, event_id, tenant_id, type, sequence, payload, created_at "
                        + "FROM events WHERE id > :after ORDER BY id LIMIT :limit")
                .bind("after", afterId).bind("limit", limit)
                .map((rs, ctx) -> new DomainEvent(rs.getLong("id"), rs.getString("event_id"), rs.getLong("tenant_id"),
                        rs.getString("type"), rs.getLong("sequence"), parse(rs.getString("payload")),
                        rs.getObject("created_at", java.time.OffsetDateTime.class).toInstant()))
                .list());
    }

    /** A tenant's events of one type, newest first (for tests and the admin CLI). */
    public List<DomainEvent> forTenant(long tenantId, String type, int limit) {
        String typeFilter = type == null ? "" : "AND type = :type ";
        return jdbi.withHandle(h -> h.createQuery("SELECT id, event_id, tenant_id, type, sequence, payload, created_at "
                        + "FROM events WHERE tenant_id = :tenantId " + typeFilter + "ORDER BY id DESC LIMIT :limit")
                .bind("tenantId", tenantId).bind("type", type).bind("limit", limit)
                .map((rs, ctx) -> new DomainEvent(rs.getLong("id"), rs.getString("event_id"), rs.getLong("tenant_id"),
                        rs.getString("type"), rs.getLong("sequence"), parse(rs.getString("payload")),
                        rs.getObject("created_at", java.time.OffsetDateTime.class).toInstant()))
                .list());
    }

    private static Map<String, Object> parse(String payload) {
        try {
            return Json.mapper().readValue(payload, MAP);
        } catch (Exception e) {
            throw new IllegalStateException("unreadable event payload", e);
        }
    }

    private static long failNoTenant(long tenantId) {
        throw new IllegalStateException("no tenant " + tenantId);
    }
}
