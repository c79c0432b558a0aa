package io.jumbe.core.wallet;

import io.jumbe.core.common.Money;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** Recomputes every balance from its journal: balance == credits + refunds - debits, over completed entries. */
public final class LedgerCheck {
    private final Jdbi jdbi;

    public LedgerCheck(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** A tenant whose cached balance differs from what its journal adds up to. */
    public record Mismatch(long tenantId, String name, Money cached, Money journal) {
    }

    public List<Mismatch> verify() {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT t.id, t.name, t.balance_cents,
                               COALESCE(SUM(CASE WHEN w.type = 'debit' THEN -w.amount_cents ELSE w.amount_cents END), 0) AS journal
                        FROM tenants t
                        LEFT JOIN wallet_transactions w ON w.tenant_id = t.id AND w.status = 'completed'
                        GROUP BY t.id, t.name, t.balance_cents
                        HAVING t.balance_cents <> COALESCE(SUM(CASE WHEN w.type = 'debit' THEN -w.amount_cents ELSE w.amount_cents END), 0)
                            OR t.balance_cents < 0
                        ORDER BY t.id""")
                .map((rs, ctx) -> new Mismatch(rs.getLong("id"), rs.getString("name"),
                        Money.ofCents(rs.getLong("balance_cents")), Money.ofCents(rs.getLong("journal"))))
                .list());
    }
}
