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

    /** An event to record with {@link #appendAllByTenant}. */
    public record NewEvent(String type, Map<String, Object> data) {
    }

    /**
     * Records several tenants' events in one transaction (a dispatched batch's {@code message.sent} events, a batch of
     * delivery reports): each event gets its tenant's next sequence number in list order, exactly as {@link #append}
     * called in that order would give. Callers put this near the end of their transaction: it locks the tenants' rows
     * until commit. On PostgreSQL one statement ({@link #APPEND_ALL_IN_ONE_STATEMENT}) locks the tenants' rows in the
     * order of their ids (as every transaction that locks several does, so none waits on another in a cycle), takes
     * their sequences and inserts every event, one round trip where it took three. On H2, one reservation per tenant in
     * that order, then a batch insert. Listeners are told per tenant.
     *
     * @param byTenant the events per tenant, each list in the order its sequence numbers are given
     */
    public void appendAllByTenant(Handle h, Map<Long, List<NewEvent>> byTenant) {
        java.util.SortedMap<Long, List<NewEvent>> sorted = new java.util.TreeMap<>(byTenant);
        sorted.values().removeIf(List::isEmpty);
        if (sorted.isEmpty()) {
            return;
        }
        if (dialect == Dialect.POSTGRES) {
            appendAllInOneStatement(h, sorted);
            return;
        }
        Map<Long, Long> lastSequence = new java.util.HashMap<>();
        sorted.forEach((tenantId, list) -> lastSequence.put(tenantId, reserve(h, tenantId, list.size())));
        insertAll(h, sorted, lastSequence);
    }

    /**
     * PostgreSQL: lock the tenants' rows in id order (a materialised CTE, so the locks are taken by one scan in that
     * order before any row is changed), add each tenant's event count to its sequence, and insert the events with
     * their sequences counted back from the tenant's new last one ({@code r}: how many of its events follow this
     * one), in the order given ({@code o}).
     */
    private static final String APPEND_ALL_IN_ONE_STATEMENT = """
            WITH locked AS MATERIALIZED (
                SELECT id FROM tenants WHERE id = ANY(CAST(:ids AS bigint[])) ORDER BY id FOR NO KEY UPDATE
            ), seq AS (
                UPDATE tenants SET event_seq = tenants.event_seq + v.n
                FROM unnest(CAST(:ids AS bigint[]), CAST(:ns AS int[])) AS v(id, n), locked
                WHERE tenants.id = v.id AND locked.id = v.id
                RETURNING tenants.id, tenants.event_seq, tenants.settings_version
            ), event AS (
                INSERT INTO events (event_id, tenant_id, type, sequence, payload, created_at)
                SELECT e.e, e.t, e.y, seq.event_seq - e.r, e.p, :createdAt
                FROM unnest(CAST(:eventIds AS varchar[]), CAST(:tenants AS bigint[]), CAST(:types AS varchar[]),
                    CAST(:rest AS int[]), CAST(:payloads AS varchar[])) WITH ORDINALITY AS e(e, t, y, r, p, o)
                JOIN seq ON seq.id = e.t
                ORDER BY e.o
                RETURNING id, event_id, tenant_id, sequence
            )
            SELECT event.id, event.event_id, event.sequence, seq.id AS tenant_id, seq.settings_version
            FROM seq LEFT JOIN event ON event.tenant_id = seq.id""";

    private void appendAllInOneStatement(Handle h, java.util.SortedMap<Long, List<NewEvent>> byTenant) {
        Instant now = clock.instant();
        int total = byTenant.values().stream().mapToInt(List::size).sum();
        String[] eventIds = new String[total];
        Long[] tenants = new Long[total];
        String[] types = new String[total];
        Integer[] rest = new Integer[total];
        String[] payloads = new String[total];
        int i = 0;
        for (Map.Entry<Long, List<NewEvent>> e : byTenant.entrySet()) {
            int size = e.getValue().size();
            for (int k = 0; k < size; k++, i++) {
                NewEvent n = e.getValue().get(k);
                eventIds[i] = ids.next("EVT");
                tenants[i] = e.getKey();
                types[i] = n.type();
                rest[i] = size - 1 - k;
                payloads[i] = Json.write(n.data());
            }
        }
        Map<String, long[]> idAndSequence = new java.util.HashMap<>();
        java.util.Set<Long> tenantsFound = new java.util.HashSet<>();
        h.createQuery(APPEND_ALL_IN_ONE_STATEMENT)
                .bindArray("ids", Long.class, byTenant.keySet().toArray())
                .bindArray("ns", Integer.class, byTenant.values().stream().map(List::size).toArray())
                .bindArray("eventIds", String.class, (Object[]) eventIds)
                .bindArray("tenants", Long.class, (Object[]) tenants)
                .bindArray("types", String.class, (Object[]) types)
                .bindArray("rest", Integer.class, (Object[]) rest)
                .bindArray("payloads", String.class, (Object[]) payloads)
                .bind("createdAt", now)
                .map((rs, ctx) -> {
                    long tenantId = rs.getLong("tenant_id");
                    if (tenantsFound.add(tenantId)) {
                        sawSettingsVersion(h, tenantId, rs.getLong("settings_version"));
                    }
                    return Map.entry(rs.getString("event_id"), new long[] {rs.getLong("id"), rs.getLong("sequence")});
                })
                .forEach(e -> idAndSequence.put(e.getKey(), e.getValue()));
        for (Long tenantId : byTenant.keySet()) {
            if (!tenantsFound.contains(tenantId)) {
                throw noTenant(tenantId);
            }
        }
        i = 0;
        for (Map.Entry<Long, List<NewEvent>> e : byTenant.entrySet()) {
            List<DomainEvent> recorded = new java.util.ArrayList<>(e.getValue().size());
            for (NewEvent n : e.getValue()) {
                long[] row = idAndSequence.get(eventIds[i]);
                recorded.add(new DomainEvent(row[0], eventIds[i], e.getKey(), n.type(), row[1], n.data(), now));
                i++;
            }
            tell(h, recorded);
        }
    }

    private void tell(Handle h, List<DomainEvent> recorded) {
        for (EventListener listener : listeners) {
            listener.onEvents(h, recorded);
        }
    }

    /** H2: inserts the events whose sequences were reserved (ending at {@code lastSequence}) and tells the listeners. */
    private void insertAll(Handle h, Map<Long, List<NewEvent>> byTenant, Map<Long, Long> lastSequence) {
        Instant now = clock.instant();
        List<String> eventIds = new java.util.ArrayList<>();
        List<Long> sequences = new java.util.ArrayList<>();
        // a JDBC batch, then the generated ids read back by the unique event ids
        org.jdbi.v3.core.statement.PreparedBatch batch = h.prepareBatch("INSERT INTO events (event_id, tenant_id, "
                + "type, sequence, payload, created_at) VALUES (:eventId, :tenantId, :type, :sequence, :payload, "
                + ":createdAt)");
        byTenant.forEach((tenantId, list) -> {
            long sequence = lastSequence.get(tenantId) - list.size();
            for (NewEvent e : list) {
                String eventId = ids.next("EVT");
                eventIds.add(eventId);
                sequences.add(++sequence);
                batch.bind("eventId", eventId).bind("tenantId", tenantId).bind("type", e.type())
                        .bind("sequence", sequence).bind("payload", Json.write(e.data())).bind("createdAt", now).add();
            }
        });
        batch.execute();
        Map<String, Long> idByEvent = new java.util.HashMap<>();
        h.createQuery("SELECT id, event_id FROM events WHERE event_id IN (<ids>)").bindList("ids", eventIds)
                .map((rs, ctx) -> Map.entry(rs.getString(2), rs.getLong(1)))
                .forEach(e -> idByEvent.put(e.getKey(), e.getValue()));
        int i = 0;
        for (Map.Entry<Long, List<NewEvent>> e : byTenant.entrySet()) {
            List<DomainEvent> recorded = new java.util.ArrayList<>(e.getValue().size());
            for (NewEvent n : e.getValue()) {
                recorded.add(new DomainEvent(idByEvent.get(eventIds.get(i)), eventIds.get(i), e.getKey(), n.type(),
                        sequences.get(i), n.data(), now));
                i++;
            }
            tell(h, recorded);
        }
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
