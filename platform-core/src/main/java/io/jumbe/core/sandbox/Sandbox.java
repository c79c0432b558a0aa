package io.jumbe.core.sandbox;

import io.jumbe.core.common.Money;
import io.jumbe.core.common.ServiceException;
import io.jumbe.core.tenant.TenantService;
import io.jumbe.core.wallet.Ledger;
import io.jumbe.core.wallet.Posting;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Test mode's reset ({@code POST /api/{client_id}/sandbox/reset} with a test key): the test wallet back to
 * {@link TenantService#TEST_OPENING_BALANCE} and the test data cleared, in one transaction.
 *
 * <p>The journal is append-only, so the balance is restored by one more entry (a credit or a debit of the
 * difference, {@code sandbox_reset}), and past entries stay: {@code ledger verify} holds before and after.
 * Messages (and their waiting dispatch jobs), top-ups, webhook deliveries, stored idempotent answers and usage
 * counters of the test twin are deleted; a simulator callback for a deleted top-up then finds no top-up and is kept
 * as an anomaly, never credited. Nothing of the live tenant is touched, and a live tenant is refused
 * ({@code test_mode_only}) before anything changes.
 */
public final class Sandbox {
    /**
     * Test data deleted by a reset, in an order foreign keys allow: {@code DELETE FROM <table> WHERE <condition>}
     * with {@code :t} the twin's id. Tables added later by other features (contacts, campaigns, …) join this list.
     */
    static final List<String> CLEARED = List.of(
            // a message's dispatch job is keyed by its dispatch_key (a bulk chunk's, all of one tenant) or its own id
            "jobs WHERE status = 'ready' AND dedupe_key IN (SELECT COALESCE(m.dispatch_key, m.id) FROM messages m "
                    + "WHERE m.tenant_id = :t)",
            "webhook_attempts WHERE delivery_id IN (SELECT d.id FROM webhook_deliveries d WHERE d.tenant_id = :t)",
            "webhook_deliveries WHERE tenant_id = :t",
            "messages WHERE tenant_id = :t",
            "inbound_messages WHERE tenant_id = :t",
            "idempotency_keys WHERE tenant_id = :t",
            "topups WHERE tenant_id = :t",
            "usage_daily WHERE tenant_id = :t",
            "inbound_messages WHERE tenant_id = :t",
            "campaign_recipients WHERE campaign_id IN (SELECT c.id FROM campaigns c WHERE c.tenant_id = :t)",
            "campaigns WHERE tenant_id = :t",
            "contacts WHERE tenant_id = :t",
            "contact_groups WHERE tenant_id = :t",
            "opt_outs WHERE tenant_id = :t",
            "contact_imports WHERE tenant_id = :t");

    private final Jdbi jdbi;
    private final Ledger ledger;

    /** What a reset did. */
    public record Reset(Money balance, int messagesCleared) {
    }

    public Sandbox(Jdbi jdbi, Ledger ledger) {
        this.jdbi = jdbi;
        this.ledger = ledger;
    }

    /**
     * Resets a test twin.
     *
     * @param tenantId the tenant the request authenticated as
     * @throws ServiceException {@code test_mode_only} for a live tenant (nothing changed)
     */
    public Reset reset(long tenantId) {
        return jdbi.inTransaction(h -> {
            boolean test = h.createQuery("SELECT live_tenant_id FROM tenants WHERE id = :t").bind("t", tenantId)
                    .map((rs, ctx) -> rs.getObject("live_tenant_id") != null)
                    .findOne().orElseThrow(() -> ServiceException.notFound("Sender " + tenantId));
            if (!test) {
                throw new ServiceException("test_mode_only", "The sandbox can be reset only with a test key "
                        + "(sk_test_…); nothing was changed.");
            }
            // Locks in the order every message change takes them (the message rows, then the tenant row for the
            // event sequence and the balance): a delivery report applied meanwhile waits instead of deadlocking.
            int messages = h.createQuery("SELECT id FROM messages WHERE tenant_id = :t FOR UPDATE").bind("t", tenantId)
                    .mapTo(String.class).list().size();
            Row row = h.createQuery("SELECT balance_cents, live_tenant_id FROM tenants WHERE id = :t FOR UPDATE")
                    .bind("t", tenantId)
                    .map((rs, ctx) -> new Row(rs.getLong("balance_cents"), rs.getObject("live_tenant_id") != null))
                    .one();
            for (String what : CLEARED) {
                h.createUpdate("DELETE FROM " + what).bind("t", tenantId).execute();
            }
            restoreBalance(h, tenantId, row.balanceCents());
            return new Reset(TenantService.TEST_OPENING_BALANCE, messages);
        });
    }

    private void restoreBalance(Handle h, long tenantId, long balanceCents) {
        long difference = TenantService.TEST_OPENING_BALANCE.cents() - balanceCents;
        Posting posting = Posting.of("sandbox_reset", "Test mode reset to KES "
                + TenantService.TEST_OPENING_BALANCE).withReference("sandbox-reset")
                .withCreatedBy("client:reset");
        if (difference > 0) {
            ledger.credit(h, tenantId, Money.ofCents(difference), posting);
        } else if (difference < 0) {
            ledger.debit(h, tenantId, Money.ofCents(-difference), posting)
                    .orElseThrow(() -> new IllegalStateException("a locked balance above the target must cover it"));
        }
    }

    private record Row(long balanceCents, boolean test) {
    }
}
