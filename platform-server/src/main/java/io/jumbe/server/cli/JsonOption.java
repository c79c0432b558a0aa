package io.jumbe.server.cli;

import picocli.CommandLine.Option;

/** The {@code --json} switch every admin command takes. */
final class JsonOption {
    @Option(names = "--json", description = "Print JSON for scripts instead of a table.")
    boolean json;
}
