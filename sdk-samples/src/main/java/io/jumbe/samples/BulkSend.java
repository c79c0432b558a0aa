package io.jumbe.samples;

import io.jumbe.sdk.JumbeClient;
import io.jumbe.sdk.sms.BulkSendResult;
import io.jumbe.sdk.sms.BulkSendSmsParams;
import io.jumbe.sdk.sms.QueuedMessage;
import io.jumbe.sdk.sms.RejectedRecipient;
import io.jumbe.sdk.sms.SmsQuote;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Quotes, then sends one text to several recipients. Env: JUMBE_BASE_URL, JUMBE_CLIENT_ID, JUMBE_API_KEY,
 * optional JUMBE_TO (comma-separated; default three simulator numbers and one invalid), JUMBE_MESSAGE.
 */
public final class BulkSend {
    private BulkSend() {
    }

    /**
     * Runs the sample against the environment.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        System.exit(Sample.execute(BulkSend::run, System.getenv(), System.out));
    }

    static void run(Map<String, String> env, PrintStream out) {
        JumbeClient client = SampleEnv.client(env);
        List<String> recipients = Arrays.stream(SampleEnv.get(env, "JUMBE_TO",
                        "0712345678,0712345679,0712340001,12345").split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
        BulkSendSmsParams params = BulkSendSmsParams.builder().recipients(recipients)
                .message(SampleEnv.get(env, "JUMBE_MESSAGE", "Clinic reminder: your appointment is tomorrow at 10:00"))
                .build();
        SmsQuote quote = client.sms().quote(params);
        out.println("quote: " + quote.segments() + " segment(s) each, total KES "
                + (quote.totalCost() == null ? "?" : quote.totalCost().toPlainString()));
        BulkSendResult result = client.sms().sendBulk(params);
        out.println("queued " + result.messages().size() + " message(s) in batch " + result.batchId()
                + ", total KES " + result.totalCost().toPlainString());
        for (QueuedMessage m : result.messages()) {
            out.println("  " + m.messageId() + " -> " + m.recipient());
        }
        for (RejectedRecipient r : result.rejected()) {
            out.println("  rejected " + r.recipient() + ": " + r.code());
        }
        out.println("balance KES " + result.balance().toPlainString());
    }
}
