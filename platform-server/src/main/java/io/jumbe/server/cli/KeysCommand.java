package io.jumbe.server.cli;

import io.jumbe.core.apikeys.IssuedKey;
import io.jumbe.core.config.Durations;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jumbe admin keys …}: API keys. Secrets are shown once, when created or rotated. */
@Command(name = "keys", mixinStandardHelpOptions = true, description = "Create, list, rotate and revoke API keys.")
final class KeysCommand extends CommandGroup {
    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create another key for a sender.")
    void create(@Parameters(paramLabel = "ID") long id,
                @Option(names = "--test", description = "An sk_test_ key.") boolean test,
                @Option(names = "--json") boolean json) {
        admin.platform().tenants().get(id);
        issued(admin.platform().apiKeys().create(id, test), json);
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List a sender's keys (prefixes only).")
    void list(@Parameters(paramLabel = "ID") long id, @Option(names = "--json") boolean json) {
        admin.platform().tenants().get(id);
        out(json).table(admin.platform().apiKeys().list(id).stream().map(Views::key).toList());
    }

    @Command(name = "rotate", mixinStandardHelpOptions = true,
            description = "Issue a new key; the sender's current keys keep working for the grace period.")
    void rotate(@Parameters(paramLabel = "ID") long id,
                @Option(names = "--grace", defaultValue = "24h", description = "How long old keys keep working (default ${DEFAULT-VALUE}).") String grace,
                @Option(names = "--test") boolean test,
                @Option(names = "--json") boolean json) {
        Duration graceDuration;
        try {
            graceDuration = Durations.parse(grace);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--grace: " + e.getMessage());
        }
        admin.platform().tenants().get(id);
        issued(admin.platform().apiKeys().rotate(id, graceDuration, test), json);
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a key at once, by its prefix (sk_live_XXXXXXXX) or id.")
    void revoke(@Parameters(paramLabel = "KEY_PREFIX") String prefix, @Option(names = "--json") boolean json) {
        out(json).record(Views.key(admin.platform().apiKeys().revoke(prefix)));
    }

    private void issued(IssuedKey key, boolean json) {
        Map<String, Object> m = new LinkedHashMap<>(Views.key(key.key()));
        m.put("api_key", key.secret());
        out(json).record(m);
        if (!json) {
            spec.commandLine().getOut().println("The API key is shown only now; store it safely.");
        }
    }
}
