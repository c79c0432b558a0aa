package io.jumbe.core.webhooks;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

/** Turns a host name into addresses. Production uses {@link #system()}; tests pass a fake to play DNS. */
@FunctionalInterface
public interface HostResolver {

    /**
     * Resolves a host name.
     *
     * @param host a host name (never an IP literal: the guard reads those itself)
     * @return at least one address
     * @throws UnknownHostException if the name does not resolve
     */
    List<InetAddress> resolve(String host) throws UnknownHostException;

    /**
     * The operating system's resolver, via {@link InetAddress#getAllByName(String)}.
     *
     * @return the system resolver
     */
    static HostResolver system() {
        return host -> Arrays.asList(InetAddress.getAllByName(host));
    }
}
