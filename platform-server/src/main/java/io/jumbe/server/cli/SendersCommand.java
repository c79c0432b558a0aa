package io.jumbe.server.cli;

import io.jumbe.core.common.Money;
import io.jumbe.core.tenant.NewTenant;
import io.jumbe.core.tenant.Tenant;
import io.jumbe.core.tenant.TenantService;
import io.jumbe.core.tenant.TenantUpdate;
import io.jumbe.core.tenant.Tier;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jumbe admin senders …}: the reseller's customers. */
@Command(name = "senders", mixinStandardHelpOptions = true, description = "Create, list and change senders.")
final class SendersCommand extends CommandGroup {
    private TenantService tenants() {
        return admin.platform().tenants();
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a sender and its first API key (shown once).")
    void create(@Option(names = "--name", required = true) String name,
                @Option(names = "--email", required = true) String email,
                @Option(names = "--sender-id", required = true, description = "Approved sender id, at most 11 characters.") String senderId,
                @Option(names = "--price", defaultValue = "1.00", description = "KES per SMS segment (default ${DEFAULT-VALUE}).") Money price,
                @Option(names = "--tier", defaultValue = "bronze", description = "bronze, silver, gold or platinum.") Tier tier,
                @Option(names = "--balance", defaultValue = "0", description = "Opening balance in KES, journaled as a manual credit.") Money balance,
                @Option(names = "--no-welcome-email", description = "Do not email the sender its key (the welcome mail).") boolean noWelcomeEmail,
                @Option(names = "--json") boolean json) {
        var created = tenants().create(new NewTenant(name, email, senderId, price, tier, Money.ofCents(10_000), balance));
        if (!noWelcomeEmail) {
            admin.platform().notifications().welcome(created.tenant().id(), created.key(), created.testKey());
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("client_id", created.tenant().id());
        m.put("name", created.tenant().name());
        m.put("balance", created.tenant().balance().toDecimal());
        m.put("api_key", created.key().secret());
        m.put("test_api_key", created.testKey().secret());
        out(json).record(m);
        if (!json) {
            spec.commandLine().getOut().println("The API keys are shown only now; store them safely. The test key "
                    + "acts on the sender's test mode (KES 1,000.00 to try with, simulators only)."
                    + (noWelcomeEmail ? "" : " The welcome email to " + created.tenant().email() + " carries them too."));
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List senders.")
    void list(@Option(names = "--json") boolean json) {
        out(json).table(tenants().list().stream().map(Views::tenantRow).toList());
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show one sender.")
    void show(@Parameters(paramLabel = "ID") long id, @Option(names = "--json") boolean json) {
        out(json).record(Views.tenant(tenants().get(id)));
    }

    @Command(name = "update", mixinStandardHelpOptions = true, description = "Change a sender's settings.")
    void update(@Parameters(paramLabel = "ID") long id,
                @Option(names = "--name") String name,
                @Option(names = "--email") String email,
                @Option(names = "--price") Money price,
                @Option(names = "--tier") Tier tier,
                @Option(names = "--low-balance-threshold") Money threshold,
                @Option(names = "--default-sender-id") String defaultSenderId,
                @Option(names = "--json") boolean json) {
        Tenant t = tenants().update(id, new TenantUpdate(Optional.ofNullable(name), Optional.ofNullable(email),
                Optional.ofNullable(price), Optional.ofNullable(tier), Optional.ofNullable(threshold),
                Optional.ofNullable(defaultSenderId)));
        out(json).record(Views.tenant(t));
    }

    @Command(name = "suspend", mixinStandardHelpOptions = true, description = "Suspend a sender: its API calls get 403 account_suspended.")
    void suspend(@Parameters(paramLabel = "ID") long id, @Option(names = "--json") boolean json) {
        out(json).record(Views.tenant(tenants().setActive(id, false)));
    }

    @Command(name = "activate", mixinStandardHelpOptions = true, description = "Re-activate a suspended sender.")
    void activate(@Parameters(paramLabel = "ID") long id, @Option(names = "--json") boolean json) {
        out(json).record(Views.tenant(tenants().setActive(id, true)));
    }

    @Command(name = "add-sender-id", mixinStandardHelpOptions = true, description = "Approve another sender id for a sender.")
    void addSenderId(@Parameters(index = "0", paramLabel = "ID") long id,
                     @Parameters(index = "1", paramLabel = "NAME") String name,
                     @Option(names = "--json") boolean json) {
        out(json).record(Views.tenant(tenants().addSenderId(id, name)));
    }
}
