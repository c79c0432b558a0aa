package io.jumbe.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.jumbe.core.testing.TestDatabases;
import io.jumbe.server.testing.Http;
import io.jumbe.server.testing.Sender;
import io.jumbe.server.testing.TestApp;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Amounts written with a huge exponent are refused by their size, before any conversion: every money field of
 * every request answers 400 {@code validation_failed} and changes nothing. (Nothing is stored, so one database.)
 */
class ExponentAmountsTest {

    // a hang guard for the whole class, not a speed assertion: before the fix one such amount took minutes
    @Test
    @Timeout(120)
    void hugeExponentAmountsAnswer400OnEveryMoneyField() {
        try (TestApp app = TestApp.start(TestDatabases.h2())) {
            Sender s = app.sender("0.00");
            for (String amount : List.of("1e10000000", "\"1e10000000\"", "\"1E+999999999\"", "-1e10000000",
                    "1e-10000000", "\"1e-10000000\"", "\"" + "9".repeat(5000) + "\"")) {
                Http.Response manual = s.post("/wallet/topup/manual",
                        "{\"amount\": " + amount + ", \"reference\": \"SLIP-1\", \"note\": \"bank slip\"}");
                assertThat(manual.status()).as("manual top-up of %s", amount).isEqualTo(400);
                assertThat(manual.json().get("code").asText()).isEqualTo("validation_failed");
                assertThat(manual.json().get("errors").get(0).get("field").asText()).isEqualTo("amount");

                Http.Response mpesa = s.post("/wallet/topup", "{\"amount\": " + amount
                        + ", \"payment_method\": \"mpesa\", \"phone_number\": \"0712345678\"}");
                assertThat(mpesa.status()).as("M-Pesa top-up of %s", amount).isEqualTo(400);
                assertThat(mpesa.json().get("code").asText()).isEqualTo("validation_failed");
            }
            assertThat(app.daraja().pushes()).isEmpty();
            assertThat(s.get("/wallet/transactions").json().get("data")).isEmpty();
        }
    }
}
