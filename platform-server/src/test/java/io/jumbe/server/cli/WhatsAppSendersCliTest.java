package io.jumbe.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jumbe.core.Jumbe;
import io.jumbe.core.common.Json;
import io.jumbe.core.common.Money;
import io.jumbe.core.testing.TestDatabase;
import io.jumbe.core.whatsapp.Category;
import io.jumbe.server.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code ./jumbe admin senders update ID --whatsapp-price category=amount --whatsapp-number ID}. */
class WhatsAppSendersCliTest {

    private record Run(int exit, String out, String err) {
    }

    private static Run run(Jumbe platform, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cli = Main.commandLine(new AdminCommand(() -> platform));
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private static long create(Jumbe platform) throws Exception {
        Run created = run(platform, "admin", "senders", "create", "--name", "Falley Medical", "--email",
                "ops@falley.example", "--sender-id", "FALLEY-MED", "--json");
        return Json.mapper().readTree(created.out()).get("client_id").asLong();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void pricesAreSetPerCategoryAndTheOthersKeepTheirDefaults(TestDatabase db) throws Exception {
        try (Jumbe platform = db.platform()) {
            long id = create(platform);
            Run r = run(platform, "admin", "senders", "update", String.valueOf(id), "--whatsapp-price", "marketing=2.50",
                    "--whatsapp-price", "service=0.40", "--whatsapp-number", "1149000001", "--json");
            assertThat(r.exit()).as(r.err()).isZero();
            JsonNode view = Json.mapper().readTree(r.out());
            assertThat(view.get("whatsapp_price_marketing").decimalValue()).isEqualByComparingTo("2.50");
            assertThat(view.get("whatsapp_phone_number_id").asText()).isEqualTo("1149000001");
            var prices = platform.whatsapp().prices(id);
            assertThat(prices.of(Category.MARKETING)).isEqualTo(Money.parse("2.50"));
            assertThat(prices.of(Category.SERVICE)).isEqualTo(Money.parse("0.40"));
            assertThat(prices.of(Category.UTILITY)).isEqualTo(Money.parse("1.00"));
            assertThat(prices.of(Category.AUTHENTICATION)).isEqualTo(Money.parse("1.00"));
            assertThat(platform.whatsapp().phoneNumberId(id)).isEqualTo("1149000001");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aBadPriceChangesNothing(TestDatabase db) throws Exception {
        try (Jumbe platform = db.platform()) {
            long id = create(platform);
            Run r = run(platform, "admin", "senders", "update", String.valueOf(id), "--whatsapp-price", "marketing=2.50",
                    "--whatsapp-price", "postcard=1.00");
            assertThat(r.exit()).isNotZero();
            assertThat(r.err()).contains("postcard=1.00");
            assertThat(platform.whatsapp().prices(id).of(Category.MARKETING)).isEqualTo(Money.parse("3.00"));
        }
    }
}
