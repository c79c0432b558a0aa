package io.jumbe.core.alerts;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Problems an admin must act on, kept until resolved and shown by {@code jumbe admin status}. */
public final class Alerts {
    private static final Logger log = LoggerFactory.getLogger(Alerts.class);
    private final Jdbi jdbi;
    private final Clock clock;

    public Alerts(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** An open alert. */
    public record Alert(long id, String kind, Long tenantId, String detail, Instant createdAt) {
    }

    /** Raises an alert unless one of the same kind (and tenant) is already open. */
    public void raise(String kind, Long tenantId, String detail) {
        jdbi.useHandle(h -> raise(h, kind, tenantId, detail));
    }

    /** Raises the alert in the caller's transaction, so it stands or falls with the change it reports. */
    public void raise(org.jdbi.v3.core.Handle h, String kind, Long tenantId, String detail) {
        int open = h.createQuery("SELECT COUNT(*) FROM admin_alerts WHERE kind = :kind AND resolved_at IS NULL "
                            + "AND (tenant_id = :t OR (tenant_id IS NULL AND :noTenant))")
                    .bind("kind", kind).bind("t", tenantId == null ? -1L : tenantId).bind("noTenant", tenantId == null)
                    .mapTo(Integer.class).one();
        if (open == 0) {
            log.warn("ALERT {}{}: {}", kind, tenantId == null ? "" : " (sender " + tenantId + ")", detail);
            h.createUpdate("INSERT INTO admin_alerts (kind, tenant_id, detail, created_at) VALUES (:kind, :t, :detail, :now)")
                    .bind("kind", kind).bind("t", tenantId).bind("detail", detail).bind("now", clock.instant()).execute();
        }
    }

    public void resolve(String kind) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE admin_alerts SET resolved_at = :now WHERE kind = :kind AND resolved_at IS NULL")
                .bind("now", clock.instant()).bind("kind", kind).execute());
    }

    public List<Alert> open() {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, kind, tenant_id, detail, created_at FROM admin_alerts "
                        + "WHERE resolved_at IS NULL ORDER BY id")
                .map((rs, ctx) -> new Alert(rs.getLong("id"), rs.getString("kind"),
                        rs.getObject("tenant_id") == null ? null : rs.getLong("tenant_id"), rs.getString("detail"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant()))
                .list());
    }
}
