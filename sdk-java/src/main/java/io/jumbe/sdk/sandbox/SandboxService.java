package io.jumbe.sdk.sandbox;

import io.jumbe.sdk.internal.ApiCalls;
import java.util.Map;
import java.util.Objects;

/**
 * Test mode's reset under {@code /api/{client_id}/sandbox}. Obtain it from
 * {@link io.jumbe.sdk.JumbeClient#sandbox()}. Thread-safe.
 */
public final class SandboxService {
    private final ApiCalls calls;
    private final SandboxApi api;

    /**
     * Creates the service over the SDK's HTTP stack; {@link io.jumbe.sdk.JumbeClient} does this.
     *
     * @param calls the HTTP stack
     */
    public SandboxService(ApiCalls calls) {
        this.calls = Objects.requireNonNull(calls, "calls");
        this.api = calls.create(SandboxApi.class);
    }

    /**
     * Restores the test wallet to KES 1,000.00 and clears test mode's messages, top-ups and webhook deliveries
     * ({@code POST /sandbox/reset}). Needs a test key.
     *
     * @return what the reset did
     * @throws io.jumbe.sdk.errors.JumbeException when the call fails; {@code test_mode_only} (403) with a live key
     */
    public SandboxReset reset() {
        return calls.execute(api.reset(Map.of()));
    }
}
