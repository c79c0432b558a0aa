package io.jumbe.server.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code jumbe admin status}: open alerts and queue depth at a glance. */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Open alerts and job queue depth.")
final class StatusCommand implements Callable<Integer> {
    @ParentCommand
    AdminCommand admin;

    @Spec
    CommandSpec spec;

    @Option(names = "--json")
    boolean json;

    @Override
    public Integer call() {
        var alerts = admin.platform().alerts().open();
        Map<String, Long> depth = admin.platform().jobs().depth();
        // today in TIMEZONE, live senders only
        var today = admin.platform().analytics().report(admin.platform().usage().today(),
                admin.platform().usage().today()).total();
        long messages = today.byChannel().values().stream().mapToLong(c -> c.messages()).sum();
        String onfonCredit = onfonCredit();
        Output out = new Output(spec.commandLine().getOut(), json);
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("alerts", alerts.stream().map(a -> Map.of("kind", a.kind(), "detail", a.detail(),
                    "created_at", a.createdAt().toString())).toList());
            m.put("queues", depth);
            m.put("senders", admin.platform().tenants().count());
            Map<String, Object> day = new LinkedHashMap<>();
            day.put("date", admin.platform().usage().today().toString());
            day.put("messages", messages);
            day.put("revenue", today.netRevenue().toDecimal());
            day.put("margin", today.margin().toDecimal());
            m.put("today", day);
            m.put("onfon_balance", onfonCredit);
            out.record(m);
        } else {
            var w = spec.commandLine().getOut();
            w.println("Senders: " + admin.platform().tenants().count());
            w.println("Queues:  " + (depth.isEmpty() ? "empty" : depth));
            w.println("Today:   " + messages + " messages, revenue KES " + today.netRevenue() + ", margin KES "
                    + today.margin() + " (" + admin.platform().usage().zone().getId() + ")");
            if (onfonCredit != null) {
                w.println("Onfon:   " + Output.safe(onfonCredit));
            }
            w.println(alerts.isEmpty() ? "Alerts:  none" : "Alerts:");
            alerts.forEach(a -> w.println("  [" + a.kind() + "] " + a.createdAt() + "  " + Output.safe(a.detail())));
            w.flush();
        }
        return alerts.isEmpty() ? 0 : 1;
    }

    /** Onfon's {@code Credits} with real credentials; null when SMS are simulated; the failure when it cannot say. */
    private String onfonCredit() {
        try {
            return admin.platform().onfonBalance().map(b -> b.credits()).orElse(null);
        } catch (RuntimeException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }
}
