package io.jumbe.server.http;

import io.jumbe.core.common.FieldError;
import io.jumbe.core.common.PageRequest;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Query-string parameters with the same collect-every-error discipline as {@link JsonBody}. */
public final class Query {
    public static final int MAX_PER_PAGE = 100;
    private final Context ctx;
    private final List<FieldError> errors = new ArrayList<>();

    public Query(Context ctx) {
        this.ctx = ctx;
    }

    public String text(String name) {
        String v = ctx.queryParam(name);
        return v == null || v.isBlank() ? null : v.trim();
    }

    public String oneOf(String name, Collection<String> allowed) {
        String v = text(name);
        if (v != null && !allowed.contains(v)) {
            errors.add(new FieldError(name, "must be one of " + String.join(", ", allowed)));
            return null;
        }
        return v;
    }

    public int page() {
        return intParam("page", 1, 1, Integer.MAX_VALUE);
    }

    public int perPage() {
        return intParam("per_page", 20, 1, MAX_PER_PAGE);
    }

    /**
     * The paging of a list: {@code starting_after} (the last id of the page the caller has) or {@code page}, and
     * {@code per_page}. Both a cursor and a page number is a contradiction, refused on {@code page}.
     */
    public PageRequest pageRequest() {
        String after = text("starting_after");
        boolean numbered = text("page") != null;
        int page = page();
        int perPage = perPage();
        if (after != null && numbered) {
            errors.add(new FieldError("page", "cannot be combined with starting_after"));
        }
        return after != null ? PageRequest.after(after, perPage) : PageRequest.page(page, perPage);
    }

    private int intParam(String name, int fallback, int min, int max) {
        String v = text(name);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < min || n > max) {
                errors.add(new FieldError(name, "must be between " + min + " and " + max));
                return fallback;
            }
            return n;
        } catch (NumberFormatException e) {
            errors.add(new FieldError(name, "must be a whole number"));
            return fallback;
        }
    }

    /**
     * A time bound: an ISO-8601 instant, or a date ({@code 2025-10-09}) meaning its start, or for an upper bound
     * ({@code endOfDay}) the start of the next day, in UTC.
     */
    public Instant time(String name, boolean endOfDay) {
        return time(name, endOfDay, ZoneOffset.UTC);
    }

    /** As {@link #time(String, boolean)}, a bare date being a day in {@code zone} ({@code TIMEZONE}). */
    public Instant time(String name, boolean endOfDay, java.time.ZoneId zone) {
        String v = text(name);
        if (v == null) {
            return null;
        }
        try {
            if (v.length() == 10) {
                LocalDate d = LocalDate.parse(v);
                return (endOfDay ? d.plusDays(1) : d).atStartOfDay(zone).toInstant();
            }
            return OffsetDateTime.parse(v).toInstant();
        } catch (RuntimeException e) {
            errors.add(new FieldError(name, "must be a date (2025-10-09) or an ISO-8601 time"));
            return null;
        }
    }

    /** A date ({@code 2025-10-09}), or null when absent or (recorded as an error) malformed. */
    public LocalDate date(String name) {
        String v = text(name);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (RuntimeException e) {
            errors.add(new FieldError(name, "must be a date (2025-10-09)"));
            return null;
        }
    }

    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw HttpProblem.validation(errors);
        }
    }
}
