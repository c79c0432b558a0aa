package io.jumbe.core.sms;

import java.util.Optional;

/** What a delivery report says about its message. */
public enum DeliveryState {
    /** Reached the handset ({@code DELIVRD}, {@code DeliveredToTerminal}). */
    DELIVERED(MessageStatus.DELIVERED),
    /** Will never reach it ({@code UNDELIV}, {@code REJECTD}, {@code DeliveryImpossible}, …). */
    FAILED(MessageStatus.FAILED),
    /** The network gave up after its validity period ({@code EXPIRED}). */
    EXPIRED(MessageStatus.EXPIRED),
    /** Not final yet ({@code ACCEPTD}, {@code ENROUTE}, {@code DeliveredToNetwork}, …, or unrecognised). */
    PENDING(null);

    private final MessageStatus status;

    DeliveryState(MessageStatus status) {
        this.status = status;
    }

    /**
     * The message status this report moves the message to, if it is final; a pending report changes nothing
     * (the message stays {@code sent}).
     */
    public Optional<MessageStatus> messageStatus() {
        return Optional.ofNullable(status);
    }
}
