package io.jumbe.core.payments.mpesa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StkPushRequestTest {

    @Test
    void truncatesAccountReferenceToTwelveAndDescriptionToThirteen() {
        StkPushRequest request = new StkPushRequest("254712345678", 100_000, "TXN-ABCDEFGHIJKLMN", "Jumbe wallet top-up");

        assertThat(request.accountReference()).isEqualTo("TXN-ABCDEFGH");
        assertThat(request.transactionDesc()).isEqualTo("Jumbe wallet");
    }

    @Test
    void sendsWholeShillings() {
        assertThat(new StkPushRequest("254712345678", 104_900, "ref", null).amountShillings()).isEqualTo(1049);
    }

    @Test
    void refusesCentsThatAreNotWholeShillings() {
        assertThatThrownBy(() -> new StkPushRequest("254712345678", 10_050, "ref", null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesANonCanonicalPhone() {
        assertThatThrownBy(() -> new StkPushRequest("0712345678", 10_000, "ref", null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
