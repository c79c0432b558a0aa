package io.jumbe.server.cli;

import io.jumbe.core.notify.MailMessage;
import io.jumbe.core.notify.Notifications;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jumbe admin mail …}: the log of emails to tenants and applicants, read from the database. */
@Command(name = "mail", mixinStandardHelpOptions = true, description = "The log of emails sent to senders and applicants.")
final class MailCommand extends CommandGroup {

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List emails, newest first.")
    void list(@Option(names = "--status", description = "queued, sent or failed.") String status,
              @Option(names = "--to", paramLabel = "ADDRESS", description = "Only emails to this address.") String to,
              @Option(names = "--limit", defaultValue = "50") int limit,
              @Option(names = "--json") boolean json) {
        if (status != null && !status.matches("queued|sent|failed")) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--status: use queued, sent or failed");
        }
        out(json).table(notifications().list(status, to, Math.max(1, Math.min(limit, 500))).stream()
                .map(MailCommand::row).toList());
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show one email with its text.")
    void show(@Parameters(paramLabel = "ID") String id, @Option(names = "--json") boolean json) {
        Notifications.Shown shown = notifications().show(id)
                .orElseThrow(() -> io.jumbe.core.common.ServiceException.notFound("Mail " + id));
        Map<String, Object> m = row(shown.message());
        m.put("cc", String.join(", ", shown.message().cc()));
        m.put("last_error", shown.message().lastError());
        m.put("created_at", shown.message().createdAt());
        m.put("text", shown.text());
        out(json).record(m);
    }

    private Notifications notifications() {
        return admin.platform().notifications();
    }

    private static Map<String, Object> row(MailMessage message) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", message.id());
        m.put("to", message.to());
        m.put("template", message.template());
        m.put("subject", message.subject());
        m.put("status", message.status());
        m.put("attempts", message.attempts());
        m.put("last_error", message.lastError());
        m.put("sent_at", message.sentAt());
        return m;
    }
}
