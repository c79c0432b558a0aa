package io.jumbe.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.jumbe.core.testing.TestDatabase;
import io.jumbe.server.testing.Http;
import io.jumbe.server.testing.Sender;
import io.jumbe.server.testing.TestApp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every endpoint the server registers, fed garbage: malformed JSON, wrong types, absurd numbers, bad path and
 * query parameters. None may answer 5xx, and every 4xx is a problem document. New endpoints are swept
 * automatically because the list comes from the server itself.
 */
class BadInputSweepTest {
    private static final List<String> BODIES = List.of(
            "{not json", "[]", "\"just a string\"", "null", "{}",
            "{\"recipient\": 12, \"recipients\": \"x\", \"message\": [], \"amount\": \"lots\", \"phone_number\": true}",
            "{\"amount\": 1e400, \"recipients\": [null, {}], \"schedule_at\": \"yesterday\", \"events\": \"all\"}",
            "{\"amount\": -5, \"message\": \"\", \"webhook_url\": \"ftp://x\", \"per_page\": 0}");
    private static final List<String> QUERIES = List.of("", "?page=-1&per_page=abc", "?from=notadate&to=2025-13-45",
            "?status=bogus&type=bogus&page=99999999999");

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void noEndpointAnswers5xxToBadInput(TestDatabase db) {
        try (TestApp app = TestApp.start(db)) {
            Sender s = app.sender("100.00");
            List<String> failures = new ArrayList<>();
            for (String route : app.application().routes()) {
                String method = route.substring(0, route.indexOf(' '));
                String template = route.substring(route.indexOf(' ') + 1);
                if (template.startsWith("/simulators/") || template.startsWith("/docs")) {
                    continue;
                }
                for (String param : List.of("x", "MSG-DOESNOTEXIST", "%20", "99999999999999999999")) {
                    String path = template.replace("{client_id}", Long.toString(s.clientId()))
                            .replaceAll("\\{[a-z_]+}", param);
                    for (String query : QUERIES) {
                        for (String body : method.equals("GET") || method.equals("DELETE") ? List.of("") : BODIES) {
                            Http.Response r = app.http().send(method, path + query, body.isEmpty() ? null : body,
                                    Map.of("X-API-Key", s.apiKey(), "Content-Type", "application/json"));
                            if (r.status() >= 500) {
                                failures.add(method + " " + path + query + " " + body + " -> " + r.status() + " " + r.body());
                            } else if (r.status() >= 400 && !String.valueOf(r.contentType()).startsWith("application/problem+json")) {
                                failures.add(method + " " + path + query + " -> " + r.status() + " not a problem: " + r.contentType());
                            }
                        }
                    }
                }
            }
            assertThat(failures).isEmpty();
            assertThat(app.platform().ledgerCheck().verify()).isEmpty();
            assertThat(app.platform().wallet().balance(s.clientId()).balance().toString()).isEqualTo("100.00");
        }
    }
}
