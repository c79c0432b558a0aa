package io.jumbe.core.wallet;

import io.jumbe.core.common.Ids;
import io.jumbe.core.common.Json;
import io.jumbe.core.common.Money;
import io.jumbe.core.events.DomainEvent;
import io.jumbe.core.events.EventStore;
import io.jumbe.core.events.EventTypes;
import io.jumbe.core.store.Dialect;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The only code that changes a balance. Every change is one conditional UPDATE of the cached balance, the
 * journal entry that explains it and its {@code balance.updated} event, all in the caller's transaction: no
 * read-then-write, so concurrent debits can never take a balance below zero.
 */
public final class Ledger {
    private final Ids ids;
    private final Clock clock;
    private final Dialect dialect;
    private final EventStore events;

    public Ledger(Ids ids, Clock clock, Dialect dialect, EventStore events) {
        this.ids = ids;
        this.clock = clock;
        this.dialect = dialect;
        this.events = events;
    }

    /** Takes {@code amount} if the balance covers it; empty (and nothing changed) when it does not. */
    public Optional<BalanceChange> debit(Handle h, long tenantId, Money amount, Posting posting) {
        requirePositive(amount);
        if (dialect == Dialect.POSTGRES) {
            return postInOneStatement(h, tenantId, "debit", amount, posting, null);
        }
        return move(h, tenantId, -amount.cents(), true)
                .map(moved -> journal(h, tenantId, "debit", amount, posting, null, moved));
    }

    public BalanceChange credit(Handle h, long tenantId, Money amount, Posting posting) {
        requirePositive(amount);
        if (dialect == Dialect.POSTGRES) {
            return postInOneStatement(h, tenantId, "credit", amount, posting, null).orElseThrow();
        }
        Moved moved = move(h, tenantId, amount.cents(), false).orElseThrow();
        return journal(h, tenantId, "credit", amount, posting, null, moved);
    }

    /**
     * Returns a charge. {@code refundFor} (a message id, say) is unique in the journal, so a second refund of the
     * same thing fails the transaction instead of paying twice; callers check {@link #isRefunded} first.
     */
    public BalanceChange refund(Handle h, long tenantId, Money amount, String refundFor, Posting posting) {
        requirePositive(amount);
        if (dialect == Dialect.POSTGRES) {
            return postInOneStatement(h, tenantId, "refund", amount, posting, refundFor).orElseThrow();
        }
        Moved moved = move(h, tenantId, amount.cents(), false).orElseThrow();
        return journal(h, tenantId, "refund", amount, posting, refundFor, moved);
    }

    /**
     * PostgreSQL: the balance change, its journal entry and its event in ONE statement (data-modifying CTEs), so
     * the tenant's row is locked for a single round trip. The event payload is built in SQL from the new balance.
     */
    private static final String ONE_STATEMENT = """
            WITH moved AS (
                UPDATE tenants SET balance_cents = balance_cents + :delta, event_seq = event_seq + 1, updated_at = :now
                WHERE id = :tenantId AND (:conditional = FALSE OR balance_cents >= :amount)
                RETURNING balance_cents, event_seq, settings_version
            ), journal AS (
                INSERT INTO wallet_transactions (id, tenant_id, type, amount_cents, status, payment_method, reference,
                    description, refund_for, metadata, balance_before_cents, balance_after_cents, created_by, created_at,
                    completed_at)
                SELECT :txnId, :tenantId, :type, :amount, 'completed', :method, :reference, :description, :refundFor,
                    :metadata, balance_cents - :delta, balance_cents, :createdBy, :now, :now FROM moved
            ), event AS (
                INSERT INTO events (event_id, tenant_id, type, sequence, payload, created_at)
                SELECT :eventId, :tenantId, 'balance.updated', event_seq, json_build_object(
                    'old_balance', round((balance_cents - :delta)::numeric / 100, 2),
                    'new_balance', round(balance_cents::numeric / 100, 2),
                    'amount', round(:delta::numeric / 100, 2),
                    'cause', :cause, 'transaction_id', :txnId, 'currency', 'KES')::text, :now FROM moved
                RETURNING id
            )
            SELECT moved.balance_cents, moved.event_seq, moved.settings_version, event.id AS event_row FROM moved, event""";

    private Optional<BalanceChange> postInOneStatement(Handle h, long tenantId, String type, Money amount,
                                                       Posting posting, String refundFor) {
        long delta = "debit".equals(type) ? -amount.cents() : amount.cents();
        String txnId = ids.next("TXN");
        String eventId = events.newEventId();
        Instant now = clock.instant();
        Optional<long[]> row = h.createQuery(ONE_STATEMENT)
                .bind("delta", delta).bind("now", now).bind("tenantId", tenantId)
                .bind("conditional", "debit".equals(type)).bind("amount", amount.cents())
                .bind("txnId", txnId).bind("type", type).bind("method", posting.paymentMethod())
                .bind("reference", posting.reference()).bind("description", posting.description())
                .bind("refundFor", refundFor)
                .bind("metadata", posting.metadata().isEmpty() ? null : Json.write(posting.metadata()))
                .bind("createdBy", posting.createdBy()).bind("eventId", eventId).bind("cause", posting.cause())
                .map((rs, ctx) -> new long[] {rs.getLong("balance_cents"), rs.getLong("event_seq"), rs.getLong("event_row"),
                        rs.getLong("settings_version")})
                .findOne();
        return row.map(r -> {
            BalanceChange change = new BalanceChange(txnId, tenantId, type, amount, Money.ofCents(r[0] - delta),
                    Money.ofCents(r[0]));
            events.sawSettingsVersion(h, tenantId, r[3]);
            events.announce(h, new DomainEvent(r[2], eventId, tenantId,
                    EventTypes.BALANCE_UPDATED, r[1], balanceEventData(change, posting.cause()), now));
            return change;
        });
    }

    public boolean isRefunded(Handle h, String refundFor) {
        return h.createQuery("SELECT COUNT(*) FROM wallet_transactions WHERE refund_for = :r")
                .bind("r", refundFor).mapTo(Integer.class).one() > 0;
    }

    /** A new journal id; top-ups take theirs from here so that the credit that settles one can carry the same id. */
    public String newTransactionId() {
        return ids.next("TXN");
    }

    /**
     * What the credit of a payment (a top-up) carries into the journal besides its posting.
     *
     * @param transactionId     the entry's id: the top-up's own when paid in time, a fresh one for a late payment
     * @param phoneNumber       the paying phone, or null
     * @param checkoutRequestId Daraja's id, unique in the journal too: one credit per STK Push, ever
     * @param merchantRequestId Daraja's other id, or null
     * @param mpesaReceipt      the receipt when known at credit time, or null
     * @param createdAt         when the entry is dated (the top-up's request time when paid in time)
     */
    public record Payment(String transactionId, String phoneNumber, String checkoutRequestId, String merchantRequestId,
                          String mpesaReceipt, Instant createdAt) {
    }

    /**
     * Credits a settled payment: the balance change and its journal entry, inserted once, in the caller's
     * transaction. The caller (payments) has already moved its own record from pending under a condition, so this
     * runs once per payment; the journal's unique checkout id and receipt would refuse a second one anyway.
     */
    public BalanceChange creditPayment(Handle h, long tenantId, Money amount, Posting posting, Payment payment) {
        requirePositive(amount);
        Moved moved = move(h, tenantId, amount.cents(), false).orElseThrow();
        return journal(h, tenantId, "credit", amount, posting, null, payment, moved);
    }

    private record Moved(long before, long after, long sequence, long settingsVersion) {
    }

    private Optional<Moved> move(Handle h, long tenantId, long delta, boolean conditional) {
        String guard = conditional ? " AND balance_cents >= :needed" : "";
        return h.createQuery(dialect.updateReturning("tenants",
                        "SET balance_cents = balance_cents + :delta, event_seq = event_seq + 1, updated_at = :now "
                                + "WHERE id = :id" + guard, "balance_cents, event_seq, settings_version"))
                .bind("delta", delta).bind("now", clock.instant()).bind("id", tenantId).bind("needed", -delta)
                .map((rs, ctx) -> new Moved(rs.getLong("balance_cents") - delta, rs.getLong("balance_cents"),
                        rs.getLong("event_seq"), rs.getLong("settings_version")))
                .findOne()
                .map(moved -> {
                    events.sawSettingsVersion(h, tenantId, moved.settingsVersion());
                    return moved;
                });
    }

    private BalanceChange journal(Handle h, long tenantId, String type, Money amount, Posting posting,
                                  String refundFor, Moved moved) {
        return journal(h, tenantId, type, amount, posting, refundFor, null, moved);
    }

    private BalanceChange journal(Handle h, long tenantId, String type, Money amount, Posting posting,
                                  String refundFor, Payment payment, Moved moved) {
        String id = payment == null ? ids.next("TXN") : payment.transactionId();
        Instant now = clock.instant();
        h.createUpdate("INSERT INTO wallet_transactions (id, tenant_id, type, amount_cents, status, payment_method, "
                        + "phone_number, reference, description, checkout_request_id, merchant_request_id, mpesa_receipt, "
                        + "refund_for, metadata, balance_before_cents, balance_after_cents, created_by, created_at, "
                        + "completed_at) VALUES (:id, :tenantId, :type, :amount, 'completed', :method, :phone, :reference, "
                        + ":description, :checkout, :merchant, :receipt, :refundFor, :metadata, :before, :after, :createdBy, "
                        + ":createdAt, :now)")
                .bind("phone", payment == null ? null : payment.phoneNumber())
                .bind("checkout", payment == null ? null : payment.checkoutRequestId())
                .bind("merchant", payment == null ? null : payment.merchantRequestId())
                .bind("receipt", payment == null ? null : payment.mpesaReceipt())
                .bind("createdAt", payment == null || payment.createdAt() == null ? now : payment.createdAt())
                .bind("id", id).bind("tenantId", tenantId).bind("type", type).bind("amount", amount.cents())
                .bind("method", posting.paymentMethod()).bind("reference", posting.reference())
                .bind("description", posting.description()).bind("refundFor", refundFor)
                .bind("metadata", posting.metadata().isEmpty() ? null : Json.write(posting.metadata()))
                .bind("before", moved.before()).bind("after", moved.after())
                .bind("createdBy", posting.createdBy()).bind("now", now)
                .execute();
        BalanceChange change = new BalanceChange(id, tenantId, type, amount, Money.ofCents(moved.before()),
                Money.ofCents(moved.after()));
        balanceEvent(h, tenantId, moved.sequence(), change, posting.cause());
        return change;
    }

    private void balanceEvent(Handle h, long tenantId, long sequence, BalanceChange change, String cause) {
        events.appendWithSequence(h, tenantId, sequence, EventTypes.BALANCE_UPDATED, balanceEventData(change, cause));
    }

    private static Map<String, Object> balanceEventData(BalanceChange change, String cause) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("old_balance", change.before().toDecimal());
        data.put("new_balance", change.after().toDecimal());
        data.put("amount", ("debit".equals(change.type()) ? change.amount().times(-1) : change.amount()).toDecimal());
        data.put("cause", cause);
        data.put("transaction_id", change.transactionId());
        data.put("currency", "KES");
        return data;
    }

    private static void requirePositive(Money amount) {
        if (amount.cents() <= 0) {
            throw new IllegalArgumentException("ledger amounts are positive; the entry type gives the direction");
        }
    }
}
