package io.jumbe.core.sms;

import java.util.Objects;

/** What the upstream said about one message of a processed request. */
public sealed interface MessageOutcome
        permits MessageOutcome.Accepted, MessageOutcome.Rejected, MessageOutcome.TransientFailure {

    /** Our own message id, as given in {@link OutboundSms#messageId()}. */
    String messageId();

    /**
     * The upstream took the message; its delivery report will carry {@code upstreamMessageId}.
     *
     * @param messageId         our id
     * @param upstreamMessageId the upstream's id (Onfon {@code MessageId})
     */
    record Accepted(String messageId, String upstreamMessageId) implements MessageOutcome {
        public Accepted {
            Objects.requireNonNull(messageId, "messageId");
            Objects.requireNonNull(upstreamMessageId, "upstreamMessageId");
        }
    }

    /**
     * The upstream refused this message for good (e.g. Onfon {@code MessageErrorCode} 401, sender filter).
     *
     * @param messageId   our id
     * @param code        the upstream's per-recipient code, as text
     * @param description the upstream's description
     */
    record Rejected(String messageId, String code, String description) implements MessageOutcome {
        public Rejected {
            Objects.requireNonNull(messageId, "messageId");
            Objects.requireNonNull(code, "code");
        }
    }

    /**
     * The response said nothing usable about this message (no entry for it): retry it later. The upstream
     * may in rare cases have sent it, so the retry must reuse our message id.
     *
     * @param messageId our id
     * @param reason    what was missing
     */
    record TransientFailure(String messageId, String reason) implements MessageOutcome {
        public TransientFailure {
            Objects.requireNonNull(messageId, "messageId");
        }
    }
}
