package io.jumbe.server.cli;

import io.jumbe.core.wallet.LedgerCheck;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code jumbe admin ledger verify}: every balance against its journal. */
@Command(name = "ledger", mixinStandardHelpOptions = true, description = "Check the wallet ledger.")
final class LedgerCommand extends CommandGroup {
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Recompute every balance from its journal; exit 1 and list the senders that differ.")
    int verify(@Option(names = "--json") boolean json) {
        List<LedgerCheck.Mismatch> mismatches = admin.platform().ledgerCheck().verify();
        Output out = out(json);
        if (mismatches.isEmpty()) {
            if (json) {
                out.record(Map.of("ok", true, "senders_checked", admin.platform().tenants().count()));
            } else {
                out.message("Ledger OK: " + admin.platform().tenants().count() + " balances match their journals.");
            }
            return 0;
        }
        out.table(mismatches.stream().map(m -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("client_id", m.tenantId());
            row.put("name", m.name());
            row.put("balance", m.cached().toDecimal());
            row.put("journal", m.journal().toDecimal());
            row.put("difference", m.cached().minus(m.journal()).toDecimal());
            return row;
        }).toList());
        return 1;
    }
}
