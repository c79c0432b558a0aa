package io.jumbe.core.whatsapp;

import io.jumbe.core.analytics.UsageCounters;
import io.jumbe.core.contacts.OptOuts;
import io.jumbe.core.tenant.TenantModes;
import io.jumbe.core.common.FieldError;
import io.jumbe.core.common.Ids;
import io.jumbe.core.common.ListPage;
import io.jumbe.core.common.Money;
import io.jumbe.core.common.PageRequest;
import io.jumbe.core.common.SendLimits;
import io.jumbe.core.common.ServiceException;
import io.jumbe.core.common.TextRules;
import io.jumbe.core.jobs.JobQueue;
import io.jumbe.core.jobs.NewJob;
import io.jumbe.core.phone.PhoneNumbers;
import io.jumbe.core.sms.Rejection;
import io.jumbe.core.store.NewestFirst;
import io.jumbe.core.tenant.Tenant;
import io.jumbe.core.wallet.BalanceChange;
import io.jumbe.core.wallet.InsufficientBalance;
import io.jumbe.core.wallet.Ledger;
import io.jumbe.core.wallet.Posting;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * Sending WhatsApp messages: validation, the template check, the 24-hour window, pricing by category, and one
 * conditional debit with the messages and their dispatch jobs in one transaction (as {@code SmsService} does for
 * SMS); the cross-channel views ({@code /messages}) and the tenants' WhatsApp settings. Dispatch is
 * {@link WhatsAppDispatcher}'s work; Meta's webhooks are {@link WhatsAppLifecycle}'s.
 */
public final class WhatsAppService {
    /** Queue of messages sent to one recipient. */
    public static final String SINGLE_QUEUE = "whatsapp";
    /** Queue of messages from multi-recipient requests. */
    public static final String BULK_QUEUE = "whatsapp-bulk";
    /** Job kind of a message's dispatch; the payload is the message id. */
    public static final String SEND_KIND = "whatsapp.send";
    public static final int MAX_RECIPIENTS = SendLimits.MAX_RECIPIENTS;
    public static final int MAX_TEXT = 4096;
    public static final int MAX_REFERENCE = SendLimits.MAX_REFERENCE;
    public static final int MAX_PARAMETER = 1024;
    public static final Duration WINDOW = Duration.ofHours(24);
    public static final Duration MAX_SCHEDULE_AHEAD = SendLimits.MAX_SCHEDULE_AHEAD;
    public static final int MAX_ATTEMPTS = 8;

    private static final NewestFirst<ChannelMessage> HISTORY = new NewestFirst<>(WhatsAppStore.COLUMNS, "messages",
            "tenant_id", (rs, ctx) -> WhatsAppStore.map(rs));
    private static final NewestFirst<InboundMessage> INBOUND = new NewestFirst<>(WhatsAppStore.INBOUND_COLUMNS,
            "inbound_messages", "tenant_id", (rs, ctx) -> WhatsAppStore.mapInbound(rs));

    private final Jdbi jdbi;
    private final Clock clock;
    private final Ids ids;
    private final Ledger ledger;
    private final JobQueue jobs;
    private final Templates templates;
    private Templates testTemplates;
    private TenantModes modes;
    private final WhatsAppLifecycle lifecycle;
    private final String platformPhoneNumberId;
    private final List<Consumer<String>> queuedListeners = new CopyOnWriteArrayList<>();

    public WhatsAppService(Jdbi jdbi, Clock clock, Ids ids, Ledger ledger, JobQueue jobs, Templates templates,
                           WhatsAppLifecycle lifecycle, String platformPhoneNumberId, OptOuts optOuts) {
        this.optOuts = optOuts;
        this.jdbi = jdbi;
        this.clock = clock;
        this.ids = ids;
        this.ledger = ledger;
        this.jobs = jobs;
        this.templates = templates;
        this.lifecycle = lifecycle;
        this.platformPhoneNumberId = platformPhoneNumberId;
    }

    private final OptOuts optOuts;

    /** Status changes and replies from Meta's webhooks. */
    public WhatsAppLifecycle lifecycle() {
        return lifecycle;
    }

    /** Called with the queue name after a send commits. */
    public void onQueued(Consumer<String> listener) {
        queuedListeners.add(listener);
    }

    /**
     * Where test mode's templates come from (the simulator test mode sends to); until set, the live account's.
     */
    public void testTemplates(Templates simulator) {
        this.testTemplates = simulator;
        this.modes = new TenantModes(jdbi);
    }

    private Templates templatesFor(long tenantId) {
        return testTemplates != null && modes.isTest(tenantId) ? testTemplates : templates;
    }

    /** The templates of the business account test mode or live mode of {@code tenantId} sends with (cached). */
    public List<Template> templates(long tenantId) {
        return templatesFor(tenantId).all();
    }

    /** The business account's templates (cached). */
    public List<Template> templates() {
        return templates.all();
    }

    /**
     * The approved template of the account {@code tenantId} sends with (test mode: the simulator's) that {@code ref}
     * names, with its parameter count checked, as a send checks it.
     *
     * @throws ServiceException {@code unknown_template}, {@code validation_failed} on {@code template.parameters}
     */
    public Template template(long tenantId, TemplateRef ref) {
        return templatesFor(tenantId).require(ref);
    }

    /**
     * A template message whose charge was already taken (a campaign's, debited once at launch): what
     * {@link #queuePrepaid} needs to queue it.
     *
     * @param parameters the body parameters, rendered for this recipient
     * @param cost       what the recipient was charged
     */
    public record Prepaid(String messageId, String recipient, List<String> parameters, Money cost) {
    }

    /**
     * Inserts already-paid template messages with their dispatch jobs on the bulk lane, in the caller's transaction,
     * debiting nothing: the caller charged for them, and each message carries its own cost, so one Meta reports
     * failed is refunded like any other. No 24-hour window applies: these are templates.
     *
     * @param batchId  the batch the messages belong to (a campaign id)
     * @param template the template's name and language (the parameters are each message's)
     */
    public void queuePrepaid(Handle h, long tenantId, String batchId, TemplateRef template, Category category,
                             String reference, List<Prepaid> items) {
        if (items.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        String own = WhatsAppStore.settings(h, tenantId).phoneNumberId();
        String phoneNumberId = own == null ? platformPhoneNumberId : own;
        List<WhatsAppStore.NewMessage> messages = new ArrayList<>(items.size());
        List<NewJob> work = new ArrayList<>(items.size());
        for (Prepaid p : items) {
            messages.add(new WhatsAppStore.NewMessage(p.messageId(), tenantId, batchId, p.recipient(), null,
                    new TemplateRef(template.name(), template.language(), p.parameters()), category, p.cost(),
                    reference, "bulk", phoneNumberId, null, now));
            work.add(NewJob.of(BULK_QUEUE, SEND_KIND, p.messageId()).dedupedBy(p.messageId())
                    .maxAttempts(MAX_ATTEMPTS));
        }
        h.afterCommit(() -> queuedListeners.forEach(l -> l.accept(BULK_QUEUE)));
        WhatsAppStore.insertAll(h, messages);
        jobs.enqueueAll(h, work);
    }

    /**
     * Queues a send and charges it, all or nothing.
     *
     * @throws ServiceException {@code validation_failed}, {@code unknown_template}, {@code invalid_recipient},
     *                          {@code whatsapp_window_closed}, {@code insufficient_balance}
     */
    public WhatsAppSendResult send(Tenant tenant, WhatsAppSendRequest request) {
        long tenantId = tenant.id();
        validate(request);
        TemplateRef ref = request.template();
        Category category = Category.SERVICE;
        if (ref != null) {
            Template t = templatesFor(tenantId).require(ref);
            category = t.category();
            ref = new TemplateRef(t.name(), t.language(), ref.parameters());
        }
        Recipients r = recipients(tenantId, request);
        Instant now = clock.instant();
        boolean bulk = r.accepted().size() > 1;
        String queue = bulk ? BULK_QUEUE : SINGLE_QUEUE;
        String batchId = ids.next("BAT");
        String reference = request.reference() == null || request.reference().isBlank() ? null : request.reference();
        WhatsAppStore.Settings own = jdbi.withHandle(h -> WhatsAppStore.settings(h, tenantId));
        WhatsAppPrices prices = own.prices();
        String phoneNumberId = own.phoneNumberId() == null ? platformPhoneNumberId : own.phoneNumberId();
        Money each = prices.of(category);
        Money total = each.times(r.accepted().size());
        List<WhatsAppStore.NewMessage> messages = new ArrayList<>();
        List<NewJob> work = new ArrayList<>();
        for (String recipient : r.accepted()) {
            String id = ids.next("MSG");
            messages.add(new WhatsAppStore.NewMessage(id, tenantId, batchId, recipient, request.text(), ref, category,
                    each, reference, bulk ? "bulk" : "single", phoneNumberId, request.scheduleAt(), now));
            work.add(NewJob.of(queue, SEND_KIND, id).dedupedBy(id).at(request.scheduleAt()).maxAttempts(MAX_ATTEMPTS));
        }
        String what = messages.size() == 1 ? messages.get(0).id() : batchId;
        Category charged = category;
        BalanceChange change = jdbi.inTransaction(h -> {
            h.afterCommit(() -> queuedListeners.forEach(l -> l.accept(queue)));
            WhatsAppStore.insertAll(h, messages);
            jobs.enqueueAll(h, work);
            BalanceChange debited = ledger.debit(h, tenantId, total, Posting.of("whatsapp_charge", "WhatsApp "
                            + charged.wireName() + " message to " + messages.size() + " recipient(s)").withReference(what))
                    .orElseThrow(() -> InsufficientBalance.of(h, tenantId, total, "request"));
            // after the debit: the tenant's row before the day's counter row, the order every writer takes them in
            // (the other way round, a send and a status of the same tenant deadlocked)
            lifecycle.usage().accepted(h, tenantId, UsageCounters.WHATSAPP, charged.wireName(), messages.size(),
                    messages.size(), total.cents());
            return debited;
        });
        List<WhatsAppSendResult.Queued> queued = messages.stream()
                .map(m -> new WhatsAppSendResult.Queued(m.id(), m.recipient(), m.cost())).toList();
        return new WhatsAppSendResult(request.single(), batchId, queued, category, total, change.after(), r.rejected());
    }

    private void validate(WhatsAppSendRequest request) {
        List<FieldError> errors = new ArrayList<>();
        boolean hasText = request.text() != null;
        TemplateRef t = request.template();
        if (hasText == (t != null)) {
            errors.add(new FieldError("text", "give either 'text' or 'template', not both"));
        }
        if (hasText) {
            if (request.text().isBlank()) {
                errors.add(new FieldError("text", "may not be empty"));
            } else if (request.text().length() > MAX_TEXT) {
                errors.add(new FieldError("text", "is at most " + MAX_TEXT + " characters"));
            }
            TextRules.check(errors, "text", request.text(), TextRules.Kind.MESSAGE);
        }
        if (t != null) {
            if (t.name() == null || t.name().isBlank()) {
                errors.add(new FieldError("template.name", "is required"));
            }
            TextRules.check(errors, "template.name", t.name(), TextRules.Kind.LINE);
            TextRules.check(errors, "template.language", t.language(), TextRules.Kind.LINE);
            for (int i = 0; i < t.parameters().size(); i++) {
                String p = t.parameters().get(i);
                if (p == null || p.isBlank()) {
                    errors.add(new FieldError("template.parameters[" + i + "]", "may not be empty"));
                } else if (p.length() > MAX_PARAMETER) {
                    errors.add(new FieldError("template.parameters[" + i + "]", "is at most " + MAX_PARAMETER
                            + " characters"));
                } else {
                    TextRules.check(errors, "template.parameters[" + i + "]", p, TextRules.Kind.MESSAGE);
                }
            }
        }
        SendLimits.check(errors, clock.instant(), request.reference(), request.scheduleAt(), request.single(),
                request.recipients());
        if (!errors.isEmpty()) {
            throw new ServiceException("validation_failed", "The request has invalid fields", errors);
        }
    }

    private record Recipients(List<String> accepted, List<Rejection> rejected) {
    }

    /**
     * THE place where a WhatsApp send's recipients are admitted or rejected: normalised and de-duplicated, then (for
     * free-form text) only those whose 24-hour window with this tenant is open, less the numbers that opted out of
     * this tenant ({@link OptOuts}).
     */
    private Recipients recipients(long tenantId, WhatsAppSendRequest request) {
        LinkedHashSet<String> valid = new LinkedHashSet<>();
        List<Rejection> rejected = new ArrayList<>();
        List<FieldError> invalid = new ArrayList<>();
        for (int i = 0; i < request.recipients().size(); i++) {
            String input = request.recipients().get(i);
            PhoneNumbers.Result r = PhoneNumbers.parse(input);
            if (r instanceof PhoneNumbers.Valid v) {
                valid.add(v.msisdn());
            } else {
                String reason = ((PhoneNumbers.Invalid) r).reason();
                rejected.add(new Rejection(input, "invalid_recipient", reason));
                if (invalid.size() < 100) {
                    invalid.add(new FieldError(request.single() ? "recipient" : "recipients[" + i + "]", reason));
                }
            }
        }
        if (valid.isEmpty()) {
            throw new ServiceException("invalid_recipient", rejected.size() == 1
                    ? "The recipient is " + rejected.get(0).reason() + "."
                    : "None of the " + rejected.size() + " recipients is a valid Kenyan mobile number.",
                    invalid, Map.of("rejected", rejected.stream().limit(100).map(Rejection::toMap).toList()));
        }
        // Numbers that opted out of this tenant are never sent to nor charged: one alone is refused, in a list each
        // is rejected with the others sent (the same rule as SMS).
        Set<String> optedOut = optOuts.among(tenantId, valid);
        if (!optedOut.isEmpty()) {
            if (request.single()) {
                throw OptOuts.optedOut(valid.iterator().next());
            }
            valid.removeAll(optedOut);
            optedOut.stream().sorted().forEach(n -> rejected.add(new Rejection(n, OptOuts.OPTED_OUT,
                    "the recipient has opted out of messages from this account")));
            if (valid.isEmpty()) {
                throw new ServiceException(OptOuts.RECIPIENT_OPTED_OUT, "All " + optedOut.size() + " recipients have "
                        + "opted out of messages from this account.", List.of(),
                        Map.of("rejected", rejected.stream().limit(100).map(Rejection::toMap).toList()));
            }
        }
        List<String> accepted = new ArrayList<>(valid);
        if (request.text() != null) {
            Set<String> open = jdbi.withHandle(h -> WhatsAppStore.windowOpen(h, tenantId, accepted,
                    clock.instant().minus(WINDOW)));
            List<String> closed = accepted.stream().filter(n -> !open.contains(n)).toList();
            for (String n : closed) {
                rejected.add(new Rejection(n, "whatsapp_window_closed", "has not written to this account in the last "
                        + "24 hours; send a template instead"));
            }
            accepted.removeAll(closed);
            if (accepted.isEmpty()) {
                throw new ServiceException("whatsapp_window_closed", closed.size() == 1 && valid.size() == 1
                        && request.single()
                        ? "Free-form text can only go to a customer who wrote to this account in the last 24 hours; "
                        + closed.get(0) + " has not. Send an approved template instead."
                        : "None of the recipients wrote to this account in the last 24 hours; free-form text can only "
                        + "go to them inside that window. Send an approved template instead.", List.of(),
                        Map.of("rejected", rejected.stream().limit(100).map(Rejection::toMap).toList()));
            }
        }
        return new Recipients(List.copyOf(accepted), List.copyOf(rejected));
    }

    /** Whether {@code recipient} wrote to the tenant in the last 24 hours. */
    public boolean windowOpen(long tenantId, String recipient) {
        String n = PhoneNumbers.normalize(recipient).orElse(recipient);
        return !jdbi.withHandle(h -> WhatsAppStore.windowOpen(h, tenantId, List.of(n), clock.instant().minus(WINDOW)))
                .isEmpty();
    }

    /** One of the tenant's messages of either channel, outbound or inbound; another tenant's is {@code not_found}. */
    public ChannelMessage get(long tenantId, String messageId) {
        return jdbi.withHandle(h -> WhatsAppStore.find(h, messageId))
                .filter(m -> m.tenantId() == tenantId)
                .orElseThrow(() -> ServiceException.notFound("Message " + messageId));
    }

    /** A customer's message to the tenant; another tenant's is {@code not_found}. */
    public java.util.Optional<InboundMessage> findInbound(long tenantId, String messageId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + WhatsAppStore.INBOUND_COLUMNS
                        + " FROM inbound_messages WHERE id = :id AND tenant_id = :t").bind("id", messageId)
                .bind("t", tenantId).map((rs, ctx) -> WhatsAppStore.mapInbound(rs)).findOne());
    }

    /** The tenant's messages of both channels, newest first. */
    public ListPage<ChannelMessage> history(long tenantId, MessageFilter filter, PageRequest page) {
        StringBuilder where = new StringBuilder("tenant_id = :t");
        String recipient = filter.recipient() == null ? null
                : PhoneNumbers.normalize(filter.recipient()).orElse(filter.recipient().strip());
        Map<String, Object> binds = new LinkedHashMap<>();
        binds.put("t", tenantId);
        condition(where, binds, "channel", filter.channel());
        condition(where, binds, "status", filter.status());
        condition(where, binds, "recipient", recipient);
        condition(where, binds, "reference", filter.reference());
        range(where, binds, filter.from(), filter.to());
        Consumer<Query> bind = q -> binds.forEach(q::bind);
        return jdbi.withHandle(h -> HISTORY.page(h, tenantId, where.toString(), bind, page));
    }

    /** Messages customers sent to the tenant, newest first ({@code recipient} filters by sender). */
    public ListPage<InboundMessage> inbound(long tenantId, MessageFilter filter, PageRequest page) {
        StringBuilder where = new StringBuilder("tenant_id = :t");
        Map<String, Object> binds = new LinkedHashMap<>();
        binds.put("t", tenantId);
        String sender = filter.recipient() == null ? null
                : PhoneNumbers.normalize(filter.recipient()).orElse(filter.recipient().strip());
        condition(where, binds, "channel", filter.channel());
        condition(where, binds, "sender", sender);
        range(where, binds, filter.from(), filter.to());
        Consumer<Query> bind = q -> binds.forEach(q::bind);
        return jdbi.withHandle(h -> INBOUND.page(h, tenantId, where.toString(), bind, page));
    }

    private static void condition(StringBuilder where, Map<String, Object> binds, String column, Object value) {
        if (value != null) {
            where.append(" AND ").append(column).append(" = :").append(column);
            binds.put(column, value);
        }
    }

    private static void range(StringBuilder where, Map<String, Object> binds, Instant from, Instant to) {
        if (from != null) {
            where.append(" AND created_at >= :from");
            binds.put("from", from);
        }
        if (to != null) {
            where.append(" AND created_at < :to");
            binds.put("to", to);
        }
    }

    /** The tenant's prices. */
    public WhatsAppPrices prices(long tenantId) {
        return jdbi.withHandle(h -> WhatsAppStore.prices(h, tenantId));
    }

    /**
     * Changes some of the tenant's prices; categories not in {@code changes} keep theirs.
     *
     * @throws ServiceException {@code validation_failed} for a price not above zero
     */
    public WhatsAppPrices setPrices(long tenantId, Map<Category, Money> changes) {
        for (Map.Entry<Category, Money> e : changes.entrySet()) {
            if (e.getValue().cents() <= 0) {
                throw ServiceException.validation("whatsapp_price." + e.getKey().wireName(), "must be above zero");
            }
        }
        return jdbi.inTransaction(h -> {
            WhatsAppStore.prices(h, tenantId);
            for (Map.Entry<Category, Money> e : changes.entrySet()) {
                // the test twin prices as its live tenant does
                h.createUpdate("UPDATE tenants SET whatsapp_" + e.getKey().wireName() + "_cents = :c, updated_at = :now "
                                + "WHERE id = :id OR live_tenant_id = :id")
                        .bind("c", e.getValue().cents()).bind("now", clock.instant()).bind("id", tenantId).execute();
            }
            return WhatsAppStore.prices(h, tenantId);
        });
    }

    /** The phone number id the tenant's messages go from: its own, or the platform's. */
    public String phoneNumberId(long tenantId) {
        return jdbi.withHandle(h -> WhatsAppStore.phoneNumberId(h, tenantId)).orElse(platformPhoneNumberId);
    }

    /**
     * Gives the tenant its own WhatsApp phone number id (replies to it are the tenant's), or takes it away (null).
     *
     * @throws ServiceException {@code validation_failed} when it is not a Graph API id or another tenant has it
     */
    public void setPhoneNumberId(long tenantId, String phoneNumberId) {
        if (phoneNumberId != null && !phoneNumberId.matches("\\d{5,32}")) {
            throw ServiceException.validation("whatsapp_number", "a WhatsApp phone number id is 5 to 32 digits");
        }
        jdbi.useTransaction(h -> {
            WhatsAppStore.prices(h, tenantId);
            if (phoneNumberId != null && h.createQuery("SELECT COUNT(*) FROM tenants WHERE whatsapp_phone_number_id = :pn "
                    + "AND id <> :id").bind("pn", phoneNumberId).bind("id", tenantId).mapTo(Integer.class).one() > 0) {
                throw ServiceException.validation("whatsapp_number", "another sender already has this phone number id");
            }
            h.createUpdate("UPDATE tenants SET whatsapp_phone_number_id = :pn, updated_at = :now WHERE id = :id")
                    .bind("pn", phoneNumberId).bind("now", clock.instant()).bind("id", tenantId).execute();
        });
    }

    java.util.Optional<ChannelMessage> find(String id) {
        return jdbi.withHandle(h -> WhatsAppStore.find(h, id));
    }
}
