package io.jumbe.server.cli;

import io.jumbe.core.common.Money;
import io.jumbe.core.signup.Signup;
import io.jumbe.core.signup.SignupService;
import io.jumbe.core.tenant.Tier;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jumbe admin signups …}: self-service applications waiting for a decision. */
@Command(name = "signups", mixinStandardHelpOptions = true, description = "Review self-service sign-ups.")
final class SignupsCommand extends CommandGroup {

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List sign-ups, newest first.")
    void list(@Option(names = "--status", description = "unverified, pending_approval, approved or rejected.") String status,
              @Option(names = "--json") boolean json) {
        out(json).table(signups().list(status).stream().map(SignupsCommand::row).toList());
    }

    @Command(name = "approve", mixinStandardHelpOptions = true,
            description = "Create the sender with the sender id asked for and email it its live API key.")
    void approve(@Parameters(paramLabel = "ID") String id,
                 @Option(names = "--balance", defaultValue = "0", description = "Opening balance in KES.") Money balance,
                 @Option(names = "--tier", defaultValue = "bronze", description = "bronze, silver, gold or platinum.") Tier tier,
                 @Option(names = "--price", defaultValue = "1.00", description = "KES per SMS segment (default ${DEFAULT-VALUE}).") Money price,
                 @Option(names = "--by", defaultValue = "admin", description = "Who approves (kept with the application).") String by,
                 @Option(names = "--json") boolean json) {
        SignupService.Approval approval = signups().approve(id, balance, tier, price, "admin:" + by);
        Map<String, Object> m = row(approval.signup());
        m.put("client_id", approval.signup().tenantId());
        out(json).record(m);
        if (!json) {
            spec.commandLine().getOut().println(approval.created()
                    ? "Approved: the welcome email with the live API key goes to " + approval.signup().email() + "."
                    : "This sign-up was approved before; nothing was done again.");
        }
    }

    @Command(name = "reject", mixinStandardHelpOptions = true, description = "Reject a sign-up and email the reason.")
    void reject(@Parameters(paramLabel = "ID") String id,
                @Option(names = "--reason", required = true, description = "Told to the applicant.") String reason,
                @Option(names = "--by", defaultValue = "admin") String by,
                @Option(names = "--json") boolean json) {
        out(json).record(row(signups().reject(id, reason, "admin:" + by)));
    }

    private SignupService signups() {
        return admin.platform().signups();
    }

    private static Map<String, Object> row(Signup s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("status", s.status());
        m.put("name", s.name());
        m.put("email", s.email());
        m.put("phone", s.phone());
        m.put("sender_id", s.senderId());
        m.put("use_case", s.useCase());
        m.put("created_at", s.createdAt());
        if (s.rejectReason() != null) {
            m.put("reason", s.rejectReason());
        }
        return m;
    }
}
