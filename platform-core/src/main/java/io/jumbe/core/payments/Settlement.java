package io.jumbe.core.payments;

import static io.jumbe.core.store.Rows.instant;

import io.jumbe.core.common.Json;
import io.jumbe.core.common.Money;
import io.jumbe.core.events.EventStore;
import io.jumbe.core.events.EventTypes;
import io.jumbe.core.wallet.Ledger;
import io.jumbe.core.wallet.Posting;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Keeps top-ups in their own table ({@code topups}) and settles them: credits them exactly once or fails them, with
 * their {@code topup.*} event, inside the caller's transaction. Every change is conditional on the row's current
 * state, so a second caller (a duplicate callback, the reconciliation job racing a callback) changes nothing. The
 * journal only ever receives the credit, inserted through the {@link Ledger}; a failure never touches it.
 */
final class Settlement {
    static final String COLUMNS = "id, tenant_id, amount_cents, status, payment_method, phone_number, reference, "
            + "description, checkout_request_id, merchant_request_id, mpesa_receipt, failure_reason, late_credit, "
            + "credit_id, created_by, resolved_by, created_at, completed_at";
    private final Ledger ledger;
    private final EventStore events;
    private final Clock clock;

    Settlement(Ledger ledger, EventStore events, Clock clock) {
        this.ledger = ledger;
        this.events = events;
        this.clock = clock;
    }

    /** How a credit attempt ended. */
    enum Credit { CREDITED, CREDITED_LATE, ALREADY_SETTLED }

    /** Records a top-up that waits for the payer (an STK Push, a manual request); returns its {@code TXN-…} id. */
    String insertPending(Handle h, long tenantId, Money amount, Posting posting, String phoneNumber) {
        String id = ledger.newTransactionId();
        h.createUpdate("INSERT INTO topups (id, tenant_id, amount_cents, status, payment_method, phone_number, "
                        + "reference, description, metadata, created_by, created_at) VALUES (:id, :tenantId, :amount, "
                        + "'pending', :method, :phone, :reference, :description, :metadata, :createdBy, :now)")
                .bind("id", id).bind("tenantId", tenantId).bind("amount", amount.cents())
                .bind("method", posting.paymentMethod()).bind("phone", phoneNumber)
                .bind("reference", posting.reference()).bind("description", posting.description())
                .bind("metadata", posting.metadata().isEmpty() ? null : Json.write(posting.metadata()))
                .bind("createdBy", posting.createdBy()).bind("now", clock.instant())
                .execute();
        return id;
    }

    /** Records the ids Daraja gave the push. */
    void recordCheckout(Handle h, String id, String checkoutRequestId, String merchantRequestId) {
        h.createUpdate("UPDATE topups SET checkout_request_id = :c, merchant_request_id = :m WHERE id = :id")
                .bind("c", checkoutRequestId).bind("m", merchantRequestId).bind("id", id).execute();
    }

    Optional<Topup> byId(Handle h, String id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM topups WHERE id = :id")
                .bind("id", id).map((rs, ctx) -> map(rs)).findOne();
    }

    Optional<Topup> byCheckout(Handle h, String checkoutRequestId) {
        return h.createQuery("SELECT " + COLUMNS + " FROM topups WHERE checkout_request_id = :c")
                .bind("c", checkoutRequestId).map((rs, ctx) -> map(rs)).findOne();
    }

    /**
     * Credits the top-up once. With a receipt, the receipt is written first under {@code mpesa_receipt IS NULL}:
     * the unique constraint refuses a receipt another top-up already holds (the caller's transaction then fails
     * with a unique violation), and a top-up that already has its receipt is a duplicate. The money moves only
     * after the top-up's conditional move to {@code completed}. A top-up we had marked failed or cancelled is
     * credited all the same (the customer paid) and flagged late: it keeps its failure, and the credit is a new
     * journal entry of its own.
     *
     * @param receipt the callback's {@code MpesaReceiptNumber}, or null when STK Query (which has none) resolved it
     */
    Credit credit(Handle h, Topup topup, String receipt, String cause) {
        return credit(h, topup, receipt, cause, true);
    }

    /** As {@link #credit(Handle, Topup, String, String)}; with {@code allowLate} false only a pending top-up is credited. */
    Credit credit(Handle h, Topup topup, String receipt, String cause, boolean allowLate) {
        if (receipt != null) {
            int set = h.createUpdate("UPDATE topups SET mpesa_receipt = :r WHERE id = :id AND mpesa_receipt IS NULL")
                    .bind("r", receipt).bind("id", topup.transactionId()).execute();
            if (set == 0) {
                return Credit.ALREADY_SETTLED;
            }
        }
        // we hold the row's lock after the update above; read the status it has now, not the one we saw before
        String status = h.createQuery("SELECT status FROM topups WHERE id = :id")
                .bind("id", topup.transactionId()).mapTo(String.class).one();
        boolean settledAlready = allowLate
                ? !status.equals("pending") && !status.equals("failed") && !status.equals("cancelled")
                : !status.equals("pending");
        if (settledAlready) {
            return Credit.ALREADY_SETTLED;
        }
        boolean late = !status.equals("pending");
        String creditId = late ? ledger.newTransactionId() : topup.transactionId();
        Instant now = clock.instant();
        int moved = h.createUpdate("UPDATE topups SET status = 'completed', completed_at = :now, late_credit = :late "
                        + "WHERE id = :id AND status = :from")
                .bind("now", now).bind("late", late).bind("id", topup.transactionId()).bind("from", status).execute();
        if (moved == 0) {
            return Credit.ALREADY_SETTLED;
        }
        String description = late ? lateDescription(topup, status) : topup.note();
        Posting posting = Posting.of(cause, description).withPaymentMethod(topup.paymentMethod())
                .withReference(topup.reference()).withCreatedBy(topup.createdBy());
        ledger.creditPayment(h, topup.tenantId(), topup.amount(), posting, new Ledger.Payment(creditId,
                topup.phoneNumber(), topup.checkoutRequestId(), topup.merchantRequestId(), receipt,
                late ? now : topup.createdAt()));
        // the entry exists now (credit_id references it)
        h.createUpdate("UPDATE topups SET credit_id = :credit WHERE id = :id")
                .bind("credit", creditId).bind("id", topup.transactionId()).execute();
        event(h, topup, EventTypes.TOPUP_COMPLETED, receipt, null);
        return late ? Credit.CREDITED_LATE : Credit.CREDITED;
    }

    private static String lateDescription(Topup topup, String failedAs) {
        String what = topup.note() == null ? "Top-up" : topup.note();
        return truncate(what + " " + topup.transactionId() + ", paid after it was marked " + failedAs);
    }

    /** Moves a pending top-up to {@code failed} or {@code cancelled} with its reason; false when it was not pending. */
    boolean fail(Handle h, Topup topup, String status, String reason, String resolvedBy) {
        int changed = h.createUpdate("UPDATE topups SET status = :status, failed_status = :status, "
                        + "failure_reason = :reason, failed_at = :now, resolved_by = :by "
                        + "WHERE id = :id AND status = 'pending'")
                .bind("status", status).bind("reason", truncate(reason)).bind("now", clock.instant())
                .bind("by", resolvedBy).bind("id", topup.transactionId()).execute();
        if (changed == 0) {
            return false;
        }
        event(h, topup, EventTypes.TOPUP_FAILED, null, reason);
        return true;
    }

    /** Records the admin who settled a manual request. */
    void resolvedBy(Handle h, String id, String admin) {
        h.createUpdate("UPDATE topups SET resolved_by = :by WHERE id = :id").bind("by", admin).bind("id", id).execute();
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
                rs.getString("merchant_request_id"), rs.getString("mpesa_receipt"), rs.getString("failure_reason"),
                rs.getBoolean("late_credit"), rs.getString("credit_id"), rs.getString("created_by"),
                rs.getString("resolved_by"), instant(rs, "created_at"), instant(rs, "completed_at"));
    }


    static String truncate(String s) {
        return s == null || s.length() <= 500 ? s : s.substring(0, 500);
    }
}
