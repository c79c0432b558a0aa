package io.jumbe.core.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SubmitBatchTest {

    private final OutboundSms gsm1 = new OutboundSms("MSG-1", "254712345678", "Habari");
    private final OutboundSms ucs = new OutboundSms("MSG-2", "254712345679", "Asante 🙏");
    private final OutboundSms gsm2 = new OutboundSms("MSG-3", "254712345670", "Karibu");

    @Test
    void refusesABatchThatMixesEncodings() {
        assertThatThrownBy(() -> new SubmitBatch("JUMBE", List.of(gsm1, ucs)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void splitsMixedMessagesIntoOneBatchPerEncodingKeepingOrder() {
        List<SubmitBatch> batches = SubmitBatch.byEncoding("JUMBE", List.of(gsm1, ucs, gsm2));
        assertThat(batches).containsExactly(
                new SubmitBatch("JUMBE", List.of(gsm1, gsm2)),
                new SubmitBatch("JUMBE", List.of(ucs)));
        assertThat(batches.get(1).encoding()).isEqualTo(SmsEncoding.UCS_2);
    }

    @Test
    void refusesAnEmptyBatchOrABlankSender() {
        assertThatThrownBy(() -> new SubmitBatch("JUMBE", List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SubmitBatch(" ", List.of(gsm1))).isInstanceOf(IllegalArgumentException.class);
    }
}
