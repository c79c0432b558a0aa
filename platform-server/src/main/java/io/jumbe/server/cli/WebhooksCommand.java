package io.jumbe.server.cli;

import io.jumbe.core.webhooks.WebhookHealth;
import io.jumbe.core.webhooks.WebhookService;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jumbe admin webhooks …}: the senders' webhook health, and replay after a receiver's outage. */
@Command(name = "webhooks", mixinStandardHelpOptions = true, description = "Webhook health and replay.")
final class WebhooksCommand extends CommandGroup {
    private WebhookService webhooks() {
        return admin.platform().webhooks();
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Each sender's webhooks: URL, on or off, last success and failure, deliveries failing.")
    void status(@Option(names = "--json") boolean json) {
        out(json).table(webhooks().health().stream().map(WebhooksCommand::row).toList());
    }

    @Command(name = "replay", mixinStandardHelpOptions = true,
            description = "Send a sender's failed deliveries since a time again, each with its original webhook-id.")
    void replay(@Parameters(paramLabel = "ID", description = "The sender (client id).") long id,
                @Option(names = "--since", required = true, description = "ISO-8601 time, e.g. 2025-10-09T00:00:00Z.")
                Instant since,
                @Option(names = "--json") boolean json) {
        int queued = webhooks().replayFailed(id, since);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("client_id", id);
        m.put("since", since.toString());
        m.put("replayed", queued);
        out(json).record(m);
    }

    private static Map<String, Object> row(WebhookHealth h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("client_id", h.tenantId());
        m.put("url", h.url());
        m.put("enabled", h.enabled());
        m.put("last_success", iso(h.lastSuccessAt()));
        m.put("last_failure", iso(h.lastFailureAt()));
        m.put("failing", h.failing());
        m.put("disabled_reason", h.disabledReason());
        return m;
    }

    private static String iso(Instant t) {
        return t == null ? null : t.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
