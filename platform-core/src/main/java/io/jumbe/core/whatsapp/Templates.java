package io.jumbe.core.whatsapp;

import io.jumbe.core.common.FieldError;
import io.jumbe.core.common.ServiceException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The business account's templates, fetched from the Graph API and cached: a fresh list at most every
 * {@code ttl}, and once more (not sooner than {@code minRefresh} after the last) when a send names a template the
 * cached list lacks, so a template approved a minute ago can be used without waiting out the cache.
 */
public final class Templates {
    private final Supplier<WhatsAppGateway> gateway;
    private final Clock clock;
    private final Duration ttl;
    private final Duration minRefresh;
    private volatile List<Template> cached;
    private volatile Instant fetchedAt = Instant.EPOCH;

    public Templates(Supplier<WhatsAppGateway> gateway, Clock clock, Duration ttl, Duration minRefresh) {
        this.gateway = gateway;
        this.clock = clock;
        this.ttl = ttl;
        this.minRefresh = minRefresh;
    }

    /** All templates of the account (any status). */
    public List<Template> all() {
        List<Template> list = cached;
        if (list == null || fetchedAt.plus(ttl).isBefore(clock.instant())) {
            return refresh();
        }
        return list;
    }

    private synchronized List<Template> refresh() {
        List<Template> list = List.copyOf(gateway.get().templates());
        cached = list;
        fetchedAt = clock.instant();
        return list;
    }

    /**
     * The approved template a send names, with its parameter count checked.
     *
     * @throws ServiceException {@code unknown_template} (not there, or not approved), {@code validation_failed} on
     *                          {@code template.parameters}
     */
    public Template require(TemplateRef ref) {
        Optional<Template> found = find(all(), ref);
        if (found.isEmpty() && fetchedAt.plus(minRefresh).isBefore(clock.instant())) {
            found = find(refresh(), ref);
        }
        Template t = found.orElseThrow(() -> new ServiceException("unknown_template", "No approved template '"
                + ref.name() + "'" + (ref.language() == null ? "" : " in language '" + ref.language() + "'")
                + " in the WhatsApp business account; GET /whatsapp/templates lists them.", List.of(),
                Map.of("template", ref.name())));
        if (t.parameters() != ref.parameters().size()) {
            throw new ServiceException("validation_failed", "The request has invalid fields", List.of(
                    new FieldError("template.parameters", "template '" + t.name() + "' takes " + t.parameters()
                            + " body parameter(s); " + ref.parameters().size() + " given")));
        }
        return t;
    }

    private static Optional<Template> find(List<Template> list, TemplateRef ref) {
        return list.stream().filter(Template::approved).filter(t -> t.name().equals(ref.name()))
                .filter(t -> ref.language() == null || t.language().equals(ref.language())).findFirst();
    }
}
