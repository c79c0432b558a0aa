package io.jumbe.bench;

import io.jumbe.core.config.ConfigLoader;
import io.jumbe.core.config.JumbeConfig;
import io.jumbe.core.store.Database;
import io.jumbe.server.Application;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * The server as {@code ./jumbe serve} runs it (same composition, pool size and defaults, configured from the
 * environment), in its own JVM so the benchmark measures its memory alone, plus one thing the benchmark needs: commands
 * on stdin to stop and start SMS dispatch, and to tell the collectors' pause time and old-generation collections so far
 * ({@code gc}). Prints {@code READY <base url>} on stderr, then {@code OK} after each command.
 */
public final class BenchServer {
    public static void main(String[] args) throws Exception {
        JumbeConfig config = ConfigLoader.fromSystem().load();
        Database database = Database.open(config.database(), 20); // as ServeCommand
        try (Application app = new Application(config, database, Clock.systemUTC()).start(0)) {
            System.err.println("READY " + app.baseUrl());
            BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String command = commands.readLine(); command != null && !command.equals("quit");
                    command = commands.readLine()) {
                String answer = "";
                switch (command) {
                    case "dispatch off" -> app.smsDispatcher().close();
                    case "dispatch on" -> app.smsDispatcher().start();
                    case "gc" -> answer = " " + gcPauseMillis() + " " + fullCollections();
                    default -> throw new IllegalArgumentException("unknown command " + command);
                }
                System.err.println("OK " + command + answer);
            }
        }
        System.exit(0);
    }

    /**
     * Old-generation collections since start: the serial collector's {@code MarkSweepCompact}, and the like of
     * other collectors (every collector but the young generation's and concurrent cycles, which stop nothing).
     */
    private static long fullCollections() {
        long total = 0;
        for (var gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
            String name = gc.getName();
            boolean full = !(name.equals("Copy") || name.contains("Young") || name.contains("Scavenge")
                    || name.equals("ParNew") || name.contains("Concurrent"));
            if (full) {
                total += Math.max(0, gc.getCollectionCount());
            }
        }
        return total;
    }

    /** Milliseconds the collectors have spent since start (stop-the-world time with the serial collector). */
    private static long gcPauseMillis() {
        long total = 0;
        for (var gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionTime());
        }
        return total;
    }
}
