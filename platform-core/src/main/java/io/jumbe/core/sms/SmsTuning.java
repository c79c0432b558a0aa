package io.jumbe.core.sms;

import io.jumbe.core.jobs.Backoff;
import java.time.Duration;

/**
 * Timings of SMS dispatch that are not tenant-visible settings: production uses {@link #defaults()}; tests shorten
 * them so retries, pauses and simulated delivery reports happen within a test's patience.
 *
 * @param pollInterval      how often an idle dispatch worker looks for due messages
 * @param lease             how long a claim is held before another instance may take it
 * @param backoff           retry delays after a transient upstream failure
 * @param upstreamPause     dispatch pause after Onfon 021 (credit exhausted) or an account refusal
 * @param simulatorDlrDelay how long the built-in Onfon simulator waits before sending a delivery report
 * @param expiryEvery       how often messages without a final report are checked against {@code DLR_EXPIRY}
 * @param simulatorHistory  how many submitted messages and sent reports the built-in Onfon simulator keeps for its
 *                          test hooks: a running server keeps {@value #SERVER_SIMULATOR_HISTORY}, as no one reads
 *                          them there and at thousands of messages a second each kept item outlives the young
 *                          generation (the last 10,000 were about 0.5 MiB a second of old-generation garbage)
 */
public record SmsTuning(Duration pollInterval, Duration lease, Backoff backoff, Duration upstreamPause,
                        Duration simulatorDlrDelay, Duration expiryEvery, int simulatorHistory) {
    /** What the built-in simulator of a running server keeps; tests keep 10,000. */
    public static final int SERVER_SIMULATOR_HISTORY = 1_000;

    /** As {@link #SmsTuning(Duration, Duration, Backoff, Duration, Duration, Duration, int)}, keeping 10,000. */
    public SmsTuning(Duration pollInterval, Duration lease, Backoff backoff, Duration upstreamPause,
                     Duration simulatorDlrDelay, Duration expiryEvery) {
        this(pollInterval, lease, backoff, upstreamPause, simulatorDlrDelay, expiryEvery, 10_000);
    }

    public static SmsTuning defaults() {
        return new SmsTuning(Duration.ofMillis(250), Duration.ofMinutes(2), Backoff.standard(), Duration.ofMinutes(1),
                Duration.ofSeconds(2), Duration.ofMinutes(1), SERVER_SIMULATOR_HISTORY);
    }

    /** Short timings for tests. */
    public static SmsTuning fast() {
        return new SmsTuning(Duration.ofMillis(50), Duration.ofSeconds(2),
                new Backoff(Duration.ofMillis(50), Duration.ofMillis(200)), Duration.ofMillis(500),
                Duration.ofMillis(100), Duration.ofMillis(200));
    }
}
