package io.jumbe.core.payments;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.jumbe.core.common.FieldError;
import io.jumbe.core.common.Json;
import io.jumbe.core.common.Money;
import io.jumbe.core.common.ServiceException;
import io.jumbe.core.common.TextRules;
import io.jumbe.core.events.EventStore;
import io.jumbe.core.idempotency.IdempotencyService;
import io.jumbe.core.jobs.JobHandler;
import io.jumbe.core.jobs.JobQueue;
import io.jumbe.core.jobs.NewJob;
import io.jumbe.core.payments.mpesa.DarajaException;
import io.jumbe.core.payments.mpesa.DarajaUnavailableException;
import io.jumbe.core.payments.mpesa.PaymentGateway;
import io.jumbe.core.payments.mpesa.StkCallback;
import io.jumbe.core.payments.mpesa.StkPushRequest;
import io.jumbe.core.payments.mpesa.StkPushResult;
import io.jumbe.core.payments.mpesa.StkQueryResult;
import io.jumbe.core.phone.PhoneNumbers;
import io.jumbe.core.store.HeldCallbacks;
import io.jumbe.core.tenant.TenantModes;
import io.jumbe.core.tenant.TenantService;
import io.jumbe.core.wallet.Ledger;
import io.jumbe.core.wallet.Posting;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wallet top-ups: M-Pesa STK Push with callbacks credited exactly once and reconciliation by STK Query, and manual
 * top-up requests that an admin approves or rejects.
 *
 * <p>Money safety rests on the database, not on reads: the top-up row (in {@code topups}, not the journal) carries
 * the unique {@code CheckoutRequestID}, the callback's receipt goes into the unique {@code mpesa_receipt} column,
 * and the balance moves only after the top-up's conditional status change, as one journal entry inserted once.
 * A duplicate, concurrent or late callback therefore changes nothing twice. A top-up resolved by STK Query alone
 * (its callback never came) is credited keyed by its CheckoutRequestID with the receipt left empty, since the query
 * answer carries none; a callback that turns up later fills in the receipt and credits nothing.
 *
 * <p>Daraja may call back before we have recorded the CheckoutRequestID its push answer gave us. Such a callback is
 * held ({@link HeldCallbacks}) and applied once the id is committed; one that no top-up claims within
 * {@code MPESA_PENDING_EXPIRY} becomes an {@code unknown_checkout} anomaly.
 */
public final class TopupService {
    private static final Logger log = LoggerFactory.getLogger(TopupService.class);
    /** The job queue reconciliation runs on. */
    public static final String QUEUE = "mpesa";
    /** The job kind that asks Daraja about one pending top-up. */
    public static final String RECONCILE_KIND = "topup.reconcile";
    /** The job kind that gives up on a held callback no top-up claimed in time (payload: the CheckoutRequestID). */
    public static final String HELD_CALLBACK_KIND = "topup.held-callback";
    /** Crash point: a keyed top-up's first transaction committed, Daraja not asked yet. */
    public static final String RECORDED = "topup.recorded";
    /** Crash point: Daraja accepted the push, its ids not recorded yet. */
    public static final String PUSHED = "topup.pushed";

    private final Jdbi jdbi;
    private final Clock clock;
    private final JobQueue jobs;
    private final TenantService tenants;
    private final PaymentAnomalies anomalies;
    private final PaymentGateway gateway;
    private final PaymentGateway testGateway;
    private final TenantModes modes;
    private final TopupSettings settings;
    private final Settlement settlement;
    private final HeldCallbacks held;
    private final IdempotencyService idempotency;

    /**
     * @param gateway     Daraja (or its simulator); null when the platform has none, and then only manual requests work
     * @param testGateway where test-mode pushes go: a Daraja simulator, never the real Daraja; null for none
     */
    public TopupService(Jdbi jdbi, Clock clock, Ledger ledger, EventStore events, JobQueue jobs, TenantService tenants,
                        PaymentAnomalies anomalies, PaymentGateway gateway, PaymentGateway testGateway,
                        TopupSettings settings, IdempotencyService idempotency) {
        this.jdbi = jdbi;
        this.testGateway = testGateway;
        this.modes = new TenantModes(jdbi);
        this.clock = clock;
        this.jobs = jobs;
        this.tenants = tenants;
        this.anomalies = anomalies;
        this.gateway = gateway;
        this.settings = settings;
        this.settlement = new Settlement(ledger, events, clock);
        this.held = new HeldCallbacks(jdbi, clock, "mpesa_unmatched_callbacks", "checkout_request_id", 0);
        this.idempotency = idempotency;
    }

    public TopupSettings settings() {
        return settings;
    }

    public PaymentAnomalies anomalies() {
        return anomalies;
    }

    // ------------------------------------------------------------------ STK Push

    /**
     * Starts an M-Pesa top-up: records the pending credit (and its reconciliation job) in one transaction, then
     * asks Daraja to prompt the phone outside any transaction, then records Daraja's ids.
     *
     * @throws ServiceException {@code validation_failed} for an amount outside the limits or not in whole
     *                          shillings (with {@code min_amount}/{@code max_amount}) or a bad phone number;
     *                          {@code payment_provider_error} when Daraja did not accept the push (the top-up is
     *                          then failed with the reason; its id is in the {@code transaction_id} extra)
     */
    public StartedTopup initiate(long tenantId, Money amount, String phoneNumber) {
        String phone = checkInitiate(tenantId, amount, phoneNumber);
        String id = jdbi.inTransaction(h -> recordPending(h, tenantId, amount, phone));
        return push(tenantId, id, amount, phone);
    }

    /**
     * As {@link #initiate(long, Money, String)}, under an {@code Idempotency-Key}: the key is claimed and linked to
     * the pending top-up in the first transaction, and the answer is stored in the transaction that records
     * Daraja's ids (or the refusal). Whatever happens to this process, a retry with the same key never prompts the
     * phone again: while the push runs it gets {@code idempotency_in_progress}; after it, the stored answer; if the
     * process died in between, an answer made from the linked top-up.
     *
     * @param renderer makes the stored answer (the HTTP body) from the started top-up or from the refusal
     * @throws ServiceException as {@link #initiate(long, Money, String)} for bad input, before the key is claimed
     */
    public IdempotencyService.Outcome initiate(IdempotencyService.Key key, long tenantId, Money amount,
                                               String phoneNumber, IdempotencyService.Renderer<StartedTopup> renderer) {
        String phone = checkInitiate(tenantId, amount, phoneNumber);
        String id;
        try {
            id = jdbi.inTransaction(h -> {
                idempotency.claim(h, key);
                String txn = recordPending(h, tenantId, amount, phone);
                idempotency.link(h, key, txn);
                return txn;
            });
        } catch (IdempotencyService.Duplicate taken) {
            return idempotency.resume(key, taken, txn -> renderer.done(started(txn)));
        }
        idempotency.crashPoints().reach(RECORDED);
        // The key's row stays locked until Daraja's answer is recorded: a concurrent retry sees the lock (in
        // progress); if this process dies, the lock dies with its connection and the retry answers from the top-up.
        // Only that row is locked while Daraja is called; the top-up's own updates come after the call.
        return jdbi.inTransaction(h -> {
            idempotency.holdForCompletion(h, key);
            IdempotencyService.Response answer;
            try {
                answer = renderer.done(push(tenantId, id, amount, phone));
            } catch (ServiceException refused) {
                answer = renderer.refused(refused);
            }
            idempotency.complete(h, key, answer);
            return new IdempotencyService.Outcome.Ran(answer);
        });
    }

    private String checkInitiate(long tenantId, Money amount, String phoneNumber) {
        String phone = validateMpesa(amount, phoneNumber);
        tenants.get(tenantId);
        if (gatewayFor(tenantId) == null) {
            throw new ServiceException("payment_provider_error", "M-Pesa is not configured on this platform.");
        }
        return phone;
    }

    /** Test mode's pushes and queries go to the simulator, whatever credentials the platform has. */
    private PaymentGateway gatewayFor(long tenantId) {
        return modes.isTest(tenantId) ? testGateway : gateway;
    }

    private String recordPending(org.jdbi.v3.core.Handle h, long tenantId, Money amount, String phone) {
        Posting posting = Posting.of("topup", "M-Pesa top-up").withPaymentMethod("mpesa");
        String txn = settlement.insertPending(h, tenantId, amount, posting, phone);
        jobs.enqueue(h, NewJob.of(QUEUE, RECONCILE_KIND, txn).dedupedBy(RECONCILE_KIND + ":" + txn)
                .at(clock.instant().plus(settings.queryAfter())).maxAttempts(50));
        return txn;
    }

    // Daraja's calls and the records of their answers; inside a caller's transaction, jdbi's calls here join it.
    private StartedTopup push(long tenantId, String id, Money amount, String phone) {
        StkPushResult pushed;
        try {
            pushed = gatewayFor(tenantId).stkPush(new StkPushRequest(phone, amount.cents(), "JUMBE" + tenantId, "Wallet top-up"));
        } catch (DarajaException e) {
            // Without a CheckoutRequestID there is nothing to ask STK Query about, so the top-up cannot stay pending.
            // If an "unavailable" push did reach the phone and the customer pays, the callback carries an id we do
            // not know: it is kept as an anomaly (with phone and amount) for an admin to credit by hand.
            String reason = (e instanceof DarajaUnavailableException ? "M-Pesa did not answer the payment request: "
                    : "M-Pesa refused the payment request: ") + e.getMessage();
            jdbi.useTransaction(h -> settlement.byId(h, id).ifPresent(t -> settlement.fail(h, t, "failed", reason, null)));
            throw new ServiceException("payment_provider_error",
                    "M-Pesa could not send the payment prompt; try again in a moment.", List.of(),
                    Map.of("transaction_id", id));
        }
        idempotency.crashPoints().reach(PUSHED);
        jdbi.useTransaction(h -> {
            settlement.recordCheckout(h, id, pushed.checkoutRequestId(), pushed.merchantRequestId());
            // A callback that overtook the push answer waits in the held table: applied once the CheckoutRequestID is
            // committed, after this transaction or after the keyed answer's transaction that this one joins.
            h.afterCommit(() -> applyHeld(pushed.checkoutRequestId()));
        });
        return new StartedTopup(id, amount, phone, pushed.checkoutRequestId());
    }

    // The answer to a retry whose first request died between its transactions: the top-up as recorded, with
    // Daraja's id if it got that far. Never a second push.
    private StartedTopup started(String transactionId) {
        Topup t = jdbi.withHandle(h -> settlement.byId(h, transactionId)).orElseThrow();
        return new StartedTopup(t.transactionId(), t.amount(), t.phoneNumber(), t.checkoutRequestId());
    }

    private String validateMpesa(Money amount, String phoneNumber) {
        List<FieldError> errors = new java.util.ArrayList<>();
        if (amount == null) {
            errors.add(new FieldError("amount", "is required"));
        } else if (amount.cents() % 100 != 0 || amount.compareTo(settings.min()) < 0
                || amount.compareTo(settings.max()) > 0) {
            errors.add(new FieldError("amount", "must be whole shillings between " + settings.min().toDecimal()
                    + " and " + settings.max().toDecimal()));
        }
        String phone = null;
        if (phoneNumber == null || phoneNumber.isBlank()) {
            errors.add(new FieldError("phone_number", "is required"));
        } else if (PhoneNumbers.parse(phoneNumber) instanceof PhoneNumbers.Invalid invalid) {
            errors.add(new FieldError("phone_number", invalid.reason()));
        } else {
            phone = PhoneNumbers.normalize(phoneNumber).orElseThrow();
        }
        if (!errors.isEmpty()) {
            Map<String, Object> limits = new LinkedHashMap<>();
            limits.put("min_amount", settings.min().toDecimal());
            limits.put("max_amount", settings.max().toDecimal());
            throw new ServiceException("validation_failed", "Top-ups are whole shillings between KES "
                    + settings.min().toDecimal().toPlainString() + " and KES " + settings.max().toDecimal().toPlainString()
                    + ", paid from a Kenyan M-Pesa number.", errors, limits);
        }
        return phone;
    }

    /** The tenant's own top-up (M-Pesa or manual); empty for another tenant's id or an entry that is not a credit. */
    public Optional<Topup> find(long tenantId, String transactionId) {
        return jdbi.withHandle(h -> settlement.byId(h, transactionId)).filter(t -> t.tenantId() == tenantId);
    }

    // ------------------------------------------------------------------ callbacks

    /** What a callback did. */
    public enum CallbackOutcome {
        /** The wallet was credited. */
        CREDITED,
        /** The wallet was credited for a top-up we had already marked failed (flagged late). */
        CREDITED_LATE,
        /** The top-up was marked failed or cancelled. */
        FAILED,
        /** The top-up was already settled; nothing changed (duplicate or late callback). */
        ALREADY_SETTLED,
        /** Nothing was credited; the callback was kept for admins. */
        ANOMALY,
        /** No top-up has this CheckoutRequestID yet; the callback is held until one does (or it expires). */
        HELD
    }

    /**
     * Applies one STK callback. Credits only for ResultCode 0 on a top-up we created, with the amount we asked for
     * and a receipt present; anything else that cannot be credited safely is kept in {@link PaymentAnomalies}. A
     * callback for a CheckoutRequestID no top-up carries yet is held (see the class comment).
     *
     * @param rawBody the request body as received, kept with anomalies
     */
    public CallbackOutcome handleCallback(StkCallback callback, String rawBody) {
        String checkout = callback.checkoutRequestId();
        Optional<Topup> found = jdbi.withHandle(h -> settlement.byCheckout(h, checkout));
        if (found.isEmpty()) {
            // hold, then look once more: initiate() commits the id, then applies what is held, so between the two
            // looks no callback is lost (and one applied twice changes nothing the second time)
            jdbi.useTransaction(h -> {
                held.hold(h, checkout, heldPayload(callback, rawBody));
                jobs.enqueue(h, NewJob.of(QUEUE, HELD_CALLBACK_KIND, checkout)
                        .at(clock.instant().plus(settings.pendingExpiry())).maxAttempts(20));
            });
            found = jdbi.withHandle(h -> settlement.byCheckout(h, checkout));
            if (found.isEmpty()) {
                log.info("M-Pesa callback for unknown CheckoutRequestID {} (ResultCode {}): held in case its top-up is "
                        + "being recorded", checkout, callback.resultCode());
                return CallbackOutcome.HELD;
            }
            held.forget(List.of(checkout));
        }
        return apply(found.get(), callback, rawBody);
    }

    private CallbackOutcome apply(Topup topup, StkCallback callback, String rawBody) {
        if (!callback.isSuccess()) {
            var outcome = callback.outcome();
            boolean failed = jdbi.inTransaction(h -> settlement.fail(h, topup, outcome.status().wireName(),
                    outcome.reason(), null));
            return failed ? CallbackOutcome.FAILED : CallbackOutcome.ALREADY_SETTLED;
        }
        if (callback.amountCents() == null || callback.amountCents() != topup.amount().cents()) {
            String paid = callback.amountCents() == null ? "no amount" : "KES " + Money.ofCents(callback.amountCents());
            String reason = "M-Pesa reported " + paid + " paid for a KES " + topup.amount() + " top-up; held for review";
            anomalies.record(anomaly(PaymentAnomalies.AMOUNT_MISMATCH, callback, topup, reason, rawBody));
            jdbi.useTransaction(h -> settlement.fail(h, topup, "failed", reason, null));
            return CallbackOutcome.ANOMALY;
        }
        if (callback.mpesaReceipt() == null) {
            // left pending: STK Query (keyed by the CheckoutRequestID) settles it like a lost callback
            anomalies.record(anomaly(PaymentAnomalies.MISSING_RECEIPT, callback, topup,
                    "a successful callback without MpesaReceiptNumber; left to reconciliation", rawBody));
            return CallbackOutcome.ANOMALY;
        }
        Settlement.Credit result;
        try {
            result = jdbi.inTransaction(h -> settlement.credit(h, topup, callback.mpesaReceipt(), "topup"));
        } catch (RuntimeException e) {
            if (!Sql.isUniqueViolation(e)) {
                throw e;
            }
            anomalies.record(anomaly(PaymentAnomalies.RECEIPT_REUSED, callback, topup,
                    "receipt " + callback.mpesaReceipt() + " already credited another top-up", rawBody));
            return CallbackOutcome.ANOMALY;
        }
        return switch (result) {
            case CREDITED -> CallbackOutcome.CREDITED;
            case ALREADY_SETTLED -> CallbackOutcome.ALREADY_SETTLED;
            case CREDITED_LATE -> {
                anomalies.record(anomaly(PaymentAnomalies.LATE_SUCCESS, callback, topup,
                        "paid after the top-up was marked " + topup.status() + " (" + topup.failureReason()
                                + "); credited once and flagged late", rawBody));
                yield CallbackOutcome.CREDITED_LATE;
            }
        };
    }

    private static PaymentAnomalies.New anomaly(String kind, StkCallback cb, Topup topup, String reason, String raw) {
        return new PaymentAnomalies.New(kind, cb.checkoutRequestId(), topup == null ? null : topup.transactionId(),
                topup == null ? null : topup.tenantId(), cb.mpesaReceipt(), cb.amountCents(),
                topup == null ? null : topup.amount().cents(), cb.phoneNumber(), reason, raw);
    }

    // ------------------------------------------------------------------ reconciliation

    /**
     * Asks Daraja about one top-up that is still pending and settles it when Daraja has a final answer.
     *
     * @return when to ask again; empty when the top-up is settled (or was already)
     */
    public Optional<Duration> reconcile(String transactionId) {
        Optional<Topup> found = jdbi.withHandle(h -> settlement.byId(h, transactionId));
        if (found.isEmpty() || !found.get().isPending() || !"mpesa".equals(found.get().paymentMethod())) {
            return Optional.empty();
        }
        Topup topup = found.get();
        if (topup.checkoutRequestId() != null && applyHeld(topup.checkoutRequestId())) {
            // a callback held while the id was being recorded (and a crash kept initiate() from applying it)
            found = jdbi.withHandle(h -> settlement.byId(h, transactionId));
            if (found.isEmpty() || !found.get().isPending()) {
                return Optional.empty();
            }
        }
        Instant deadline = topup.createdAt().plus(settings.pendingExpiry());
        PaymentGateway asked = gatewayFor(topup.tenantId());
        if (topup.checkoutRequestId() != null && asked != null) {
            try {
                StkQueryResult answer = asked.stkQuery(topup.checkoutRequestId());
                if (answer instanceof StkQueryResult.Resolved resolved) {
                    settleFromQuery(topup, resolved);
                    return Optional.empty();
                }
            } catch (DarajaException e) {
                log.info("STK Query about {} failed: {}", transactionId, e.getMessage());
            }
        }
        Instant now = clock.instant();
        if (!now.isBefore(deadline)) {
            String reason = topup.checkoutRequestId() == null
                    ? "expired: M-Pesa never acknowledged the payment request"
                    : "expired: no answer from M-Pesa within " + words(settings.pendingExpiry());
            jdbi.useTransaction(h -> settlement.fail(h, topup, "failed", reason, null));
            return Optional.empty();
        }
        Duration untilDeadline = Duration.between(now, deadline);
        Duration next = settings.askAgainAfter();
        return Optional.of(untilDeadline.compareTo(next) < 0 ? untilDeadline : next);
    }

    private void settleFromQuery(Topup topup, StkQueryResult.Resolved resolved) {
        if (resolved.isSuccess()) {
            jdbi.useTransaction(h -> settlement.credit(h, topup, null, "topup"));
        } else {
            var outcome = resolved.outcome();
            jdbi.useTransaction(h -> settlement.fail(h, topup, outcome.status().wireName(), outcome.reason(), null));
        }
    }

    // ------------------------------------------------------------------ held callbacks

    private static String heldPayload(StkCallback callback, String rawBody) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("callback", callback);
        payload.put("raw", rawBody);
        return Json.write(payload);
    }

    /**
     * Applies the callbacks held for this CheckoutRequestID, now that a top-up carries it, and drops them.
     *
     * @return true when there were some
     */
    private boolean applyHeld(String checkoutRequestId) {
        List<String> payloads = held.payloads(List.of(checkoutRequestId));
        for (String payload : payloads) {
            // read the top-up each time: an earlier held callback may have settled it
            Optional<Topup> topup = jdbi.withHandle(h -> settlement.byCheckout(h, checkoutRequestId));
            if (topup.isEmpty()) {
                return false;
            }
            HeldCallback c = HeldCallback.read(payload);
            CallbackOutcome outcome = apply(topup.get(), c.callback(), c.raw());
            log.info("held M-Pesa callback for {} applied: {}", checkoutRequestId, outcome);
        }
        if (payloads.isEmpty()) {
            return false;
        }
        held.forget(List.of(checkoutRequestId));
        return true;
    }

    /**
     * The end of a held callback's wait: applied if a top-up carries its CheckoutRequestID by now, else kept for
     * admins as an {@code unknown_checkout} anomaly (with phone, amount and receipt, to credit by hand). The
     * {@link #HELD_CALLBACK_KIND} job runs it {@code MPESA_PENDING_EXPIRY} after the callback came.
     */
    public void expireHeld(String checkoutRequestId) {
        if (applyHeld(checkoutRequestId)) {
            return;
        }
        List<String> payloads = held.payloads(List.of(checkoutRequestId));
        for (String payload : payloads) {
            HeldCallback c = HeldCallback.read(payload);
            anomalies.record(anomaly(PaymentAnomalies.UNKNOWN_CHECKOUT, c.callback(), null,
                    "no top-up has this CheckoutRequestID after " + words(settings.pendingExpiry()) + " (ResultCode "
                            + c.callback().resultCode() + ")", c.raw()));
        }
        held.forget(List.of(checkoutRequestId));
    }

    private record HeldCallback(StkCallback callback, String raw) {
        static HeldCallback read(String payload) {
            try {
                JsonNode node = Json.mapper().readTree(payload);
                return new HeldCallback(Json.mapper().treeToValue(node.get("callback"), StkCallback.class),
                        node.path("raw").isNull() ? null : node.path("raw").asText());
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The job handler for {@link #HELD_CALLBACK_KIND} jobs (payload: the CheckoutRequestID). */
    public JobHandler heldCallbackExpiry() {
        return job -> expireHeld(job.payload());
    }

    /** The job handler that runs {@link #reconcile} for {@link #RECONCILE_KIND} jobs (payload: the TXN id). */
    public JobHandler reconciler() {
        return job -> reconcile(job.payload()).ifPresent(delay -> {
            throw new JobHandler.RetryLater(delay, "M-Pesa has no final answer yet");
        });
    }

    private static String words(Duration d) {
        long s = d.toSeconds();
        if (s % 3600 == 0 && s > 0) {
            return (s / 3600) + " h";
        }
        if (s % 60 == 0 && s > 0) {
            return (s / 60) + " min";
        }
        return s + " s";
    }

    // ------------------------------------------------------------------ manual requests

    /**
     * A tenant asks for a top-up it paid another way (bank transfer): a pending credit an admin approves or rejects.
     *
     * @throws ServiceException {@code validation_failed} for a non-positive amount or a missing reference
     */
    public Topup requestManual(long tenantId, Money amount, String reference, String note) {
        List<FieldError> errors = new java.util.ArrayList<>();
        if (amount == null || amount.cents() <= 0) {
            errors.add(new FieldError("amount", "must be above zero"));
        } else if (amount.compareTo(settings.manualMax()) > 0) {
            // an unbounded request is accepted here and then overflows the balance on approval
            errors.add(new FieldError("amount", "must be at most KES " + settings.manualMax().toDecimal()));
        }
        TextRules.check(errors, "reference", reference, TextRules.Kind.LINE);
        TextRules.check(errors, "note", note, TextRules.Kind.TEXT);
        if (reference == null || reference.isBlank()) {
            errors.add(new FieldError("reference", "is required"));
        } else if (reference.length() > 128) {
            errors.add(new FieldError("reference", "must be at most 128 characters"));
        }
        if (note != null && note.length() > 500) {
            errors.add(new FieldError("note", "must be at most 500 characters"));
        }
        if (!errors.isEmpty()) {
            throw new ServiceException("validation_failed", "The request has invalid fields", errors);
        }
        tenants.get(tenantId);
        Posting posting = Posting.of("manual_topup", note == null || note.isBlank() ? "Manual top-up request" : note)
                .withPaymentMethod("manual").withReference(reference.strip()).withCreatedBy("client:" + tenantId);
        String id = jdbi.inTransaction(h -> settlement.insertPending(h, tenantId, amount, posting, null));
        return jdbi.withHandle(h -> settlement.byId(h, id)).orElseThrow();
    }

    /** Manual requests waiting for an admin, oldest first, across all tenants. */
    public List<Topup> pendingManualRequests() {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + Settlement.COLUMNS + " FROM topups "
                        + "WHERE status = 'pending' AND payment_method = 'manual' ORDER BY created_at, id")
                .map((rs, ctx) -> Settlement.map(rs)).list());
    }

    /**
     * Credits a pending manual request, once.
     *
     * @throws ServiceException {@code not_found} for an unknown id or one that is not a manual request;
     *                          {@code not_pending} when it was already approved or rejected
     */
    public Topup approve(String transactionId, String admin) {
        Topup request = manualRequest(transactionId);
        Settlement.Credit result = jdbi.inTransaction(h -> {
            Settlement.Credit credit = settlement.credit(h, request, null, "manual_topup", false);
            if (credit == Settlement.Credit.ALREADY_SETTLED) {
                return credit;
            }
            settlement.resolvedBy(h, transactionId, admin);
            return credit;
        });
        if (result == Settlement.Credit.ALREADY_SETTLED) {
            throw notPending(transactionId);
        }
        return jdbi.withHandle(h -> settlement.byId(h, transactionId)).orElseThrow();
    }

    /** Rejects a pending manual request with a reason the tenant sees. */
    public Topup reject(String transactionId, String reason, String admin) {
        if (reason == null || reason.isBlank()) {
            throw ServiceException.validation("reason", "is required");
        }
        TextRules.problem(reason, TextRules.Kind.TEXT).ifPresent(p -> {
            throw ServiceException.validation("reason", p);
        });
        Topup request = manualRequest(transactionId);
        if (!jdbi.inTransaction(h -> settlement.fail(h, request, "failed", reason.strip(), admin))) {
            throw notPending(transactionId);
        }
        return jdbi.withHandle(h -> settlement.byId(h, transactionId)).orElseThrow();
    }

    private Topup manualRequest(String transactionId) {
        return jdbi.withHandle(h -> settlement.byId(h, transactionId))
                .filter(t -> "manual".equals(t.paymentMethod()))
                .orElseThrow(() -> ServiceException.notFound("Manual top-up request " + transactionId));
    }

    private static ServiceException notPending(String transactionId) {
        return new ServiceException("not_pending", "Top-up " + transactionId + " is no longer pending");
    }
}
