package io.jumbe.core.tenant;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Which mode a tenant id acts in, for code that holds only an id (dispatch, webhook bodies, top-ups): whether it
 * is a test twin, and the client id it answers on. A row's twin-ness never changes, so answers are kept in memory.
 */
public final class TenantModes {
    private final Jdbi jdbi;
    private final Map<Long, Mode> known = new ConcurrentHashMap<>();

    /**
     * @param clientId the id tenants see in their URLs and webhook bodies (the live tenant's id)
     * @param test     true for a test twin
     */
    public record Mode(long clientId, boolean test) {
        public boolean live() {
            return !test;
        }
    }

    public TenantModes(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The mode of a tenant id; an unknown id is treated as live (it has no twin to be). */
    public Mode of(long tenantId) {
        Mode mode = known.get(tenantId);
        if (mode != null) {
            return mode;
        }
        Optional<Mode> read = jdbi.withHandle(h -> read(h, tenantId));
        read.ifPresent(m -> known.put(tenantId, m));
        return read.orElse(new Mode(tenantId, false));
    }

    /** As {@link #of(long)}, read in the caller's transaction when not known yet. */
    public Mode of(Handle h, long tenantId) {
        Mode mode = known.get(tenantId);
        if (mode != null) {
            return mode;
        }
        Optional<Mode> read = read(h, tenantId);
        read.ifPresent(m -> known.put(tenantId, m));
        return read.orElse(new Mode(tenantId, false));
    }

    /** True when this tenant id is a test twin: its traffic reaches only simulators. */
    public boolean isTest(long tenantId) {
        return of(tenantId).test();
    }

    /** The test twin of a live tenant (the twin's own id is returned as is); empty for an unknown id. */
    public Optional<Long> testTwinOf(long tenantId) {
        return jdbi.withHandle(h -> testTwinOf(h, tenantId));
    }

    /** As {@link #testTwinOf(long)}, in the caller's transaction. */
    public static Optional<Long> testTwinOf(Handle h, long tenantId) {
        return h.createQuery("SELECT CASE WHEN t.live_tenant_id IS NOT NULL THEN t.id "
                        + "ELSE (SELECT tw.id FROM tenants tw WHERE tw.live_tenant_id = t.id) END FROM tenants t "
                        + "WHERE t.id = :id")
                .bind("id", tenantId).mapTo(Long.class).findOne();
    }

    /** The live tenant of a twin (a live tenant's own id is returned as is). */
    public static long liveOf(Handle h, long tenantId) {
        return h.createQuery("SELECT COALESCE(live_tenant_id, id) FROM tenants WHERE id = :id").bind("id", tenantId)
                .mapTo(Long.class).findOne().orElse(tenantId);
    }

    private static Optional<Mode> read(Handle h, long tenantId) {
        return h.createQuery("SELECT id, live_tenant_id FROM tenants WHERE id = :id").bind("id", tenantId)
                .map((rs, ctx) -> {
                    long live = rs.getLong("live_tenant_id");
                    return rs.wasNull() ? new Mode(rs.getLong("id"), false) : new Mode(live, true);
                }).findOne();
    }
}
