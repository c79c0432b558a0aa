package io.jumbe.core.apikeys;

import static io.jumbe.core.store.Rows.instant;

import io.jumbe.core.common.Ids;
import io.jumbe.core.common.ServiceException;
import io.jumbe.core.tenant.Tenant;
import io.jumbe.core.tenant.TenantModes;
import io.jumbe.core.tenant.TenantRows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Issues, rotates, revokes and checks API keys. Only SHA-256 hashes are stored. */
public final class ApiKeyService {
    private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);
    private static final String COLUMNS = "id, tenant_id, prefix, mode, created_at, expires_at, revoked_at, last_used_at";
    private final Jdbi jdbi;
    private final Ids ids;
    private final Clock clock;
    private final ApiKeyFormat format = new ApiKeyFormat();
    /** Saves a write per request: last-used is recorded at most once a minute per key and instance. */
    private final Map<String, Instant> lastUsedWritten = new ConcurrentHashMap<>();

    public ApiKeyService(Jdbi jdbi, Ids ids, Clock clock) {
        this.jdbi = jdbi;
        this.ids = ids;
        this.clock = clock;
    }

    public IssuedKey create(long tenantId, boolean test) {
        return jdbi.inTransaction(h -> create(h, tenantId, test));
    }

    /**
     * Issues a key in the caller's transaction. A test key belongs to the tenant's test twin and a live key to the
     * live tenant, whichever of the two {@code tenantId} names.
     */
    public IssuedKey create(Handle h, long tenantId, boolean test) {
        tenantId = rowFor(h, tenantId, test);
        String secret = format.generate(test);
        ApiKey key = new ApiKey(ids.next("KEY"), tenantId, ApiKeyFormat.displayPrefix(secret), test ? "test" : "live",
                clock.instant(), null, null, null);
        h.createUpdate("INSERT INTO api_keys (id, tenant_id, prefix, key_hash, mode, created_at) "
                        + "VALUES (:id, :tenantId, :prefix, :hash, :mode, :createdAt)")
                .bind("id", key.id()).bind("tenantId", tenantId).bind("prefix", key.prefix())
                .bind("hash", ApiKeyFormat.hash(secret)).bind("mode", key.mode()).bind("createdAt", key.createdAt())
                .execute();
        return new IssuedKey(key, secret);
    }

    /** The row a key of this mode belongs to: the live tenant or its test twin. */
    private static long rowFor(Handle h, long tenantId, boolean test) {
        return test ? TenantModes.testTwinOf(h, tenantId).orElse(tenantId) : TenantModes.liveOf(h, tenantId);
    }

    /** The keys of a tenant, live and test (those of its test twin). */
    public List<ApiKey> list(long tenantId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM api_keys WHERE tenant_id IN "
                        + "(SELECT x.id FROM tenants x WHERE x.id = :t OR x.live_tenant_id = :t) ORDER BY created_at")
                .bind("t", tenantId).map((rs, ctx) -> map(rs)).list());
    }

    /**
     * A new key; every key of the tenant still valid keeps working for {@code grace}, then stops, so a tenant can
     * deploy the new key without downtime.
     */
    public IssuedKey rotate(long tenantId, Duration grace, boolean test) {
        if (grace.isNegative()) {
            throw ServiceException.validation("grace", "must not be negative");
        }
        return jdbi.inTransaction(h -> {
            Instant now = clock.instant();
            Instant until = now.plus(grace);
            // only the keys of the mode rotated: a new test key leaves live keys alone
            long row = rowFor(h, tenantId, test);
            h.createUpdate("UPDATE api_keys SET expires_at = :until WHERE tenant_id = :t AND revoked_at IS NULL "
                            + "AND (expires_at IS NULL OR expires_at > :until)")
                    .bind("until", until).bind("t", row).execute();
            return create(h, row, test);
        });
    }

    /** Revokes the key whose display prefix (e.g. {@code sk_live_AbCd1234}) or id is given. */
    public ApiKey revoke(String prefixOrId) {
        return jdbi.inTransaction(h -> {
            int changed = h.createUpdate("UPDATE api_keys SET revoked_at = :now WHERE (prefix = :p OR id = :p) "
                            + "AND revoked_at IS NULL")
                    .bind("now", clock.instant()).bind("p", prefixOrId).execute();
            Optional<ApiKey> key = h.createQuery("SELECT " + COLUMNS + " FROM api_keys WHERE prefix = :p OR id = :p")
                    .bind("p", prefixOrId).map((rs, ctx) -> map(rs)).findOne();
            if (key.isEmpty()) {
                throw ServiceException.notFound("API key " + prefixOrId);
            }
            if (changed == 0 && key.get().revokedAt() == null) {
                throw ServiceException.notFound("API key " + prefixOrId);
            }
            return key.get();
        });
    }

    /**
     * The principal for a presented key, or empty for a missing, malformed, unknown, expired or revoked key —
     * callers answer all of these the same way so nothing can be learned from the difference.
     */
    public Optional<Principal> authenticate(String presented) {
        return authenticateWithTenant(presented).map(Authenticated::principal);
    }

    /**
     * Checks a presented key and reads its tenant in the same statement: what every API request needs first.
     * Empty for a malformed, unknown, revoked or expired key, all alike.
     */
    public Optional<Authenticated> authenticateWithTenant(String presented) {
        if (!ApiKeyFormat.looksValid(presented)) {
            return Optional.empty();
        }
        String hash = ApiKeyFormat.hash(presented);
        Instant now = clock.instant();
        Optional<KeyRow> row = jdbi.withHandle(h -> h.createQuery("SELECT k.id AS key_id, k.key_hash, k.mode AS key_mode, "
                        + "k.expires_at AS key_expires_at, k.revoked_at AS key_revoked_at, " + TenantRows.COLUMNS
                        + " FROM api_keys k JOIN tenants t ON t.id = k.tenant_id WHERE k.key_hash = :hash")
                .bind("hash", hash)
                .map((rs, ctx) -> new KeyRow(rs.getString("key_id"), rs.getString("key_hash"), rs.getString("key_mode"),
                        instant(rs, "key_expires_at"), instant(rs, "key_revoked_at"), TenantRows.map(rs)))
                .findOne());
        if (row.isEmpty()) {
            return Optional.empty();
        }
        KeyRow r = row.get();
        // The lookup was by hash already; compare again in constant time so no timing path depends on the secret.
        if (!java.security.MessageDigest.isEqual(hash.getBytes(), r.hash().getBytes())) {
            return Optional.empty();
        }
        if (r.revokedAt() != null || (r.expiresAt() != null && !r.expiresAt().isAfter(now))) {
            return Optional.empty();
        }
        touch(r.keyId(), now);
        return Optional.of(new Authenticated(new Principal(r.tenant().id(), r.keyId(), r.mode()), r.tenant()));
    }

    private record KeyRow(String keyId, String hash, String mode, Instant expiresAt, Instant revokedAt, Tenant tenant) {
    }

    private void touch(String keyId, Instant now) {
        Instant last = lastUsedWritten.get(keyId);
        if (last != null && last.plus(LAST_USED_RESOLUTION).isAfter(now)) {
            return;
        }
        lastUsedWritten.put(keyId, now);
        jdbi.useHandle(h -> h.createUpdate("UPDATE api_keys SET last_used_at = :now WHERE id = :id")
                .bind("now", now).bind("id", keyId).execute());
    }

    private static ApiKey map(ResultSet rs) throws SQLException {
        return new ApiKey(rs.getString("id"), rs.getLong("tenant_id"), rs.getString("prefix"), rs.getString("mode"),
                instant(rs, "created_at"), instant(rs, "expires_at"), instant(rs, "revoked_at"),
                instant(rs, "last_used_at"));
    }
}
