package io.jumbe.core.tenant;


import io.jumbe.core.apikeys.ApiKeyService;
import io.jumbe.core.apikeys.IssuedKey;
import io.jumbe.core.common.FieldError;
import io.jumbe.core.common.Money;
import io.jumbe.core.common.ServiceException;
import io.jumbe.core.common.TextRules;
import io.jumbe.core.wallet.Ledger;
import io.jumbe.core.wallet.Posting;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Senders: creation (with a first API key and an opening balance), settings, sender ids, suspension. */
public final class TenantService {
    private static final Pattern SENDER_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._-]{0,10}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private final Jdbi jdbi;
    private final Clock clock;
    private final Ledger ledger;
    private final ApiKeyService keys;

    public TenantService(Jdbi jdbi, Clock clock, Ledger ledger, ApiKeyService keys) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.ledger = ledger;
        this.keys = keys;
    }

    /** What a new sender's test twin starts with, and what {@code sandbox/reset} restores. */
    public static final Money TEST_OPENING_BALANCE = Money.ofCents(100_000);

    /** A created sender with its first live key and its first test key, whose secrets are shown only now. */
    public record Created(Tenant tenant, IssuedKey key, IssuedKey testKey) {
        /** A sender as seen with one live key, and no test key shown (one of its keys issued again, say). */
        public Created(Tenant tenant, IssuedKey key) {
            this(tenant, key, null);
        }
    }

    public Created create(NewTenant spec) {
        return jdbi.inTransaction(h -> create(h, spec));
    }

    /** {@link #create(NewTenant)} in the caller's transaction (a sign-up's approval creates the sender with it). */
    public Created create(Handle h, NewTenant spec) {
        validate(spec);
        {
            Instant now = clock.instant();
            long id = insertLive(h, spec, "active", now);
            insertSenderId(h, id, spec.senderId(), true);
            credit(h, id, spec.openingBalance());
            IssuedKey key = keys.create(h, id, false);
            long twin = createTestTwin(h, id, now);
            return new Created(get(h, id), key, keys.create(h, twin, true));
        }
    }

    /**
     * A confirmed sign-up's tenant, before an admin approves it, in the caller's transaction: its live row is
     * {@code pending} (not active, no live key, no sender id, no balance: nothing granted without approval), its
     * test twin is active with the requested sender id and a test key, so the applicant can integrate against the
     * simulators at once. {@link #activate} makes the same tenant live.
     *
     * @return the pending live tenant, no live key, and the twin's test key (its secret shown only now)
     */
    public Created createPending(Handle h, NewTenant spec) {
        validate(spec);
        Instant now = clock.instant();
        long id = insertLive(h, spec, "pending", now);
        long twin = createTestTwin(h, id, now);
        h.createUpdate("UPDATE tenants SET status = 'active' WHERE id = :twin").bind("twin", twin).execute();
        insertSenderId(h, twin, spec.senderId(), true);
        return new Created(get(h, id), null, keys.create(h, twin, true));
    }

    /**
     * Approves a {@link #createPending pending} tenant in the caller's transaction: the spec's price, tier and opening
     * balance apply, the live row turns active, its sender id is granted live and its first live key is issued. The
     * test twin and its keys stay as they are.
     *
     * @return the active tenant and its live key (no test key: the applicant has one already)
     * @throws ServiceException {@code not_pending} when the tenant is not pending
     */
    public Created activate(Handle h, long id, NewTenant spec) {
        validate(spec);
        Tenant t = get(h, id);
        if (!t.pending() || t.isTest()) {
            throw new ServiceException("not_pending", "Sender " + id + " is " + t.status() + ", not pending approval");
        }
        h.createUpdate("UPDATE tenants SET price_per_segment_cents = :price, tier = :tier, updated_at = :now WHERE "
                        + BOTH_MODES)
                .bind("price", spec.pricePerSegment().cents()).bind("tier", spec.tier().wireName())
                .bind("now", clock.instant()).bind("id", id).execute();
        h.createUpdate("UPDATE tenants SET status = 'active' WHERE id = :id").bind("id", id).execute();
        if (!t.senderIds().contains(spec.senderId())) {
            insertSenderId(h, id, spec.senderId(), t.senderIds().isEmpty());
        }
        credit(h, id, spec.openingBalance());
        return new Created(get(h, id), keys.create(h, id, false));
    }

    /**
     * Closes a {@link #createPending pending} tenant whose application was rejected, in the caller's transaction: both
     * rows suspended and every key of either revoked, so its test key answers 401 from now on.
     */
    public void closePending(Handle h, long id) {
        Tenant t = get(h, id);
        if (!t.pending() || t.isTest()) {
            throw new ServiceException("not_pending", "Sender " + id + " is " + t.status() + ", not pending approval");
        }
        h.createUpdate("UPDATE tenants SET status = 'suspended', updated_at = :now WHERE " + BOTH_MODES)
                .bind("now", clock.instant()).bind("id", id).execute();
        h.createUpdate("UPDATE api_keys SET revoked_at = :now WHERE revoked_at IS NULL AND tenant_id IN (<ids>)")
                .bind("now", clock.instant()).bindList("ids", bothModes(h, id)).execute();
    }

    private long insertLive(Handle h, NewTenant spec, String status, Instant now) {
        return h.createUpdate("INSERT INTO tenants (name, email, price_per_segment_cents, tier, "
                        + "low_balance_threshold_cents, status, balance_cents, created_at, updated_at) VALUES (:name, "
                        + ":email, :price, :tier, :threshold, :status, 0, :now, :now)")
                .bind("name", spec.name().trim()).bind("email", spec.email().trim())
                .bind("price", spec.pricePerSegment().cents()).bind("tier", spec.tier().wireName())
                .bind("threshold", spec.lowBalanceThreshold().cents()).bind("status", status).bind("now", now)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    private void credit(Handle h, long id, Money openingBalance) {
        if (openingBalance != null && openingBalance.cents() > 0) {
            ledger.credit(h, id, openingBalance, Posting.of("manual_credit", "Opening balance")
                    .withPaymentMethod("manual").withReference("opening-balance").withCreatedBy("admin"));
        }
    }

    private static void validate(NewTenant spec) {
        List<FieldError> errors = new ArrayList<>();
        if (spec.name() == null || spec.name().isBlank() || spec.name().length() > 200) {
            errors.add(new FieldError("name", "is required, at most 200 characters"));
        }
        TextRules.check(errors, "name", spec.name(), TextRules.Kind.LINE);
        TextRules.check(errors, "email", spec.email(), TextRules.Kind.LINE);
        if (spec.email() == null || !EMAIL.matcher(spec.email()).matches()) {
            errors.add(new FieldError("email", "must be an email address"));
        }
        if (spec.senderId() == null || !SENDER_ID.matcher(spec.senderId()).matches()) {
            errors.add(new FieldError("sender_id", "must be 1 to 11 letters, digits, spaces, '.', '_' or '-'"));
        }
        if (spec.pricePerSegment() == null || spec.pricePerSegment().cents() <= 0) {
            errors.add(new FieldError("price", "must be above zero"));
        }
        if (spec.openingBalance() != null && spec.openingBalance().isNegative()) {
            errors.add(new FieldError("balance", "must not be negative"));
        }
        if (!errors.isEmpty()) {
            throw new ServiceException("validation_failed", "The sender has invalid fields", errors);
        }
    }

    /**
     * The test twin of a new live tenant: its settings (WhatsApp prices too, not its unique WhatsApp number) copied,
     * its own wallet credited with
     * {@link #TEST_OPENING_BALANCE} through the journal.
     */
    private long createTestTwin(Handle h, long liveId, Instant now) {
        long twin = h.createUpdate("INSERT INTO tenants (name, email, price_per_segment_cents, tier, "
                        + "low_balance_threshold_cents, status, balance_cents, created_at, updated_at, live_tenant_id, "
                        + "whatsapp_marketing_cents, whatsapp_utility_cents, whatsapp_authentication_cents, "
                        + "whatsapp_service_cents) "
                        + "SELECT name, email, price_per_segment_cents, tier, low_balance_threshold_cents, status, 0, "
                        + ":now, :now, id, whatsapp_marketing_cents, whatsapp_utility_cents, "
                        + "whatsapp_authentication_cents, whatsapp_service_cents FROM tenants WHERE id = :live")
                .bind("now", now).bind("live", liveId).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        h.createUpdate("INSERT INTO sender_ids (tenant_id, name, is_default, created_at) "
                        + "SELECT :twin, name, is_default, created_at FROM sender_ids WHERE tenant_id = :live")
                .bind("twin", twin).bind("live", liveId).execute();
        ledger.credit(h, twin, TEST_OPENING_BALANCE, Posting.of("manual_credit", "Test mode opening balance")
                .withPaymentMethod("manual").withReference("test-mode-opening").withCreatedBy("system"));
        return twin;
    }

    public Tenant get(long id) {
        return jdbi.withHandle(h -> find(h, id)).orElseThrow(() -> ServiceException.notFound("Sender " + id));
    }

    /**
     * The sender's own view of its account, for a request made with a key of the given mode.
     *
     * @param keyMode {@code live} or {@code test}: the mode of the key the request carried
     */
    public Account account(long id, String keyMode) {
        if (!"live".equals(keyMode) && !"test".equals(keyMode)) {
            throw new IllegalArgumentException("key mode is live or test, not " + keyMode);
        }
        Tenant t = get(id);
        return new Account(t.name(), t.tier(), t.tier().requestsPerMinute(), t.pricePerSegment(), t.senderIds(),
                t.lowBalanceThreshold(), keyMode);
    }

    public Optional<Tenant> find(long id) {
        return jdbi.withHandle(h -> find(h, id));
    }

    public Tenant get(Handle h, long id) {
        return find(h, id).orElseThrow(() -> ServiceException.notFound("Sender " + id));
    }

    public List<Tenant> list() {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + TenantRows.COLUMNS + " FROM tenants t "
                        + "WHERE t.live_tenant_id IS NULL ORDER BY t.id")
                .map((rs, ctx) -> TenantRows.map(rs)).list());
    }

    public long count() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM tenants WHERE live_tenant_id IS NULL").mapTo(Long.class).one());
    }

    public Tenant update(long id, TenantUpdate change) {
        List<FieldError> errors = new ArrayList<>();
        change.name().filter(n -> n.isBlank() || n.length() > 200)
                .ifPresent(n -> errors.add(new FieldError("name", "is required, at most 200 characters")));
        change.name().ifPresent(n -> TextRules.check(errors, "name", n, TextRules.Kind.LINE));
        change.email().ifPresent(e -> TextRules.check(errors, "email", e, TextRules.Kind.LINE));
        change.email().filter(e -> !EMAIL.matcher(e).matches())
                .ifPresent(e -> errors.add(new FieldError("email", "must be an email address")));
        change.pricePerSegment().filter(p -> p.cents() <= 0)
                .ifPresent(p -> errors.add(new FieldError("price", "must be above zero")));
        change.lowBalanceThreshold().filter(Money::isNegative)
                .ifPresent(p -> errors.add(new FieldError("low_balance_threshold", "must not be negative")));
        if (!errors.isEmpty()) {
            throw new ServiceException("validation_failed", "The change has invalid fields", errors);
        }
        return jdbi.inTransaction(h -> {
            Tenant t = get(h, id);
            // the business's settings: the same on the live tenant and its test twin
            h.createUpdate("UPDATE tenants SET name = :name, email = :email, price_per_segment_cents = :price, tier = :tier, "
                            + "low_balance_threshold_cents = :threshold, updated_at = :now WHERE " + BOTH_MODES)
                    .bind("name", change.name().orElse(t.name())).bind("email", change.email().orElse(t.email()))
                    .bind("price", change.pricePerSegment().orElse(t.pricePerSegment()).cents())
                    .bind("tier", change.tier().orElse(t.tier()).wireName())
                    .bind("threshold", change.lowBalanceThreshold().orElse(t.lowBalanceThreshold()).cents())
                    .bind("now", clock.instant()).bind("id", id).execute();
            change.defaultSenderId().ifPresent(name -> makeDefault(h, t, name));
            return get(h, id);
        });
    }

    /**
     * Suspends or reactivates a sender (both modes).
     *
     * @throws ServiceException {@code not_approved} for a sign-up's tenant still waiting for approval
     */
    public Tenant setActive(long id, boolean active) {
        return jdbi.inTransaction(h -> {
            Tenant t = get(h, id);
            Tenant live = t.isTest() ? get(h, t.clientId()) : t;
            if (live.pending()) {
                // activating here would skip the approval (sender id, live key); suspending would hide the application
                throw new ServiceException("not_approved", "Sender " + live.id()
                        + " is a sign-up waiting for approval: use 'signups approve' or 'signups reject'");
            }
            h.createUpdate("UPDATE tenants SET status = :status, updated_at = :now WHERE " + BOTH_MODES)
                    .bind("status", active ? "active" : "suspended").bind("now", clock.instant()).bind("id", id).execute();
            return get(h, id);
        });
    }

    public Tenant addSenderId(long id, String name) {
        if (name == null || !SENDER_ID.matcher(name).matches()) {
            throw ServiceException.validation("sender_id", "must be 1 to 11 letters, digits, spaces, '.', '_' or '-'");
        }
        return jdbi.inTransaction(h -> {
            Tenant t = get(h, id);
            if (!t.senderIds().contains(name)) {
                for (long row : bothModes(h, id)) {
                    insertSenderId(h, row, name, false);
                }
            }
            return get(h, id);
        });
    }

    private void makeDefault(Handle h, Tenant t, String name) {
        if (!t.senderIds().contains(name)) {
            throw ServiceException.validation("default_sender_id", "is not one of the sender's ids");
        }
        h.createUpdate("UPDATE sender_ids SET is_default = (name = :name) WHERE tenant_id IN (<ids>)")
                .bind("name", name).bindList("ids", bothModes(h, t.id())).execute();
    }

    /** A tenant's live row and its test twin, whichever of the two {@code :id} names. */
    private static final String BOTH_MODES = "id IN (SELECT x.id FROM tenants x, tenants y WHERE y.id = :id "
            + "AND (x.id = COALESCE(y.live_tenant_id, y.id) OR x.live_tenant_id = COALESCE(y.live_tenant_id, y.id)))";

    private static List<Long> bothModes(Handle h, long id) {
        return h.createQuery("SELECT id FROM tenants WHERE " + BOTH_MODES).bind("id", id).mapTo(Long.class).list();
    }

    private void insertSenderId(Handle h, long tenantId, String name, boolean isDefault) {
        h.createUpdate("INSERT INTO sender_ids (tenant_id, name, is_default, created_at) VALUES (:t, :name, :d, :now)")
                .bind("t", tenantId).bind("name", name).bind("d", isDefault).bind("now", clock.instant()).execute();
    }

    private Optional<Tenant> find(Handle h, long id) {
        return h.createQuery("SELECT " + TenantRows.COLUMNS + " FROM tenants t WHERE t.id = :id").bind("id", id)
                .map((rs, ctx) -> TenantRows.map(rs)).findOne();
    }
}
