package io.jumbe.core.payments.mpesa;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.jumbe.core.common.Json;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Reads the JSON Safaricom POSTs to {@code CallBackURL}, with its quirks: {@code ResultCode} a number,
 * {@code TransactionDate} and {@code PhoneNumber} JSON numbers, {@code Amount} a decimal, a {@code Balance}
 * item with no {@code Value}, {@code CallbackMetadata} only on success. Strings are accepted wherever Daraja
 * sends numbers. Thread-safe.
 */
public final class StkCallbackParser {

    /** M-Pesa's clock. */
    public static final ZoneId NAIROBI = ZoneId.of("Africa/Nairobi");
    private static final DateTimeFormatter DARAJA_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private final ObjectReader json;

    /** A parser with its own Jackson mapper. */
    public StkCallbackParser() {
        this(new ObjectMapper(Json.newFactory()));
    }

    /** A parser over a shared Jackson mapper. */
    public StkCallbackParser(ObjectMapper json) {
        // Amount 1.00 read as a decimal, never through a double
        this.json = json.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    /**
     * Parses the raw request body.
     *
     * @throws MalformedStkCallbackException when it is not JSON, lacks {@code Body.stkCallback},
     *                                       {@code CheckoutRequestID} or an integer {@code ResultCode}, or carries
     *                                       an unreadable amount, date or phone
     */
    public StkCallback parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw new MalformedStkCallbackException("empty callback body");
        }
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (java.io.IOException e) {
            throw new MalformedStkCallbackException("callback body is not JSON", e);
        }
        return read(root);
    }

    /** Parses the raw request body given as text. @see #parse(byte[]) */
    public StkCallback parse(String body) {
        return parse(body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    private StkCallback read(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new MalformedStkCallbackException("callback body is not a JSON object");
        }
        JsonNode callback = root.path("Body").path("stkCallback");
        if (!callback.isObject()) {
            throw new MalformedStkCallbackException("callback has no Body.stkCallback object");
        }
        String checkoutRequestId = text(callback, "CheckoutRequestID");
        if (checkoutRequestId == null) {
            throw new MalformedStkCallbackException("stkCallback has no CheckoutRequestID");
        }
        int resultCode = resultCode(callback.get("ResultCode"));
        Long amountCents = null;
        String receipt = null;
        Instant transactionDate = null;
        String phone = null;
        JsonNode items = callback.path("CallbackMetadata").path("Item");
        if (!items.isMissingNode() && !items.isNull()) {
            if (!items.isArray()) {
                throw new MalformedStkCallbackException("CallbackMetadata.Item is not a list");
            }
            for (JsonNode item : items) {
                String name = text(item, "Name");
                JsonNode value = item.get("Value");
                if (name == null || value == null || value.isNull()) {
                    continue; // Balance arrives without a Value
                }
                switch (name) {
                    case "Amount" -> amountCents = cents(value);
                    case "MpesaReceiptNumber" -> receipt = value.asText().strip();
                    case "TransactionDate" -> transactionDate = nairobiTime(value);
                    case "PhoneNumber" -> phone = digits(value, "PhoneNumber");
                    default -> {
                        // Balance and anything Safaricom adds later are not ours to use
                    }
                }
            }
        }
        return new StkCallback(text(callback, "MerchantRequestID"), checkoutRequestId, resultCode,
                text(callback, "ResultDesc"), amountCents, receipt == null || receipt.isEmpty() ? null : receipt,
                transactionDate, phone);
    }

    private static int resultCode(JsonNode node) {
        if (node == null || node.isNull()) {
            throw new MalformedStkCallbackException("stkCallback has no ResultCode");
        }
        if (node.isIntegralNumber() && node.canConvertToInt()) {
            return node.intValue();
        }
        if (node.isTextual()) {
            try {
                return Integer.parseInt(node.textValue().trim());
            } catch (NumberFormatException e) {
                throw new MalformedStkCallbackException("ResultCode is not a number", e);
            }
        }
        throw new MalformedStkCallbackException("ResultCode is not a number");
    }

    private static Long cents(JsonNode value) {
        BigDecimal amount;
        try {
            amount = value.isNumber() ? value.decimalValue() : new BigDecimal(value.asText().trim());
            return amount.movePointRight(2).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new MalformedStkCallbackException("Amount is not a sum in cents", e);
        }
    }

    private static Instant nairobiTime(JsonNode value) {
        String text = digits(value, "TransactionDate");
        try {
            return LocalDateTime.parse(text, DARAJA_TIME).atZone(NAIROBI).toInstant();
        } catch (DateTimeParseException e) {
            throw new MalformedStkCallbackException("TransactionDate is not yyyyMMddHHmmss", e);
        }
    }

    private static String digits(JsonNode value, String field) {
        String text;
        if (value.isIntegralNumber()) {
            text = value.bigIntegerValue().toString();
        } else if (value.isTextual()) {
            text = value.textValue().trim();
        } else {
            throw new MalformedStkCallbackException(field + " is not a number");
        }
        if (text.isEmpty() || !text.chars().allMatch(Character::isDigit)) {
            throw new MalformedStkCallbackException(field + " is not a number");
        }
        return text;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.isContainerNode()) {
            return null;
        }
        String text = value.asText();
        return text.isBlank() ? null : text;
    }

}
