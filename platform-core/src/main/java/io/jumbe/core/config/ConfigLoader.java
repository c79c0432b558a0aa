package io.jumbe.core.config;

import io.jumbe.core.common.Money;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads the environment (and an optional {@code .env} file beneath it) into one {@link JumbeConfig}.
 * A value that does not parse stops start-up with a message naming the variable.
 */
public final class ConfigLoader {
    private final Map<String, String> env;

    public ConfigLoader(Map<String, String> env) {
        this.env = env;
    }

    /** The process environment over the values of {@code .env} in the working directory, if there is one. */
    public static ConfigLoader fromSystem() {
        Map<String, String> merged = new HashMap<>(readDotEnv(Path.of(".env")));
        merged.putAll(System.getenv());
        return new ConfigLoader(merged);
    }

    static Map<String, String> readDotEnv(Path file) {
        Map<String, String> values = new HashMap<>();
        if (!Files.isRegularFile(file)) {
            return values;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String trimmed = line.trim();
                if (trimmed.isEmpty() || trimmed.startsWith("#") || !trimmed.contains("=")) {
                    continue;
                }
                if (trimmed.startsWith("export ")) {
                    trimmed = trimmed.substring(7).trim();
                }
                int eq = trimmed.indexOf('=');
                String value = trimmed.substring(eq + 1).trim();
                if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                        || value.startsWith("'") && value.endsWith("'"))) {
                    value = value.substring(1, value.length() - 1);
                }
                values.put(trimmed.substring(0, eq).trim(), value);
            }
        } catch (IOException e) {
            throw new ConfigException(".env could not be read: " + e.getMessage());
        }
        return values;
    }

    public JumbeConfig load() {
        int port = get("PORT", "8080", v -> {
            int p = Integer.parseInt(v);
            if (p < 0 || p > 65535) {
                throw new IllegalArgumentException("a port is 0 to 65535");
            }
            return p;
        });
        Path home = get("JUMBE_HOME", "./data", Path::of);
        JumbeConfig.Database database = database(home);
        String publicBaseUrl = get("PUBLIC_BASE_URL", "http://localhost:" + port, ConfigLoader::httpUrl);

        boolean onfonSimulated = blank("ONFON_ACCESS_KEY") && blank("ONFON_API_KEY");
        JumbeConfig.Onfon onfon = new JumbeConfig.Onfon(onfonSimulated,
                get("ONFON_BASE_URL", onfonSimulated ? "" : "https://api.onfonmedia.co.ke", ConfigLoader::httpUrlOrEmpty),
                get("ONFON_ACCESS_KEY", "simulator-access-key", v -> v),
                get("ONFON_API_KEY", "simulator-api-key", v -> v),
                get("ONFON_CLIENT_ID", "simulator-client", v -> v),
                optional("ONFON_DLR_TOKEN"),
                get("ONFON_MAX_TPS", "50", ConfigLoader::positiveInt));

        String mpesaEnv = get("MPESA_ENV", "simulator", v -> {
            if (!List.of("simulator", "sandbox", "production").contains(v)) {
                throw new IllegalArgumentException("use simulator, sandbox or production");
            }
            return v;
        });
        JumbeConfig.Mpesa mpesa = new JumbeConfig.Mpesa(mpesaEnv,
                get("MPESA_CONSUMER_KEY", "simulator-consumer-key", v -> v),
                get("MPESA_CONSUMER_SECRET", "simulator-consumer-secret", v -> v),
                get("MPESA_PASSKEY", "bfb279f9aa9bdbcf158e97dd71a467cd2e0c893059b10f78e6b72ada1ed2c919", v -> v),
                get("MPESA_SHORTCODE", "174379", v -> v),
                get("MPESA_TRANSACTION_TYPE", "CustomerPayBillOnline", v -> {
                    if (!v.equals("CustomerPayBillOnline") && !v.equals("CustomerBuyGoodsOnline")) {
                        throw new IllegalArgumentException("use CustomerPayBillOnline or CustomerBuyGoodsOnline");
                    }
                    return v;
                }),
                optional("MPESA_CALLBACK_TOKEN"),
                get("MPESA_QUERY_AFTER", "60s", Durations::parse),
                get("MPESA_PENDING_EXPIRY", "10m", Durations::parse),
                get("MPESA_CALLBACK_ALLOWED_IPS", "", ConfigLoader::list));
        if (!mpesa.simulated() && (blank("MPESA_CONSUMER_KEY") || blank("MPESA_CONSUMER_SECRET")
                || blank("MPESA_PASSKEY") || blank("MPESA_SHORTCODE"))) {
            throw new ConfigException("MPESA_ENV=" + mpesaEnv + " needs MPESA_CONSUMER_KEY, MPESA_CONSUMER_SECRET, "
                    + "MPESA_PASSKEY and MPESA_SHORTCODE");
        }

        Money topupMin = get("TOPUP_MIN", "100", ConfigLoader::positiveMoney);
        Money topupMax = get("TOPUP_MAX", "50000", ConfigLoader::positiveMoney);
        if (topupMax.compareTo(topupMin) < 0) {
            throw new ConfigException("TOPUP_MAX must not be below TOPUP_MIN");
        }
        String schedule = get("WEBHOOK_RETRY_SCHEDULE", "5s,5m,30m,2h,5h,10h,14h,20h,24h", v -> {
            for (String part : v.split(",")) {
                Durations.parse(part);
            }
            return v;
        });
        JumbeConfig.Webhooks webhooks = new JumbeConfig.Webhooks(schedule,
                get("WEBHOOK_TIMEOUT", "15s", Durations::parse),
                get("WEBHOOKS_ALLOW_PRIVATE_NETWORKS", "false", ConfigLoader::bool));

        return new JumbeConfig(port, home, database, publicBaseUrl, onfon,
                get("REFUND_ON_DELIVERY_FAILURE", "false", ConfigLoader::bool),
                get("DLR_EXPIRY", "48h", Durations::parse),
                mpesa,
                get("TRUSTED_PROXIES", "", ConfigLoader::list),
                topupMin, topupMax, webhooks,
                get("RATE_LIMITS", "true", ConfigLoader::bool),
                get("MANUAL_TOPUP_MAX", "1000000", ConfigLoader::positiveMoney),
                new JumbeConfig.Security(optional("METRICS_TOKEN"), secretKey()),
                get("EVENT_RETENTION", "90d", ConfigLoader::positiveDuration),
                new JumbeConfig.Limits(get("SIMULATORS_PUBLIC", "false", ConfigLoader::bool),
                        get("HTTP_BODY_TIMEOUT", "20s", Durations::parse),
                        get("HTTP_MIN_DATA_RATE", "1024", ConfigLoader::positiveInt),
                        get("TENANT_MAX_IN_FLIGHT", "8", ConfigLoader::positiveInt),
                        get("BULK_MAX_CONCURRENT", "2", ConfigLoader::positiveInt)),
                new JumbeConfig.Mail(optional("SMTP_URL", ConfigLoader::smtpUrl),
                        get("MAIL_FROM", "Jumbe <no-reply@jumbe.local>", ConfigLoader::mailbox),
                        optional("MAIL_REPLY_TO", ConfigLoader::mailbox),
                        get("SUPPORT_EMAIL", "support@jumbe.local", ConfigLoader::mailbox)),
                reporting(),
                whatsapp());
    }

    private JumbeConfig.Reporting reporting() {
        java.time.ZoneId zone = get("TIMEZONE", "Africa/Nairobi", java.time.ZoneId::of);
        Map<String, Money> whatsapp = new java.util.LinkedHashMap<>();
        // Meta's rates change by market and date: the reseller sets its own (KES per message); unset counts as zero
        whatsapp.put("marketing", get("WHATSAPP_COST_MARKETING", "0", ConfigLoader::nonNegativeMoney));
        whatsapp.put("utility", get("WHATSAPP_COST_UTILITY", "0", ConfigLoader::nonNegativeMoney));
        whatsapp.put("authentication", get("WHATSAPP_COST_AUTHENTICATION", "0", ConfigLoader::nonNegativeMoney));
        whatsapp.put("service", get("WHATSAPP_COST_SERVICE", "0", ConfigLoader::nonNegativeMoney));
        return new JumbeConfig.Reporting(zone, get("ONFON_COST_PER_SEGMENT", "0.75", ConfigLoader::nonNegativeMoney),
                Map.copyOf(whatsapp));
    }

    private static Money nonNegativeMoney(String v) {
        Money m = Money.parse(v);
        if (m.isNegative()) {
            throw new IllegalArgumentException("must not be negative");
        }
        return m;
    }

    /** The WhatsApp variables that name a real Cloud API account; all or none of them. */
    static final List<String> WHATSAPP_ACCOUNT = List.of("WHATSAPP_BASE_URL", "WHATSAPP_ACCESS_TOKEN",
            "WHATSAPP_PHONE_NUMBER_ID", "WHATSAPP_BUSINESS_ACCOUNT_ID", "WHATSAPP_APP_SECRET");

    // Simulated when none of the account's variables is set; a partial set stops start-up naming what is missing,
    // so a half-configured production never falls back to the simulator unnoticed.
    private JumbeConfig.WhatsApp whatsapp() {
        List<String> given = WHATSAPP_ACCOUNT.stream().filter(n -> !blank(n)).toList();
        boolean simulated = given.isEmpty();
        if (!simulated && given.size() < WHATSAPP_ACCOUNT.size()) {
            List<String> missing = WHATSAPP_ACCOUNT.stream().filter(this::blank).toList();
            throw new ConfigException("WhatsApp is partly configured (" + String.join(", ", given) + " set): also set "
                    + String.join(", ", missing) + ", or none of them for the simulator");
        }
        return new JumbeConfig.WhatsApp(simulated,
                get("WHATSAPP_BASE_URL", "", ConfigLoader::httpUrlOrEmpty),
                get("WHATSAPP_API_VERSION", "v23.0", v -> {
                    if (!v.matches("v\\d+\\.\\d+")) {
                        throw new IllegalArgumentException("write the Graph API version as v23.0");
                    }
                    return v;
                }),
                get("WHATSAPP_ACCESS_TOKEN", "simulator-access-token", v -> v),
                get("WHATSAPP_PHONE_NUMBER_ID", "100000000000001", v -> v),
                get("WHATSAPP_BUSINESS_ACCOUNT_ID", "200000000000001", v -> v),
                get("WHATSAPP_APP_SECRET", "simulator-app-secret", v -> v),
                optional("WHATSAPP_VERIFY_TOKEN"),
                get("WHATSAPP_MAX_MPS", "80", ConfigLoader::positiveInt));
    }

    /** Bytes in the platform key (AES-256). */
    public static final int SECRET_KEY_BYTES = 32;

    private Optional<String> secretKey() {
        Optional<String> key = optional("JUMBE_SECRET_KEY");
        key.ifPresent(k -> {
            byte[] bytes;
            try {
                bytes = java.util.Base64.getDecoder().decode(k);
            } catch (IllegalArgumentException e) {
                throw new ConfigException("JUMBE_SECRET_KEY is not valid: not base64");
            }
            if (bytes.length != SECRET_KEY_BYTES) {
                throw new ConfigException("JUMBE_SECRET_KEY is not valid: it must be base64 of " + SECRET_KEY_BYTES
                        + " random bytes (e.g. `openssl rand -base64 32`); it is " + bytes.length + " bytes");
            }
        });
        return key;
    }

    private JumbeConfig.Database database(Path home) {
        Optional<String> url = optional("DATABASE_URL");
        if (url.isEmpty()) {
            String file = home.toAbsolutePath().normalize().resolve("jumbe").toString();
            // WRITE_DELAY=0: a commit is in the file before the statement returns. With H2's default (up to 500 ms
            // later, by a background writer) a killed process lost committed transactions, and even kept part of a
            // large one (a bulk send's messages without its debit), as KeyedRequestCrashTest showed.
            return new JumbeConfig.Database("jdbc:h2:file:" + file + ";" + H2_OPTIONS + ";AUTO_SERVER=TRUE;WRITE_DELAY=0",
                    "sa", "");
        }
        try {
            return parseDatabaseUrl(url.get());
        } catch (IllegalArgumentException e) {
            throw new ConfigException("DATABASE_URL: " + e.getMessage());
        }
    }

    /** H2 settings that make it behave like PostgreSQL for our SQL. */
    public static final String H2_OPTIONS = "MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    /** Accepts {@code jdbc:…} as is, and {@code postgres://user:pass@host:port/db} as Heroku-style URLs. */
    public static JumbeConfig.Database parseDatabaseUrl(String url) {
        if (url.startsWith("jdbc:")) {
            return new JumbeConfig.Database(url, null, null);
        }
        if (url.startsWith("postgres://") || url.startsWith("postgresql://")) {
            URI uri = URI.create(url);
            if (uri.getHost() == null) {
                throw new IllegalArgumentException("no host in the URL");
            }
            String user = null;
            String password = null;
            if (uri.getRawUserInfo() != null) {
                String[] parts = uri.getRawUserInfo().split(":", 2);
                user = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
                password = parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : null;
            }
            String jdbc = "jdbc:postgresql://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "")
                    + uri.getRawPath() + (uri.getRawQuery() != null ? "?" + uri.getRawQuery() : "");
            return new JumbeConfig.Database(jdbc, user, password);
        }
        throw new IllegalArgumentException("use jdbc:postgresql://… or postgres://user:pass@host:port/db");
    }

    private <T> T get(String name, String fallback, Function<String, T> parser) {
        String raw = env.get(name);
        String value = raw == null || raw.isBlank() ? fallback : raw.trim();
        try {
            return parser.apply(value);
        } catch (RuntimeException e) {
            throw new ConfigException(name + "='" + value + "' is not valid: " + e.getMessage());
        }
    }

    private Optional<String> optional(String name) {
        String raw = env.get(name);
        return raw == null || raw.isBlank() ? Optional.empty() : Optional.of(raw.trim());
    }

    /** An optional value checked by {@code parser}; the error names the variable, never its value (it may hold a password). */
    private Optional<String> optional(String name, Function<String, String> parser) {
        return optional(name).map(v -> {
            try {
                return parser.apply(v);
            } catch (RuntimeException e) {
                throw new ConfigException(name + " is not valid: " + e.getMessage());
            }
        });
    }

    private static String smtpUrl(String v) {
        URI uri;
        try {
            uri = new URI(v);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("use smtp://user:pass@host:587, smtp://host:25 or smtps://user:pass@host:465");
        }
        if (!"smtp".equals(uri.getScheme()) && !"smtps".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("use smtp://user:pass@host:587, smtp://host:25 or smtps://user:pass@host:465");
        }
        return v;
    }

    private static String mailbox(String v) {
        try {
            new jakarta.mail.internet.InternetAddress(v, true).validate();
            return v;
        } catch (jakarta.mail.internet.AddressException e) {
            throw new IllegalArgumentException("not an email address (write it as ops@example.co.ke or "
                    + "Name <ops@example.co.ke>)");
        }
    }

    private boolean blank(String name) {
        return optional(name).isEmpty();
    }

    private static boolean bool(String v) {
        return switch (v.toLowerCase()) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> throw new IllegalArgumentException("use true or false");
        };
    }

    private static int positiveInt(String v) {
        int n = Integer.parseInt(v);
        if (n <= 0) {
            throw new IllegalArgumentException("must be above zero");
        }
        return n;
    }

    private static Duration positiveDuration(String v) {
        Duration d = Durations.parse(v);
        if (d.isZero()) {
            throw new IllegalArgumentException("must be above zero");
        }
        return d;
    }

    private static Money positiveMoney(String v) {
        Money m = Money.parse(v);
        if (m.cents() <= 0) {
            throw new IllegalArgumentException("must be above zero");
        }
        return m;
    }

    private static List<String> list(String v) {
        return v.isBlank() ? List.of() : Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static String httpUrl(String v) {
        URI uri = URI.create(v);
        if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                || uri.getHost() == null) {
            throw new IllegalArgumentException("an http or https URL is required");
        }
        return v.endsWith("/") ? v.substring(0, v.length() - 1) : v;
    }

    private static String httpUrlOrEmpty(String v) {
        return v.isEmpty() ? v : httpUrl(v);
    }

    static Duration duration(String v) {
        return Durations.parse(v);
    }
}
