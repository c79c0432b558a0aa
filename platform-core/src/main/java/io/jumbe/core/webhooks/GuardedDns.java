package io.jumbe.core.webhooks;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import okhttp3.Dns;

/**
 * OkHttp {@link Dns} that resolves a webhook host and refuses it if any address is blocked. OkHttp connects only
 * to the addresses returned here, so the address checked is the address connected to: a name that answered a
 * public address when the URL was configured and answers 127.0.0.1 now (DNS rebinding) is refused now.
 *
 * <p>OkHttp does not consult {@code Dns} for IP-literal hosts; {@link WebhookSender} checks those itself with
 * {@link WebhookUrlGuard#checkWithoutResolving(String)} before every attempt.
 */
public final class GuardedDns implements Dns {

    private final WebhookUrlGuard guard;

    /**
     * @param guard the rules and resolver to apply
     */
    public GuardedDns(WebhookUrlGuard guard) {
        this.guard = guard;
    }

    /**
     * Resolves and checks a host.
     *
     * @param hostname the host from the URL
     * @return the vetted addresses
     * @throws BlockedAddressException if the host or any of its addresses is refused
     * @throws UnknownHostException    if the name does not resolve
     */
    @Override
    public List<InetAddress> lookup(String hostname) throws UnknownHostException {
        return guard.resolveChecked(hostname);
    }
}
