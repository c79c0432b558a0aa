package io.jumbe.samples;

import io.jumbe.sdk.JumbeClient;
import io.jumbe.sdk.account.AccountStatistics;
import io.jumbe.sdk.wallet.Balance;
import java.io.PrintStream;
import java.util.Map;

/** Prints the balance and this month's figures. Env: JUMBE_BASE_URL, JUMBE_CLIENT_ID, JUMBE_API_KEY. */
public final class CheckBalance {
    private CheckBalance() {
    }

    /**
     * Runs the sample against the environment.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        System.exit(Sample.execute(CheckBalance::run, System.getenv(), System.out));
    }

    static void run(Map<String, String> env, PrintStream out) {
        JumbeClient client = SampleEnv.client(env);
        Balance balance = client.account().balance();
        out.println("balance " + balance.currency() + " " + balance.balance().toPlainString() + " (" + balance.units()
                + " SMS at KES " + balance.pricePerUnit().toPlainString() + ")");
        AccountStatistics stats = client.account().statistics();
        out.println("this month: " + stats.messagesSent() + " sent, " + stats.messagesDelivered() + " delivered, "
                + stats.messagesFailed() + " failed, spend KES "
                + (stats.spend() == null ? "0" : stats.spend().toPlainString()));
    }
}
