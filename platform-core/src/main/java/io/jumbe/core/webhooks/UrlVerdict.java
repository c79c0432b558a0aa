package io.jumbe.core.webhooks;

import java.net.InetAddress;
import java.util.List;

/**
 * The guard's answer about one webhook URL.
 *
 * @param allowed   true if webhooks may be sent to the URL
 * @param code      null when allowed, otherwise {@value #NOT_ALLOWED}, the problem {@code code} to answer with
 * @param detail    null when allowed, otherwise a sentence fit to show the tenant (names the address and why)
 * @param addresses the addresses that were checked (empty if the host was not resolved, or on refusal)
 */
public record UrlVerdict(boolean allowed, String code, String detail, List<InetAddress> addresses) {

    /** The problem code for a refused webhook URL (answered with HTTP 400). */
    public static final String NOT_ALLOWED = "webhook_url_not_allowed";

    /** Copies the address list so the verdict stays immutable. */
    public UrlVerdict {
        addresses = List.copyOf(addresses);
    }

    /**
     * An allowing verdict.
     *
     * @param addresses the addresses checked
     * @return the verdict
     */
    public static UrlVerdict allow(List<InetAddress> addresses) {
        return new UrlVerdict(true, null, null, addresses);
    }

    /**
     * A refusing verdict with code {@value #NOT_ALLOWED}.
     *
     * @param detail why, for the tenant
     * @return the verdict
     */
    public static UrlVerdict refuse(String detail) {
        return new UrlVerdict(false, NOT_ALLOWED, detail, List.of());
    }
}
