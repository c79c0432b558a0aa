package io.jumbe.core.contacts;

import io.jumbe.core.common.ListPage;
import io.jumbe.core.common.PageRequest;
import io.jumbe.core.common.ServiceException;
import io.jumbe.core.common.TextRules;
import io.jumbe.core.events.EventStore;
import io.jumbe.core.events.EventTypes;
import io.jumbe.core.phone.PhoneNumbers;
import io.jumbe.core.store.NewestFirst;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The one place every send path asks whether a number may be messaged by a tenant, and where numbers opt out
 * (through the API, an import, or a STOP reply). Opt-outs belong to one tenant: another tenant's list never applies.
 */
public final class OptOuts {
    /** Problem code of a single send to an opted-out number (HTTP 422). */
    public static final String RECIPIENT_OPTED_OUT = "recipient_opted_out";
    /** Rejection code of an opted-out number in a list of recipients. */
    public static final String OPTED_OUT = "opted_out";
    public static final String SOURCE_API = "api";
    public static final String SOURCE_IMPORT = "import";
    public static final String SOURCE_REPLY = "reply";
    private static final Set<String> STOP_WORDS = Set.of("STOP", "UNSUBSCRIBE", "STOP ALL");
    private static final int MAX_REASON = 500;
    private static final String COLUMNS = "tenant_id, id, reason, source, created_at";
    // Paged as NewestFirst wants it: the phone is the row's id, the opt-out time its creation time.
    private static final NewestFirst<OptOut> LIST = new NewestFirst<>(COLUMNS,
            "(SELECT tenant_id, phone AS id, reason, source, opted_out_at AS created_at FROM opt_outs) o", "tenant_id",
            (rs, ctx) -> new OptOut(rs.getLong("tenant_id"), rs.getString("id"), rs.getString("reason"),
                    rs.getString("source"), rs.getObject("created_at", OffsetDateTime.class).toInstant()));

    private final Jdbi jdbi;
    private final Clock clock;
    private final EventStore events;

    public OptOuts(Jdbi jdbi, Clock clock, EventStore events) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.events = events;
    }

    /** Which of {@code phones} (canonical numbers) opted out of this tenant, read in the caller's transaction. */
    public Set<String> among(Handle h, long tenantId, Collection<String> phones) {
        Set<String> out = new HashSet<>();
        if (phones.isEmpty()) {
            return out;
        }
        // One array parameter, not a list of 10,000 placeholders: one statement text (prepared once, parsed once)
        // whatever the number of recipients.
        out.addAll(h.createQuery("SELECT phone FROM opt_outs WHERE tenant_id = :t AND phone = ANY(:phones)")
                .bind("t", tenantId).bindArray("phones", String.class, phones.toArray())
                .mapTo(String.class).list());
        return out;
    }

    /** As {@link #among(Handle, long, Collection)}, in a handle of its own. */
    public Set<String> among(long tenantId, Collection<String> phones) {
        return jdbi.withHandle(h -> among(h, tenantId, phones));
    }

    /** Whether the canonical number {@code phone} opted out of this tenant. */
    public boolean isOptedOut(long tenantId, String phone) {
        return !among(tenantId, List.of(phone)).isEmpty();
    }

    /**
     * The check of a send to one recipient: throws 422 {@value #RECIPIENT_OPTED_OUT} when it opted out.
     *
     * @param phone a canonical number
     */
    public void requireAllowed(long tenantId, String phone) {
        if (isOptedOut(tenantId, phone)) {
            throw optedOut(phone);
        }
    }

    /** The problem a single send to an opted-out number answers. */
    public static ServiceException optedOut(String phone) {
        return new ServiceException(RECIPIENT_OPTED_OUT, "The recipient " + phone + " has opted out of messages from "
                + "this account.", List.of(), Map.of("recipient", phone));
    }

    /**
     * Opts a number out through the API (or an import); a number already opted out keeps its first time and source.
     *
     * @throws ServiceException {@code validation_failed} for a number that is not a Kenyan mobile number
     */
    public OptOut optOut(long tenantId, String phone, String reason, String source) {
        String msisdn = canonical(phone);
        if (reason != null) {
            TextRules.problem(reason, TextRules.Kind.LINE).ifPresent(p -> {
                throw ServiceException.validation("reason", p);
            });
            if (reason.length() > MAX_REASON) {
                throw ServiceException.validation("reason", "is at most " + MAX_REASON + " characters");
            }
        }
        return jdbi.inTransaction(h -> record(h, tenantId, msisdn, blankToNull(reason), source).orElseGet(
                () -> find(h, tenantId, msisdn).orElseThrow()));
    }

    /**
     * Applies an inbound reply (WhatsApp, or SMS when it has inbound): {@code STOP}, {@code UNSUBSCRIBE} or
     * {@code STOP ALL}, in any case and trimmed, opts the sender out of the tenant the reply was routed to with
     * source {@code reply} and a {@code contact.opted_out} event. Any other text changes nothing.
     *
     * @param phone the replying number, in any form {@link PhoneNumbers} reads
     * @return the opt-out when the reply was a stop word (also when the number had already opted out)
     */
    public Optional<OptOut> optOutFromReply(long tenantId, String phone, String replyText) {
        if (!isStopWord(replyText)) {
            return Optional.empty();
        }
        Optional<String> msisdn = PhoneNumbers.normalize(phone);
        if (msisdn.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(jdbi.inTransaction(h -> record(h, tenantId, msisdn.get(), "replied " + replyText.strip(),
                SOURCE_REPLY).orElseGet(() -> find(h, tenantId, msisdn.get()).orElseThrow())));
    }

    /** Whether an inbound text asks to stop messages. */
    public static boolean isStopWord(String text) {
        return text != null && STOP_WORDS.contains(text.strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT));
    }

    /**
     * Records an opt-out in the caller's transaction with its {@code contact.opted_out} event; empty (and no event)
     * when the number had already opted out.
     */
    public Optional<OptOut> record(Handle h, long tenantId, String msisdn, String reason, String source) {
        OptOut o = new OptOut(tenantId, msisdn, reason, source, clock.instant());
        int n = h.createUpdate("INSERT INTO opt_outs (tenant_id, phone, reason, source, opted_out_at) "
                        + "VALUES (:t, :p, :r, :s, :at) ON CONFLICT DO NOTHING")
                .bind("t", tenantId).bind("p", msisdn).bind("r", reason).bind("s", source).bind("at", o.optedOutAt())
                .execute();
        if (n != 1) {
            return Optional.empty();
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("phone", msisdn);
        data.put("contact_id", h.createQuery("SELECT id FROM contacts WHERE tenant_id = :t AND phone = :p")
                .bind("t", tenantId).bind("p", msisdn).mapTo(String.class).findOne().orElse(null));
        data.put("source", source);
        data.put("reason", reason);
        data.put("opted_out_at", o.optedOutAt().toString());
        events.append(h, tenantId, EventTypes.CONTACT_OPTED_OUT, data);
        return Optional.of(o);
    }

    /** Lets a number be messaged again; {@code not_found} when it had not opted out. */
    public void remove(long tenantId, String phone) {
        String msisdn = PhoneNumbers.normalize(phone).orElseThrow(() -> ServiceException.notFound("Opt-out " + phone));
        int n = jdbi.withHandle(h -> h.createUpdate("DELETE FROM opt_outs WHERE tenant_id = :t AND phone = :p")
                .bind("t", tenantId).bind("p", msisdn).execute());
        if (n == 0) {
            throw ServiceException.notFound("Opt-out " + phone);
        }
    }

    /** One opt-out of the tenant. */
    public OptOut get(long tenantId, String phone) {
        String msisdn = PhoneNumbers.normalize(phone).orElseThrow(() -> ServiceException.notFound("Opt-out " + phone));
        return jdbi.withHandle(h -> find(h, tenantId, msisdn)).orElseThrow(() -> ServiceException.notFound("Opt-out " + phone));
    }

    /** The tenant's opt-outs, newest first. */
    public ListPage<OptOut> list(long tenantId, PageRequest page) {
        return jdbi.withHandle(h -> LIST.page(h, tenantId, "tenant_id = :t", q -> q.bind("t", tenantId), page));
    }

    private static Optional<OptOut> find(Handle h, long tenantId, String msisdn) {
        return h.createQuery("SELECT tenant_id, phone, reason, source, opted_out_at FROM opt_outs "
                        + "WHERE tenant_id = :t AND phone = :p")
                .bind("t", tenantId).bind("p", msisdn)
                .map((rs, ctx) -> new OptOut(rs.getLong("tenant_id"), rs.getString("phone"), rs.getString("reason"),
                        rs.getString("source"), rs.getObject("opted_out_at", OffsetDateTime.class).toInstant()))
                .findOne();
    }

    static String canonical(String phone) {
        PhoneNumbers.Result r = PhoneNumbers.parse(phone);
        if (r instanceof PhoneNumbers.Valid v) {
            return v.msisdn();
        }
        throw ServiceException.validation("phone", ((PhoneNumbers.Invalid) r).reason());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
