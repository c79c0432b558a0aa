package io.jumbe.core.config;

import io.jumbe.core.common.Money;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.List;
import java.util.Optional;

/** Everything the platform reads from its environment, parsed and validated once at start. */
public record JumbeConfig(
        int port,
        Path home,
        Database database,
        String publicBaseUrl,
        Onfon onfon,
        boolean refundOnDeliveryFailure,
        Duration dlrExpiry,
        Mpesa mpesa,
        List<String> trustedProxies,
        Money topupMin,
        Money topupMax,
        Webhooks webhooks,
        boolean rateLimits,
        Money manualTopupMax,
        Security security,
        Duration eventRetention,
        Limits limits,
        Mail mail,
        Reporting reporting,
        WhatsApp whatsapp) {

    /**
     * Email to tenants ({@code SMTP_URL}, {@code MAIL_FROM}, {@code MAIL_REPLY_TO}, {@code SUPPORT_EMAIL}).
     *
     * @param smtpUrl      {@code smtp://[user:pass@]host[:port]} or {@code smtps://…}; empty: {@code .eml} files under
     *                     {@code JUMBE_HOME/mail/}
     * @param from         the From header, {@code Jumbe <no-reply@example.co.ke>}
     * @param replyTo      the Reply-To header, if any
     * @param supportEmail where the emails tell tenants to write
     */
    public record Mail(Optional<String> smtpUrl, String from, Optional<String> replyTo, String supportEmail) {
        @Override
        public String toString() {
            // SMTP_URL may hold a password: never print it
            return "Mail[smtp=" + smtpUrl.map(u -> u.replaceAll("//[^@/]*@", "//***@")).orElse(".eml files")
                    + ", from=" + from + "]";
        }
    }

    /**
     * Days and upstream costs for analytics and the revenue report.
     *
     * @param zone                 where days, "today" and "this month" are counted ({@code TIMEZONE})
     * @param onfonCostPerSegment  what Onfon charges the platform per SMS segment ({@code ONFON_COST_PER_SEGMENT})
     * @param whatsappCosts        what Meta charges per WhatsApp message by category ({@code WHATSAPP_COST_MARKETING},
     *                             {@code …_UTILITY}, {@code …_AUTHENTICATION}, {@code …_SERVICE}), keyed by the
     *                             lower-case category
     */
    public record Reporting(ZoneId zone, Money onfonCostPerSegment, Map<String, Money> whatsappCosts) {
        public static Reporting defaults() {
            return new ConfigLoader(Map.of()).load().reporting();
        }
    }

    /**
     * Secrets of the platform itself.
     *
     * @param metricsToken with it, {@code /metrics} answers anyone presenting {@code Authorization: Bearer <token>};
     *                     without it, only loopback callers ({@code METRICS_TOKEN})
     * @param secretKey    base64 of the 32-byte key that encrypts recoverable secrets at rest
     *                     ({@code JUMBE_SECRET_KEY}); when empty, a key file under {@code JUMBE_HOME} is used
     */
    public record Security(Optional<String> metricsToken, Optional<String> secretKey) {
        @Override
        public String toString() {
            return "Security[metricsToken=" + (metricsToken.isPresent() ? "***" : "none") + ", secretKey="
                    + (secretKey.isPresent() ? "***" : "key file") + "]";
        }
    }

    /** JDBC URL with credentials split out, so no password ends up in a log line with the URL. */
    public record Database(String jdbcUrl, String user, String password) {
        public boolean isPostgres() {
            return jdbcUrl.startsWith("jdbc:postgresql:");
        }

        @Override
        public String toString() {
            return "Database[" + jdbcUrl.replaceAll("password=[^&;]*", "password=***") + "]";
        }
    }

    /** Onfon Media account; {@code simulated} when no credentials were given. */
    public record Onfon(boolean simulated, String baseUrl, String accessKey, String apiKey, String clientId,
                        Optional<String> dlrToken, int maxTps) {
        @Override
        public String toString() {
            return "Onfon[simulated=" + simulated + ", baseUrl=" + baseUrl + "]";
        }
    }

    /**
     * Meta's WhatsApp Cloud API; {@code simulated} when no credentials were given (the server mounts its simulator).
     *
     * @param verifyToken Meta's webhook verification token ({@code WHATSAPP_VERIFY_TOKEN}); generated and kept when
     *                    empty
     * @param maxMps      messages per second sent to the Graph API ({@code WHATSAPP_MAX_MPS})
     */
    public record WhatsApp(boolean simulated, String baseUrl, String apiVersion, String accessToken,
                           String phoneNumberId, String businessAccountId, String appSecret,
                           Optional<String> verifyToken, int maxMps) {
        @Override
        public String toString() {
            return "WhatsApp[simulated=" + simulated + ", baseUrl=" + baseUrl + ", apiVersion=" + apiVersion
                    + ", phoneNumberId=" + phoneNumberId + "]";
        }
    }

    /** Daraja app and reconciliation timings. */
    public record Mpesa(String env, String consumerKey, String consumerSecret, String passkey, String shortcode,
                        String transactionType, Optional<String> callbackToken, Duration queryAfter,
                        Duration pendingExpiry, List<String> callbackAllowedIps) {
        public boolean simulated() {
            return "simulator".equals(env);
        }

        @Override
        public String toString() {
            return "Mpesa[env=" + env + ", shortcode=" + shortcode + "]";
        }
    }

    /**
     * What the HTTP face takes from any one client before it refuses: a hostile or broken client must not hold every
     * worker, fill the heap, or reach the simulators from outside the machine.
     *
     * @param simulatorsPublic   serve the built-in simulators to other machines too ({@code SIMULATORS_PUBLIC})
     * @param bodyTimeout        a request body must have arrived whole within this ({@code HTTP_BODY_TIMEOUT})
     * @param minDataRate        bytes a second a body must keep arriving at ({@code HTTP_MIN_DATA_RATE})
     * @param tenantMaxInFlight  requests one tenant may have in progress at once ({@code TENANT_MAX_IN_FLIGHT})
     * @param bulkMaxConcurrent  large bulk sends handled at once, server-wide ({@code BULK_MAX_CONCURRENT})
     */
    public record Limits(boolean simulatorsPublic, Duration bodyTimeout, int minDataRate, int tenantMaxInFlight,
                         int bulkMaxConcurrent) {
    }

    /** Outgoing webhook delivery settings. */
    public record Webhooks(String retrySchedule, Duration timeout, boolean allowPrivateNetworks) {
    }
}
