package io.jumbe.server.simulator;

import io.javalin.http.Context;
import io.jumbe.server.http.HttpProblem;
import io.jumbe.server.http.IpLiterals;

/**
 * Keeps the built-in simulators to this machine: they take no tenant key, so from outside they would be an open
 * door (unbounded STK pushes, slow bodies). Only a loopback peer reaches them unless {@code SIMULATORS_PUBLIC=true}.
 * The peer is the TCP peer, never a forwarding header: a header is whatever the caller writes.
 */
public final class SimulatorAccess {
    /** Where every simulator is mounted. */
    public static final String PATH_PREFIX = "/simulators/";
    private final boolean open;

    /** @param open true when {@code SIMULATORS_PUBLIC=true}: any peer may call the simulators */
    public SimulatorAccess(boolean open) {
        this.open = open;
    }

    /** Whether a request to {@code path} from {@code peerAddress} (an IP literal) may be served. */
    public boolean allows(String path, String peerAddress) {
        return open || !path.startsWith(PATH_PREFIX) || IpLiterals.isLoopback(peerAddress);
    }

    /** Refuses with 403 {@code forbidden} a simulator request this machine did not make. */
    public void check(Context ctx) {
        if (!allows(ctx.path(), ctx.req().getRemoteAddr())) {
            throw new HttpProblem(403, "forbidden", "The simulators answer only requests from this machine "
                    + "(SIMULATORS_PUBLIC=true serves them to others).");
        }
    }
}
