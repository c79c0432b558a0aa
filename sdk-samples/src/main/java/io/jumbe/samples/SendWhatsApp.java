package io.jumbe.samples;

import io.jumbe.sdk.JumbeClient;
import io.jumbe.sdk.messages.ChannelMessage;
import io.jumbe.sdk.messages.MessageSendResult;
import io.jumbe.sdk.messages.SendMessageParams;
import io.jumbe.sdk.sms.MessageStatus;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Sends a WhatsApp template (order_update) and waits for it to be delivered. Env: JUMBE_BASE_URL, JUMBE_CLIENT_ID,
 * JUMBE_API_KEY, optional JUMBE_TO (default 0712345678, a simulator number that is delivered), JUMBE_WAIT_SECONDS.
 */
public final class SendWhatsApp {
    private SendWhatsApp() {
    }

    /**
     * Runs the sample against the environment.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        System.exit(Sample.execute(SendWhatsApp::run, System.getenv(), System.out));
    }

    static void run(Map<String, String> env, PrintStream out) {
        JumbeClient client = SampleEnv.client(env);
        MessageSendResult sent = client.messages().send(
                SendMessageParams.whatsappTemplate("order_update", "en", "Amina", "ORD-1182")
                        .recipient(SampleEnv.get(env, "JUMBE_TO", "0712345678")).build());
        out.println("queued " + sent.messageId() + " to " + sent.recipient() + " on WhatsApp: " + sent.category()
                + ", cost KES " + sent.cost().toPlainString());
        out.println("balance KES " + sent.balance().toPlainString());
        Duration wait = Duration.ofSeconds(Long.parseLong(SampleEnv.get(env, "JUMBE_WAIT_SECONDS", "60")));
        Instant deadline = Instant.now().plus(wait);
        ChannelMessage message = client.messages().get(sent.messageId());
        while (message.status() != MessageStatus.DELIVERED && message.status() != MessageStatus.READ
                && message.status() != MessageStatus.FAILED && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            message = client.messages().get(sent.messageId());
        }
        out.println("status " + message.status().wireValue()
                + (message.error() == null ? "" : " (" + message.error().code() + ": " + message.error().description() + ")"));
    }
}
