package io.jumbe.server.cli;

import io.jumbe.core.Jumbe;
import io.jumbe.core.config.ConfigLoader;
import io.jumbe.core.config.JumbeConfig;
import io.jumbe.core.store.Database;
import java.nio.file.Files;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code jumbe admin …}: works directly on the platform's database, also while {@code jumbe serve} runs (H2 in
 * AUTO_SERVER mode lets a second process in).
 */
@Command(name = "admin", mixinStandardHelpOptions = true, description = "Manage senders, keys, wallets and the ledger.",
        subcommands = {SendersCommand.class, KeysCommand.class, WalletCommand.class, LedgerCommand.class,
                StatusCommand.class, WebhooksCommand.class})
public final class AdminCommand implements Runnable {
    private final Supplier<Jumbe> platformFactory;
    private Jumbe platform;

    @Spec
    CommandSpec spec;

    /** Used by picocli from the command line: opens the configured database on first use. */
    public AdminCommand() {
        this(AdminCommand::openConfigured);
    }

    public AdminCommand(Supplier<Jumbe> platformFactory) {
        this.platformFactory = platformFactory;
    }

    synchronized Jumbe platform() {
        if (platform == null) {
            platform = platformFactory.get();
        }
        return platform;
    }

    private static Jumbe openConfigured() {
        JumbeConfig config = ConfigLoader.fromSystem().load();
        try {
            if (!config.database().isPostgres()) {
                Files.createDirectories(config.home());
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot create " + config.home() + ": " + e.getMessage());
        }
        return Jumbe.builder().database(Database.open(config.database(), 2)).build();
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
