package io.jumbe.core.tenant;

import static io.jumbe.core.store.Rows.instant;

import io.jumbe.core.common.Money;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * How a tenant is read: its row with its sender ids folded in by subqueries, so one statement reads a whole
 * {@link Tenant}. Every authenticated request reads one, so this is on the hot path. Other queries (the API key
 * lookup) join {@code tenants t} and select {@link #COLUMNS} beside their own, aliased columns.
 */
public final class TenantRows {
    /** The select list over {@code tenants t}; the names {@link #map} reads. */
    public static final String COLUMNS = "t.id, t.name, t.email, t.price_per_segment_cents, t.tier, "
            + "t.low_balance_threshold_cents, t.status, t.balance_cents, t.created_at, t.updated_at, t.live_tenant_id, "
            + "(SELECT ARRAY_AGG(s.name ORDER BY s.created_at, s.name) FROM sender_ids s WHERE s.tenant_id = t.id) "
            + "AS sender_names, "
            + "(SELECT MIN(s.name) FROM sender_ids s WHERE s.tenant_id = t.id AND s.is_default = TRUE) AS default_sender";

    private TenantRows() {
    }

    public static Tenant map(ResultSet rs) throws SQLException {
        return new Tenant(rs.getLong("id"), rs.getString("name"), rs.getString("email"), senderNames(rs),
                rs.getString("default_sender"), Money.ofCents(rs.getLong("price_per_segment_cents")),
                Tier.parse(rs.getString("tier")), Money.ofCents(rs.getLong("low_balance_threshold_cents")),
                "active".equals(rs.getString("status")), Money.ofCents(rs.getLong("balance_cents")),
                instant(rs, "created_at"), instant(rs, "updated_at"), clientId(rs), rs.getObject("live_tenant_id") != null,
                "pending".equals(rs.getString("status")));
    }

    private static long clientId(ResultSet rs) throws SQLException {
        long live = rs.getLong("live_tenant_id");
        return rs.wasNull() ? rs.getLong("id") : live;
    }

    private static List<String> senderNames(ResultSet rs) throws SQLException {
        Array array = rs.getArray("sender_names");
        if (array == null) {
            return List.of();
        }
        try {
            Object[] names = (Object[]) array.getArray();
            List<String> out = new ArrayList<>(names.length);
            for (Object name : names) {
                out.add((String) name);
            }
            return List.copyOf(out);
        } finally {
            array.free();
        }
    }
}
