package io.jumbe.core.payments.mpesa;

import java.util.Objects;

/**
 * One Daraja app's settings.
 *
 * @param environment     simulator, sandbox or production
 * @param baseUrl         API base without trailing slash, e.g. {@code https://sandbox.safaricom.co.ke}
 * @param consumerKey     the app's consumer key (secret: never logged)
 * @param consumerSecret  the app's consumer secret (secret: never logged)
 * @param passkey         the Lipa Na M-Pesa Online passkey (secret: never logged)
 * @param shortcode       {@code BusinessShortCode}: the paybill, or for a till the head-office/store number
 * @param partyB          the receiving paybill or till number ({@code PartyB}); for a paybill the shortcode
 * @param transactionType paybill or till
 * @param callbackUrl     {@code CallBackURL} sent with every STK Push
 * @param timeoutUrl      our timeout endpoint, or null; STK Push has no field for it, it is kept for the routes
 */
public record DarajaConfig(
        MpesaEnvironment environment,
        String baseUrl,
        String consumerKey,
        String consumerSecret,
        String passkey,
        String shortcode,
        String partyB,
        DarajaTransactionType transactionType,
        String callbackUrl,
        String timeoutUrl) {

    /** Sandbox shortcode published by Safaricom. */
    public static final String SANDBOX_SHORTCODE = "174379";
    /** Sandbox Lipa Na M-Pesa Online passkey published by Safaricom (the only one the sandbox accepts). */
    public static final String SANDBOX_PASSKEY = "bfb279f9aa9bdbcf158e97dd71a467cd2e0c893059b10f78e6b72ada1ed2c919";

    /** Checks the required values; a null {@code partyB} becomes the shortcode. */
    public DarajaConfig {
        Objects.requireNonNull(environment, "environment");
        baseUrl = stripSlash(require(baseUrl, "base URL"));
        require(consumerKey, "MPESA_CONSUMER_KEY");
        require(consumerSecret, "MPESA_CONSUMER_SECRET");
        require(passkey, "MPESA_PASSKEY");
        require(shortcode, "MPESA_SHORTCODE");
        if (!shortcode.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("MPESA_SHORTCODE must be digits");
        }
        partyB = partyB == null || partyB.isBlank() ? shortcode : partyB;
        Objects.requireNonNull(transactionType, "transactionType");
        require(callbackUrl, "callback URL");
    }

    /**
     * Builds the config for {@code MPESA_ENV}, picking the base URL: the given simulator URL for
     * {@code simulator}, Safaricom's sandbox or production host otherwise.
     *
     * @param simulatorBaseUrl where the simulator is mounted; ignored for sandbox and production
     * @param partyB           the till number for {@code CustomerBuyGoodsOnline}; null means the shortcode
     * @param timeoutUrl       may be null
     */
    public static DarajaConfig forEnvironment(MpesaEnvironment environment, String simulatorBaseUrl,
            String consumerKey, String consumerSecret, String passkey, String shortcode, String partyB,
            DarajaTransactionType transactionType, String callbackUrl, String timeoutUrl) {
        return new DarajaConfig(environment, environment.baseUrl(simulatorBaseUrl), consumerKey, consumerSecret,
                passkey, shortcode, partyB, transactionType, callbackUrl, timeoutUrl);
    }

    /** Secrets stay out of logs and exception messages. */
    @Override
    public String toString() {
        return "DarajaConfig[environment=" + environment.envName() + ", baseUrl=" + baseUrl
                + ", shortcode=" + shortcode + ", partyB=" + partyB + ", transactionType="
                + transactionType.wireName() + ", callbackUrl=<set>, consumerKey=<redacted>, "
                + "consumerSecret=<redacted>, passkey=<redacted>]";
    }

    private static String require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required for M-Pesa");
        }
        return value;
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
