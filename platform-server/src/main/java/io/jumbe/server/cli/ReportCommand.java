package io.jumbe.server.cli;

import io.jumbe.core.analytics.Analytics;
import io.jumbe.server.wallet.Csv;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code jumbe admin report --from --to [--csv] [--json]}: the reseller's revenue per sender and in total — what
 * senders were charged and refunded, what Onfon and Meta cost, the margin, and the top-ups received. Test mode is
 * left out.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Revenue, upstream cost and margin per sender and in total over days in TIMEZONE (test mode excluded).")
final class ReportCommand implements Callable<Integer> {
    @ParentCommand
    AdminCommand admin;

    @Spec
    CommandSpec spec;

    @Option(names = "--from", required = true, description = "First day, e.g. 2026-11-01.")
    LocalDate from;

    @Option(names = "--to", required = true, description = "Last day, included, e.g. 2026-11-30.")
    LocalDate to;

    @Option(names = "--csv", description = "One CSV row per sender, then the total.")
    boolean csv;

    @Option(names = "--json")
    boolean json;

    @Override
    public Integer call() {
        if (csv && json) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--csv and --json: choose one");
        }
        if (from.isAfter(to)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--from must not be after --to");
        }
        Analytics.Report report = admin.platform().analytics().report(from, to);
        PrintWriter w = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("from", report.from().toString());
            m.put("to", report.to().toString());
            m.put("timezone", report.zone().getId());
            m.put("currency", "KES");
            m.put("tenants", report.tenants().stream().map(ReportCommand::nested).toList());
            m.put("total", nested(report.total()));
            new Output(w, true).record(m);
            return 0;
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        report.tenants().forEach(l -> rows.add(flat(l)));
        Map<String, Object> total = flat(report.total());
        total.put("client_id", "total");
        rows.add(total);
        if (csv) {
            w.println(String.join(",", rows.get(0).keySet()));
            rows.forEach(r -> w.println(r.values().stream().map(Csv::field).collect(Collectors.joining(","))));
            w.flush();
            return 0;
        }
        w.println("Revenue " + report.from() + " to " + report.to() + " (" + report.zone().getId()
                + " days, KES; test mode excluded)");
        new Output(w, false).table(rows);
        return 0;
    }

    private static Map<String, Object> flat(Analytics.ReportLine l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("client_id", l.clientId());
        m.put("name", l.name());
        l.byChannel().forEach((channel, c) -> {
            m.put(channel + "_messages", c.messages());
            m.put(channel + "_segments", c.segments());
        });
        m.put("charged", l.charged().toDecimal());
        m.put("refunded", l.refunded().toDecimal());
        m.put("net_revenue", l.netRevenue().toDecimal());
        m.put("upstream_cost", l.upstreamCost().toDecimal());
        m.put("margin", l.margin().toDecimal());
        m.put("top_ups", l.topUps());
        m.put("topped_up", l.toppedUp().toDecimal());
        return m;
    }

    private static Map<String, Object> nested(Analytics.ReportLine l) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (l.clientId() != 0) {
            m.put("client_id", l.clientId());
            m.put("name", l.name());
        }
        Map<String, Object> channels = new LinkedHashMap<>();
        l.byChannel().forEach((channel, c) -> {
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("messages", c.messages());
            cm.put("segments", c.segments());
            cm.put("charged", c.charged().toDecimal());
            cm.put("refunded", c.refunded().toDecimal());
            cm.put("upstream_cost", c.upstreamCost().toDecimal());
            channels.put(channel, cm);
        });
        m.put("by_channel", channels);
        m.put("charged", l.charged().toDecimal());
        m.put("refunded", l.refunded().toDecimal());
        m.put("net_revenue", l.netRevenue().toDecimal());
        m.put("upstream_cost", l.upstreamCost().toDecimal());
        m.put("margin", l.margin().toDecimal());
        m.put("top_ups", l.topUps());
        m.put("topped_up", l.toppedUp().toDecimal());
        return m;
    }
}
