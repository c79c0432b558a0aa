package io.jumbe.core.common;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.TimeUnit;
import okhttp3.Connection;
import okhttp3.ConnectionPool;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The one way outgoing HTTP clients are built (tenant webhooks, Onfon, Daraja, the simulators' callbacks), so that
 * none of them trips over a kept-alive connection the other side has already closed.
 *
 * <p>Two parts. Idle connections are kept for {@link #KEEP_ALIVE}, shorter than servers commonly keep theirs (Node.js
 * 5 s, nginx 75 s, Jetty 30 s). And a request that fails on a <em>reused</em> HTTP/1 connection before any response
 * arrives is sent again at once, once, on a new connection: OkHttp's own retry is off (callers own their retry
 * schedules), and OkHttp checks a pooled connection for a peer's close only after 10 s idle, so without this a
 * receiver that closes after each answer (Python's {@code http.server}) fails every second request.
 *
 * <p>Whether the resend may happen depends on what a duplicate would cost ({@link Resend}). Before a reused
 * connection idle for 100 ms or more carries a request it is checked for a close that has already arrived (a 1 ms
 * read); a connection found closed has carried nothing, so that case is resent under every policy. The resend goes through the same
 * client settings (its {@code Dns}, so the webhook SSRF guard checks the new connection too) with a pool of its
 * own and {@code Connection: close}, so it cannot pick up another stale pooled connection. HTTP/2 connections are left to OkHttp.
 */
public final class OutboundHttp {

    /** How long an idle connection is kept: below Node.js's 5 s, the shortest common server default. */
    public static final Duration KEEP_ALIVE = Duration.ofSeconds(4);

    /** What may be sent again after a reused connection failed under it. */
    public enum Resend {
        /** Any request: the receiver dedupes (webhooks by {@code webhook-id}, callbacks by their ids). */
        ANY_REQUEST,
        /**
         * Only requests that cannot have been acted on: those found unsent (the connection was already closed) and
         * safe methods (GET, HEAD). For upstream sends that would be duplicated (an SMS, an STK prompt).
         */
        ONLY_UNSENT
    }

    private OutboundHttp() {
    }

    /**
     * A client builder with the short keep-alive, OkHttp's silent retry off, and the stale-connection resend.
     * Callers add their timeouts, DNS and so on; keep the interceptors it adds.
     *
     * @param resend   which failed requests may be resent
     * @param maxIdle  how many idle connections the pool keeps
     * @return a builder to finish
     */
    public static OkHttpClient.Builder builder(Resend resend, int maxIdle) {
        StaleConnectionResend stale = new StaleConnectionResend(resend);
        return new OkHttpClient.Builder()
                .connectionPool(new ConnectionPool(maxIdle, KEEP_ALIVE.toMillis(), TimeUnit.MILLISECONDS))
                .retryOnConnectionFailure(false)
                .addInterceptor(stale::resendOnce)
                .addNetworkInterceptor(stale::markStale);
    }

    /**
     * {@link #builder(Resend, int)} with a pool of 8 idle connections.
     *
     * @param resend which failed requests may be resent
     * @return a builder to finish
     */
    public static OkHttpClient.Builder builder(Resend resend) {
        return builder(resend, 8);
    }

    /** Thrown by the network interceptor so the application interceptor can tell a stale connection's failure. */
    static final class StaleConnectionException extends IOException {
        private final boolean unsent;

        StaleConnectionException(String message, IOException cause, boolean unsent) {
            super(message, cause);
            this.unsent = unsent;
        }

        boolean unsent() {
            return unsent;
        }

        /** What the caller sees when the request is not resent: the original failure. */
        IOException original() {
            return getCause() instanceof IOException cause ? cause : this;
        }
    }

    private static final class StaleConnectionResend {
        private static final long CHECK_AFTER_IDLE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
        private final Resend resend;
        // Connections that have carried a request, with when they last did (System.nanoTime); weak so that closed
        // connections leave with the pool.
        private final Map<Connection, Long> lastUsed = Collections.synchronizedMap(new WeakHashMap<>());
        // Used only for resends: a pool of its own holds no connection a stale one could be confused with.
        private final ConnectionPool freshPool = new ConnectionPool(0, 1, TimeUnit.SECONDS);

        StaleConnectionResend(Resend resend) {
            this.resend = resend;
        }

        Response resendOnce(Interceptor.Chain chain) throws IOException {
            Request request = chain.request();
            try {
                return chain.proceed(request);
            } catch (StaleConnectionException stale) {
                if (chain.call().isCanceled() || !mayResend(request, stale)) {
                    throw stale.original();
                }
                try {
                    // "Connection: close" keeps the new connection out of every pool once it has answered.
                    return chain.withConnectionPool(freshPool)
                            .proceed(request.newBuilder().header("Connection", "close").build());
                } catch (StaleConnectionException again) {
                    throw again.original();
                }
            }
        }

        private boolean mayResend(Request request, StaleConnectionException stale) {
            Resend policy = request.tag(Resend.class) != null ? request.tag(Resend.class) : resend;
            return stale.unsent() || policy == Resend.ANY_REQUEST
                    || "GET".equals(request.method()) || "HEAD".equals(request.method());
        }

        Response markStale(Interceptor.Chain chain) throws IOException {
            Connection connection = chain.connection();
            if (connection == null || connection.protocol() == Protocol.HTTP_2
                    || connection.protocol() == Protocol.H2_PRIOR_KNOWLEDGE) {
                return chain.proceed(chain.request());
            }
            long now = System.nanoTime();
            Long last = lastUsed.put(connection, now);
            boolean reused = last != null;
            // A connection busy moments ago is not checked: the 1 ms read would slow back-to-back calls, and a close
            // that arrives in that gap is still caught as a failure below.
            if (reused && now - last >= CHECK_AFTER_IDLE_NANOS && closedByPeer(connection.socket())) {
                throw new StaleConnectionException("kept-alive connection closed by the server",
                        new EOFException("connection closed by the server while idle"), true);
            }
            try {
                Response response = chain.proceed(chain.request());
                lastUsed.put(connection, System.nanoTime());
                return response;
            } catch (IOException failure) {
                if (reused && looksStale(failure)) {
                    throw new StaleConnectionException("request failed on a reused connection", failure, false);
                }
                throw failure;
            }
        }

        /**
         * A 1 ms read on an idle HTTP/1 connection: end of stream (or any byte, which no server sends unasked)
         * means the server is done with it. The socket is then closed so the pool drops it.
         */
        private static boolean closedByPeer(Socket socket) {
            try {
                if (socket.isClosed() || socket.isInputShutdown() || socket.isOutputShutdown()) {
                    return true;
                }
                int timeout = socket.getSoTimeout();
                try {
                    socket.setSoTimeout(1);
                    InputStream in = socket.getInputStream();
                    in.read();
                } catch (SocketTimeoutException alive) {
                    return false;
                } finally {
                    if (!socket.isClosed()) {
                        socket.setSoTimeout(timeout);
                    }
                }
            } catch (IOException broken) {
                // reset or otherwise unusable: as closed
            }
            closeQuietly(socket);
            return true;
        }

        /** A peer's close shows as end of stream or a reset; a timeout or an interrupt is something else. */
        private static boolean looksStale(IOException failure) {
            if (failure instanceof InterruptedIOException) {
                return false;
            }
            for (Throwable t = failure; t != null; t = t.getCause()) {
                if (t instanceof EOFException || t instanceof SocketException) {
                    return true;
                }
            }
            String message = failure.getMessage();
            return message != null && message.startsWith("unexpected end of stream");
        }

        private static void closeQuietly(Socket socket) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing is best effort: the pool drops a closed socket either way
            }
        }
    }
}
