package io.jumbe.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jumbe.core.Jumbe;
import io.jumbe.core.common.Json;
import io.jumbe.core.common.Money;
import io.jumbe.core.sms.SendRequest;
import io.jumbe.core.tenant.NewTenant;
import io.jumbe.core.tenant.TenantService;
import io.jumbe.core.testing.TestClock;
import io.jumbe.core.testing.TestDatabase;
import io.jumbe.server.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code jumbe admin report} and the day's totals of {@code jumbe admin status}. */
class RevenueReportCliTest {

    private static String run(Jumbe platform, String... args) {
        StringWriter out = new StringWriter();
        var cli = Main.commandLine(new AdminCommand(() -> platform));
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(new StringWriter()));
        cli.execute(args);
        return out.toString();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void theReportShowsEachLiveSenderAndTheTotalAsJsonAndCsv(TestDatabase db) throws Exception {
        TestClock clock = new TestClock(Instant.parse("2026-11-10T09:00:00Z"));
        try (Jumbe platform = db.platform(clock)) {
            TenantService.Created clinic = platform.tenants().create(NewTenant.of("Clinic", "a@clinic.example", "CLINIC")
                    .withBalance(Money.parse("10.00")));
            platform.sms().send(clinic.tenant().id(), SendRequest.to("254712345678", "Hello"));
            // test mode's traffic is no revenue
            long twin = platform.apiKeys().authenticateWithTenant(clinic.testKey().secret()).orElseThrow().tenant().id();
            platform.sms().send(twin, SendRequest.to("254712345678", "Test"));

            JsonNode json = Json.mapper().readTree(run(platform, "admin", "report", "--from", "2026-11-01", "--to",
                    "2026-11-30", "--json"));
            assertThat(json.get("timezone").asText()).isEqualTo("Africa/Nairobi");
            assertThat(json.get("tenants")).hasSize(1);
            assertThat(json.get("tenants").get(0).get("by_channel").get("sms").get("messages").asLong()).isEqualTo(1);
            assertThat(json.get("total").get("charged").decimalValue()).isEqualByComparingTo("1.00");
            assertThat(json.get("total").get("net_revenue").decimalValue()).isEqualByComparingTo("1.00");

            String csv = run(platform, "admin", "report", "--from", "2026-11-01", "--to", "2026-11-30", "--csv");
            assertThat(csv.lines().toList()).hasSize(3);
            assertThat(csv.lines().findFirst().orElseThrow()).startsWith("client_id,name,sms_messages,sms_segments,");
            assertThat(csv.lines().toList().get(2)).startsWith("total,Total,1,1,");

            JsonNode status = Json.mapper().readTree(run(platform, "admin", "status", "--json"));
            assertThat(status.get("today").get("messages").asLong()).isEqualTo(1);
            assertThat(status.get("today").get("revenue").decimalValue()).isEqualByComparingTo("1.00");
            assertThat(status.get("onfon_balance").isNull()).as("SMS are simulated: no Onfon account to ask").isTrue();
        }
    }
}
