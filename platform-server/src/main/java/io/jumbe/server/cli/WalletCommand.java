package io.jumbe.server.cli;

import io.jumbe.core.common.Money;
import io.jumbe.core.wallet.BalanceChange;
import io.jumbe.core.wallet.TransactionFilter;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jumbe admin wallet …}: balances, manual credits, top-up requests and payment anomalies. */
@Command(name = "wallet", mixinStandardHelpOptions = true, description = "Show wallets, credit them by hand, handle top-up requests and payment anomalies.")
final class WalletCommand extends CommandGroup {
    @Command(name = "credit", mixinStandardHelpOptions = true, description = "Credit a wallet by hand (bank transfer, goodwill), journaled with who and why.")
    void credit(@Parameters(paramLabel = "ID") long id,
                @Option(names = "--amount", required = true, description = "KES, e.g. 500.00") Money amount,
                @Option(names = "--reference", required = true, description = "Bank slip, receipt or ticket number.") String reference,
                @Option(names = "--note") String note,
                @Option(names = "--by", defaultValue = "${env:USER:-admin}", description = "Who is crediting (default: $USER).") String by,
                @Option(names = "--json") boolean json) {
        BalanceChange change = admin.platform().wallet().manualCredit(id, amount, reference, note, "admin:" + by);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("transaction_id", change.transactionId());
        m.put("client_id", id);
        m.put("amount", change.amount().toDecimal());
        m.put("old_balance", change.before().toDecimal());
        m.put("new_balance", change.after().toDecimal());
        out(json).record(m);
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show a wallet and its latest entries.")
    void show(@Parameters(paramLabel = "ID") long id,
              @Option(names = "--limit", defaultValue = "10") int limit,
              @Option(names = "--json") boolean json) {
        var tenant = admin.platform().tenants().get(id);
        var entries = admin.platform().wallet().transactions().page(id, TransactionFilter.none(), 1, Math.max(1, limit));
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("client_id", id);
            m.put("balance", tenant.balance().toDecimal());
            m.put("currency", "KES");
            m.put("transactions", entries.stream().map(Views::transaction).toList());
            out(true).record(m);
        } else {
            spec.commandLine().getOut().println(Output.safe(tenant.name()) + " (client " + id + "): KES " + tenant.balance());
            out(false).table(entries.stream().map(Views::transaction).toList());
        }
    }

    @Command(name = "requests", mixinStandardHelpOptions = true, description = "List manual top-up requests waiting for approval.")
    void requests(@Option(names = "--json") boolean json) {
        out(json).table(admin.platform().topups().pendingManualRequests().stream().map(Views::topup).toList());
    }

    @Command(name = "approve", mixinStandardHelpOptions = true, description = "Approve a manual top-up request: the wallet is credited once.")
    void approve(@Parameters(paramLabel = "TXN") String transactionId,
                 @Option(names = "--by", defaultValue = "${env:USER:-admin}", description = "Who is approving (default: $USER).") String by,
                 @Option(names = "--json") boolean json) {
        out(json).record(Views.topup(admin.platform().topups().approve(transactionId, "admin:" + by)));
    }

    @Command(name = "reject", mixinStandardHelpOptions = true, description = "Reject a manual top-up request with a reason the sender sees.")
    void reject(@Parameters(paramLabel = "TXN") String transactionId,
                @Option(names = "--reason", required = true) String reason,
                @Option(names = "--by", defaultValue = "${env:USER:-admin}", description = "Who is rejecting (default: $USER).") String by,
                @Option(names = "--json") boolean json) {
        out(json).record(Views.topup(admin.platform().topups().reject(transactionId, reason, "admin:" + by)));
    }

    @Command(name = "anomalies", mixinStandardHelpOptions = true, description = "M-Pesa callbacks that were not credited as they came (unknown id, amount mismatch, late success…).")
    void anomalies(@Option(names = "--all", description = "Include resolved ones.") boolean all,
                   @Option(names = "--resolve", paramLabel = "ID", description = "Mark this anomaly handled.") Long resolve,
                   @Option(names = "--json") boolean json) {
        var anomalies = admin.platform().topups().anomalies();
        if (resolve != null) {
            out(json).record(Views.anomaly(anomalies.resolve(resolve), json));
            return;
        }
        out(json).table(anomalies.list(all).stream().map(a -> Views.anomaly(a, json)).toList());
    }
}
