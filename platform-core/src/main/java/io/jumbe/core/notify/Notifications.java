package io.jumbe.core.notify;

import io.jumbe.core.apikeys.IssuedKey;
import io.jumbe.core.common.FieldError;
import io.jumbe.core.common.Ids;
import io.jumbe.core.common.Json;
import io.jumbe.core.common.Money;
import io.jumbe.core.common.ServiceException;
import io.jumbe.core.events.DomainEvent;
import io.jumbe.core.events.EventListener;
import io.jumbe.core.events.EventTypes;
import io.jumbe.core.jobs.Backoff;
import io.jumbe.core.jobs.Job;
import io.jumbe.core.jobs.JobHandler;
import io.jumbe.core.jobs.JobQueue;
import io.jumbe.core.jobs.JobRunner;
import io.jumbe.core.jobs.NewJob;
import io.jumbe.core.secrets.SecretBox;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Email to tenants. Mails are made from domain events by {@link #listener()}, in the transaction that records the
 * event (so a rolled-back change mails nobody, and no SMTP call ever runs inside a money transaction): each becomes a
 * {@code mail_messages} row, unique per {@code (event, template)}, and a durable job on queue {@value #QUEUE}. The job
 * renders the templates and hands the mail to the {@link Mailer}: 4xx answers and lost connections are retried with a
 * backoff, a 5xx answer fails the mail with the server's words.
 */
public final class Notifications {
    /** The job queue mails are sent from. */
    public static final String QUEUE = "mail";
    /** The job kind of one mail. */
    public static final String JOB_KIND = "mail.send";
    public static final String WELCOME = "welcome";
    public static final String LOW_BALANCE = "low_balance";
    public static final String TOPUP_COMPLETED = "topup_completed";
    public static final String TOPUP_FAILED = "topup_failed";
    public static final String WEBHOOKS_DISABLED = "webhooks_disabled";
    public static final String SIGNUP_VERIFY = "signup_verify";
    public static final String SIGNUP_REJECTED = "signup_rejected";
    /** The test key mailed when a sign-up's address is confirmed, to build with while the application waits. */
    public static final String SIGNUP_TEST_KEY = "signup_test_key";
    /** What {@code mail show} prints where a mail carried a secret (a key, a link's token): it is never kept once sent. */
    public static final String SECRET_NOT_KEPT = "(sent once, not kept)";

    private static final Logger log = LoggerFactory.getLogger(Notifications.class);
    private static final int MAX_ATTEMPTS = 12;
    private static final int MAX_CC = 5;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final String COLUMNS = "id, tenant_id, template, to_address, cc, subject, status, attempts, "
            + "last_error, created_at, sent_at";

    /**
     * How mails leave and what they say about us.
     *
     * @param from          the From header ({@code MAIL_FROM})
     * @param replyTo       the Reply-To header ({@code MAIL_REPLY_TO}), or null
     * @param supportEmail  where tenants are told to write ({@code SUPPORT_EMAIL})
     * @param publicBaseUrl our public address ({@code PUBLIC_BASE_URL}), read when a mail is queued
     */
    public record Settings(String from, String replyTo, String supportEmail, Supplier<String> publicBaseUrl) {
    }

    private final Jdbi jdbi;
    private final Ids ids;
    private final Clock clock;
    private final JobQueue jobs;
    private final SecretBox secrets;
    private final Mailer mailer;
    private final Settings settings;
    private final MailTemplates templates = new MailTemplates();
    private volatile Runnable newWork = () -> {
    };

    public Notifications(Jdbi jdbi, Ids ids, Clock clock, JobQueue jobs, SecretBox secrets, Mailer mailer,
                         Settings settings) {
        this.jdbi = jdbi;
        this.ids = ids;
        this.clock = clock;
        this.jobs = jobs;
        this.secrets = secrets;
        this.mailer = mailer;
        this.settings = settings;
    }

    /** Where mails go ({@link Mailer#describe()} for the start-up log). */
    public Mailer mailer() {
        return mailer;
    }

    /** Called after a transaction that queued mails commits: wakes this instance's mail worker. */
    public void onNewWork(Runnable wake) {
        this.newWork = wake;
    }

    /** How the job runner works the mail queue. */
    public JobRunner.QueueSpec queueSpec(Duration pollInterval, Backoff backoff) {
        return new JobRunner.QueueSpec(QUEUE, Map.of(JOB_KIND, new SendJob()), 2, Duration.ofMinutes(2), pollInterval,
                backoff);
    }

    // ------------------------------------------------------------------ recipients and settings

    /** A tenant as the mails need it. */
    private record Recipient(long tenantId, String name, String email, List<String> cc, long priceCents,
                             long balanceCents, long thresholdCents, boolean lowBalance, boolean topup,
                             boolean webhooks, boolean test) {
    }

    /** The tenant's mail settings, or empty for an unknown tenant. */
    private Optional<Recipient> recipient(Handle h, long tenantId) {
        return h.createQuery("SELECT id, name, email, notify_cc, price_per_segment_cents, balance_cents, "
                        + "low_balance_threshold_cents, email_low_balance, email_topup, email_webhooks, live_tenant_id "
                        + "FROM tenants WHERE id = :id")
                .bind("id", tenantId)
                .map((rs, ctx) -> new Recipient(rs.getLong("id"), rs.getString("name"), rs.getString("email"),
                        splitCc(rs.getString("notify_cc")), rs.getLong("price_per_segment_cents"),
                        rs.getLong("balance_cents"), rs.getLong("low_balance_threshold_cents"),
                        rs.getBoolean("email_low_balance"), rs.getBoolean("email_topup"), rs.getBoolean("email_webhooks"),
                        rs.getObject("live_tenant_id") != null))
                .findOne();
    }

    /** The tenant as a mail recipient: never a test-mode twin, whose events send no email (issue 14). */
    private Optional<Recipient> mailRecipient(Handle h, long tenantId) {
        return recipient(h, tenantId).filter(r -> !r.test());
    }

    /** The tenant's notification settings. */
    public NotificationSettings settings(long tenantId) {
        return jdbi.withHandle(h -> recipient(h, tenantId)
                .map(r -> new NotificationSettings(r.email(), r.cc(), Money.ofCents(r.thresholdCents()), r.lowBalance(),
                        r.topup(), r.webhooks()))
                .orElseThrow(() -> ServiceException.notFound("Sender " + tenantId)));
    }

    /**
     * Changes the tenant's notification settings.
     *
     * @throws ServiceException {@code validation_failed} for an address that is not one, too many copies or a
     *                          negative threshold; nothing changes then
     */
    public NotificationSettings update(long tenantId, NotificationUpdate change) {
        List<FieldError> errors = new ArrayList<>();
        if (change.email() != null && !validAddress(change.email())) {
            errors.add(new FieldError("email", "must be an email address"));
        }
        if (change.cc() != null) {
            if (change.cc().size() > MAX_CC) {
                errors.add(new FieldError("cc", "at most " + MAX_CC + " addresses"));
            }
            for (int i = 0; i < change.cc().size(); i++) {
                if (change.cc().get(i) == null || !validAddress(change.cc().get(i))) {
                    errors.add(new FieldError("cc[" + i + "]", "must be an email address"));
                }
            }
        }
        if (change.lowBalanceThreshold() != null && change.lowBalanceThreshold().isNegative()) {
            errors.add(new FieldError("low_balance_threshold", "must not be negative"));
        }
        if (!errors.isEmpty()) {
            throw new ServiceException("validation_failed", "The notification settings have invalid fields", errors);
        }
        jdbi.useTransaction(h -> {
            int changed = h.createUpdate("UPDATE tenants SET email = COALESCE(:email, email), "
                            + "notify_cc = CASE WHEN :setCc THEN :cc ELSE notify_cc END, "
                            + "low_balance_threshold_cents = COALESCE(:threshold, low_balance_threshold_cents), "
                            + "email_low_balance = COALESCE(:lowBalance, email_low_balance), "
                            + "email_topup = COALESCE(:topup, email_topup), "
                            + "email_webhooks = COALESCE(:webhooks, email_webhooks), updated_at = :now WHERE id = :id")
                    .bind("email", change.email() == null ? null : change.email().strip())
                    .bind("setCc", change.cc() != null)
                    .bind("cc", change.cc() == null || change.cc().isEmpty() ? null
                            : String.join(",", change.cc().stream().map(String::strip).toList()))
                    .bind("threshold", change.lowBalanceThreshold() == null ? null : change.lowBalanceThreshold().cents())
                    .bind("lowBalance", change.lowBalance()).bind("topup", change.topup())
                    .bind("webhooks", change.webhooks()).bind("now", clock.instant()).bind("id", tenantId)
                    .execute();
            if (changed == 0) {
                throw ServiceException.notFound("Sender " + tenantId);
            }
        });
        return settings(tenantId);
    }

    /** An address a mail can go to: one mailbox, written plainly ({@code ops@example.co.ke}). */
    public static boolean validAddress(String address) {
        if (address == null || address.length() > 320 || !EMAIL.matcher(address.strip()).matches()) {
            return false;
        }
        try {
            new InternetAddress(address.strip(), true).validate();
            return true;
        } catch (AddressException e) {
            return false;
        }
    }

    private static List<String> splitCc(String stored) {
        return stored == null || stored.isBlank() ? List.of() : Arrays.asList(stored.split(","));
    }

    // ------------------------------------------------------------------ mails made from events

    /** Makes the mails of an event, in the event's transaction. */
    public EventListener listener() {
        return this::onEvent;
    }

    private void onEvent(Handle h, DomainEvent event) {
        switch (event.type()) {
            case EventTypes.BALANCE_UPDATED -> onBalance(h, event);
            case EventTypes.TOPUP_COMPLETED -> onTopup(h, event, TOPUP_COMPLETED);
            case EventTypes.TOPUP_FAILED -> onTopup(h, event, TOPUP_FAILED);
            case EventTypes.WEBHOOKS_DISABLED -> onWebhooksDisabled(h, event);
            default -> {
            }
        }
    }

    /**
     * Once per crossing: a debit that leaves the balance below the threshold while the alert is armed disarms it and
     * mails; only a credit (not a refund) that brings the balance back to the threshold arms it again. Both are one
     * conditional UPDATE of the tenant's row, which the balance change has locked already.
     */
    private void onBalance(Handle h, DomainEvent event) {
        long amount = cents(event.data().get("amount"));
        long balance = cents(event.data().get("new_balance"));
        if (amount < 0) {
            int disarmed = h.createUpdate("UPDATE tenants SET low_balance_armed = FALSE WHERE id = :id "
                            + "AND low_balance_armed AND email_low_balance AND low_balance_threshold_cents > :balance")
                    .bind("id", event.tenantId()).bind("balance", balance).execute();
            if (disarmed == 1) {
                mailRecipient(h, event.tenantId()).ifPresent(r -> {
                    Map<String, String> model = base(r);
                    model.put("balance", MailTemplates.kes(balance));
                    model.put("threshold", MailTemplates.kes(r.thresholdCents()));
                    model.put("price", MailTemplates.kes(r.priceCents()));
                    model.put("sms_remaining", String.format(java.util.Locale.US, "%,d", balance / r.priceCents()));
                    model.put("at", MailTemplates.time(event.createdAt()));
                    enqueue(h, new MailRequest(r.tenantId(), LOW_BALANCE, r.email(), r.cc(), model, null,
                            event.eventId() + ":" + LOW_BALANCE));
                });
            }
        } else if (amount > 0 && !"refund".equals(event.data().get("cause"))) {
            h.createUpdate("UPDATE tenants SET low_balance_armed = TRUE WHERE id = :id AND NOT low_balance_armed "
                            + "AND low_balance_threshold_cents <= :balance")
                    .bind("id", event.tenantId()).bind("balance", balance).execute();
        }
    }

    private void onTopup(Handle h, DomainEvent event, String template) {
        mailRecipient(h, event.tenantId()).filter(Recipient::topup).ifPresent(r -> {
            Map<String, String> model = base(r);
            model.put("amount", MailTemplates.kes(cents(event.data().get("amount"))));
            model.put("transaction_id", String.valueOf(event.data().get("transaction_id")));
            Object receipt = event.data().get("mpesa_receipt");
            model.put("receipt", receipt == null ? "" : receipt.toString());
            model.put("method", "manual".equals(event.data().get("payment_method")) ? "manual top-up" : "M-Pesa");
            model.put("balance", MailTemplates.kes(r.balanceCents()));
            Object reason = event.data().get("failure_reason");
            model.put("reason", reason == null ? "The payment was not completed." : reason.toString());
            model.put("at", MailTemplates.time(event.createdAt()));
            enqueue(h, new MailRequest(r.tenantId(), template, r.email(), r.cc(), model, null,
                    event.eventId() + ":" + template));
        });
    }

    private void onWebhooksDisabled(Handle h, DomainEvent event) {
        mailRecipient(h, event.tenantId()).filter(Recipient::webhooks).ifPresent(r -> {
            Map<String, String> model = base(r);
            Object reason = event.data().get("reason");
            model.put("reason", reason == null ? "the receiver answered 410 Gone" : reason.toString());
            model.put("at", MailTemplates.time(event.createdAt()));
            enqueue(h, new MailRequest(r.tenantId(), WEBHOOKS_DISABLED, r.email(), r.cc(), model, null,
                    event.eventId() + ":" + WEBHOOKS_DISABLED));
        });
    }

    private static Map<String, String> base(Recipient r) {
        Map<String, String> model = new LinkedHashMap<>();
        model.put("name", r.name());
        model.put("client_id", Long.toString(r.tenantId()));
        return model;
    }

    private static long cents(Object decimal) {
        if (decimal == null) {
            return 0;
        }
        BigDecimal value = decimal instanceof BigDecimal d ? d : new BigDecimal(decimal.toString());
        return value.movePointRight(2).longValueExact();
    }

    // ------------------------------------------------------------------ mails made by the platform

    /**
     * The welcome mail of a new sender with its live key, the one place a key is sent. Always goes (the settings do
     * not turn it off); queued once per sender.
     *
     * @return the mail's id, or empty when the tenant gets no email or its welcome was queued before
     */
    public Optional<String> welcome(long tenantId, IssuedKey key, IssuedKey testKey) {
        return jdbi.inTransaction(h -> welcome(h, tenantId, key, testKey));
    }

    /**
     * {@link #welcome(long, IssuedKey, IssuedKey)} in the caller's transaction. The test key (null when none was
     * issued) travels sealed beside the live one, as {@code test_secret}.
     */
    public Optional<String> welcome(Handle h, long tenantId, IssuedKey key, IssuedKey testKey) {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("secret", key.secret());
        if (testKey != null) {
            keys.put("test_secret", testKey.secret());
        }
        return mailRecipient(h, tenantId).flatMap(r -> enqueue(h, new MailRequest(r.tenantId(), WELCOME, r.email(), r.cc(),
                base(r), Json.write(keys), "tenant:" + tenantId + ":" + WELCOME)));
    }

    /**
     * Queues a mail in the caller's transaction: its log row and its job, or nothing when a mail with the same dedupe
     * key exists.
     *
     * @return the new mail's id, or empty when it was queued before
     */
    public Optional<String> enqueue(Handle h, MailRequest request) {
        if (!MailTemplates.known(request.template())) {
            throw new IllegalArgumentException("no mail template " + request.template());
        }
        Map<String, String> model = new LinkedHashMap<>(request.model());
        model.put("support_email", supportAddress());
        String base = settings.publicBaseUrl().get();
        model.put("api_base_url", base);
        model.put("docs_url", base + "/docs");
        String id = ids.next("MAIL");
        Instant now = clock.instant();
        int inserted = h.createUpdate("INSERT INTO mail_messages (id, dedupe_key, tenant_id, template, to_address, cc, "
                        + "subject, model, secret, status, attempts, created_at, updated_at) VALUES (:id, :dedupe, "
                        + ":tenant, :template, :to, :cc, :subject, :model, :secret, 'queued', 0, :now, :now) "
                        + "ON CONFLICT DO NOTHING")
                .bind("id", id).bind("dedupe", request.dedupeKey()).bind("tenant", request.tenantId())
                .bind("template", request.template()).bind("to", request.to())
                .bind("cc", request.cc().isEmpty() ? null : String.join(",", request.cc()))
                .bind("subject", templates.subject(request.template(), model)).bind("model", Json.write(model))
                .bind("secret", request.secret() == null ? null : secrets.seal(request.secret()))
                .bind("now", now).execute();
        if (inserted == 0) {
            return Optional.empty();
        }
        jobs.enqueue(h, NewJob.of(QUEUE, JOB_KIND, id).dedupedBy("mail:" + id).maxAttempts(MAX_ATTEMPTS));
        h.afterCommit(() -> newWork.run());
        return Optional.of(id);
    }

    /** The bare address of {@code SUPPORT_EMAIL}. */
    private String supportAddress() {
        try {
            return new InternetAddress(settings.supportEmail()).getAddress();
        } catch (AddressException e) {
            return settings.supportEmail();
        }
    }

    // ------------------------------------------------------------------ sending

    private final class SendJob implements JobHandler {
        @Override
        public void run(Job job) {
            Optional<Stored> stored = jdbi.withHandle(h -> load(h, job.payload()));
            if (stored.isEmpty() || !"queued".equals(stored.get().message().status())) {
                return;   // sent (or failed) already: a job run again after a lost claim does nothing
            }
            MailMessage m = stored.get().message();
            Email email;
            try {
                Map<String, String> model = stored.get().model();
                if (stored.get().secret() != null) {
                    model.putAll(openSecrets(secrets.open(stored.get().secret())));
                }
                MailTemplates.Rendered rendered = templates.render(m.template(), model);
                email = new Email(m.id(), settings.from(), settings.replyTo(), m.to(), m.cc(), rendered.subject(),
                        rendered.text(), rendered.html());
            } catch (RuntimeException e) {
                log.error("mail {} could not be rendered", m.id(), e);
                throw new PermanentFailure("the mail could not be rendered: " + e.getMessage());
            }
            try {
                mailer.send(email);
            } catch (MailFailure failure) {
                if (failure.permanent()) {
                    throw new PermanentFailure(failure.getMessage());
                }
                jdbi.useHandle(h -> h.createUpdate("UPDATE mail_messages SET attempts = :attempts, last_error = :error, "
                                + "updated_at = :now WHERE id = :id AND status = 'queued'")
                        .bind("attempts", job.attempts()).bind("error", truncate(failure.getMessage()))
                        .bind("now", clock.instant()).bind("id", m.id()).execute());
                throw new IllegalStateException(failure.getMessage(), failure);
            }
            Instant now = clock.instant();
            jdbi.useHandle(h -> h.createUpdate("UPDATE mail_messages SET status = 'sent', attempts = :attempts, "
                            + "last_error = NULL, secret = NULL, sent_at = :now, updated_at = :now "
                            + "WHERE id = :id AND status = 'queued'")
                    .bind("attempts", job.attempts()).bind("now", now).bind("id", m.id()).execute());
            log.info("mail {} ({}) to {} sent", m.id(), m.template(), m.to());
        }

        @Override
        public void exhausted(Handle h, Job job, String lastError) {
            h.createUpdate("UPDATE mail_messages SET status = 'failed', attempts = :attempts, last_error = :error, "
                            + "secret = NULL, updated_at = :now WHERE id = :id AND status = 'queued'")
                    .bind("attempts", job.attempts()).bind("error", truncate(lastError)).bind("now", clock.instant())
                    .bind("id", job.payload()).execute();
        }
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 2000 ? s : s.substring(0, 2000);
    }

    // ------------------------------------------------------------------ the log

    private record Stored(MailMessage message, Map<String, String> model, String secret) {
    }

    private Optional<Stored> load(Handle h, String id) {
        return h.createQuery("SELECT " + COLUMNS + ", model, secret FROM mail_messages WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> new Stored(map(rs), readModel(rs.getString("model")), rs.getString("secret")))
                .findOne();
    }

    /** A mail's sealed secrets: several as a JSON object (the welcome's two keys), or one plain {@code secret}. */
    private static Map<String, String> openSecrets(String opened) {
        return opened.startsWith("{") ? readModel(opened) : Map.of("secret", opened);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> readModel(String json) {
        try {
            return new LinkedHashMap<>(Json.mapper().readValue(json, Map.class));
        } catch (Exception e) {
            throw new IllegalStateException("unreadable mail model", e);
        }
    }

    /**
     * The log, newest first.
     *
     * @param status {@code queued}, {@code sent}, {@code failed}, or null for all
     * @param to     only mails to this address (case-insensitive), or null
     */
    public List<MailMessage> list(String status, String to, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM mail_messages WHERE "
                        + "(:status IS NULL OR status = :status) AND (:to IS NULL OR LOWER(to_address) = LOWER(:to)) "
                        + "ORDER BY created_at DESC, id DESC LIMIT :limit")
                .bind("status", status).bind("to", to).bind("limit", limit)
                .map((rs, ctx) -> map(rs)).list());
    }

    /** One mail of the log with its text as sent (an API key it carried is not kept, and shown as such). */
    public record Shown(MailMessage message, String text) {
    }

    public Optional<Shown> show(String id) {
        return jdbi.withHandle(h -> load(h, id)).map(stored -> {
            Map<String, String> model = stored.model();
            model.put("secret", SECRET_NOT_KEPT);
            model.put("test_secret", SECRET_NOT_KEPT);
            return new Shown(stored.message(), templates.render(stored.message().template(), model).text());
        });
    }

    private static MailMessage map(ResultSet rs) throws SQLException {
        return new MailMessage(rs.getString("id"), rs.getObject("tenant_id") == null ? null : rs.getLong("tenant_id"),
                rs.getString("template"), rs.getString("to_address"), splitCc(rs.getString("cc")),
                rs.getString("subject"), rs.getString("status"), rs.getInt("attempts"), rs.getString("last_error"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("sent_at") == null ? null : rs.getObject("sent_at", OffsetDateTime.class).toInstant());
    }
}
