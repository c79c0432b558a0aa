package io.jumbe.core.sms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jumbe.core.common.Json;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A delivery report (DLR) from Onfon, as sent to {@code /api/webhooks/onfon/dlr/{token}}: a GET with query
 * parameters, or a POST with the same names as form fields or a JSON object (providers.md §1.4).
 *
 * <p>Both status vocabularies are understood: SMPP ({@code DELIVRD}, {@code UNDELIV}, {@code REJECTD},
 * {@code EXPIRED}, …) and Safaricom's ({@code DeliveredToTerminal}, {@code DeliveryImpossible},
 * {@code UserInBlacklist}, …). A status we do not know counts as {@link DeliveryState#PENDING} with
 * {@link #recognised()} false, so the caller can log it and the message waits for a final report or expiry.
 *
 * @param upstreamMessageId Onfon's {@code messageId} (the {@code MessageId} returned at submit)
 * @param mobile            {@code mobile}, may be empty
 * @param status            {@code status} as sent
 * @param errorCode         {@code errorCode} as sent, may be empty
 * @param submitDate        {@code submitDate} as sent (format unconfirmed upstream), may be empty
 * @param doneDate          {@code doneDate} as sent, may be empty
 * @param state             what the status means
 * @param recognised        whether {@code status} is in one of the known vocabularies
 */
public record DeliveryReport(String upstreamMessageId, String mobile, String status, String errorCode,
                             String submitDate, String doneDate, DeliveryState state, boolean recognised) {

    private static final ObjectMapper JSON = new ObjectMapper(Json.newFactory());
    private static final java.util.regex.Pattern SEPARATORS = java.util.regex.Pattern.compile("[\\s_]");
    private static final Map<String, DeliveryState> VOCABULARY = vocabulary();

    /**
     * Reads a report from request parameters (query or form), e.g. Javalin's {@code ctx.queryParamMap()}.
     * Parameter names are matched without regard to case.
     *
     * @param parameters name → values; the first value of each is used
     * @return the report, or empty when {@code messageId} or {@code status} is missing
     */
    public static Optional<DeliveryReport> fromParameters(Map<String, List<String>> parameters) {
        Map<String, String> flat = new HashMap<>();
        parameters.forEach((name, values) -> {
            if (values != null && !values.isEmpty() && values.get(0) != null) {
                flat.putIfAbsent(name.toLowerCase(Locale.ROOT), values.get(0));
            }
        });
        return from(flat);
    }

    /**
     * Reads a report from a raw query string, as an embedding program's own HTTP server sees Onfon's GET
     * ({@code messageId=…&status=DELIVRD&…}); percent-escapes and {@code +} are decoded.
     *
     * @param rawQuery the query without {@code ?}, may be null
     * @return the report, or empty when {@code messageId} or {@code status} is missing
     */
    public static Optional<DeliveryReport> fromQuery(String rawQuery) {
        Map<String, List<String>> parameters = new HashMap<>();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                parameters.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            }
        }
        return fromParameters(parameters);
    }

    /**
     * Reads a report from a JSON object body with the same field names as the query parameters.
     *
     * @param body the raw request body
     * @return the report, or empty when the body is not a JSON object or lacks {@code messageId}/{@code status}
     */
    public static Optional<DeliveryReport> fromJson(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (root == null || !root.isObject()) {
            return Optional.empty();
        }
        Map<String, String> flat = new HashMap<>();
        root.fields().forEachRemaining(field -> {
            if (!field.getValue().isNull() && field.getValue().isValueNode()) {
                flat.putIfAbsent(field.getKey().toLowerCase(Locale.ROOT), field.getValue().asText());
            }
        });
        return from(flat);
    }

    /**
     * What an upstream status word means.
     *
     * @param status e.g. {@code "DELIVRD"} or {@code "DeliveredToTerminal"}; case and spaces are ignored
     * @return the state, {@link DeliveryState#PENDING} for anything unknown
     */
    public static DeliveryState classify(String status) {
        return VOCABULARY.getOrDefault(key(status), DeliveryState.PENDING);
    }

    /**
     * Whether an upstream status word is one we know.
     *
     * @param status any text
     * @return true when {@link #classify} knows it
     */
    public static boolean isKnownStatus(String status) {
        return VOCABULARY.containsKey(key(status));
    }

    private static Optional<DeliveryReport> from(Map<String, String> lowerCased) {
        String id = lowerCased.getOrDefault("messageid", "").strip();
        String status = lowerCased.getOrDefault("status", "").strip();
        if (id.isEmpty() || status.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new DeliveryReport(id,
                lowerCased.getOrDefault("mobile", "").strip(),
                status,
                lowerCased.getOrDefault("errorcode", "").strip(),
                lowerCased.getOrDefault("submitdate", "").strip(),
                lowerCased.getOrDefault("donedate", "").strip(),
                classify(status),
                isKnownStatus(status)));
    }

    private static String key(String status) {
        return status == null ? "" : SEPARATORS.matcher(status).replaceAll("").toUpperCase(Locale.ROOT);
    }

    private static Map<String, DeliveryState> vocabulary() {
        Map<String, DeliveryState> map = new HashMap<>();
        for (String s : List.of("DELIVRD", "DELIVERED", "DeliveredToTerminal")) {
            map.put(key(s), DeliveryState.DELIVERED);
        }
        for (String s : List.of("EXPIRED")) {
            map.put(key(s), DeliveryState.EXPIRED);
        }
        // SMPP's UNKNOWN is a final state ("message is in invalid state"), not "no news yet".
        for (String s : List.of("UNDELIV", "UNDELIVRD", "UNDELIVERED", "REJECTD", "REJECTED", "DELETED", "UNKNOWN",
                "FAILED", "DeliveryImpossible", "AbsentSubscriber", "UserInBlacklist", "UserAbnormalState",
                "UserIsSuspended", "SenderName Blacklisted", "MsisdnBlacklisted", "InvalidMsisdn", "CallBarred",
                "ServiceNotProvisioned", "SystemFailure", "UnknownSubscriber")) {
            map.put(key(s), DeliveryState.FAILED);
        }
        for (String s : List.of("ACCEPTD", "ACCEPTED", "ENROUTE", "BUFFERED", "SUBMITTED", "SENT", "DeliveredToNetwork",
                "DeliveryUncertain", "MessageWaiting", "DeliveryNotificationNotSupported")) {
            map.put(key(s), DeliveryState.PENDING);
        }
        return Map.copyOf(map);
    }
}
