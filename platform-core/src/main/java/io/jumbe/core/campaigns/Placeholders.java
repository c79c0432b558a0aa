package io.jumbe.core.campaigns;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text with placeholders, parsed once: {@code {{name}}}, {@code {{phone}}}, {@code {{email}}}, an attribute as
 * {@code {{student}}} or {@code {{attributes.student}}}, each optionally with a default ({@code {{student|your
 * child}}}). Channel-independent: an SMS text and each parameter of a WhatsApp template render the same way.
 */
public final class Placeholders {
    private static final Pattern TOKEN = Pattern.compile(
            "\\{\\{\\s*(attributes\\.[a-z0-9_]{1,32}|[a-z0-9_]{1,32})\\s*(?:\\|([^{}|]*))?}}");
    private final List<Object> parts;

    private Placeholders(List<Object> parts) {
        this.parts = parts;
    }

    /** One placeholder: the field it reads and its default (null: none). */
    record Field(String key, String fallback) {
    }

    /**
     * Parses a text.
     *
     * @throws IllegalArgumentException with a reason, for a {@code {{} or {@code }}} that is not a placeholder
     */
    public static Placeholders parse(String text) {
        List<Object> parts = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        int at = 0;
        while (m.find()) {
            literal(parts, text.substring(at, m.start()));
            String key = m.group(1);
            if (key.startsWith("attributes.")) {
                key = key.substring("attributes.".length());
            }
            parts.add(new Field(key, m.group(2)));
            at = m.end();
        }
        literal(parts, text.substring(at));
        return new Placeholders(List.copyOf(parts));
    }

    private static void literal(List<Object> parts, String s) {
        int open = s.indexOf("{{");
        int close = s.indexOf("}}");
        if (open >= 0 || close >= 0) {
            int pos = open >= 0 ? open : close;
            String near = s.substring(pos, Math.min(s.length(), pos + 40));
            throw new IllegalArgumentException("unknown placeholder syntax at '" + near + "': use {{name}}, {{phone}}, "
                    + "{{email}}, {{attribute}} or {{attributes.attribute}}, optionally {{attribute|default}}");
        }
        if (!s.isEmpty()) {
            parts.add(s);
        }
    }

    /** Whether the text has any placeholder. */
    public boolean personalised() {
        return parts.stream().anyMatch(p -> p instanceof Field);
    }

    /**
     * Renders for one recipient.
     *
     * @param fields {@code name}, {@code phone}, {@code email} and the contact's attributes (the three named
     *               fields win over attributes of the same name)
     * @return the text, or empty when a placeholder without default has no value ({@code missing_field})
     */
    public Optional<String> render(Map<String, String> fields) {
        StringBuilder out = new StringBuilder();
        for (Object p : parts) {
            if (p instanceof Field f) {
                String v = fields.get(f.key());
                if (v == null || v.isBlank()) {
                    if (f.fallback() == null) {
                        return Optional.empty();
                    }
                    v = f.fallback().strip();
                }
                out.append(v);
            } else {
                out.append((String) p);
            }
        }
        return Optional.of(out.toString());
    }
}
