package io.jumbe.samples;

import io.jumbe.sdk.JumbeClient;
import io.jumbe.sdk.sms.SendSmsParams;
import io.jumbe.sdk.sms.SmsMessage;
import io.jumbe.sdk.sms.SmsSendResult;
import java.io.PrintStream;
import java.util.Map;

/**
 * Sends one SMS and shows its status. Env: JUMBE_BASE_URL, JUMBE_CLIENT_ID, JUMBE_API_KEY, optional JUMBE_TO
 * (default 0712345678, a simulator number that is delivered), JUMBE_MESSAGE, JUMBE_SENDER.
 */
public final class SendSms {
    private SendSms() {
    }

    /**
     * Runs the sample against the environment.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        System.exit(Sample.execute(SendSms::run, System.getenv(), System.out));
    }

    static void run(Map<String, String> env, PrintStream out) {
        JumbeClient client = SampleEnv.client(env);
        SendSmsParams.Builder params = SendSmsParams.builder()
                .recipient(SampleEnv.get(env, "JUMBE_TO", "0712345678"))
                .message(SampleEnv.get(env, "JUMBE_MESSAGE", "Hello from the Jumbe Java SDK"));
        String sender = env.get("JUMBE_SENDER");
        if (sender != null && !sender.isBlank()) {
            params.sender(sender);
        }
        SmsSendResult sent = client.sms().send(params.build());
        out.println("queued " + sent.messageId() + " to " + sent.recipient() + ": " + sent.segments() + " segment(s), "
                + sent.encoding().wireValue() + ", cost KES " + sent.cost().toPlainString());
        out.println("balance KES " + sent.balance().toPlainString());
        SmsMessage status = client.sms().status(sent.messageId());
        out.println("status " + status.status().wireValue());
    }
}
