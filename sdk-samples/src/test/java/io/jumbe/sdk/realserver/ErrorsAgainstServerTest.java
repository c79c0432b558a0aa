package io.jumbe.sdk.realserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jumbe.sdk.JumbeClient;
import io.jumbe.sdk.errors.AuthenticationException;
import io.jumbe.sdk.errors.NotFoundException;
import io.jumbe.sdk.errors.PermissionException;
import io.jumbe.server.testing.Sender;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** How the SDK reads the server's real RFC 9457 problems: exception class, code, detail, request id. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ErrorsAgainstServerTest {
    private final InProcessServer server = InProcessServer.start();

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void aWrongKeyIsAnAuthenticationExceptionWithTheProblemCodeAndRequestId() {
        Sender sender = server.sender("10.00");
        ResponseRecorder recorder = new ResponseRecorder();
        JumbeClient client = server.clientBuilder(sender).apiKey("sk_test_notarealkey0000000000000000000000")
                .httpClient(new OkHttpClient.Builder().addInterceptor(recorder).build()).build();

        AuthenticationException e = catchThrowableOfType(AuthenticationException.class,
                () -> client.wallet().balance());

        assertThat(e.status()).isEqualTo(401);
        assertThat(e.code()).isEqualTo("unauthorized");
        assertThat(e.detail()).contains("API key");
        assertThat(e.requestId()).startsWith("req_").isEqualTo(recorder.last().header("X-Request-Id"));
        assertThat(e.getMessage()).contains("HTTP 401 unauthorized").contains(e.requestId())
                .doesNotContain("sk_test_notarealkey");
        assertThat(recorder.all()).as("a 401 is not retried").hasSize(1);
    }

    @Test
    void anotherTenantsClientIdIsAPermissionExceptionThatSaysNothingAboutThatTenant() {
        Sender mine = server.sender("10.00");
        Sender theirs = server.sender("777.00");
        JumbeClient client = server.clientBuilder(mine).clientId(theirs.clientId()).build();

        PermissionException e = catchThrowableOfType(PermissionException.class, () -> client.account().balance());

        assertThat(e.status()).isEqualTo(403);
        assertThat(e.code()).isEqualTo("forbidden");
        assertThat(e.getMessage()).doesNotContain("777").doesNotContain("Sender ");
    }

    @Test
    void aSuspendedAccountIsAPermissionExceptionWithCodeAccountSuspended() {
        Sender sender = server.sender("10.00");
        JumbeClient client = server.client(sender);
        server.suspend(sender);

        PermissionException e = catchThrowableOfType(PermissionException.class, () -> client.wallet().balance());

        assertThat(e.status()).isEqualTo(403);
        assertThat(e.code()).isEqualTo("account_suspended");
        assertThat(e.detail()).contains("suspended");
    }

    @Test
    void anUnknownRouteIsANotFoundProblem() {
        Sender sender = server.sender("10.00");
        // a base URL with a path the server does not serve: every call lands on no route at all
        JumbeClient client = server.clientBuilder(sender).baseUrl(server.baseUrl() + "/v9").build();

        NotFoundException e = catchThrowableOfType(NotFoundException.class, () -> client.wallet().balance());

        assertThat(e.status()).isEqualTo(404);
        assertThat(e.code()).isEqualTo("not_found");
        assertThat(e.detail()).contains("/v9/api/" + sender.clientId() + "/client/balance");
        assertThat(e.requestId()).startsWith("req_");
    }

    @Test
    void aMissingResourceIsANotFoundExceptionCarryingCodeAndRequestId() {
        Sender sender = server.sender("10.00");
        JumbeClient client = server.client(sender);

        NotFoundException e = catchThrowableOfType(NotFoundException.class,
                () -> client.wallet().topUpStatus("TXN-doesnotexist"));

        assertThat(e.status()).isEqualTo(404);
        assertThat(e.code()).isEqualTo("not_found");
        assertThat(e.requestId()).startsWith("req_");
        assertThat(e.fieldErrors()).isEmpty();
    }
}
