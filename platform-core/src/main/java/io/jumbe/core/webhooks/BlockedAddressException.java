package io.jumbe.core.webhooks;

import java.net.UnknownHostException;

/**
 * Thrown at connect time when a webhook host resolves to an address the guard refuses. It extends
 * {@link UnknownHostException} because that is what OkHttp's {@code Dns} may throw; the sender reports it as
 * "blocked by SSRF guard", not as a DNS failure.
 */
public final class BlockedAddressException extends UnknownHostException {

    private static final long serialVersionUID = 1L;

    /**
     * @param detail why the host was refused
     */
    public BlockedAddressException(String detail) {
        super(detail);
    }
}
