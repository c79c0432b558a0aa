package io.jumbe.server.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jumbe.core.testing.TestDatabases;
import io.jumbe.docs.DocsResources;
import io.jumbe.server.testing.Sender;
import io.jumbe.server.testing.TestApp;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Test numbers page is what the built-in simulators do: each row's example number, sent an SMS or topped up
 * through the real server and its Onfon and Daraja simulators, ends as the row says.
 */
class TestNumbersPageMatchesTheSimulatorsTest {
    private static final Pattern ROW = Pattern.compile("<tr>\\s*<td>(.*?)</td>\\s*<td>(.*?)</td>\\s*<td>(.*?)</td>\\s*</tr>",
            Pattern.DOTALL);
    private static final Pattern EXAMPLE_NUMBER = Pattern.compile("<code>(254\\d{9})</code>");
    private static final Pattern RESULT_CODE = Pattern.compile("\\((?:ResultCode )?(\\d+)\\)");

    @Test
    void eachMpesaRowEndsWithTheResultCodeThePageNames() throws Exception {
        Map<String, Integer> rows = mpesaRows();
        assertThat(rows).hasSizeGreaterThanOrEqualTo(5);

        try (TestApp app = TestApp.start(TestDatabases.h2())) {
            Sender sender = app.sender("0.00");
            Map<String, String> transactions = new LinkedHashMap<>();
            for (String number : rows.keySet()) {
                var r = sender.post("/wallet/topup", "{\"amount\": 100, \"payment_method\": \"mpesa\", \"phone_number\": \""
                        + number + "\"}");
                assertThat(r.status()).as(number).isEqualTo(202);
                transactions.put(number, r.json().get("transaction_id").asText());
            }
            List<String> wrong = new ArrayList<>();
            for (Map.Entry<String, Integer> row : rows.entrySet()) {
                JsonNode topUp = settled(sender, transactions.get(row.getKey()));
                int code = row.getValue();
                boolean matches = code == 0
                        ? "completed".equals(topUp.path("status").asText()) && !topUp.path("mpesa_receipt").isNull()
                        : topUp.path("failure_reason").asText().endsWith("ResultCode " + code + ")");
                if (!matches) {
                    wrong.add(row.getKey() + " should end with ResultCode " + code + " but is " + topUp);
                }
            }
            assertThat(wrong).isEmpty();
        }
    }

    @Test
    void eachRefusedPushRowAnswersThe502AndRecordsTheTopUpAsFailed() {
        List<String> numbers = refusedPushRows();
        assertThat(numbers).isNotEmpty();

        try (TestApp app = TestApp.start(TestDatabases.h2())) {
            Sender sender = app.sender("0.00");
            for (String number : numbers) {
                var r = sender.post("/wallet/topup", "{\"amount\": 100, \"payment_method\": \"mpesa\", \"phone_number\": \""
                        + number + "\"}");
                assertThat(r.status()).as(number + ": " + r.body()).isEqualTo(502);
                assertThat(r.json().get("code").asText()).isEqualTo("payment_provider_error");
                JsonNode topUp = sender.get("/wallet/topup/" + r.json().get("transaction_id").asText()).json();
                assertThat(topUp.path("status").asText()).as(number).isEqualTo("failed");
                assertThat(topUp.path("failure_reason").asText()).as(number)
                        .startsWith("M-Pesa refused the payment request: ");
            }
        }
    }

    @Test
    void eachSmsRowEndsInTheStatusThePageNames() throws Exception {
        Map<String, String> rows = smsRows();
        assertThat(rows).hasSizeGreaterThanOrEqualTo(6);

        try (TestApp app = TestApp.start(TestDatabases.h2())) {
            Sender sender = app.sender("100.00");
            Map<String, String> messages = new LinkedHashMap<>();
            for (String number : rows.keySet()) {
                var r = sender.post("/sms/send", "{\"recipient\": \"" + number + "\", \"message\": \"Test number\"}");
                assertThat(r.status()).as(number + ": " + r.body()).isEqualTo(202);
                messages.put(number, r.json().get("message_id").asText());
            }
            List<String> wrong = new ArrayList<>();
            for (Map.Entry<String, String> row : rows.entrySet()) {
                String expected = row.getValue();
                JsonNode message = settledMessage(sender, messages.get(row.getKey()), expected);
                boolean matches = expected.equals(message.path("status").asText())
                        && (!expected.equals("failed") || !row.getKey().endsWith("0002")
                            || message.path("refunded").asBoolean());
                if (!matches) {
                    wrong.add(row.getKey() + " should be " + expected + " but is " + message);
                }
            }
            assertThat(wrong).isEmpty();
        }
    }

    /**
     * Example number → the status its SMS cell promises: {@code failed} when it says so, {@code sent} for the number
     * that never gets a delivery report (it expires only after {@code DLR_EXPIRY}), else {@code delivered}.
     */
    private static Map<String, String> smsRows() {
        Map<String, String> rows = new LinkedHashMap<>();
        Matcher row = ROW.matcher(page());
        while (row.find()) {
            Matcher number = EXAMPLE_NUMBER.matcher(row.group(1));
            if (number.find()) {
                String cell = row.group(2);
                String status = cell.contains("<code>failed</code>") ? "failed"
                        : cell.contains("no delivery report") ? "sent" : "delivered";
                rows.put(number.group(1), status);
            }
        }
        return rows;
    }

    private static JsonNode settledMessage(Sender sender, String messageId, String expected) throws InterruptedException {
        JsonNode message = null;
        for (int i = 0; i < 300; i++) {
            message = sender.get("/sms/status/" + messageId).json();
            String status = message.path("status").asText();
            boolean settled = expected.equals("sent") ? "sent".equals(status) && i >= 30
                    : !"queued".equals(status) && !"sent".equals(status);
            if (settled) {
                return message;
            }
            Thread.sleep(100);
        }
        return message;
    }

    private static String page() {
        return new String(new DocsResources().read("test-numbers.html").orElseThrow(), StandardCharsets.UTF_8);
    }

    /** Example number → the ResultCode its row promises, for the rows that name one. */
    private static Map<String, Integer> mpesaRows() {
        Map<String, Integer> rows = new LinkedHashMap<>();
        Matcher row = ROW.matcher(page());
        while (row.find()) {
            Matcher number = EXAMPLE_NUMBER.matcher(row.group(1));
            Matcher code = RESULT_CODE.matcher(row.group(3));
            if (number.find() && code.find()) {
                rows.put(number.group(1), Integer.parseInt(code.group(1)));
            }
        }
        return rows;
    }

    /** Example numbers whose M-Pesa cell promises the push is refused with {@code payment_provider_error}. */
    private static List<String> refusedPushRows() {
        List<String> rows = new ArrayList<>();
        Matcher row = ROW.matcher(page());
        while (row.find()) {
            Matcher number = EXAMPLE_NUMBER.matcher(row.group(1));
            if (number.find() && row.group(3).contains("payment_provider_error")) {
                rows.add(number.group(1));
            }
        }
        return rows;
    }

    private static JsonNode settled(Sender sender, String transactionId) throws InterruptedException {
        JsonNode topUp = null;
        for (int i = 0; i < 300; i++) {
            topUp = sender.get("/wallet/topup/" + transactionId).json();
            if (!"pending".equals(topUp.path("status").asText())) {
                return topUp;
            }
            Thread.sleep(100);
        }
        return topUp;
    }
}
