package io.jumbe.server.http;

import java.util.Locale;

/**
 * Chooses between JSON and CSV for an endpoint that offers both, the same way everywhere. {@code ?format=csv} or
 * {@code ?format=json} decides outright; otherwise {@code Accept} does, read as RFC 9110 §12.5.1 says: each media
 * range gives its q-value (1 when absent) to the types it matches, the most specific range deciding
 * ({@code text/csv} over {@code text/*} over {@code *}{@code /*}), and the order of the ranges means nothing. CSV
 * only when it is preferred: given a higher q than JSON. A tie ({@code application/json, text/csv}, which clients
 * generated from the OpenAPI document send, or {@code *}{@code /*}), no {@code Accept}, and an {@code Accept} naming
 * neither all get JSON: like Stripe, the API answers JSON rather than 406 (RFC 9110 lets a server disregard
 * {@code Accept}), and a client asking for something else can see from {@code Content-Type} what it got.
 */
public final class CsvOrJson {
    private static final String CSV = "text/csv";
    private static final String JSON = "application/json";

    private CsvOrJson() {
    }

    /**
     * @param format the {@code format} query parameter, already checked to be {@code json}, {@code csv} or absent
     * @param accept the {@code Accept} header, or null
     * @return true to answer CSV
     */
    public static boolean wantsCsv(String format, String accept) {
        if (format != null) {
            return format.equals("csv");
        }
        if (accept == null || accept.isBlank()) {
            return false;
        }
        return quality(accept, CSV) > quality(accept, JSON);
    }

    /** The q-value {@code accept} gives {@code type}: that of the most specific range matching it, 0 if none does. */
    static double quality(String accept, String type) {
        String mainType = type.substring(0, type.indexOf('/'));
        int bestSpecificity = 0;
        double q = 0;
        for (String element : accept.split(",")) {
            String[] parts = element.split(";");
            String range = parts[0].trim().toLowerCase(Locale.ROOT);
            int specificity = range.equals(type) ? 3 : range.equals(mainType + "/*") ? 2 : range.equals("*/*") ? 1 : 0;
            if (specificity == 0 || specificity < bestSpecificity) {
                continue;
            }
            Double rangeQ = qValue(parts);
            if (rangeQ == null) {
                continue;
            }
            q = specificity > bestSpecificity ? rangeQ : Math.max(q, rangeQ);
            bestSpecificity = specificity;
        }
        return q;
    }

    /** The range's {@code q} parameter (1 when absent), or null when it is malformed (the range is then ignored). */
    private static Double qValue(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String param = parts[i].trim();
            int eq = param.indexOf('=');
            if (eq > 0 && param.substring(0, eq).trim().equalsIgnoreCase("q")) {
                try {
                    double q = Double.parseDouble(param.substring(eq + 1).trim());
                    return q >= 0 && q <= 1 ? q : null;
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        }
        return 1.0;
    }
}
