package io.jumbe.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jumbe.core.common.Json;
import io.jumbe.core.common.Money;
import io.jumbe.core.testing.TestDatabase;
import io.jumbe.core.webhooks.WebhookConfigRequest;
import io.jumbe.server.Main;
import io.jumbe.server.cli.AdminCommand;
import io.jumbe.server.testing.Sender;
import io.jumbe.server.testing.TestApp;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * Rows stored before input was checked (inserted here directly, as legacy data) reach the admin's terminal escaped:
 * a note that erases the line and prints a false amount shows as the escapes it holds.
 */
class TerminalOutputTest {
    private static final String FORGED_NOTE = "bank slip\u001b[2K\r   KES 500.00 \u009b2K\u202e";

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aForgedNoteInATopupRequestShowsEscapedInTheTableAndInJson(TestDatabase db) throws Exception {
        try (TestApp app = TestApp.start(db)) {
            Sender s = app.sender("0.00");
            String txn = app.platform().topups().requestManual(s.clientId(), Money.parse("50000"), "SLIP-1", "note")
                    .transactionId();
            app.platform().jdbi().useHandle(h -> h.createUpdate("UPDATE topups SET description = :d "
                    + "WHERE id = :id").bind("d", FORGED_NOTE).bind("id", txn).execute());

            String table = run(app, "admin", "wallet", "requests");

            assertThat(table).contains("50000.00")
                    .contains("bank slip\\x1b[2K\\r   KES 500.00 \\x9b2K\\u202e")
                    .doesNotContain("\u001b").doesNotContain("\r").doesNotContain("\u009b").doesNotContain("\u202e");
            String json = run(app, "admin", "wallet", "requests", "--json");
            assertThat(json).doesNotContain("\u001b").doesNotContain("\r").doesNotContain("\u009b")
                    .doesNotContain("\u202e");
            JsonNode rows = Json.mapper().readTree(json);
            assertThat(rows.get(0).get("note").asText()).as("JSON readers get the text back").isEqualTo(FORGED_NOTE);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aForgedWebhookUrlShowsEscapedInWebhooksStatusAndATenantNameInWalletShow(TestDatabase db) {
        try (TestApp app = TestApp.start(db)) {
            Sender s = app.sender("10.00");
            app.platform().webhooks().putConfig(s.clientId(), new WebhookConfigRequest("http://127.0.0.1:9/hook",
                    null, null));
            app.platform().jdbi().useHandle(h -> {
                h.createUpdate("UPDATE webhook_configs SET url = :u").bind("u", "http://127.0.0.1:9/hook\r\u001b[2K"
                        + "https://trusted.example").execute();
                h.createUpdate("UPDATE tenants SET name = :n").bind("n", "Falley\u001b[31m Medical").execute();
            });

            String status = run(app, "admin", "webhooks", "status");
            assertThat(status).contains("http://127.0.0.1:9/hook\\r\\x1b[2Khttps://trusted.example")
                    .doesNotContain("\u001b").doesNotContain("\r");
            String wallet = run(app, "admin", "wallet", "show", Long.toString(s.clientId()));
            assertThat(wallet).contains("Falley\\x1b[31m Medical").doesNotContain("\u001b");
            String senders = run(app, "admin", "senders", "list");
            assertThat(senders).contains("Falley\\x1b[31m Medical").doesNotContain("\u001b");
        }
    }

    private static String run(TestApp app, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine(new AdminCommand(app::platform));
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        assertThat(code).as(err.toString()).isZero();
        return out.toString();
    }
}
