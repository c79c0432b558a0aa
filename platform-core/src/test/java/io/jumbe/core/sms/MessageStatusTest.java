package io.jumbe.core.sms;

import static io.jumbe.core.sms.MessageStatus.CANCELLED;
import static io.jumbe.core.sms.MessageStatus.DELIVERED;
import static io.jumbe.core.sms.MessageStatus.EXPIRED;
import static io.jumbe.core.sms.MessageStatus.FAILED;
import static io.jumbe.core.sms.MessageStatus.QUEUED;
import static io.jumbe.core.sms.MessageStatus.SENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MessageStatusTest {

    @Test
    void movesForwardThroughTheNormalLife() {
        assertThat(QUEUED.canMoveTo(SENT)).isTrue();
        assertThat(SENT.canMoveTo(DELIVERED)).isTrue();
        assertThat(SENT.canMoveTo(FAILED)).isTrue();
        assertThat(SENT.canMoveTo(EXPIRED)).isTrue();
    }

    @Test
    void letsAQueuedMessageFailOrBeCancelledBeforeItLeaves() {
        assertThat(QUEUED.canMoveTo(FAILED)).isTrue();
        assertThat(QUEUED.canMoveTo(CANCELLED)).isTrue();
        assertThat(SENT.canMoveTo(CANCELLED)).isFalse();
    }

    @Test
    void neverMovesBackwards() {
        assertThat(SENT.canMoveTo(QUEUED)).isFalse();
        assertThat(DELIVERED.canMoveTo(SENT)).isFalse();
        assertThat(EXPIRED.canMoveTo(SENT)).isFalse();
    }

    @Test
    void neverChangesDeliveredFailedOrCancelled() {
        for (MessageStatus from : new MessageStatus[] {DELIVERED, FAILED, CANCELLED}) {
            assertThat(Arrays.stream(MessageStatus.values()).filter(from::canMoveTo)).as(from.name()).isEmpty();
        }
    }

    @Test
    void acceptsALateFinalReportAfterExpiry() {
        assertThat(EXPIRED.canMoveTo(DELIVERED)).isTrue();
        assertThat(EXPIRED.canMoveTo(FAILED)).isTrue();
        assertThat(EXPIRED.canMoveTo(CANCELLED)).isFalse();
    }

    @Test
    void treatsTheSameStatusAsNoMove() {
        for (MessageStatus status : MessageStatus.values()) {
            assertThat(status.canMoveTo(status)).as(status.name()).isFalse();
        }
    }

    @Test
    void namesFinalStatuses() {
        assertThat(Arrays.stream(MessageStatus.values()).filter(MessageStatus::isFinal))
                .containsExactly(DELIVERED, FAILED, EXPIRED, CANCELLED);
    }

    @Test
    void readsAndWritesLowerCaseWireNames() {
        assertThat(DELIVERED.wireName()).isEqualTo("delivered");
        assertThat(MessageStatus.fromWire("Expired")).isEqualTo(EXPIRED);
        assertThatThrownBy(() -> MessageStatus.fromWire("bogus")).isInstanceOf(IllegalArgumentException.class);
    }
}
