package io.jumbe.server;

import io.jumbe.core.common.Money;
import io.jumbe.core.common.ServiceException;
import io.jumbe.core.config.ConfigException;
import io.jumbe.server.cli.AdminCommand;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code jumbe serve} runs the platform; {@code jumbe admin …} manages it. */
@Command(name = "jumbe", mixinStandardHelpOptions = true, version = "Jumbe 0.1.0",
        description = "SMS and WhatsApp API platform.", subcommands = ServeCommand.class)
public final class Main implements Runnable {

    public static void main(String[] args) {
        System.exit(commandLine(new AdminCommand()).execute(args));
    }

    /** The command line with its admin commands working on the platform the given command opens. */
    public static CommandLine commandLine(AdminCommand admin) {
        CommandLine cli = new CommandLine(new Main());
        cli.addSubcommand("admin", admin);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.registerConverter(Money.class, text -> {
            try {
                return Money.parse(text);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        });
        cli.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            if (ex instanceof ServiceException se) {
                String fields = se.fieldErrors().stream().map(f -> f.field() + " " + f.message())
                        .collect(Collectors.joining("; "));
                cmd.getErr().println("error: " + se.detail() + (fields.isEmpty() ? "" : ": " + fields));
                return "validation_failed".equals(se.code()) ? 2 : 1;
            }
            if (ex instanceof ConfigException ce) {
                cmd.getErr().println("Configuration error: " + ce.getMessage());
                return 2;
            }
            throw ex;
        });
        return cli;
    }

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }
}
