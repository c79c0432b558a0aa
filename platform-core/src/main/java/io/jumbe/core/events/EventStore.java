package io.jumbe.core.events;

import com.fasterxml.jackson.core.type.TypeReference;
import io.jumbe.core.common.Ids;
import io.jumbe.core.common.Json;
import io.jumbe.core.store.Dialect;
import io.jumbe.core.store.TransactionCache;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Appends domain events inside the caller's transaction, and reads them back for consumers. */
public final class EventStore {
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    private final Jdbi jdbi;
    private final Ids ids;
    private final Clock clock;
    private final Dialect dialect;
    private final List<EventListener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    public EventStore(Jdbi jdbi, Ids ids, Clock clock, Dialect dialect) {
        this.jdbi = jdbi;
        this.ids = ids;
        this.clock = clock;
        this.dialect = dialect;
    }

    /**
     * PostgreSQL: the tenant's next sequence number and the event row in one statement, so the tenant's row (which
     * the sequence lives on) stays locked for one round trip instead of three.
     */
    private static final String APPEND_IN_ONE_STATEMENT = """
            WITH seq AS (
                UPDATE tenants SET event_seq = event_seq + 1 WHERE id = :tenantId RETURNING event_seq, settings_version
            ), event AS (
                INSERT INTO events (event_id, tenant_id, type, sequence, payload, created_at)
                SELECT :eventId, :tenantId, :type, event_seq, :payload, :createdAt FROM seq
                RETURNING id, sequence
            )
            SELECT event.id, event.sequence, seq.settings_version FROM event, seq""";

    /** Takes the tenant's next sequence number and records the event, in the handle's transaction. */
    public DomainEvent append(Handle h, long tenantId, String type, Map<String, Object> data) {
        if (dialect == Dialect.POSTGRES) {
            String eventId = ids.next("EVT");
            Instant now = clock.instant();
            long[] row = h.createQuery(APPEND_IN_ONE_STATEMENT)
                    .bind("eventId", eventId).bind("tenantId", tenantId).bind("type", type)
                    .bind("payload", Json.write(data)).bind("createdAt", now)
                    .map((rs, ctx) -> new long[] {rs.getLong("id"), rs.getLong("sequence"), rs.getLong("settings_version")})
                    .findOne().orElseThrow(() -> noTenant(tenantId));
            sawSettingsVersion(h, tenantId, row[2]);
            return announce(h, new DomainEvent(row[0], eventId, tenantId, type, row[1], data, now));
        }
        long sequence = reserve(h, tenantId, 1);
        return appendWithSequence(h, tenantId, sequence, type, data);
    }

    /**
     * Takes the tenant's next {@code count} sequence numbers (locking its row until the transaction ends) for events
     * the caller then records with {@link #appendWithSequence}; returns the last of them.
     */
    public long reserve(Handle h, long tenantId, int count) {
        long[] row = h.createQuery(dialect.updateReturning("tenants", "SET event_seq = event_seq + :n WHERE id = :id",
                        "event_seq, settings_version"))
                .bind("n", count).bind("id", tenantId)
                .map((rs, ctx) -> new long[] {rs.getLong("event_seq"), rs.getLong("settings_version")})
                .findOne().orElseThrow(() -> noTenant(tenantId));
        sawSettingsVersion(h, tenantId, row[1]);
        return row[0];
    }

    /**
     * Records the tenant's {@code settings_version} as read by a statement that locked the tenant's row in this
     * transaction (taking a sequence number does). Callers that lock the row with their own SQL (the ledger) report
     * it here, so listeners can trust in-memory copies of tenant settings; see {@link #settingsVersion}.
     */
    public void sawSettingsVersion(Handle h, long tenantId, long version) {
        TransactionCache.put(h, new SettingsVersionKey(tenantId), version);
    }

    /**
     * The tenant's settings version as seen under its row lock in this transaction, when an event was appended for
     * it. While that lock is held no setting can change, so a copy read at this version is current.
     */
    public static OptionalLong settingsVersion(Handle h, long tenantId) {
        Optional<Long> version = TransactionCache.get(h, new SettingsVersionKey(tenantId));
        return version.map(OptionalLong::of).orElseGet(OptionalLong::empty);
    }

    private record SettingsVersionKey(long tenantId) {
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

    /** An event to record with {@link #appendAll} or {@link #appendAllByTenant}. */
    public record NewEvent(String type, Map<String, Object> data) {
    }

    /**
     * Records several events for one tenant: one sequence reservation and one INSERT (PostgreSQL; a JDBC batch on
     * H2) instead of a statement per event, and the listeners told once with all of them. Each event gets the next
     * sequence number in list order, exactly as {@link #append} called in that order would give. Callers put this
     * near the end of their transaction: the reservation locks the tenant's row until commit.
     *
     * @return the events, in the order given
     */
    public List<DomainEvent> appendAll(Handle h, long tenantId, List<NewEvent> newEvents) {
        if (newEvents.isEmpty()) {
            return List.of();
        }
        long last = reserve(h, tenantId, newEvents.size());
        return insertAll(h, Map.of(tenantId, newEvents), Map.of(tenantId, last)).get(tenantId);
    }

    /**
     * {@link #appendAll} for several tenants in one transaction (a dispatched batch's {@code message.sent} events,
     * a batch of delivery reports): on PostgreSQL the tenants' rows are locked in the order of their ids (as every
     * transaction that locks several does, so none waits on another in a cycle), their sequences taken in one
     * UPDATE and all the events inserted in one INSERT; on H2, one reservation per tenant in that order. Listeners
     * are told per tenant.
     *
     * @param byTenant the events per tenant, each list in the order its sequence numbers are given
     */
    public void appendAllByTenant(Handle h, Map<Long, List<NewEvent>> byTenant) {
        java.util.SortedMap<Long, List<NewEvent>> sorted = new java.util.TreeMap<>(byTenant);
        sorted.values().removeIf(List::isEmpty);
        if (sorted.isEmpty()) {
            return;
        }
        Map<Long, Long> lastSequence = new java.util.HashMap<>();
        if (dialect != Dialect.POSTGRES || sorted.size() == 1) {
            sorted.forEach((tenantId, list) -> lastSequence.put(tenantId, reserve(h, tenantId, list.size())));
        } else {
            Long[] tenantIds = sorted.keySet().toArray(Long[]::new);
            Integer[] counts = sorted.values().stream().map(List::size).toArray(Integer[]::new);
            h.createQuery("SELECT id FROM tenants WHERE id = ANY(CAST(:ids AS bigint[])) ORDER BY id FOR NO KEY UPDATE")
                    .bindArray("ids", Long.class, (Object[]) tenantIds).mapTo(Long.class).list();
            h.createQuery("UPDATE tenants SET event_seq = event_seq + v.n FROM unnest(CAST(:ids AS bigint[]), "
                            + "CAST(:ns AS int[])) AS v(id, n) WHERE tenants.id = v.id "
                            + "RETURNING tenants.id, tenants.event_seq, tenants.settings_version")
                    .bindArray("ids", Long.class, (Object[]) tenantIds).bindArray("ns", Integer.class, (Object[]) counts)
                    .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)})
                    .forEach(row -> {
                        lastSequence.put(row[0], row[1]);
                        sawSettingsVersion(h, row[0], row[2]);
                    });
        }
        insertAll(h, sorted, lastSequence);
    }

    /** Inserts the events whose sequences were reserved (ending at {@code lastSequence}) and tells the listeners. */
    private Map<Long, List<DomainEvent>> insertAll(Handle h, Map<Long, List<NewEvent>> byTenant,
                                                   Map<Long, Long> lastSequence) {
        Instant now = clock.instant();
        List<String> eventIds = new java.util.ArrayList<>();
        List<Long> tenants = new java.util.ArrayList<>();
        List<Long> sequences = new java.util.ArrayList<>();
        List<String> types = new java.util.ArrayList<>();
        List<String> payloads = new java.util.ArrayList<>();
        byTenant.forEach((tenantId, list) -> {
            Long last = lastSequence.get(tenantId);
            if (last == null) {
                throw noTenant(tenantId);
            }
            long sequence = last - list.size();
            for (NewEvent e : list) {
                eventIds.add(ids.next("EVT"));
                tenants.add(tenantId);
                sequences.add(++sequence);
                types.add(e.type());
                payloads.add(Json.write(e.data()));
            }
        });
        Map<String, Long> idByEvent = new java.util.HashMap<>();
        if (dialect == Dialect.POSTGRES) {
            h.createQuery("INSERT INTO events (event_id, tenant_id, type, sequence, payload, created_at) "
                            + "SELECT e, t, y, s, p, :createdAt FROM unnest(CAST(:eventIds AS varchar[]), "
                            + "CAST(:tenants AS bigint[]), CAST(:types AS varchar[]), CAST(:sequences AS bigint[]), "
                            + "CAST(:payloads AS varchar[])) AS v(e, t, y, s, p) RETURNING id, event_id")
                    .bind("createdAt", now)
                    .bindArray("eventIds", String.class, eventIds.toArray())
                    .bindArray("tenants", Long.class, tenants.toArray())
                    .bindArray("types", String.class, types.toArray())
                    .bindArray("sequences", Long.class, sequences.toArray())
                    .bindArray("payloads", String.class, payloads.toArray())
                    .map((rs, ctx) -> Map.entry(rs.getString(2), rs.getLong(1)))
                    .forEach(e -> idByEvent.put(e.getKey(), e.getValue()));
        } else {
            // H2: a JDBC batch, then the generated ids read back by the unique event ids
            org.jdbi.v3.core.statement.PreparedBatch batch = h.prepareBatch("INSERT INTO events (event_id, tenant_id, "
                    + "type, sequence, payload, created_at) VALUES (:eventId, :tenantId, :type, :sequence, :payload, "
                    + ":createdAt)");
            for (int i = 0; i < eventIds.size(); i++) {
                batch.bind("eventId", eventIds.get(i)).bind("tenantId", tenants.get(i)).bind("type", types.get(i))
                        .bind("sequence", sequences.get(i)).bind("payload", payloads.get(i)).bind("createdAt", now)
                        .add();
            }
            batch.execute();
            h.createQuery("SELECT id, event_id FROM events WHERE event_id IN (<ids>)").bindList("ids", eventIds)
                    .map((rs, ctx) -> Map.entry(rs.getString(2), rs.getLong(1)))
                    .forEach(e -> idByEvent.put(e.getKey(), e.getValue()));
        }
        Map<Long, List<DomainEvent>> out = new java.util.LinkedHashMap<>();
        int i = 0;
        for (Map.Entry<Long, List<NewEvent>> e : byTenant.entrySet()) {
            List<DomainEvent> recorded = new java.util.ArrayList<>(e.getValue().size());
            for (NewEvent n : e.getValue()) {
                recorded.add(new DomainEvent(idByEvent.get(eventIds.get(i)), eventIds.get(i), e.getKey(), n.type(),
                        sequences.get(i), n.data(), now));
                i++;
            }
            for (EventListener listener : listeners) {
                listener.onEvents(h, recorded);
            }
            out.put(e.getKey(), recorded);
        }
        return out;
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

    /**
     * Deletes events older than {@code retention}, {@code batch} at a time, each batch in its own short transaction.
     * Nothing waits on an old event: deliveries and jobs are made from it in the transaction that appends it.
     *
     * @param retention how long events are kept ({@code EVENT_RETENTION})
     * @param batch     events deleted per transaction
     * @return how many events were deleted
     */
    public int purgeOlderThan(Duration retention, int batch) {
        Instant before = clock.instant().minus(retention);
        int total = 0;
        int deleted;
        do {
            // The oldest rows along the primary key (ids grow with time), so no index on created_at is needed and a
            // run with nothing to delete reads one batch; a young row among them ends the run.
            deleted = jdbi.inTransaction(h -> h.createUpdate("DELETE FROM events WHERE id IN (SELECT id FROM "
                            + "(SELECT id, created_at FROM events ORDER BY id LIMIT :limit) oldest "
                            + "WHERE created_at < :before)")
                    .bind("before", before).bind("limit", batch).execute());
            total += deleted;
        } while (deleted == batch);
        return total;
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

    private static IllegalStateException noTenant(long tenantId) {
        return new IllegalStateException("no tenant " + tenantId);
    }
}
