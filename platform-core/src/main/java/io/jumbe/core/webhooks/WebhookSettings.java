package io.jumbe.core.webhooks;

import io.jumbe.core.config.JumbeConfig;
import java.time.Duration;
import java.util.Objects;

/**
 * How webhooks are delivered: retry schedule, per-attempt timeout, the SSRF guard's switches and the resolver it
 * uses, and the version named in the {@code User-Agent}.
 *
 * @param retrySchedule        {@code WEBHOOK_RETRY_SCHEDULE}
 * @param timeout              {@code WEBHOOK_TIMEOUT}
 * @param allowPrivateNetworks {@code WEBHOOKS_ALLOW_PRIVATE_NETWORKS}
 * @param requireHttps         true when {@code PUBLIC_BASE_URL} is https
 * @param resolver             how host names are resolved ({@link HostResolver#system()} outside tests)
 * @param version              the platform version for {@code User-Agent: Jumbe-Webhooks/<version>}
 */
public record WebhookSettings(RetrySchedule retrySchedule, Duration timeout, boolean allowPrivateNetworks,
                              boolean requireHttps, HostResolver resolver, String version) {

    /** The platform version when the jar's manifest does not name one. */
    public static final String FALLBACK_VERSION = "0.1.0";

    /** Checks the fields. */
    public WebhookSettings {
        Objects.requireNonNull(retrySchedule, "retrySchedule");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(resolver, "resolver");
        Objects.requireNonNull(version, "version");
    }

    /**
     * The settings an embedding program gets without configuring anything: the default schedule, 15 s, the guard
     * fully on.
     *
     * @return the defaults
     */
    public static WebhookSettings defaults() {
        return new WebhookSettings(RetrySchedule.defaults(), WebhookSender.DEFAULT_TIMEOUT, false, false,
                HostResolver.system(), platformVersion());
    }

    /**
     * The settings the environment asked for.
     *
     * @param config the loaded configuration
     * @return the settings
     */
    public static WebhookSettings from(JumbeConfig config) {
        return new WebhookSettings(RetrySchedule.parse(config.webhooks().retrySchedule()), config.webhooks().timeout(),
                config.webhooks().allowPrivateNetworks(), WebhookUrlGuard.httpsRequiredBy(config.publicBaseUrl()),
                HostResolver.system(), platformVersion());
    }

    /**
     * The same settings with another resolver (tests play DNS with it).
     *
     * @param other the resolver
     * @return the changed settings
     */
    public WebhookSettings withResolver(HostResolver other) {
        return new WebhookSettings(retrySchedule, timeout, allowPrivateNetworks, requireHttps, other, version);
    }

    private static String platformVersion() {
        String fromJar = WebhookSettings.class.getPackage().getImplementationVersion();
        return fromJar == null ? FALLBACK_VERSION : fromJar;
    }
}
