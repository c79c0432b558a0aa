package io.jumbe.core.payments;

import static io.jumbe.core.store.Rows.instant;

import io.jumbe.core.common.Money;
import io.jumbe.core.events.EventStore;
import io.jumbe.core.events.EventTypes;
import io.jumbe.core.wallet.Ledger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Settles top-ups: credits them exactly once or fails them, with their {@code topup.*} event, inside the caller's
 * transaction. Every change is conditional on the row's current state, so a second caller (a duplicate callback,
 * the reconciliation job racing a callback) changes nothing.
 */
final class Settlement {
    static final String COLUMNS = "id, tenant_id, amount_cents, status, payment_method, phone_number, reference, "
            + "description, checkout_request_id, mpesa_receipt, failure_reason, late_credit, resolved_by, created_at, "
            + "completed_at";
    private final Ledger ledger;
    private final EventStore events;

    Settlement(Ledger ledger, EventStore events) {
        this.ledger = ledger;
        this.events = events;
    }

    /** How a credit attempt ended. */
    enum Credit { CREDITED, CREDITED_LATE, ALREADY_SETTLED }

    Optional<Topup> byId(Handle h, String id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM wallet_transactions WHERE id = :id AND type = 'credit'")
                .bind("id", id).map((rs, ctx) -> map(rs)).findOne();
    }

    Optional<Topup> byCheckout(Handle h, String checkoutRequestId) {
        return h.createQuery("SELECT " + COLUMNS + " FROM wallet_transactions WHERE checkout_request_id = :c "
                        + "AND type = 'credit'")
                .bind("c", checkoutRequestId).map((rs, ctx) -> map(rs)).findOne();
    }

    /**
     * Credits the top-up once. With a receipt, the receipt is written first under {@code mpesa_receipt IS NULL}:
     * the unique constraint refuses a receipt another top-up already holds (the caller's transaction then fails
     * with a unique violation), and a top-up that already has its receipt is a duplicate. The balance moves only
     * through the ledger's conditional status change. A top-up we had marked failed or cancelled is credited all
     * the same (the customer paid) and flagged late.
     *
     * @param receipt the callback's {@code MpesaReceiptNumber}, or null when STK Query (which has none) resolved it
     */
    Credit credit(Handle h, Topup topup, String receipt, String cause) {
        return credit(h, topup, receipt, cause, true);
    }

    /** As {@link #credit(Handle, Topup, String, String)}; with {@code allowLate} false only a pending top-up is credited. */
    Credit credit(Handle h, Topup topup, String receipt, String cause, boolean allowLate) {
        if (receipt != null) {
            int set = h.createUpdate("UPDATE wallet_transactions SET mpesa_receipt = :r WHERE id = :id "
                            + "AND mpesa_receipt IS NULL")
                    .bind("r", receipt).bind("id", topup.transactionId()).execute();
            if (set == 0) {
                return Credit.ALREADY_SETTLED;
            }
        }
        // we hold the row's lock after the update above; read the status it has now, not the one we saw before
        String status = h.createQuery("SELECT status FROM wallet_transactions WHERE id = :id")
                .bind("id", topup.transactionId()).mapTo(String.class).one();
        boolean settledAlready = allowLate
                ? !status.equals("pending") && !status.equals("failed") && !status.equals("cancelled")
                : !status.equals("pending");
        if (settledAlready) {
            return Credit.ALREADY_SETTLED;
        }
        if (ledger.completePendingCredit(h, topup.transactionId(), status, cause).isEmpty()) {
            return Credit.ALREADY_SETTLED;
        }
        boolean late = !status.equals("pending");
        if (late) {
            h.createUpdate("UPDATE wallet_transactions SET late_credit = TRUE, failure_reason = NULL WHERE id = :id")
                    .bind("id", topup.transactionId()).execute();
        }
        event(h, topup, EventTypes.TOPUP_COMPLETED, receipt, null);
        return late ? Credit.CREDITED_LATE : Credit.CREDITED;
    }

    /** Moves a pending top-up to {@code failed} or {@code cancelled} with its reason; false when it was not pending. */
    boolean fail(Handle h, Topup topup, String status, String reason, String resolvedBy) {
        int changed = h.createUpdate("UPDATE wallet_transactions SET status = :status, failure_reason = :reason, "
                        + "resolved_by = :by WHERE id = :id AND status = 'pending'")
                .bind("status", status).bind("reason", truncate(reason)).bind("by", resolvedBy)
                .bind("id", topup.transactionId()).execute();
        if (changed == 0) {
            return false;
        }
        event(h, topup, EventTypes.TOPUP_FAILED, null, reason);
        return true;
    }

    private void event(Handle h, Topup topup, String type, String receipt, String reason) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("transaction_id", topup.transactionId());
        data.put("amount", topup.amount().toDecimal());
        data.put("payment_method", topup.paymentMethod());
        data.put("mpesa_receipt", receipt);
        data.put("phone_number", topup.phoneNumber());
        data.put("failure_reason", reason);
        events.append(h, topup.tenantId(), type, data);
    }

    static Topup map(ResultSet rs) throws SQLException {
        return new Topup(rs.getString("id"), rs.getLong("tenant_id"), rs.getString("status"),
                Money.ofCents(rs.getLong("amount_cents")), rs.getString("payment_method"), rs.getString("phone_number"),
                rs.getString("reference"), rs.getString("description"), rs.getString("checkout_request_id"),
                rs.getString("mpesa_receipt"), rs.getString("failure_reason"), rs.getBoolean("late_credit"),
                rs.getString("resolved_by"), instant(rs, "created_at"), instant(rs, "completed_at"));
    }


    static String truncate(String s) {
        return s == null || s.length() <= 500 ? s : s.substring(0, 500);
    }
}
