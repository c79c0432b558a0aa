package io.jumbe.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.jumbe.core.common.Json;
import io.jumbe.core.common.Money;
import io.jumbe.core.common.ServiceException;
import io.jumbe.core.tenant.NewTenant;
import io.jumbe.core.tenant.TenantUpdate;
import io.jumbe.core.testing.TestDatabase;
import io.jumbe.server.testing.Http;
import io.jumbe.server.testing.Sender;
import io.jumbe.server.testing.TestApp;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Tenant text that would drive an admin's terminal (ANSI escapes, CR, C1, bidi overrides) is refused on the way in. */
class TenantTextTest {
    private static final String ERASE_LINE = "bank slip\u001b[2K\r KES 500.00";

    private record Case(String method, String path, Map<String, Object> body, String field) {
    }

    private static List<Case> refused() {
        return List.of(
                new Case("POST", "/wallet/topup/manual", body("amount", "50000", "reference", "SLIP-1", "note", ERASE_LINE), "note"),
                new Case("POST", "/wallet/topup/manual", body("amount", "50000", "reference", ERASE_LINE), "reference"),
                new Case("POST", "/wallet/topup/manual", body("amount", "50000", "reference", "SLIP\n1"), "reference"),
                new Case("POST", "/wallet/topup/manual", body("amount", "50000", "reference", "SLIP-1",
                        "note", "paid \u202e00.005"), "note"),
                new Case("POST", "/wallet/topup/manual", body("amount", "50000", "reference", "SLIP\u009b2K"), "reference"),
                new Case("POST", "/wallet/topup", body("amount", 1000, "payment_method", "mpesa",
                        "phone_number", "0712345678\u001b[2K"), "phone_number"),
                new Case("POST", "/sms/send", body("recipient", "0712345678", "message", "Hi\u001b]0;pwned\u0007"), "message"),
                new Case("POST", "/sms/send", body("recipient", "0712345678", "message", "Hi", "sender", "FALLEY-MED\u001b"), "sender"),
                new Case("POST", "/sms/send", body("recipient", "0712345678", "message", "Hi", "reference", "INV\r42"), "reference"),
                new Case("POST", "/sms/send", body("recipient", "0712345678", "message", "Hi", "reference", "INV\u202e24"), "reference"),
                new Case("POST", "/sms/send", body("recipients", List.of("0712345678", "0712\u001b345679"), "message", "Hi"),
                        "recipients[1]"),
                new Case("POST", "/sms/quote", body("recipient", "0712345678", "message", "Hi\u0085there"), "message"),
                new Case("PUT", "/webhooks/config", body("webhook_url", "https://hooks.falley.example/x\r\u001b[2K"), "webhook_url"),
                new Case("PUT", "/webhooks/config", body("webhook_url", "https://hooks.falley.example/x\u2066"), "webhook_url"),
                new Case("PUT", "/webhooks/config", body("webhook_url", "https://hooks.falley.example/x",
                        "events", List.of("balance.updated\u001b")), "events[0]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void everyTenantTextFieldRefusesControlCharactersAndStoresNothing(TestDatabase db) throws Exception {
        try (TestApp app = TestApp.start(db)) {
            Sender s = app.sender("10.00");
            for (Case c : refused()) {
                Http.Response r = s.http().send(c.method(), s.path(c.path()), Json.write(c.body()),
                        Map.of("X-API-Key", s.apiKey(), "Content-Type", "application/json"));
                assertThat(r.status()).as(c + " -> " + r.body()).isEqualTo(400);
                JsonNode problem = r.json();
                assertThat(problem.get("code").asText()).isEqualTo("validation_failed");
                assertThat(problem.get("errors")).as(c.toString())
                        .anySatisfy(e -> assertThat(e.get("field").asText()).isEqualTo(c.field()));
            }
            // raw bytes: HTTP clients refuse to send a control character in a header, an attacker's socket does not
            String badKey = rawPost(app, s, "/wallet/topup/manual", Json.write(body("amount", "500", "reference", "SLIP-3")),
                    "Idempotency-Key: key\u009b2K");
            assertThat(badKey).startsWith("HTTP/1.1 400").contains("\"field\":\"Idempotency-Key\"");
            assertThat(count(app, "SELECT COUNT(*) FROM idempotency_keys")).isZero();
            assertThat(count(app, "SELECT COUNT(*) FROM wallet_transactions WHERE tenant_id = " + s.clientId()))
                    .as("only the opening balance").isEqualTo(1);
            assertThat(count(app, "SELECT COUNT(*) FROM messages")).isZero();
            assertThat(count(app, "SELECT COUNT(*) FROM webhook_configs")).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aMessageMayHoldLineBreaksAndMixedDirectionTextAndANoteLineBreaks(TestDatabase db) {
        try (TestApp app = TestApp.start(db)) {
            Sender s = app.sender("10.00");
            Http.Response sms = s.post("/sms/send", Json.write(body("recipient", "0712345678",
                    "message", "Habari\r\nKaribu \u2067مرحبا\u2069\tasante")));
            assertThat(sms.status()).as(sms.body()).isEqualTo(202);
            Http.Response manual = s.post("/wallet/topup/manual", Json.write(body("amount", "500", "reference", "SLIP-2",
                    "note", "Paid at Equity\nbranch 4")));
            assertThat(manual.status()).as(manual.body()).isEqualTo(202);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void adminEnteredTextFollowsTheSameRules(TestDatabase db) {
        try (TestApp app = TestApp.start(db)) {
            var platform = app.platform();
            assertThatThrownBy(() -> platform.tenants().create(NewTenant.of("Falley\u001b[2K", "ops@falley.example",
                    "FALLEY-MED"))).isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.fieldErrors())
                    .anySatisfy(f -> assertThat(f.field()).isEqualTo("name")));
            assertThatThrownBy(() -> platform.tenants().create(NewTenant.of("Falley", "ops\u001b@falley.example",
                    "FALLEY-MED"))).isInstanceOf(ServiceException.class);
            Sender s = app.sender("10.00");
            assertThatThrownBy(() -> platform.tenants().update(s.clientId(), new TenantUpdate(Optional.of("A\rB"),
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty())))
                    .isInstanceOf(ServiceException.class);
            assertThatThrownBy(() -> platform.wallet().manualCredit(s.clientId(), Money.parse("5.00"), "SLIP\u001b",
                    null, "admin")).isInstanceOf(ServiceException.class);
            // one sender (its live row; its test twin is the other row of the same sender)
            assertThat(count(app, "SELECT COUNT(*) FROM tenants WHERE live_tenant_id IS NULL")).isEqualTo(1);
            assertThat(count(app, "SELECT COUNT(*) FROM wallet_transactions WHERE tenant_id = " + s.clientId()))
                    .isEqualTo(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aManualTopupAboveTheCeilingIsRefusedBeforeAnythingIsStored(TestDatabase db) {
        try (TestApp app = TestApp.start(db, Map.of("MANUAL_TOPUP_MAX", "200000"))) {
            Sender s = app.sender("0.00");
            for (String amount : List.of("92233720368547758.07", "200000.01")) {
                Http.Response r = s.post("/wallet/topup/manual", Json.write(body("amount", amount, "reference", "SLIP-9")));
                assertThat(r.status()).as(amount + ": " + r.body()).isEqualTo(400);
                assertThat(r.json().get("errors").get(0).get("field").asText()).isEqualTo("amount");
            }
            // the overflow is refused by size before conversion; an amount just above the ceiling names it
            Http.Response above = s.post("/wallet/topup/manual", Json.write(body("amount", "200000.01",
                    "reference", "SLIP-9")));
            assertThat(above.json().get("errors").get(0).get("message").asText()).contains("200000.00");
            assertThat(count(app, "SELECT COUNT(*) FROM topups WHERE tenant_id = " + s.clientId())).isZero();
            assertThat(count(app, "SELECT COUNT(*) FROM wallet_transactions WHERE tenant_id = " + s.clientId())).isZero();
            Http.Response atCeiling = s.post("/wallet/topup/manual", Json.write(body("amount", "200000.00",
                    "reference", "SLIP-9")));
            assertThat(atCeiling.status()).as(atCeiling.body()).isEqualTo(202);
            String txn = atCeiling.json().get("transaction_id").asText();
            assertThat(app.platform().topups().approve(txn, "admin:test").status()).isEqualTo("completed");
        }
    }

    private static Map<String, Object> body(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static String rawPost(TestApp app, Sender s, String path, String json, String extraHeader) throws Exception {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + s.path(path) + " HTTP/1.1\r\nHost: localhost\r\nX-API-Key: " + s.apiKey()
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n"
                + extraHeader + "\r\n\r\n";
        try (Socket socket = new Socket("127.0.0.1", app.application().port())) {
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static long count(TestApp app, String sql) {
        return app.platform().jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }
}
