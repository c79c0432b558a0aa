package io.jumbe.server.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** A group of admin subcommands ({@code senders}, {@code keys}, …): alone, it prints its usage. */
abstract class CommandGroup implements Runnable {
    @ParentCommand
    AdminCommand admin;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Where a subcommand prints: a table for people, or JSON with {@code --json}. */
    Output out(boolean json) {
        return new Output(spec.commandLine().getOut(), json);
    }
}
