package io.jumbe.samples;

import io.jumbe.sdk.JumbeClient;
import io.jumbe.sdk.wallet.TopUpParams;
import io.jumbe.sdk.wallet.TopUpResult;
import io.jumbe.sdk.wallet.TransactionStatus;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;

/**
 * Pushes an M-Pesa top-up and waits for it to complete. Env: JUMBE_BASE_URL, JUMBE_CLIENT_ID, JUMBE_API_KEY,
 * optional JUMBE_PHONE (default 0712345678: the simulator pays), JUMBE_AMOUNT (default 100), JUMBE_WAIT_SECONDS
 * (default 60).
 */
public final class TopUp {
    private TopUp() {
    }

    /**
     * Runs the sample against the environment.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        System.exit(Sample.execute(TopUp::run, System.getenv(), System.out));
    }

    static void run(Map<String, String> env, PrintStream out) {
        JumbeClient client = SampleEnv.client(env);
        long amount = Long.parseLong(SampleEnv.get(env, "JUMBE_AMOUNT", "100"));
        Duration wait = Duration.ofSeconds(Long.parseLong(SampleEnv.get(env, "JUMBE_WAIT_SECONDS", "60")));
        TopUpResult pushed = client.wallet().topUp(TopUpParams.builder().amount(amount)
                .phoneNumber(SampleEnv.get(env, "JUMBE_PHONE", "0712345678")).build());
        out.println("pushed " + pushed.transactionId() + " for KES " + pushed.amount().toPlainString() + ": "
                + pushed.message());
        out.println("waiting up to " + wait.toSeconds() + " s for M-Pesa...");
        io.jumbe.sdk.wallet.TopUp done = client.wallet().waitForTopUp(pushed.transactionId(), wait,
                Duration.ofSeconds(1));
        if (done.status() == TransactionStatus.COMPLETED) {
            out.println("completed: receipt " + done.mpesaReceipt());
        } else if (done.status().isPending()) {
            out.println("still " + done.status().wireValue() + " after " + wait.toSeconds() + " s");
        } else {
            out.println(done.status().wireValue() + ": " + done.failureReason());
        }
        out.println("balance KES " + client.wallet().balance().balance().toPlainString());
    }
}
