package io.jumbe.core.campaigns;

import com.fasterxml.jackson.databind.JsonNode;
import io.jumbe.core.analytics.UsageCounters;
import io.jumbe.core.common.FieldError;
import io.jumbe.core.common.SendLimits;
import io.jumbe.core.common.Ids;
import io.jumbe.core.common.Json;
import io.jumbe.core.common.ListPage;
import io.jumbe.core.common.Money;
import io.jumbe.core.common.PageRequest;
import io.jumbe.core.common.ServiceException;
import io.jumbe.core.common.TextRules;
import io.jumbe.core.contacts.ContactAudience;
import io.jumbe.core.events.EventStore;
import io.jumbe.core.events.EventTypes;
import io.jumbe.core.jobs.Backoff;
import io.jumbe.core.jobs.Job;
import io.jumbe.core.jobs.JobHandler;
import io.jumbe.core.jobs.JobQueue;
import io.jumbe.core.jobs.JobRunner;
import io.jumbe.core.jobs.NewJob;
import io.jumbe.core.sms.SmsService;
import io.jumbe.core.store.Batches;
import io.jumbe.core.store.NewestFirst;
import io.jumbe.core.tenant.Tenant;
import io.jumbe.core.tenant.TenantService;
import io.jumbe.core.wallet.InsufficientBalance;
import io.jumbe.core.wallet.Ledger;
import io.jumbe.core.wallet.Posting;
import io.jumbe.core.whatsapp.TemplateRef;
import io.jumbe.core.whatsapp.WhatsAppService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * Campaigns: a draft is priced from the audience as it is now; launch freezes each recipient's rendered message
 * and price, takes the whole cost in ONE conditional debit, and a durable job feeds the bulk lane a part per
 * transaction, never more than {@link #WINDOW} messages waiting at once, so a large campaign neither holds one
 * giant transaction nor crowds out single sends. Pause holds what is waiting; cancel returns every unsent message's
 * charge in one journal entry.
 *
 * <p>The audience and the placeholders are channel-independent ({@link ContactAudience}, {@link Placeholders});
 * what a channel's campaign takes, what one recipient's message is and costs, and how paid messages are queued sit
 * behind {@link CampaignChannel}: SMS texts ({@link SmsCampaignChannel}) and WhatsApp templates
 * ({@link WhatsAppCampaignChannel}).
 */
public final class CampaignService {
    public static final String QUEUE = "campaigns";
    public static final String FEED_KIND = "campaign.feed";
    public static final String INVALID_STATE = "campaign_not_allowed";
    public static final int PREVIEW = 5;
    static final int PART = 500;
    static final int WINDOW = 2000;
    private static final int MAX_NAME = 200;
    private static final Duration FEED_AGAIN = Duration.ofMillis(500);
    private static final Duration HELD = Duration.ofDays(3650);
    private static final Duration CLAIM = Duration.ofMinutes(10);
    private static final String COLUMNS = "id, tenant_id, name, channel, sender, message, audience, reference, "
            + "schedule_at, status, recipients, skipped, charged_cents, refunded_cents, created_at, launched_at, "
            + "completed_at, cancelled_at, template";
    private static final NewestFirst<Campaign> LIST = new NewestFirst<>(COLUMNS, "campaigns", "tenant_id",
            (rs, ctx) -> map(rs));
    private static final Set<String> FINAL = Set.of("delivered", "read", "failed", "expired", "cancelled");

    private final UsageCounters usage;
    private final Jdbi jdbi;
    private final Clock clock;
    private final Ids ids;
    private final TenantService tenants;
    private final Ledger ledger;
    private final EventStore events;
    private final JobQueue jobs;
    private final Map<String, CampaignChannel> channels;
    private final ContactAudience audiences;
    private final List<Runnable> newWork = new java.util.concurrent.CopyOnWriteArrayList<>();

    public CampaignService(Jdbi jdbi, Clock clock, Ids ids, TenantService tenants, Ledger ledger, EventStore events,
                           JobQueue jobs, SmsService sms, WhatsAppService whatsapp, ContactAudience audiences,
                           UsageCounters usage) {
        this.jdbi = jdbi;
        this.usage = usage;
        this.clock = clock;
        this.ids = ids;
        this.tenants = tenants;
        this.ledger = ledger;
        this.events = events;
        this.jobs = jobs;
        this.channels = Map.of("sms", new SmsCampaignChannel(tenants, sms),
                "whatsapp", new WhatsAppCampaignChannel(whatsapp));
        this.audiences = audiences;
    }

    /** Called after a launch or resume commits, so a worker in this process starts feeding at once. */
    public void onNewWork(Runnable listener) {
        newWork.add(listener);
    }

    /** How the job runner works the campaign queue. */
    public JobRunner.QueueSpec queueSpec() {
        return new JobRunner.QueueSpec(QUEUE, Map.of(FEED_KIND, new Feeder()), 2, Duration.ofMinutes(10),
                Duration.ofSeconds(1), Backoff.standard());
    }

    // --- drafts ---

    /**
     * Creates a draft.
     *
     * @throws ServiceException {@code validation_failed} (an unknown placeholder syntax among them; for WhatsApp, a
     *                          parameter count the template does not take), {@code sender_not_allowed} (SMS),
     *                          {@code unknown_template} (WhatsApp: not there or not approved)
     */
    public Campaign create(long tenantId, CampaignRequest r) {
        Tenant tenant = tenants.get(tenantId);
        List<FieldError> errors = new ArrayList<>();
        if (r.name() == null || r.name().isBlank()) {
            errors.add(new FieldError("name", "is required"));
        } else if (r.name().length() > MAX_NAME) {
            errors.add(new FieldError("name", "is at most " + MAX_NAME + " characters"));
        }
        TextRules.check(errors, "name", r.name(), TextRules.Kind.LINE);
        String channel = r.channel() == null ? "sms" : r.channel();
        CampaignChannel ch = channels.get(channel);
        if (ch == null) {
            errors.add(new FieldError("channel", "must be 'sms' or 'whatsapp'"));
        } else {
            ch.validate(r, errors);
        }
        SendLimits.checkReferenceAndSchedule(errors, clock.instant(), r.reference(), r.scheduleAt());
        Audience audience = r.audience() == null ? new Audience(null, null, null) : r.audience();
        if (audience.groups().isEmpty() && audience.contacts().isEmpty() && audience.recipients().isEmpty()) {
            errors.add(new FieldError("audience", "name at least one group, contact or recipient"));
        }
        errors.addAll(audiences.check(tenantId, audience.groups(), audience.contacts(), audience.recipients()));
        if (!errors.isEmpty()) {
            throw new ServiceException("validation_failed", "The request has invalid fields", errors);
        }
        CampaignChannel.Content content = ch.admit(tenant, r);
        String id = ids.next("CMP");
        Map<String, Object> aud = new LinkedHashMap<>();
        aud.put("groups", audience.groups());
        aud.put("contacts", audience.contacts());
        aud.put("recipients", audience.recipients());
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO campaigns (id, tenant_id, name, channel, sender, message, "
                        + "audience, reference, schedule_at, status, created_at, template) VALUES (:id, :t, :n, :c, :s, "
                        + ":m, :a, :r, :at, 'draft', :now, :tpl)")
                .bind("id", id).bind("t", tenantId).bind("n", r.name().strip()).bind("c", channel)
                .bind("s", content.sender()).bind("m", content.message()).bind("tpl", templateJson(content))
                .bind("a", Json.write(aud)).bind("r", blankToNull(r.reference()))
                .bind("at", r.scheduleAt()).bind("now", clock.instant()).execute());
        return get(tenantId, id);
    }

    /** One of the tenant's campaigns: a draft with its estimate, a launched one with its progress. */
    public Campaign get(long tenantId, String campaignId) {
        Campaign c = find(tenantId, campaignId);
        if (c.status().equals("draft")) {
            Rendered r;
            try {
                r = render(c);
            } catch (ServiceException e) {
                if (!e.code().equals("unknown_template")) {
                    throw e;
                }
                // the template was approved at creation and is no longer: the draft still shows, launch will refuse
                return with(c, 0, Campaign.Progress.NONE, new Campaign.Estimate(0, 0, Money.ZERO,
                        List.of(e.detail() + " Launching this campaign will be refused (unknown_template).")));
            }
            return with(c, r.sendable().size() + r.skipped(), Campaign.Progress.NONE,
                    new Campaign.Estimate(r.sendable().size(), r.skipped(), r.total(), r.warnings()));
        }
        return with(c, c.recipients(), progress(c), null);
    }

    /** The tenant's campaigns, newest first, each with its progress (drafts without their estimate). */
    public ListPage<Campaign> list(long tenantId, PageRequest page) {
        return jdbi.withHandle(h -> LIST.page(h, tenantId, "tenant_id = :t", q -> q.bind("t", tenantId), page))
                .map(c -> c.status().equals("draft") ? c : with(c, c.recipients(), progress(c), null));
    }

    /** The first {@value #PREVIEW} rendered messages as launch would send them. */
    public List<CampaignRecipient> preview(long tenantId, String campaignId) {
        Campaign c = find(tenantId, campaignId);
        if (!c.status().equals("draft")) {
            return recipients(tenantId, campaignId, null, PageRequest.page(1, PREVIEW)).items();
        }
        return render(c).sendable().stream().limit(PREVIEW).toList();
    }

    private record Rendered(List<CampaignRecipient> sendable, List<CampaignRecipient> skippedRows, Money total,
                            List<String> warnings, CampaignChannel.Content content) {
        long skipped() {
            return skippedRows.size();
        }
    }

    private Rendered render(Campaign c) {
        CampaignChannel.Renderer renderer = channel(c).renderer(c);
        ContactAudience.Resolved resolved = audiences.resolve(c.tenantId(), c.audience().groups(),
                c.audience().contacts(), c.audience().recipients());
        List<CampaignRecipient> sendable = new ArrayList<>();
        List<CampaignRecipient> skipped = new ArrayList<>();
        long total = 0;
        int seq = 0;
        Map<String, Long> skippedBy = new TreeMap<>();
        for (ContactAudience.Target t : resolved.targets()) {
            seq++;
            CampaignChannel.Rendering m = renderer.render(t.fields());
            if (m.skipped() != null) {
                skippedBy.merge(m.skipped(), 1L, Long::sum);
                skipped.add(new CampaignRecipient(seq, t.phone(), t.contactId(), m.text(), m.segments(), Money.ZERO,
                        "skipped", m.skipped(), null, m.parameters()));
                continue;
            }
            total = Math.addExact(total, m.cost().cents());
            sendable.add(new CampaignRecipient(seq, t.phone(), t.contactId(), m.text(), m.segments(), m.cost(),
                    "pending", null, null, m.parameters()));
        }
        List<String> warnings = new ArrayList<>(resolved.warnings());
        skippedBy.forEach((reason, n) -> warnings.add(renderer.skipWarning(reason, n)));
        if (resolved.optedOut() > 0) {
            warnings.add(resolved.optedOut() + " number(s) opted out and are left out");
        }
        if (sendable.isEmpty()) {
            warnings.add("no recipient can be sent to");
        }
        return new Rendered(sendable, skipped, Money.ofCents(total), warnings, renderer.content());
    }

    // --- launch ---

    /**
     * Launches a draft: freezes its recipients, charges the whole cost in one conditional debit and queues the
     * feeding (at {@code schedule_at} when it has one: the campaign is then {@code scheduled}).
     *
     * @throws ServiceException {@code insufficient_balance} (nothing sent, nothing kept), {@value #INVALID_STATE}
     *                          when it is not a draft, {@code validation_failed} when nobody can be sent to
     */
    public Campaign launch(long tenantId, String campaignId) {
        Campaign c = find(tenantId, campaignId);
        requireStatus(c, "launch", "draft");
        Instant now = clock.instant();
        // A claim, so two launches of one draft never freeze it at once; a claim a crash left behind expires.
        int claimed = jdbi.withHandle(h -> h.createUpdate("UPDATE campaigns SET launched_at = :now WHERE id = :id "
                        + "AND status = 'draft' AND (launched_at IS NULL OR launched_at < :stale)")
                .bind("now", now).bind("id", campaignId).bind("stale", now.minus(CLAIM)).execute());
        if (claimed != 1) {
            throw new ServiceException(INVALID_STATE, "This campaign is being launched.");
        }
        try {
            Rendered r = render(c);
            if (r.sendable().isEmpty()) {
                throw new ServiceException("validation_failed", "No recipient of this campaign can be sent to.",
                        List.of(new FieldError("audience", String.join("; ", r.warnings()))));
            }
            freeze(campaignId, r);
            boolean scheduled = c.scheduleAt() != null && c.scheduleAt().isAfter(now);
            jdbi.useTransaction(h -> {
                h.afterCommit(() -> newWork.forEach(Runnable::run));
                int n = h.createUpdate("UPDATE campaigns SET status = :s, recipients = :n, skipped = :k, "
                                + "charged_cents = :charged, template = :tpl WHERE id = :id AND status = 'draft'")
                        .bind("tpl", templateJson(r.content()))
                        .bind("s", scheduled ? "scheduled" : "running").bind("n", r.sendable().size() + r.skipped())
                        .bind("k", r.skipped()).bind("charged", r.total().cents()).bind("id", campaignId).execute();
                if (n != 1) {
                    throw new ServiceException(INVALID_STATE, "This campaign is no longer a draft.");
                }
                ledger.debit(h, tenantId, r.total(), Posting.of("campaign_charge", "Campaign " + campaignId + ": "
                                + r.sendable().size() + " message(s)").withReference(campaignId))
                        .orElseThrow(() -> InsufficientBalance.of(h, tenantId, r.total(), "campaign"));
                // the day's usage counts the campaign's messages and charge when they are paid, as a send counts its
                // own (after the debit: the tenant's row before the counter row, as every writer takes them)
                String category = r.content().category() == null ? "" : r.content().category();
                usage.accepted(h, tenantId, channel(c).name(), category, r.sendable().size(),
                        r.sendable().stream().mapToLong(x -> Math.max(1, x.segments())).sum(), r.total().cents());
                feed(h, campaignId, scheduled ? c.scheduleAt() : now);
                Map<String, Object> data = eventData(campaignId, c.name(), scheduled ? "scheduled" : "running");
                data.put("recipients", r.sendable().size() + r.skipped());
                data.put("skipped", r.skipped());
                data.put("charged", r.total().toDecimal());
                data.put("schedule_at", scheduled ? c.scheduleAt().toString() : null);
                events.append(h, tenantId, EventTypes.CAMPAIGN_LAUNCHED, data);
            });
        } catch (RuntimeException e) {
            jdbi.useTransaction(h -> {
                h.createUpdate("DELETE FROM campaign_recipients WHERE campaign_id = :id AND EXISTS (SELECT 1 FROM "
                        + "campaigns WHERE id = :id AND status = 'draft')").bind("id", campaignId).execute();
                h.createUpdate("UPDATE campaigns SET launched_at = NULL WHERE id = :id AND status = 'draft'")
                        .bind("id", campaignId).execute();
            });
            throw e;
        }
        return get(tenantId, campaignId);
    }

    // The frozen list goes in a part per transaction, while the campaign is still a draft: nothing is paid or sent
    // until the debit commits, and a launch that fails deletes it.
    private void freeze(String campaignId, Rendered r) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM campaign_recipients WHERE campaign_id = :id")
                .bind("id", campaignId).execute());
        List<CampaignRecipient> all = new ArrayList<>(r.sendable());
        all.addAll(r.skippedRows());
        for (int from = 0; from < all.size(); from += PART) {
            List<CampaignRecipient> part = all.subList(from, Math.min(all.size(), from + PART));
            jdbi.useTransaction(h -> Batches.insertInParts(h, "INSERT INTO campaign_recipients (campaign_id, seq, "
                            + "recipient, contact_id, body, segments, cost_cents, status, reason, parameters) VALUES (:c, "
                            + ":seq, :r, :contact, :body, :segments, :cost, :status, :reason, :params)", part,
                    (b, x) -> b.bind("c", campaignId).bind("seq", x.seq()).bind("r", x.recipient())
                            .bind("params", x.parameters() == null ? null : Json.write(x.parameters()))
                            .bind("contact", x.contactId()).bind("body", x.message()).bind("segments", x.segments())
                            .bind("cost", x.cost().cents()).bind("status", x.status()).bind("reason", x.reason())));
        }
    }

    private void feed(Handle h, String campaignId, Instant at) {
        jobs.enqueue(h, NewJob.of(QUEUE, FEED_KIND, campaignId).dedupedBy(campaignId + "/feed/" + ids.next("F"))
                .at(at).maxAttempts(20));
    }

    // --- pause, resume, cancel ---

    /** Stops further dispatch; messages already with the upstream go on. */
    public Campaign pause(long tenantId, String campaignId) {
        Campaign c = find(tenantId, campaignId);
        requireStatus(c, "pause", "running", "scheduled");
        jdbi.useTransaction(h -> {
            if (h.createUpdate("UPDATE campaigns SET status = 'paused' WHERE id = :id AND status IN ('running', "
                    + "'scheduled')").bind("id", campaignId).execute() != 1) {
                throw new ServiceException(INVALID_STATE, "This campaign can no longer be paused.");
            }
            h.createUpdate("UPDATE jobs SET run_at = :held, updated_at = :now WHERE status = 'ready' AND dedupe_key IN "
                            + "(SELECT COALESCE(dispatch_key, id) FROM messages WHERE batch_id = :id AND status = 'queued')")
                    .bind("held", clock.instant().plus(HELD)).bind("now", clock.instant()).bind("id", campaignId)
                    .execute();
        });
        return get(tenantId, campaignId);
    }

    /** Carries on with a paused campaign. */
    public Campaign resume(long tenantId, String campaignId) {
        Campaign c = find(tenantId, campaignId);
        requireStatus(c, "resume", "paused");
        Instant now = clock.instant();
        boolean stillScheduled = c.scheduleAt() != null && c.scheduleAt().isAfter(now);
        jdbi.useTransaction(h -> {
            h.afterCommit(() -> newWork.forEach(Runnable::run));
            if (h.createUpdate("UPDATE campaigns SET status = :s WHERE id = :id AND status = 'paused'")
                    .bind("s", stillScheduled ? "scheduled" : "running").bind("id", campaignId).execute() != 1) {
                throw new ServiceException(INVALID_STATE, "This campaign is no longer paused.");
            }
            h.createUpdate("UPDATE jobs SET run_at = :now, updated_at = :now WHERE status = 'ready' AND dedupe_key IN "
                            + "(SELECT COALESCE(dispatch_key, id) FROM messages WHERE batch_id = :id AND status = 'queued')")
                    .bind("now", now).bind("id", campaignId).execute();
            feed(h, campaignId, stillScheduled ? c.scheduleAt() : now);
        });
        return get(tenantId, campaignId);
    }

    /**
     * Cancels: nothing more is sent, and every message not yet sent (frozen and not queued, or queued and not taken
     * by dispatch) is refunded in ONE journal entry.
     */
    public Campaign cancel(long tenantId, String campaignId) {
        Campaign c = find(tenantId, campaignId);
        requireStatus(c, "cancel", "draft", "scheduled", "running", "paused");
        Instant now = clock.instant();
        jdbi.useTransaction(h -> {
            // the status change locks the campaign row: a feeding part in flight finishes first, or sees 'cancelled'
            if (h.createUpdate("UPDATE campaigns SET status = 'cancelled', cancelled_at = :now WHERE id = :id "
                    + "AND status IN ('draft', 'scheduled', 'running', 'paused')").bind("now", now)
                    .bind("id", campaignId).execute() != 1) {
                throw new ServiceException(INVALID_STATE, "This campaign has already finished.");
            }
            if (c.status().equals("draft")) {
                return;
            }
            long pending = h.createQuery("SELECT COALESCE(SUM(cost_cents), 0) FROM campaign_recipients "
                    + "WHERE campaign_id = :id AND status = 'pending'").bind("id", campaignId).mapTo(Long.class).one();
            h.createUpdate("UPDATE campaign_recipients SET status = 'cancelled' WHERE campaign_id = :id "
                    + "AND status = 'pending'").bind("id", campaignId).execute();
            // A job carries one message, or a chunk of the campaign's messages (queuePrepaid runs per campaign, so
            // never another's): the jobs still waiting are taken whole, and the queued messages they carry cancelled.
            List<String> waiting = h.createQuery("SELECT DISTINCT j.dedupe_key FROM messages m JOIN jobs j "
                            + "ON j.dedupe_key = COALESCE(m.dispatch_key, m.id) WHERE m.batch_id = :id "
                            + "AND m.status = 'queued' AND j.status = 'ready'")
                    .bind("id", campaignId).mapTo(String.class).list();
            long unsent = 0;
            for (int from = 0; from < waiting.size(); from += PART) {
                List<String> part = waiting.subList(from, Math.min(waiting.size(), from + PART));
                // Taking the job first serialises with a dispatcher claiming it: whoever changes the job row wins.
                var takeJobs = h.prepareBatch("UPDATE jobs SET status = 'done', last_error = 'cancelled', "
                        + "updated_at = :now WHERE dedupe_key = :key AND status = 'ready'");
                part.forEach(key -> takeJobs.bind("now", now).bind("key", key).add());
                int[] taken = takeJobs.execute();
                List<String> took = new ArrayList<>();
                for (int i = 0; i < part.size(); i++) {
                    if (taken[i] == 1) {
                        took.add(part.get(i));
                    }
                }
                if (took.isEmpty()) {
                    continue;
                }
                List<Map.Entry<String, Long>> carried = h.createQuery("SELECT id, cost_cents FROM messages "
                                + "WHERE batch_id = :id AND status = 'queued' AND refunded = FALSE "
                                + "AND COALESCE(dispatch_key, id) IN (<keys>)")
                        .bind("id", campaignId).bindList("keys", took)
                        .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2))).list();
                var cancelMessages = h.prepareBatch("UPDATE messages SET status = 'cancelled', cancelled_at = :now, "
                        + "refunded = TRUE WHERE id = :id AND status = 'queued' AND refunded = FALSE");
                carried.forEach(w -> cancelMessages.bind("now", now).bind("id", w.getKey()).add());
                if (!carried.isEmpty()) {
                    int[] cancelled = cancelMessages.execute();
                    for (int i = 0; i < carried.size(); i++) {
                        if (cancelled[i] == 1) {
                            unsent += carried.get(i).getValue();
                        }
                    }
                }
            }
            long refund = Math.addExact(pending, unsent);
            if (refund > 0) {
                ledger.refund(h, tenantId, Money.ofCents(refund), campaignId + "/cancel", Posting.of("refund",
                        "Refund of campaign " + campaignId + ": messages not sent").withReference(campaignId));
                h.createUpdate("UPDATE campaigns SET refunded_cents = refunded_cents + :r WHERE id = :id")
                        .bind("r", refund).bind("id", campaignId).execute();
                usage.refunded(h, tenantId, channel(c).name(), c.category() == null ? "" : c.category(), refund);
            }
        });
        return get(tenantId, campaignId);
    }

    private static void requireStatus(Campaign c, String action, String... allowed) {
        if (!List.of(allowed).contains(c.status())) {
            throw new ServiceException(INVALID_STATE, "A " + c.status() + " campaign cannot " + action + "; only a "
                    + String.join(" or ", allowed) + " one can.", List.of(), Map.of("campaign_status", c.status()));
        }
    }

    // --- progress and recipients ---

    private Campaign.Progress progress(Campaign c) {
        return jdbi.withHandle(h -> {
            Map<String, Long> by = new LinkedHashMap<>();
            h.createQuery("SELECT status, COUNT(*) AS n FROM messages WHERE batch_id = :id AND tenant_id = :t "
                            + "GROUP BY status").bind("id", c.id()).bind("t", c.tenantId())
                    .map((rs, ctx) -> by.put(rs.getString(1), rs.getLong(2))).list();
            long pendingCancelled = h.createQuery("SELECT COUNT(*) FROM campaign_recipients WHERE campaign_id = :id "
                    + "AND status = 'cancelled'").bind("id", c.id()).mapTo(Long.class).one();
            // sent: every message that left us, whatever the upstream has reported since
            long sentOn = h.createQuery("SELECT COUNT(*) FROM messages WHERE batch_id = :id AND tenant_id = :t "
                    + "AND sent_at IS NOT NULL").bind("id", c.id()).bind("t", c.tenantId()).mapTo(Long.class).one();
            return new Campaign.Progress(by.getOrDefault("queued", 0L), sentOn, by.getOrDefault("delivered", 0L),
                    by.getOrDefault("read", 0L), by.getOrDefault("failed", 0L) + by.getOrDefault("expired", 0L),
                    c.progress().skipped(), by.getOrDefault("cancelled", 0L) + pendingCancelled);
        });
    }

    /**
     * A page of a launched campaign's recipients in their order, with each one's message and outcome.
     *
     * @param status only recipients in this state, or null
     */
    public ListPage<CampaignRecipient> recipients(long tenantId, String campaignId, String status, PageRequest page) {
        find(tenantId, campaignId);
        String from = "(SELECT r.seq, r.recipient, r.contact_id, r.body, r.segments, r.cost_cents, r.message_id, "
                + "r.parameters, COALESCE(m.status, r.status) AS status, COALESCE(r.reason, m.error_code) AS reason "
                + "FROM campaign_recipients r LEFT JOIN messages m ON m.id = r.message_id WHERE r.campaign_id = :c) x";
        String where = status == null ? "" : " WHERE status = :s";
        return jdbi.withHandle(h -> {
            Query count = h.createQuery("SELECT COUNT(*) FROM " + from + where).bind("c", campaignId);
            if (status != null) {
                count.bind("s", status);
            }
            long total = count.mapTo(Long.class).one();
            Query q = h.createQuery("SELECT * FROM " + from + where + (page.isCursor() ? (where.isEmpty() ? " WHERE" :
                            " AND") + " seq > :after" : "") + " ORDER BY seq LIMIT :limit OFFSET :offset")
                    .bind("c", campaignId).bind("limit", page.perPage() + 1)
                    .bind("offset", page.isCursor() ? 0 : (long) (page.page() - 1) * page.perPage());
            if (status != null) {
                q.bind("s", status);
            }
            if (page.isCursor()) {
                q.bind("after", cursor(page.startingAfter()));
            }
            List<CampaignRecipient> rows = q.map((rs, ctx) -> recipient(rs)).list();
            boolean more = rows.size() > page.perPage();
            return new ListPage<>(more ? rows.subList(0, page.perPage()) : rows, page, total, more);
        });
    }

    /** Every recipient of a launched campaign (optionally in one state) to {@code sink}, in order, a part at a time. */
    public void forEachRecipient(long tenantId, String campaignId, String status, Consumer<CampaignRecipient> sink) {
        PageRequest page = PageRequest.page(1, 1000);
        while (true) {
            List<CampaignRecipient> part = recipients(tenantId, campaignId, status, page).items();
            part.forEach(sink);
            if (part.size() < 1000) {
                return;
            }
            page = PageRequest.after(Integer.toString(part.get(part.size() - 1).seq()), 1000);
        }
    }

    private static int cursor(String after) {
        try {
            return Integer.parseInt(after);
        } catch (NumberFormatException e) {
            throw ServiceException.validation("starting_after", "is a recipient's seq");
        }
    }

    private static CampaignRecipient recipient(ResultSet rs) throws SQLException {
        String parameters = rs.getString("parameters");
        return new CampaignRecipient(rs.getInt("seq"), rs.getString("recipient"), rs.getString("contact_id"),
                rs.getString("body"), rs.getInt("segments"), Money.ofCents(rs.getLong("cost_cents")),
                rs.getString("status"), rs.getString("reason"), rs.getString("message_id"),
                parameters == null ? null : strings(readTree(parameters)));
    }

    // --- feeding ---

    /**
     * Moves frozen recipients to the bulk lane a part per transaction while the campaign runs, keeping at most
     * {@link #WINDOW} messages waiting; then watches until every message is final and completes the campaign.
     */
    private final class Feeder implements JobHandler {
        @Override
        public void run(Job job) {
            String id = job.payload();
            while (true) {
                Optional<Campaign> found = jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM campaigns "
                        + "WHERE id = :id").bind("id", id).map((rs, ctx) -> map(rs)).findOne());
                if (found.isEmpty()) {
                    return;
                }
                Campaign c = found.get();
                if (c.status().equals("scheduled")) {
                    jdbi.useHandle(h -> h.createUpdate("UPDATE campaigns SET status = 'running' WHERE id = :id "
                            + "AND status = 'scheduled'").bind("id", id).execute());
                    continue;
                }
                if (!c.status().equals("running")) {
                    return;
                }
                long waiting = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM messages WHERE batch_id = :id "
                        + "AND status = 'queued'").bind("id", id).mapTo(Long.class).one());
                if (waiting >= WINDOW) {
                    throw new RetryLater(FEED_AGAIN, "the bulk lane holds " + waiting + " of this campaign's messages");
                }
                int queued = queuePart(c, (int) Math.min(PART, WINDOW - waiting));
                if (queued > 0) {
                    continue;
                }
                if (completeIfDone(c)) {
                    return;
                }
                throw new RetryLater(FEED_AGAIN, "waiting for the campaign's messages to reach a final state");
            }
        }
    }

    private int queuePart(Campaign c, int limit) {
        Tenant tenant = tenants.get(c.tenantId());
        return jdbi.inTransaction(h -> {
            // locks the campaign row: pause and cancel wait for this part, or this part sees their status
            if (h.createUpdate("UPDATE campaigns SET status = status WHERE id = :id AND status = 'running'")
                    .bind("id", c.id()).execute() != 1) {
                return 0;
            }
            List<CampaignRecipient> part = h.createQuery("SELECT seq, recipient, contact_id, body, segments, cost_cents, "
                            + "status, reason, message_id, parameters FROM campaign_recipients WHERE campaign_id = :id "
                            + "AND status = 'pending' ORDER BY seq LIMIT :n")
                    .bind("id", c.id()).bind("n", limit).map((rs, ctx) -> recipient(rs)).list();
            if (part.isEmpty()) {
                return 0;
            }
            List<String> messageIds = new ArrayList<>(part.size());
            var mark = h.prepareBatch("UPDATE campaign_recipients SET status = 'queued', message_id = :m "
                    + "WHERE campaign_id = :c AND seq = :seq AND status = 'pending'");
            for (CampaignRecipient r : part) {
                String messageId = ids.next("MSG");
                messageIds.add(messageId);
                mark.bind("m", messageId).bind("c", c.id()).bind("seq", r.seq()).add();
            }
            int[] marked = mark.execute();
            for (int m : marked) {
                if (m != 1) {
                    throw new IllegalStateException("a part of campaign " + c.id() + " was queued twice");
                }
            }
            channel(c).queue(h, tenant, c, part, messageIds);
            return part.size();
        });
    }

    private boolean completeIfDone(Campaign c) {
        return jdbi.inTransaction(h -> {
            long open = h.createQuery("SELECT COUNT(*) FROM messages WHERE batch_id = :id AND status NOT IN (<final>)")
                    .bind("id", c.id()).bindList("final", List.copyOf(FINAL)).mapTo(Long.class).one();
            long pending = h.createQuery("SELECT COUNT(*) FROM campaign_recipients WHERE campaign_id = :id "
                    + "AND status = 'pending'").bind("id", c.id()).mapTo(Long.class).one();
            if (open > 0 || pending > 0) {
                return false;
            }
            if (h.createUpdate("UPDATE campaigns SET status = 'completed', completed_at = :now WHERE id = :id "
                    + "AND status = 'running'").bind("now", clock.instant()).bind("id", c.id()).execute() != 1) {
                return true;
            }
            Campaign.Progress p = progress(c);
            Map<String, Object> data = eventData(c.id(), c.name(), "completed");
            data.put("recipients", c.recipients());
            data.put("sent", p.sent());
            data.put("delivered", p.delivered());
            data.put("read", p.read());
            data.put("failed", p.failed());
            data.put("skipped", c.progress().skipped());
            data.put("charged", c.charged().toDecimal());
            data.put("refunded", refunded(h, c).toDecimal());
            events.append(h, c.tenantId(), EventTypes.CAMPAIGN_COMPLETED, data);
            return true;
        });
    }

    // What went back: the cancel refund and each failed message's own refund.
    private static Money refunded(Handle h, Campaign c) {
        long perMessage = h.createQuery("SELECT COALESCE(SUM(cost_cents), 0) FROM messages WHERE batch_id = :id "
                + "AND refunded = TRUE AND status <> 'cancelled'").bind("id", c.id()).mapTo(Long.class).one();
        long stored = h.createQuery("SELECT refunded_cents FROM campaigns WHERE id = :id").bind("id", c.id())
                .mapTo(Long.class).one();
        return Money.ofCents(perMessage + stored);
    }

    private static Map<String, Object> eventData(String id, String name, String status) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("campaign_id", id);
        data.put("name", name);
        data.put("status", status);
        return data;
    }

    // --- rows ---

    private Campaign find(long tenantId, String campaignId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM campaigns WHERE id = :id AND tenant_id = :t")
                        .bind("id", campaignId).bind("t", tenantId).map((rs, ctx) -> map(rs)).findOne())
                .orElseThrow(() -> ServiceException.notFound("Campaign " + campaignId));
    }

    private Campaign with(Campaign c, long recipients, Campaign.Progress progress, Campaign.Estimate estimate) {
        Money refunded = c.status().equals("draft") ? Money.ZERO : jdbi.withHandle(h -> refunded(h, c));
        return new Campaign(c.id(), c.tenantId(), c.name(), c.channel(), c.sender(), c.message(), c.audience(),
                c.reference(), c.scheduleAt(), c.status(), recipients,
                new Campaign.Progress(progress.queued(), progress.sent(), progress.delivered(), progress.read(),
                        progress.failed(), c.progress().skipped(), progress.cancelled()),
                c.charged(), refunded, estimate, c.createdAt(), c.launchedAt(), c.completedAt(), c.cancelledAt(),
                c.template(), c.category());
    }

    private static Campaign map(ResultSet rs) throws SQLException {
        JsonNode a = readTree(rs.getString("audience"));
        Audience audience = new Audience(strings(a.get("groups")), strings(a.get("contacts")),
                strings(a.get("recipients")));
        String templateJson = rs.getString("template");
        JsonNode t = templateJson == null ? null : readTree(templateJson);
        TemplateRef template = t == null ? null : new TemplateRef(t.path("name").asText(),
                t.path("language").asText(null), strings(t.get("parameters")));
        String status = rs.getString("status");
        return new Campaign(rs.getString("id"), rs.getLong("tenant_id"), rs.getString("name"), rs.getString("channel"),
                rs.getString("sender"), rs.getString("message"), audience, rs.getString("reference"),
                time(rs, "schedule_at"), status, rs.getLong("recipients"),
                new Campaign.Progress(0, 0, 0, 0, 0, rs.getLong("skipped"), 0),
                Money.ofCents(rs.getLong("charged_cents")), Money.ofCents(rs.getLong("refunded_cents")), null,
                time(rs, "created_at"), status.equals("draft") ? null : time(rs, "launched_at"),
                time(rs, "completed_at"), time(rs, "cancelled_at"), template,
                t == null ? null : t.path("category").asText(null));
    }

    private static JsonNode readTree(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // The channel's template as the campaign stores it: name, language, parameters with placeholders, category.
    private static String templateJson(CampaignChannel.Content content) {
        if (content.template() == null) {
            return null;
        }
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("name", content.template().name());
        t.put("language", content.template().language());
        t.put("parameters", content.template().parameters());
        t.put("category", content.category());
        return Json.write(t);
    }

    private CampaignChannel channel(Campaign c) {
        CampaignChannel ch = channels.get(c.channel());
        if (ch == null) {
            throw new IllegalStateException("campaign " + c.id() + " has channel '" + c.channel() + "' no "
                    + "CampaignChannel serves");
        }
        return ch;
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n != null) {
            n.forEach(x -> out.add(x.asText()));
        }
        return out;
    }

    private static Instant time(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

}
