package io.jumbe.core.notify;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The emails' words: a subject, a plain-text and an HTML template per kind (JMustache, under
 * {@code io/jumbe/core/notify/mail/}). The HTML templates escape every value, so a tenant's name or an admin's reason
 * can never add markup; the text templates take values as they are.
 */
public final class MailTemplates {
    /** Where the emails' times are told: the tenants live at UTC+3. */
    public static final ZoneId ZONE = ZoneId.of("Africa/Nairobi");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'EAT'", Locale.ENGLISH)
            .withZone(ZONE);
    private static final Map<String, String> SUBJECTS = Map.of(
            Notifications.WELCOME, "Welcome to Jumbe - Your API Credentials",
            Notifications.LOW_BALANCE, "Low Balance Alert - Top up now",
            Notifications.TOPUP_COMPLETED, "Top-up Successful - {{amount}} added",
            Notifications.TOPUP_FAILED, "Top-up Failed",
            Notifications.WEBHOOKS_DISABLED, "Webhooks turned off - your receiver answered 410 Gone",
            Notifications.SIGNUP_VERIFY, "Confirm your email address for Jumbe",
            Notifications.SIGNUP_REJECTED, "Your Jumbe application",
            Notifications.SIGNUP_TEST_KEY, "Your Jumbe test key - build while we review your application");

    private final Mustache.Compiler text = Mustache.compiler().escapeHTML(false).defaultValue("");
    private final Mustache.Compiler html = Mustache.compiler().escapeHTML(true).defaultValue("");
    private final Map<String, Template> cache = new ConcurrentHashMap<>();

    /** The three parts of a rendered mail. */
    public record Rendered(String subject, String text, String html) {
    }

    public static boolean known(String template) {
        return SUBJECTS.containsKey(template);
    }

    public String subject(String template, Map<String, ?> model) {
        String subject = SUBJECTS.get(template);
        if (subject == null) {
            throw new IllegalArgumentException("no mail template " + template);
        }
        return cache.computeIfAbsent("subject:" + template, k -> text.compile(subject)).execute(model);
    }

    public Rendered render(String template, Map<String, ?> model) {
        String subject = subject(template, model);
        String plain = load(text, template + ".txt").execute(model);
        String content = load(html, template + ".html").execute(model);
        Map<String, Object> page = new HashMap<>(model);
        page.put("subject", subject);
        page.put("content", content);
        return new Rendered(subject, plain, load(html, "layout.html").execute(page));
    }

    private Template load(Mustache.Compiler compiler, String name) {
        return cache.computeIfAbsent(name, n -> {
            try (InputStream in = MailTemplates.class.getResourceAsStream("mail/" + n)) {
                if (in == null) {
                    throw new IllegalStateException("mail template " + n + " is missing");
                }
                return compiler.compile(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** {@code KES 1,050.00}. */
    public static String kes(long cents) {
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.US));
        return "KES " + format.format(BigDecimal.valueOf(cents, 2));
    }

    /** {@code 24 Nov 2026, 19:20 EAT}. */
    public static String time(Instant instant) {
        return TIME.format(instant);
    }
}
