package io.jumbe.core.payments;

import static io.jumbe.core.store.Rows.instant;

import io.jumbe.core.common.Money;
import io.jumbe.core.common.ServiceException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Payment callbacks kept for admins ({@code jumbe admin wallet anomalies}). */
public final class PaymentAnomalies {
    private static final Logger log = LoggerFactory.getLogger(PaymentAnomalies.class);
    private final Jdbi jdbi;
    private final Clock clock;

    public PaymentAnomalies(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** Kinds of anomaly. */
    public static final String UNKNOWN_CHECKOUT = "unknown_checkout";
    public static final String AMOUNT_MISMATCH = "amount_mismatch";
    public static final String MISSING_RECEIPT = "missing_receipt";
    public static final String RECEIPT_REUSED = "receipt_reused";
    public static final String LATE_SUCCESS = "late_success";

    /** A new anomaly, before it is stored. */
    record New(String kind, String checkoutRequestId, String transactionId, Long tenantId, String mpesaReceipt,
               Long amountCents, Long expectedCents, String phoneNumber, String reason, String rawBody) {
    }

    /**
     * Stores an anomaly in its own transaction; a second one of the same kind for the same checkout id (Daraja
     * repeating itself) is dropped by the unique constraint.
     */
    void record(New a) {
        log.warn("M-Pesa payment anomaly {} for CheckoutRequestID {}: {}", a.kind(), a.checkoutRequestId(), a.reason());
        try {
            jdbi.useHandle(h -> h.createUpdate("INSERT INTO payment_anomalies (kind, checkout_request_id, transaction_id, "
                            + "tenant_id, mpesa_receipt, amount_cents, expected_cents, phone_number, reason, raw_body, created_at) "
                            + "VALUES (:kind, :checkout, :txn, :tenant, :receipt, :amount, :expected, :phone, :reason, :raw, :now)")
                    .bind("kind", a.kind()).bind("checkout", a.checkoutRequestId()).bind("txn", a.transactionId())
                    .bind("tenant", a.tenantId()).bind("receipt", a.mpesaReceipt()).bind("amount", a.amountCents())
                    .bind("expected", a.expectedCents()).bind("phone", a.phoneNumber()).bind("reason", truncate(a.reason()))
                    .bind("raw", a.rawBody()).bind("now", clock.instant())
                    .execute());
        } catch (RuntimeException e) {
            if (!Sql.isUniqueViolation(e)) {
                throw e;
            }
        }
    }

    /** Open anomalies (or all with {@code includeResolved}), oldest first. */
    public List<PaymentAnomaly> list(boolean includeResolved) {
        String where = includeResolved ? "" : "WHERE resolved_at IS NULL ";
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM payment_anomalies " + where + "ORDER BY id")
                .map((rs, ctx) -> map(rs)).list());
    }

    /** Marks an anomaly handled. */
    public PaymentAnomaly resolve(long id) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE payment_anomalies SET resolved_at = :now WHERE id = :id AND resolved_at IS NULL")
                .bind("now", clock.instant()).bind("id", id).execute());
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM payment_anomalies WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> map(rs)).findOne()).orElseThrow(() -> ServiceException.notFound("Anomaly " + id));
    }

    private static PaymentAnomaly map(ResultSet rs) throws SQLException {
        return new PaymentAnomaly(rs.getLong("id"), rs.getString("kind"), rs.getString("checkout_request_id"),
                rs.getString("transaction_id"), nullableLong(rs, "tenant_id"), rs.getString("mpesa_receipt"),
                money(rs, "amount_cents"), money(rs, "expected_cents"), rs.getString("phone_number"),
                rs.getString("reason"), rs.getString("raw_body"), instant(rs, "created_at"), instant(rs, "resolved_at"));
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static Money money(ResultSet rs, String column) throws SQLException {
        Long v = nullableLong(rs, column);
        return v == null ? null : Money.ofCents(v);
    }


    private static String truncate(String s) {
        return s == null || s.length() <= 500 ? s : s.substring(0, 500);
    }
}
