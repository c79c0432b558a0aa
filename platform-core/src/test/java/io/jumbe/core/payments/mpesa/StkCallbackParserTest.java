package io.jumbe.core.payments.mpesa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class StkCallbackParserTest {

    private final StkCallbackParser parser = new StkCallbackParser();

    // providers.md §2.4, official success sample
    private static final String OFFICIAL_SUCCESS = """
            {
              "Body": {
                "stkCallback": {
                  "MerchantRequestID": "29115-34620561-1",
                  "CheckoutRequestID": "ws_CO_191220191020363925",
                  "ResultCode": 0,
                  "ResultDesc": "The service request is processed successfully.",
                  "CallbackMetadata": {
                    "Item": [
                      { "Name": "Amount", "Value": 1.00 },
                      { "Name": "MpesaReceiptNumber", "Value": "NLJ7RT61SV" },
                      { "Name": "TransactionDate", "Value": 20191219102115 },
                      { "Name": "PhoneNumber", "Value": 254708374149 }
                    ]
                  }
                }
              }
            }""";

    // providers.md §2.4, real capture with a Balance item that has no Value
    private static final String CAPTURED_SUCCESS = "{\"Body\":{\"stkCallback\":{\"MerchantRequestID\":\"11225-96181251-1\","
            + "\"CheckoutRequestID\":\"ws_CO_17112022155730304796440427\",\"ResultCode\":0,\"ResultDesc\":\"The service "
            + "request is processed successfully.\",\"CallbackMetadata\":{\"Item\":[{\"Name\":\"Amount\",\"Value\":1.00},"
            + "{\"Name\":\"MpesaReceiptNumber\",\"Value\":\"QKH94M1Z11\"},{\"Name\":\"Balance\"},{\"Name\":\"TransactionDate\","
            + "\"Value\":20221117155745},{\"Name\":\"PhoneNumber\",\"Value\":254796440427}]}}}}";

    @Test
    void readsTheOfficialSuccessSample() {
        StkCallback callback = parser.parse(OFFICIAL_SUCCESS);

        assertThat(callback.merchantRequestId()).isEqualTo("29115-34620561-1");
        assertThat(callback.checkoutRequestId()).isEqualTo("ws_CO_191220191020363925");
        assertThat(callback.resultCode()).isZero();
        assertThat(callback.resultDesc()).isEqualTo("The service request is processed successfully.");
        assertThat(callback.amountCents()).isEqualTo(100L);
        assertThat(callback.mpesaReceipt()).isEqualTo("NLJ7RT61SV");
        assertThat(callback.phoneNumber()).isEqualTo("254708374149");
        assertThat(callback.isSuccess()).isTrue();
    }

    @Test
    void readsTransactionDateAsNairobiTime() {
        StkCallback callback = parser.parse(OFFICIAL_SUCCESS);

        assertThat(callback.transactionDate()).isEqualTo(Instant.parse("2019-12-19T07:21:15Z"));
    }

    @Test
    void skipsTheBalanceItemThatHasNoValue() {
        StkCallback callback = parser.parse(CAPTURED_SUCCESS);

        assertThat(callback.checkoutRequestId()).isEqualTo("ws_CO_17112022155730304796440427");
        assertThat(callback.amountCents()).isEqualTo(100L);
        assertThat(callback.mpesaReceipt()).isEqualTo("QKH94M1Z11");
        assertThat(callback.transactionDate()).isEqualTo(Instant.parse("2022-11-17T12:57:45Z"));
        assertThat(callback.phoneNumber()).isEqualTo("254796440427");
    }

    @Test
    void readsTheOfficialCancelledSampleWithoutMetadata() {
        StkCallback callback = parser.parse("""
                { "Body": { "stkCallback": { "MerchantRequestID": "f1e2-4b95-a71d-b30d3cdbb7a7942864",
                  "CheckoutRequestID": "ws_CO_21072024125243250722943992", "ResultCode": 1032,
                  "ResultDesc": "Request cancelled by user" } } }""");

        assertThat(callback.resultCode()).isEqualTo(1032);
        assertThat(callback.resultDesc()).isEqualTo("Request cancelled by user");
        assertThat(callback.amountCents()).isNull();
        assertThat(callback.mpesaReceipt()).isNull();
        assertThat(callback.transactionDate()).isNull();
        assertThat(callback.phoneNumber()).isNull();
        assertThat(callback.outcome().status()).isEqualTo(DarajaResultCodes.Status.CANCELLED);
    }

    @Test
    void readsTheCapturedFailureSamples() {
        String unreachable = "{\"Body\":{\"stkCallback\":{\"MerchantRequestID\":\"98357-32706531-1\",\"CheckoutRequestID\":"
                + "\"ws_CO_13102022155941641714596833\",\"ResultCode\":1037,\"ResultDesc\":\"DS timeout user cannot be reached\"}}}";
        String expired = "{\"Body\":{\"stkCallback\":{\"MerchantRequestID\":\"68425-53956289-1\",\"CheckoutRequestID\":"
                + "\"ws_CO_24102022151123731706803305\",\"ResultCode\":1019,\"ResultDesc\":\"Transaction has expired\"}}}";
        String wrongPin = "{\"Body\":{\"stkCallback\":{\"MerchantRequestID\":\"20561-30631158-1\",\"CheckoutRequestID\":"
                + "\"ws_CO_13102022160809538706803305\",\"ResultCode\":2001,\"ResultDesc\":\"The initiator information is invalid.\"}}}";

        assertThat(parser.parse(unreachable).outcome().reason()).isEqualTo("phone unreachable (M-Pesa ResultCode 1037)");
        assertThat(parser.parse(expired).outcome().reason()).isEqualTo("transaction expired (M-Pesa ResultCode 1019)");
        assertThat(parser.parse(wrongPin).outcome().reason()).isEqualTo("wrong M-Pesa PIN (M-Pesa ResultCode 2001)");
    }

    @Test
    void acceptsStringsWhereDarajaUsuallySendsNumbers() {
        StkCallback callback = parser.parse("{\"Body\":{\"stkCallback\":{\"MerchantRequestID\":\"m\",\"CheckoutRequestID\":\"c\","
                + "\"ResultCode\":\"0\",\"ResultDesc\":\"ok\",\"CallbackMetadata\":{\"Item\":[{\"Name\":\"Amount\",\"Value\":\"1049\"},"
                + "{\"Name\":\"MpesaReceiptNumber\",\"Value\":\"TJK4ABCDEF\"},{\"Name\":\"TransactionDate\",\"Value\":\"20251009173500\"},"
                + "{\"Name\":\"PhoneNumber\",\"Value\":\"254712345678\"}]}}}}");

        assertThat(callback.resultCode()).isZero();
        assertThat(callback.amountCents()).isEqualTo(104_900L);
        assertThat(callback.transactionDate()).isEqualTo(Instant.parse("2025-10-09T14:35:00Z"));
        assertThat(callback.phoneNumber()).isEqualTo("254712345678");
    }

    @Test
    void rejectsABodyThatIsNotJson() {
        assertThatThrownBy(() -> parser.parse("ResultCode=0"))
                .isInstanceOf(MalformedStkCallbackException.class);
    }

    @Test
    void rejectsAnEmptyBody() {
        assertThatThrownBy(() -> parser.parse(new byte[0]))
                .isInstanceOf(MalformedStkCallbackException.class);
    }

    @Test
    void rejectsJsonWithoutStkCallback() {
        assertThatThrownBy(() -> parser.parse("{\"Body\":{\"somethingElse\":{}}}"))
                .isInstanceOf(MalformedStkCallbackException.class)
                .hasMessageContaining("Body.stkCallback");
    }

    @Test
    void rejectsACallbackWithoutCheckoutRequestId() {
        assertThatThrownBy(() -> parser.parse("{\"Body\":{\"stkCallback\":{\"ResultCode\":0}}}"))
                .isInstanceOf(MalformedStkCallbackException.class)
                .hasMessageContaining("CheckoutRequestID");
    }

    @Test
    void rejectsACallbackWithoutResultCode() {
        assertThatThrownBy(() -> parser.parse("{\"Body\":{\"stkCallback\":{\"CheckoutRequestID\":\"c\"}}}"))
                .isInstanceOf(MalformedStkCallbackException.class)
                .hasMessageContaining("ResultCode");
    }

    @Test
    void rejectsAResultCodeThatIsNotANumber() {
        assertThatThrownBy(() -> parser.parse("{\"Body\":{\"stkCallback\":{\"CheckoutRequestID\":\"c\",\"ResultCode\":\"zero\"}}}"))
                .isInstanceOf(MalformedStkCallbackException.class);
    }

    @Test
    void rejectsAnAmountWithFractionsOfACent() {
        assertThatThrownBy(() -> parser.parse("{\"Body\":{\"stkCallback\":{\"CheckoutRequestID\":\"c\",\"ResultCode\":0,"
                + "\"CallbackMetadata\":{\"Item\":[{\"Name\":\"Amount\",\"Value\":1.005}]}}}}"))
                .isInstanceOf(MalformedStkCallbackException.class)
                .hasMessageContaining("Amount");
    }

    @Test
    void rejectsATransactionDateThatIsNotADarajaTimestamp() {
        assertThatThrownBy(() -> parser.parse("{\"Body\":{\"stkCallback\":{\"CheckoutRequestID\":\"c\",\"ResultCode\":0,"
                + "\"CallbackMetadata\":{\"Item\":[{\"Name\":\"TransactionDate\",\"Value\":20191399102115}]}}}}"))
                .isInstanceOf(MalformedStkCallbackException.class)
                .hasMessageContaining("TransactionDate");
    }
}
