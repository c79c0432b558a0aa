package io.jumbe.core.payments.mpesa;

import static org.assertj.core.api.Assertions.assertThat;

import io.jumbe.core.payments.mpesa.DarajaResultCodes.Outcome;
import io.jumbe.core.payments.mpesa.DarajaResultCodes.Status;
import org.junit.jupiter.api.Test;

class DarajaResultCodesTest {

    @Test
    void zeroIsCompletedWithoutReason() {
        Outcome outcome = DarajaResultCodes.describe(0, "The service request is processed successfully.");

        assertThat(outcome.status()).isEqualTo(Status.COMPLETED);
        assertThat(outcome.reason()).isNull();
        assertThat(outcome.isSuccess()).isTrue();
    }

    @Test
    void cancelledByUserHasItsOwnStatus() {
        Outcome outcome = DarajaResultCodes.describe(1032, "Request cancelled by user");

        assertThat(outcome.status()).isEqualTo(Status.CANCELLED);
        assertThat(outcome.status().wireName()).isEqualTo("cancelled");
        assertThat(outcome.reason()).isEqualTo("cancelled by user (M-Pesa ResultCode 1032)");
    }

    @Test
    void namedFailuresCarryOurWordsAndTheCode() {
        assertThat(DarajaResultCodes.describe(1, "x").reason()).isEqualTo("insufficient M-Pesa balance (M-Pesa ResultCode 1)");
        assertThat(DarajaResultCodes.describe(1019, "x").reason()).isEqualTo("transaction expired (M-Pesa ResultCode 1019)");
        assertThat(DarajaResultCodes.describe(1025, "x").reason())
                .isEqualTo("M-Pesa could not send the payment prompt (M-Pesa ResultCode 1025)");
        assertThat(DarajaResultCodes.describe(9999, "x").reason())
                .isEqualTo("M-Pesa could not send the payment prompt (M-Pesa ResultCode 9999)");
        assertThat(DarajaResultCodes.describe(1037, "x").reason()).isEqualTo("phone unreachable (M-Pesa ResultCode 1037)");
        assertThat(DarajaResultCodes.describe(2001, "x").reason()).isEqualTo("wrong M-Pesa PIN (M-Pesa ResultCode 2001)");
        assertThat(DarajaResultCodes.describe(1001, "x").reason())
                .isEqualTo("subscriber busy with another M-Pesa transaction (M-Pesa ResultCode 1001)");
    }

    @Test
    void namedFailuresOtherThanCancellingAreFailed() {
        for (int code : new int[] {1, 1019, 1025, 9999, 1037, 2001, 1001, 17}) {
            assertThat(DarajaResultCodes.describe(code, "x").status()).as("code %d", code).isEqualTo(Status.FAILED);
        }
    }

    @Test
    void unknownCodesQuoteDarajasDescription() {
        assertThat(DarajaResultCodes.describe(17, "Rule limited.").reason()).isEqualTo("M-Pesa error 17: Rule limited.");
    }

    @Test
    void queryAnswersWithNonNumericCodesAreFailures() {
        Outcome outcome = DarajaResultCodes.describe("SFC_IC0003", "The operator does not exist.");

        assertThat(outcome.status()).isEqualTo(Status.FAILED);
        assertThat(outcome.reason()).isEqualTo("M-Pesa error SFC_IC0003: The operator does not exist.");
    }

    @Test
    void queryStringCodesMapLikeCallbackNumbers() {
        assertThat(DarajaResultCodes.describe("1032", "Request cancelled by user"))
                .isEqualTo(DarajaResultCodes.describe(1032, "Request cancelled by user"));
    }
}
