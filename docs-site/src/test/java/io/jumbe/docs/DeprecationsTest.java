package io.jumbe.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The deprecation policy's rules on the document, and the API changelog's dates. */
class DeprecationsTest {
    @TempDir
    Path dir;

    private OpenApiDocument document(String operationExtras) throws IOException {
        Path file = dir.resolve("openapi.yaml");
        Files.writeString(file, """
                openapi: 3.1.0
                info: {title: t, version: "1"}
                paths:
                  /api/{client_id}/client/balance:
                    get:
                      operationId: getBalance
                      tags: [Wallet]
                %s      responses: {"200": {description: ok}}
                  /api/{client_id}/sms/history:
                    get:
                      operationId: listSmsHistory
                      tags: [SMS]
                      responses: {"200": {description: ok}}
                """.formatted(operationExtras), StandardCharsets.UTF_8);
        return OpenApiDocument.read(file);
    }

    @Test
    void aDeprecatedOperationCarriesItsDatesToTheServer() throws IOException {
        Deprecations found = Deprecations.of(document("""
                      deprecated: true
                      x-deprecated-since: 2026-12-01
                      x-sunset: 2027-03-01
                """));

        assertThat(found.operations()).containsExactly(new Deprecations.Operation("GET",
                "/api/{client_id}/client/balance", LocalDate.parse("2026-12-01"), LocalDate.parse("2027-03-01")));
        assertThat(Deprecations.parse(found.toJson().getBytes(StandardCharsets.UTF_8)).operations())
                .isEqualTo(found.operations());
        assertThat(found.find("GET", "/api/<client_id>/client/balance")).isPresent();
        assertThat(found.find("GET", "/api/{client_id}/sms/history")).isEmpty();
        assertThat(found.find("POST", "/api/{client_id}/client/balance")).isEmpty();
    }

    @Test
    void refusesASunsetLessThanNinetyDaysAfterTheDeprecation() throws IOException {
        OpenApiDocument tooSoon = document("""
                      deprecated: true
                      x-deprecated-since: 2026-12-01
                      x-sunset: 2027-02-27
                """);

        assertThatThrownBy(() -> Deprecations.of(tooSoon)).hasMessageContaining("less than 90 days");
    }

    @Test
    void refusesADeprecatedOperationWithoutItsDates() throws IOException {
        OpenApiDocument undated = document("""
                      deprecated: true
                """);

        assertThatThrownBy(() -> Deprecations.of(undated)).hasMessageContaining("x-deprecated-since");
    }

    private OpenApiDocument withDelivery(String idExtras) throws IOException {
        Path file = dir.resolve("fields.yaml");
        Files.writeString(file, """
                openapi: 3.1.0
                info: {title: t, version: "1"}
                paths:
                  /api/{client_id}/deliveries:
                    get:
                      responses:
                        "200":
                          description: a list
                          content:
                            application/json:
                              schema:
                                type: object
                                properties:
                                  data: {type: array, items: {$ref: '#/components/schemas/Delivery'}}
                                  meta: {type: object}
                        "401": {$ref: '#/components/responses/Problem'}
                  /api/{client_id}/deliveries/{delivery_id}:
                    get:
                      responses:
                        "200": {$ref: '#/components/responses/OneDelivery'}
                    delete:
                      responses:
                        "204": {description: gone}
                  /api/{client_id}/deliveries/{delivery_id}/retry:
                    post:
                      responses:
                        "202":
                          description: retried
                          content:
                            application/json:
                              schema: {allOf: [{$ref: '#/components/schemas/Delivery'}]}
                  /api/{client_id}/balance:
                    get:
                      responses:
                        "200":
                          description: not a delivery
                          content:
                            application/json:
                              schema: {type: object, properties: {balance: {type: string}}}
                components:
                  responses:
                    OneDelivery:
                      description: one
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/Delivery'}
                    Problem:
                      description: a problem that names a delivery, not a success
                      content:
                        application/problem+json:
                          schema: {$ref: '#/components/schemas/Delivery'}
                  schemas:
                    Delivery:
                      type: object
                      properties:
                        delivery_id: {type: string}
                        id: {type: string, deprecated: true%s}
                        parent: {$ref: '#/components/schemas/Delivery'}
                """.formatted(idExtras), StandardCharsets.UTF_8);
        return OpenApiDocument.read(file);
    }

    @Test
    void everyOperationWhoseAnswerHoldsADeprecatedFieldCarriesItsDatesAndNamesIt() throws IOException {
        Deprecations found = Deprecations.of(withDelivery(", x-deprecated-since: 2026-11-24, x-sunset: 2027-02-22"));

        LocalDate since = LocalDate.parse("2026-11-24");
        LocalDate sunset = LocalDate.parse("2027-02-22");
        // through an array in a list envelope, a $ref'd response, allOf; a recursive schema ends (parent is the same
        // Delivery, its id already named); not the 401, the 204 or an unrelated answer
        assertThat(found.operations()).containsExactly(
                new Deprecations.Operation("GET", "/api/{client_id}/deliveries", since, sunset,
                        List.of("data[].id")),
                new Deprecations.Operation("GET", "/api/{client_id}/deliveries/{delivery_id}", since, sunset,
                        List.of("id")),
                new Deprecations.Operation("POST", "/api/{client_id}/deliveries/{delivery_id}/retry", since, sunset,
                        List.of("id")));
        assertThat(Deprecations.parse(found.toJson().getBytes(StandardCharsets.UTF_8)).operations())
                .isEqualTo(found.operations());
        assertThat(found.operations().get(1).linkHeader()).isEqualTo(Deprecations.LINK
                + "; title=\"deprecated field: id\"");
        assertThat(new Deprecations.Operation("GET", "/x", since, sunset).linkHeader()).isEqualTo(Deprecations.LINK);
    }

    @Test
    void refusesADeprecatedFieldWithoutItsDates() throws IOException {
        OpenApiDocument undated = withDelivery("");

        assertThatThrownBy(() -> Deprecations.of(undated))
                .hasMessageContaining("#/components/schemas/Delivery/properties/id")
                .hasMessageContaining("x-deprecated-since");
    }

    @Test
    void refusesADeprecatedFieldWithLessThanNinetyDaysNotice() throws IOException {
        OpenApiDocument tooSoon = withDelivery(", x-deprecated-since: 2026-11-24, x-sunset: 2027-02-21");

        assertThatThrownBy(() -> Deprecations.of(tooSoon)).hasMessageContaining("less than 90 days");
    }

    @Test
    void theRealDocumentNamesTheDeprecatedIdOfEveryAnswerWithAWebhookDelivery() {
        Deprecations real = Deprecations.of(OpenApiDocument.read(DocsModule.openApi()));

        assertThat(real.find("GET", "/api/{client_id}/webhooks/deliveries/{delivery_id}"))
                .hasValueSatisfying(op -> {
                    assertThat(op.fields()).containsExactly("id");
                    assertThat(op.deprecatedSince()).isEqualTo(LocalDate.parse("2026-11-24"));
                    assertThat(op.sunset()).isEqualTo(LocalDate.parse("2027-02-22"));
                });
        assertThat(real.find("POST", "/api/{client_id}/webhooks/deliveries/{delivery_id}/retry"))
                .hasValueSatisfying(op -> assertThat(op.fields()).containsExactly("id"));
        assertThat(real.find("GET", "/api/{client_id}/webhooks/deliveries"))
                .hasValueSatisfying(op -> assertThat(op.fields()).containsExactly("data[].id"));
    }

    @Test
    void theRealDocumentFollowsThePolicy() {
        // throws when a deprecated operation lacks its dates or its 90 days
        assertThat(Deprecations.of(OpenApiDocument.read(DocsModule.openApi())).operations())
                .allSatisfy(op -> assertThat(op.sunset()).isAfterOrEqualTo(op.deprecatedSince().plusDays(90)));
    }

    @Test
    void theApiChangelogIsDatedNewestFirst() throws IOException {
        String changelog = Files.readString(DocsModule.dir().resolve("api-changelog.md"), StandardCharsets.UTF_8);
        // each "## " section starts with its date ("## 2026-11-24 — first version"); every section has one
        Matcher sections = Pattern.compile("^## (.*)$", Pattern.MULTILINE).matcher(changelog);
        List<LocalDate> dates = new ArrayList<>();
        while (sections.find()) {
            String heading = sections.group(1);
            assertThat(heading).as("changelog section").matches("\\d{4}-\\d{2}-\\d{2}( .*)?");
            dates.add(LocalDate.parse(heading.substring(0, 10)));
        }
        assertThat(dates).isNotEmpty();
        assertThat(dates).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        // what tenants read: the team's note in an HTML comment may name what does not belong
        assertThat(changelog.replaceAll("(?s)<!--.*?-->", "")).doesNotContain("Flyway", "SKIP LOCKED", "migration");
    }
}
