package io.jumbe.server.http;

import io.javalin.http.Context;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Limits refused requests (401 unknown or missing key, 403 another tenant's id) per client address: 30 a minute by
 * default, in fixed one-minute windows counted in this process. Each refusal of an unknown key costs a database
 * lookup and tells a guesser something, and tier limits cannot help (there is no tenant yet). Past the limit, every
 * guarded request from that address gets 429 {@code rate_limited} until the window ends, before any key lookup.
 * The address is the connection's, or behind {@code TRUSTED_PROXIES} the client's as they forwarded it (else one
 * guesser behind the proxy would lock everyone out). IPv6 clients are counted per /64 (one host owns a whole /64). At most {@link #MAX_ADDRESSES} addresses are
 * tracked a window; beyond that, new addresses share one count, so a spread-out attack cannot fill the heap.
 */
public final class RefusedRequests {
    /** Refused requests an address may make a minute. */
    public static final int DEFAULT_PER_MINUTE = 30;
    static final int MAX_ADDRESSES = 50_000;
    private static final String OVERFLOW = "*";
    private final Clock clock;
    private final int perMinute;
    private final Map<String, Integer> counts = new ConcurrentHashMap<>();
    private volatile long window = -1;

    private final Function<Context, String> clientAddress;

    /** @param clientAddress the address a request counts against */
    public RefusedRequests(Clock clock, int perMinute, Function<Context, String> clientAddress) {
        this.clock = clock;
        this.perMinute = perMinute;
        this.clientAddress = clientAddress;
    }

    /** Answers 429 when the caller's address has used up its refusals this minute. */
    public void checkNotBlocked(Context ctx) {
        String key = key(clientAddress.apply(ctx));
        long now = rollWindow();
        int used = counts.getOrDefault(key, 0);
        if (used >= perMinute) {
            long reset = resetSeconds(now);
            headers(ctx, 0, reset);
            ctx.header("Retry-After", Long.toString(reset));
            throw new HttpProblem(429, "rate_limited", "Too many refused requests from your address: at most "
                    + perMinute + " a minute. Retry after " + reset + " seconds.", List.of(),
                    Map.of("retry_after", reset));
        }
    }

    /** Counts a refusal against the caller's address and reports what is left in the headers. */
    public void record(Context ctx) {
        long now = rollWindow();
        String key = key(clientAddress.apply(ctx));
        if (!counts.containsKey(key) && counts.size() >= MAX_ADDRESSES) {
            key = OVERFLOW;
        }
        int used = counts.merge(key, 1, Integer::sum);
        headers(ctx, Math.max(0, perMinute - used), resetSeconds(now));
    }

    private void headers(Context ctx, int remaining, long reset) {
        ctx.header("RateLimit-Limit", Integer.toString(perMinute));
        ctx.header("RateLimit-Remaining", Integer.toString(remaining));
        ctx.header("RateLimit-Reset", Long.toString(reset));
    }

    private long rollWindow() {
        long now = clock.millis();
        long current = now / 60_000;
        if (current != window) {
            synchronized (this) {
                if (current != window) {
                    counts.clear();
                    window = current;
                }
            }
        }
        return now;
    }

    private static long resetSeconds(long now) {
        return Math.max(1, ((now / 60_000 + 1) * 60_000 - now + 999) / 1000);
    }

    /** The address counted: IPv4 as is, IPv6 by its /64. */
    static String key(String address) {
        if (address == null || !address.contains(":")) {
            return String.valueOf(address);
        }
        byte[] b = IpLiterals.parse(address);
        if (b == null || b.length != 16) {
            return address;
        }
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < 8; i += 2) {
            prefix.append(String.format("%02x%02x:", b[i], b[i + 1]));
        }
        return prefix.append(":/64").toString();
    }
}
