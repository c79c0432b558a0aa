package io.jumbe.core.signup;

import io.jumbe.core.common.FieldError;
import io.jumbe.core.common.Ids;
import io.jumbe.core.common.Money;
import io.jumbe.core.common.ServiceException;
import io.jumbe.core.common.TextRules;
import io.jumbe.core.notify.MailRequest;
import io.jumbe.core.notify.Notifications;
import io.jumbe.core.phone.PhoneNumbers;
import io.jumbe.core.tenant.NewTenant;
import io.jumbe.core.tenant.TenantService;
import io.jumbe.core.tenant.Tier;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Self-service sign-up: an application, a verification link by email (single use, {@value #TOKEN_HOURS} hours, only
 * its hash kept), whose use creates the sender pending approval and mails it a test key; then an admin's approval,
 * which makes that sender live and mails its live key, or rejection, which closes it (test key revoked) and mails
 * the reason. The applicant learns nothing about other accounts: every accepted application gets the same answer.
 */
public final class SignupService {
    /** Applications one client address may make in an hour. */
    public static final int PER_IP_PER_HOUR = 5;
    /** Applications one email address may make in a day. */
    public static final int PER_EMAIL_PER_DAY = 3;
    static final int TOKEN_HOURS = 24;
    private static final Duration TOKEN_LIFETIME = Duration.ofHours(TOKEN_HOURS);
    private static final Pattern SENDER_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 -]{1,9}[A-Za-z0-9]");
    private static final String COLUMNS = "id, name, email, phone, sender_id, use_case, status, tenant_id, "
            + "reject_reason, created_at, verified_at, decided_at";

    private final Jdbi jdbi;
    private final Ids ids;
    private final Clock clock;
    private final TenantService tenants;
    private final Notifications notifications;
    private final Supplier<String> publicBaseUrl;
    private final SecureRandom random = new SecureRandom();

    public SignupService(Jdbi jdbi, Ids ids, Clock clock, TenantService tenants, Notifications notifications,
                         Supplier<String> publicBaseUrl) {
        this.jdbi = jdbi;
        this.ids = ids;
        this.clock = clock;
        this.tenants = tenants;
        this.notifications = notifications;
        this.publicBaseUrl = publicBaseUrl;
    }

    /**
     * Records an application and mails its verification link. Returns nothing on purpose: the caller answers the same
     * whether or not the address is known.
     *
     * @param clientIp the applicant's address, for the per-address limit
     * @throws ServiceException {@code validation_failed} for bad fields; {@code rate_limited} past
     *                          {@value #PER_IP_PER_HOUR} applications per address an hour or {@value #PER_EMAIL_PER_DAY}
     *                          per email address a day
     */
    public void apply(SignupRequest request, String clientIp) {
        String phone = validate(request);
        String email = request.email().strip().toLowerCase(Locale.ROOT);
        Instant now = clock.instant();
        String token = newToken();
        jdbi.useTransaction(h -> {
            int byIp = h.createQuery("SELECT COUNT(*) FROM signups WHERE client_ip = :ip AND created_at > :since")
                    .bind("ip", clientIp).bind("since", now.minus(Duration.ofHours(1))).mapTo(Integer.class).one();
            int byEmail = h.createQuery("SELECT COUNT(*) FROM signups WHERE email = :email AND created_at > :since")
                    .bind("email", email).bind("since", now.minus(Duration.ofDays(1))).mapTo(Integer.class).one();
            if (byIp >= PER_IP_PER_HOUR || byEmail >= PER_EMAIL_PER_DAY) {
                throw new ServiceException("rate_limited", "Too many sign-ups from here; try again later");
            }
            String id = ids.next("SGN");
            h.createUpdate("INSERT INTO signups (id, name, email, phone, sender_id, use_case, status, token_hash, "
                            + "token_expires_at, client_ip, created_at) VALUES (:id, :name, :email, :phone, :senderId, "
                            + ":useCase, 'unverified', :hash, :expires, :ip, :now)")
                    .bind("id", id).bind("name", request.name().strip()).bind("email", email).bind("phone", phone)
                    .bind("senderId", request.senderId().strip())
                    .bind("useCase", request.useCase() == null ? null : request.useCase().strip())
                    .bind("hash", hash(token)).bind("expires", now.plus(TOKEN_LIFETIME)).bind("ip", clientIp)
                    .bind("now", now).execute();
            Map<String, String> model = new LinkedHashMap<>();
            model.put("name", request.name().strip());
            model.put("sender_id", request.senderId().strip());
            notifications.enqueue(h, new MailRequest(null, Notifications.SIGNUP_VERIFY, email, List.of(), model, token,
                    "signup:" + id + ":" + Notifications.SIGNUP_VERIFY));
        });
    }

    private static String validate(SignupRequest r) {
        List<FieldError> errors = new ArrayList<>();
        if (r.name() == null || r.name().isBlank() || r.name().length() > 200) {
            errors.add(new FieldError("name", "is required, at most 200 characters"));
        }
        TextRules.check(errors, "name", r.name(), TextRules.Kind.LINE);
        if (!Notifications.validAddress(r.email())) {
            errors.add(new FieldError("email", "must be an email address"));
        }
        Optional<String> phone = r.phone() == null ? Optional.empty() : PhoneNumbers.normalize(r.phone());
        if (phone.isEmpty()) {
            errors.add(new FieldError("phone", "must be a Kenyan mobile number (07…, 01…, +254…)"));
        }
        if (r.senderId() == null || !SENDER_ID.matcher(r.senderId().strip()).matches()) {
            errors.add(new FieldError("sender_id", "must be 3 to 11 letters, digits, hyphens or spaces"));
        }
        if (r.useCase() != null && r.useCase().length() > 500) {
            errors.add(new FieldError("use_case", "at most 500 characters"));
        }
        TextRules.check(errors, "use_case", r.useCase(), TextRules.Kind.LINE);
        if (!errors.isEmpty()) {
            throw new ServiceException("validation_failed", "The sign-up has invalid fields", errors);
        }
        return phone.get();
    }

    /**
     * Confirms the applicant's email address: the application waits for an admin from now on. The link works once.
     *
     * @throws ServiceException {@code validation_failed} (field {@code token}) for a token that is unknown, used or
     *                          expired
     */
    public Signup verify(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            throw invalidToken();
        }
        Instant now = clock.instant();
        Signup verified = jdbi.inTransaction(h -> {
            Optional<String> id = h.createQuery("SELECT id FROM signups WHERE token_hash = :hash AND status = 'unverified' "
                            + "AND token_expires_at > :now")
                    .bind("hash", hash(token)).bind("now", now).mapTo(String.class).findOne();
            if (id.isEmpty()) {
                throw invalidToken();
            }
            // single use: the hash goes with the first verification, so a second one finds nothing
            int moved = h.createUpdate("UPDATE signups SET status = 'pending_approval', token_hash = NULL, "
                            + "verified_at = :now WHERE id = :id AND status = 'unverified'")
                    .bind("now", now).bind("id", id.get()).execute();
            if (moved == 0) {
                throw invalidToken();
            }
            onVerified(h, get(h, id.get()));
            return get(h, id.get());
        });
        return verified;
    }

    /**
     * What happens once an applicant has confirmed the address, in the verification's transaction: the tenant is
     * created pending (its live side unusable, its sender id not granted live), and its test twin's key is mailed so
     * the applicant can build against the simulators while an admin decides. The key travels sealed and is forgotten
     * once sent.
     */
    private void onVerified(Handle h, Signup signup) {
        TenantService.Created pending = tenants.createPending(h, NewTenant.of(signup.name(), signup.email(),
                signup.senderId()));
        long tenantId = pending.tenant().id();
        h.createUpdate("UPDATE signups SET tenant_id = :tenant WHERE id = :id").bind("tenant", tenantId)
                .bind("id", signup.id()).execute();
        Map<String, String> model = new LinkedHashMap<>();
        model.put("name", signup.name());
        model.put("sender_id", signup.senderId());
        model.put("client_id", Long.toString(tenantId));
        notifications.enqueue(h, new MailRequest(tenantId, Notifications.SIGNUP_TEST_KEY, signup.email(), List.of(),
                model, pending.testKey().secret(), "signup:" + signup.id() + ":" + Notifications.SIGNUP_TEST_KEY));
    }

    private static ServiceException invalidToken() {
        return new ServiceException("validation_failed", "The verification link is unknown, used or expired",
                List.of(new FieldError("token", "is unknown, used or expired")));
    }

    /** Applications, newest first; {@code status} null for all. */
    public List<Signup> list(String status) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM signups WHERE (:status IS NULL OR "
                        + "status = :status) ORDER BY created_at DESC, id DESC LIMIT 500")
                .bind("status", status).map((rs, ctx) -> map(rs)).list());
    }

    public Optional<Signup> find(String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM signups WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> map(rs)).findOne());
    }

    /**
     * The outcome of an approval.
     *
     * @param signup  the application as it is now
     * @param created false when it had been approved before (nothing was done again)
     */
    public record Approval(Signup signup, boolean created) {
    }

    /**
     * Approves a confirmed application: makes its pending sender live with the sender id asked for and mails the
     * welcome with its live key, in one transaction. Approving again does nothing and says so.
     *
     * @throws ServiceException {@code not_found}; {@code not_pending} when the email was never confirmed or the
     *                          application was rejected
     */
    public Approval approve(String id, Money openingBalance, Tier tier, Money price, String admin) {
        return jdbi.inTransaction(h -> {
            Signup signup = lock(h, id);
            if ("approved".equals(signup.status())) {
                return new Approval(signup, false);
            }
            if (!"pending_approval".equals(signup.status())) {
                throw new ServiceException("not_pending", "Sign-up " + id + " is " + signup.status()
                        + "; only a confirmed application (pending_approval) can be approved");
            }
            NewTenant spec = NewTenant.of(signup.name(), signup.email(), signup.senderId())
                    .withBalance(openingBalance == null ? Money.ZERO : openingBalance)
                    .withTier(tier == null ? Tier.BRONZE : tier)
                    .withPrice(price == null ? Money.ofCents(100) : price);
            // the tenant made pending at verification goes live; one verified before that existed is created now
            TenantService.Created created = signup.tenantId() != null
                    ? tenants.activate(h, signup.tenantId(), spec) : tenants.create(h, spec);
            h.createUpdate("UPDATE signups SET status = 'approved', tenant_id = :tenant, decided_at = :now, "
                            + "decided_by = :admin WHERE id = :id")
                    .bind("tenant", created.tenant().id()).bind("now", clock.instant()).bind("admin", admin)
                    .bind("id", id).execute();
            // activate issues no second test key: the applicant has had one since verifying (null leaves it out)
            notifications.welcome(h, created.tenant().id(), created.key(), created.testKey());
            return new Approval(get(h, id), true);
        });
    }

    /**
     * Rejects an application and mails the applicant the reason; a confirmed one's pending sender is suspended and its
     * test key revoked. Rejecting again does nothing.
     *
     * @throws ServiceException {@code validation_failed} without a reason; {@code not_found}; {@code not_pending} for
     *                          an approved application
     */
    public Signup reject(String id, String reason, String admin) {
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw ServiceException.validation("reason", "is required, at most 500 characters");
        }
        return jdbi.inTransaction(h -> {
            Signup signup = lock(h, id);
            if ("rejected".equals(signup.status())) {
                return signup;
            }
            if ("approved".equals(signup.status())) {
                throw new ServiceException("not_pending", "Sign-up " + id + " was approved already");
            }
            h.createUpdate("UPDATE signups SET status = 'rejected', token_hash = NULL, reject_reason = :reason, "
                            + "decided_at = :now, decided_by = :admin WHERE id = :id")
                    .bind("reason", reason.strip()).bind("now", clock.instant()).bind("admin", admin).bind("id", id)
                    .execute();
            if (signup.tenantId() != null) {
                tenants.closePending(h, signup.tenantId());   // its test key stops working with the refusal
            }
            Map<String, String> model = new LinkedHashMap<>();
            model.put("name", signup.name());
            model.put("sender_id", signup.senderId());
            model.put("reason", reason.strip());
            notifications.enqueue(h, new MailRequest(null, Notifications.SIGNUP_REJECTED, signup.email(), List.of(),
                    model, null, "signup:" + id + ":" + Notifications.SIGNUP_REJECTED));
            return get(h, id);
        });
    }

    private Signup lock(Handle h, String id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM signups WHERE id = :id FOR UPDATE").bind("id", id)
                .map((rs, ctx) -> map(rs)).findOne()
                .orElseThrow(() -> ServiceException.notFound("Sign-up " + id));
    }

    private static Signup get(Handle h, String id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM signups WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> map(rs)).one();
    }

    private String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Signup map(ResultSet rs) throws SQLException {
        return new Signup(rs.getString("id"), rs.getString("name"), rs.getString("email"), rs.getString("phone"),
                rs.getString("sender_id"), rs.getString("use_case"), rs.getString("status"),
                rs.getObject("tenant_id") == null ? null : rs.getLong("tenant_id"), rs.getString("reject_reason"),
                instant(rs, "created_at"), instant(rs, "verified_at"), instant(rs, "decided_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
