package io.jumbe.core.ratelimit;

/**
 * Caps the messages per second sent to one upstream (Onfon's {@code ONFON_MAX_TPS}, WhatsApp's
 * {@code WHATSAPP_MAX_MPS}). Get one from {@code Jumbe.upstreamLimiter(name, perSecond)}: on PostgreSQL it is shared
 * by every instance ({@link SharedUpstreamLimiter}), so the cap is the platform's, not each instance's.
 */
@FunctionalInterface
public interface UpstreamLimiter {
    /** No cap. */
    UpstreamLimiter NONE = messages -> { };

    /** Waits until {@code messages} more may go upstream. */
    void acquire(int messages) throws InterruptedException;
}
