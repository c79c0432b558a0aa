package io.jumbe.core.wallet;

import static io.jumbe.core.store.Rows.instant;

import io.jumbe.core.common.ListPage;
import io.jumbe.core.common.Money;
import io.jumbe.core.common.PageRequest;
import io.jumbe.core.store.NewestFirst;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * Reads of the wallet's history as the tenant sees it: every journal entry, and every top-up that has no credit in
 * the journal in its own name (pending, failed or cancelled; a late payment's failed attempt shows as failed beside
 * the credit that came later). Journal writes go through {@link Ledger} only, top-ups through payments.
 */
public final class WalletTransactions {
    static final String COLUMNS = "id, tenant_id, type, amount_cents, status, payment_method, phone_number, reference, "
            + "description, checkout_request_id, merchant_request_id, mpesa_receipt, refund_for, failure_reason, metadata, "
            + "balance_before_cents, balance_after_cents, created_by, created_at, completed_at";
    /**
     * The history as one table: the journal (a top-up's credit takes the receipt its top-up has by now, since a
     * callback may bring it after STK Query settled the top-up), and the top-ups not credited under their own id.
     */
    private static final String HISTORY = "(SELECT w.id, w.tenant_id, w.type, w.amount_cents, w.status, "
            + "w.payment_method, w.phone_number, w.reference, w.description, w.checkout_request_id, "
            + "w.merchant_request_id, COALESCE(w.mpesa_receipt, t.mpesa_receipt) AS mpesa_receipt, w.refund_for, "
            + "w.failure_reason, w.metadata, w.balance_before_cents, w.balance_after_cents, w.created_by, w.created_at, "
            + "w.completed_at FROM wallet_transactions w LEFT JOIN topups t ON t.credit_id = w.id "
            + "UNION ALL "
            + "SELECT t.id, t.tenant_id, 'credit', t.amount_cents, COALESCE(t.failed_status, t.status), "
            + "t.payment_method, t.phone_number, t.reference, t.description, t.checkout_request_id, "
            + "t.merchant_request_id, CAST(NULL AS VARCHAR(32)), CAST(NULL AS VARCHAR(64)), t.failure_reason, t.metadata, "
            + "CAST(NULL AS BIGINT), CAST(NULL AS BIGINT), t.created_by, t.created_at, "
            + "CAST(NULL AS TIMESTAMP WITH TIME ZONE) FROM topups t WHERE t.credit_id IS NULL OR t.credit_id <> t.id"
            + ") history ";
    private static final NewestFirst<WalletTransaction> LIST = new NewestFirst<>(COLUMNS, HISTORY,
            "tenant_id", (rs, ctx) -> map(rs));
    private final Jdbi jdbi;

    public WalletTransactions(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Optional<WalletTransaction> find(long tenantId, String id) {
        return jdbi.withHandle(h -> find(h, tenantId, id));
    }

    public Optional<WalletTransaction> find(Handle h, long tenantId, String id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM " + HISTORY + "WHERE id = :id AND tenant_id = :tenantId")
                .bind("id", id).bind("tenantId", tenantId).map((rs, ctx) -> map(rs)).findOne();
    }

    /**
     * A page of the tenant's entries, newest first: numbered, or the page after an entry ({@code starting_after}).
     *
     * @param tenantId the tenant
     * @param filter   time range, type, status, search
     * @param page     which page
     * @return the page and the total matching
     */
    public ListPage<WalletTransaction> page(long tenantId, TransactionFilter filter, PageRequest page) {
        return jdbi.withHandle(h -> LIST.page(h, tenantId, conditions(filter), q -> bind(q, tenantId, filter), page));
    }

    /** One numbered page of entries, newest first. */
    public List<WalletTransaction> page(long tenantId, TransactionFilter filter, int page, int perPage) {
        return page(tenantId, filter, PageRequest.page(page, perPage)).items();
    }

    /** How many entries match. */
    public long count(long tenantId, TransactionFilter filter) {
        return jdbi.withHandle(h -> {
            Query q = h.createQuery("SELECT COUNT(*) FROM " + HISTORY + where(filter));
            bind(q, tenantId, filter);
            return q.mapTo(Long.class).one();
        });
    }

    /** Streams every matching entry, oldest first, without holding them all in memory (for CSV export). */
    public void forEach(long tenantId, TransactionFilter filter, Consumer<WalletTransaction> sink) {
        jdbi.useHandle(h -> h.inTransaction(tx -> {
            Query q = tx.createQuery("SELECT " + COLUMNS + " FROM " + HISTORY + where(filter)
                    + " ORDER BY created_at, id");
            bind(q, tenantId, filter);
            q.setFetchSize(500);
            try (var rows = q.map((rs, ctx) -> map(rs)).stream()) {
                rows.forEach(sink);
            }
            return null;
        }));
    }

    private static String where(TransactionFilter f) {
        return "WHERE " + conditions(f);
    }

    private static String conditions(TransactionFilter f) {
        List<String> parts = new ArrayList<>();
        parts.add("tenant_id = :tenantId");
        if (f.from() != null) {
            parts.add("created_at >= :from");
        }
        if (f.to() != null) {
            parts.add("created_at < :to");
        }
        if (f.type() != null) {
            parts.add("type = :type");
        }
        if (f.status() != null) {
            parts.add("status = :status");
        }
        if (f.search() != null) {
            parts.add("(id = :search OR mpesa_receipt = :search OR checkout_request_id = :search OR reference = :search)");
        }
        return String.join(" AND ", parts);
    }

    private static void bind(Query q, long tenantId, TransactionFilter f) {
        q.bind("tenantId", tenantId);
        if (f.from() != null) {
            q.bind("from", f.from());
        }
        if (f.to() != null) {
            q.bind("to", f.to());
        }
        if (f.type() != null) {
            q.bind("type", f.type());
        }
        if (f.status() != null) {
            q.bind("status", f.status());
        }
        if (f.search() != null) {
            q.bind("search", f.search());
        }
    }

    static WalletTransaction map(ResultSet rs) throws SQLException {
        return new WalletTransaction(rs.getString("id"), rs.getLong("tenant_id"), rs.getString("type"),
                Money.ofCents(rs.getLong("amount_cents")), rs.getString("status"), rs.getString("payment_method"),
                rs.getString("phone_number"), rs.getString("reference"), rs.getString("description"),
                rs.getString("checkout_request_id"), rs.getString("merchant_request_id"), rs.getString("mpesa_receipt"),
                rs.getString("refund_for"), rs.getString("failure_reason"), rs.getString("metadata"),
                money(rs, "balance_before_cents"), money(rs, "balance_after_cents"), rs.getString("created_by"),
                instant(rs, "created_at"), instant(rs, "completed_at"));
    }

    private static Money money(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Money.ofCents(v);
    }
}
