package io.jumbe.server.cli;

import io.jumbe.core.Jumbe;
import io.jumbe.core.config.ConfigLoader;
import io.jumbe.core.config.JumbeConfig;
import io.jumbe.core.secrets.SecretBox;
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
                StatusCommand.class, WebhooksCommand.class, MailCommand.class, SignupsCommand.class,
                ReportCommand.class})
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

    // Built as the server builds it, workers left unstarted: the running server (or nobody) does the work.
    private static Jumbe openConfigured() {
        JumbeConfig config = ConfigLoader.fromSystem().load();
        // the same key as the server's: the admin commands read and write the same sealed secrets
        return Jumbe.builder().config(config).secrets(SecretBox.load(config)).poolSize(2).build();
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
