package io.jumbe.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jumbe.sdk.errors.AuthenticationException;
import io.jumbe.sdk.errors.FieldError;
import io.jumbe.sdk.errors.IdempotencyConflictException;
import io.jumbe.sdk.errors.InsufficientBalanceException;
import io.jumbe.sdk.errors.JumbeException;
import io.jumbe.sdk.errors.NotFoundException;
import io.jumbe.sdk.errors.PermissionException;
import io.jumbe.sdk.errors.RateLimitedException;
import io.jumbe.sdk.errors.ServerException;
import io.jumbe.sdk.errors.ValidationException;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ProblemMappingTest {
    private MockApi api;

    @BeforeEach
    void start() throws Exception {
        api = new MockApi(0);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    static Stream<Arguments> codes() {
        return Stream.of(
                Arguments.of(401, "unauthorized", AuthenticationException.class),
                Arguments.of(403, "forbidden", PermissionException.class),
                Arguments.of(403, "account_suspended", PermissionException.class),
                Arguments.of(404, "not_found", NotFoundException.class),
                Arguments.of(400, "validation_failed", ValidationException.class),
                Arguments.of(400, "invalid_recipient", ValidationException.class),
                Arguments.of(422, "sender_not_allowed", ValidationException.class),
                Arguments.of(400, "webhook_url_not_allowed", ValidationException.class),
                Arguments.of(413, "payload_too_large", ValidationException.class),
                Arguments.of(402, "insufficient_balance", InsufficientBalanceException.class),
                Arguments.of(429, "rate_limited", RateLimitedException.class),
                Arguments.of(422, "idempotency_conflict", IdempotencyConflictException.class),
                Arguments.of(409, "idempotency_in_progress", IdempotencyConflictException.class),
                Arguments.of(502, "payment_provider_error", ServerException.class),
                Arguments.of(500, "internal_error", ServerException.class),
                Arguments.of(409, "not_cancellable", JumbeException.class),
                Arguments.of(400, "webhooks_disabled", JumbeException.class),
                Arguments.of(405, "method_not_allowed", JumbeException.class),
                Arguments.of(408, "request_timeout", JumbeException.class),
                Arguments.of(503, "service_unavailable", ServerException.class),
                // an unknown code falls back to the status
                Arguments.of(409, "something_new", IdempotencyConflictException.class),
                Arguments.of(503, "something_new", ServerException.class),
                Arguments.of(418, "something_new", JumbeException.class));
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @MethodSource("codes")
    void mapsEachProblemCodeToItsException(int status, String code, Class<? extends JumbeException> type) {
        api.problem(status, code, null, null);

        assertThatThrownBy(() -> api.client.account().balance()).isExactlyInstanceOf(type)
                .isInstanceOfSatisfying(JumbeException.class, e -> {
                    assertThat(e.status()).isEqualTo(status);
                    assertThat(e.code()).isEqualTo(code);
                    assertThat(e.detail()).isEqualTo("detail of " + code);
                    assertThat(e.requestId()).isEqualTo("req_" + status);
                    assertThat(e.getMessage()).contains(code).contains("req_" + status);
                });
    }

    @Test
    void carriesTheFieldErrorsOfAValidationProblem() {
        api.server.enqueue(new MockResponse.Builder().code(400).addHeader("Content-Type", "application/problem+json")
                .body("{\"type\":\"about:blank\",\"title\":\"Invalid request\",\"status\":400,"
                        + "\"detail\":\"2 fields are invalid\",\"code\":\"validation_failed\",\"errors\":["
                        + "{\"field\":\"recipient\",\"message\":\"not a Kenyan mobile number\"},"
                        + "{\"field\":\"message\",\"message\":\"must not be empty\"}]}").build());

        assertThatThrownBy(() -> api.client.account().balance()).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.fieldErrors()).containsExactly(
                        new FieldError("recipient", "not a Kenyan mobile number"),
                        new FieldError("message", "must not be empty")));
    }

    @Test
    void readsTheServersWholeProblemShapeAndTakesTheRequestIdFromTheBodyWhenTheHeaderIsMissing() {
        api.server.enqueue(new MockResponse.Builder().code(404).addHeader("Content-Type", "application/problem+json")
                .body("{\"type\":\"/docs/errors.html#not_found\",\"title\":\"Not found\",\"status\":404,"
                        + "\"detail\":\"Message MSG-9 was not found.\",\"code\":\"not_found\","
                        + "\"instance\":\"/api/2/sms/status/MSG-9\",\"request_id\":\"req_fromthebody\"}").build());

        assertThatThrownBy(() -> api.client.sms().status("MSG-9")).isInstanceOfSatisfying(NotFoundException.class,
                e -> {
                    assertThat(e.requestId()).isEqualTo("req_fromthebody");
                    assertThat(e.detail()).isEqualTo("Message MSG-9 was not found.");
                });
    }

    @Test
    void mapsByStatusWhenTheBodyIsNotAProblem() {
        api.server.enqueue(new MockResponse.Builder().code(401).body("Unauthorized").build());

        assertThatThrownBy(() -> api.client.account().balance()).isInstanceOfSatisfying(
                AuthenticationException.class, e -> {
                    assertThat(e.code()).isNull();
                    assertThat(e.detail()).isEqualTo("Unauthorized");
                });
    }

    @Test
    void neverPutsTheApiKeyInTheExceptionMessage() {
        api.problem(401, "unauthorized", null, null);
        assertThatThrownBy(() -> api.client.account().balance()).satisfies(
                e -> assertThat(e.toString()).doesNotContain(MockApi.KEY));
    }
}
