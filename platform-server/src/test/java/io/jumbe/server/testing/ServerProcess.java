package io.jumbe.server.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * {@code jumbe serve} in a JVM of its own, on the test's classpath, so a test can kill it for real ({@code kill -9})
 * and start the platform again over the same database. Its output goes to {@code server.log} under its home; the
 * test waits for lines it prints (the start banner, a crash point's marker), never for time.
 */
public final class ServerProcess implements AutoCloseable {
    private static final int WAIT_SECONDS = 120;
    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final java.util.Deque<String> recent = new java.util.concurrent.ConcurrentLinkedDeque<>();
    private final String baseUrl;

    private ServerProcess(Process process, Path log) throws IOException {
        this.process = process;
        Writer out = Files.newBufferedWriter(log, StandardCharsets.UTF_8);
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8)); out) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    out.write(line + "\n");
                    out.flush();
                    lines.add(line);
                    recent.addLast(line);
                    if (recent.size() > 40) {
                        recent.pollFirst();
                    }
                }
            } catch (IOException ignored) {
                // the process is gone; the waiting test sees the end marker
            }
            lines.add(END);
        }, "server-output");
        reader.setDaemon(true);
        reader.start();
        String banner = awaitLine("Jumbe is running at ");
        this.baseUrl = banner.substring(banner.indexOf("http")).trim();
    }

    private static final String END = "\u0000end";

    /**
     * Starts {@code jumbe serve} with the given environment (over the test defaults: a free port, rate limits off)
     * and system properties (a crash point, say).
     */
    public static ServerProcess start(Path home, Map<String, String> env, Map<String, String> properties) {
        try {
            Files.createDirectories(home);
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
            properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.jumbe.server.Main", "serve"));
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            pb.environment().put("JUMBE_HOME", home.toString());
            pb.environment().put("PORT", Integer.toString(freePort()));
            pb.environment().put("RATE_LIMITS", "false");
            pb.environment().put("WEBHOOKS_ALLOW_PRIVATE_NETWORKS", "true");
            // the same platform key as TestApp, so a platform restarted in-process reads what this one sealed
            pb.environment().put("JUMBE_SECRET_KEY", TestApp.TEST_SECRET_KEY);
            pb.environment().putAll(env);
            return new ServerProcess(pb.start(), home.resolve("server.log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    public String baseUrl() {
        return baseUrl;
    }

    public Http http() {
        return new Http(baseUrl);
    }

    public long pid() {
        return process.pid();
    }

    /** Waits until the server printed {@code CRASHPOINT <point>}: it is paused there, for {@link #kill9()}. */
    public void awaitCrashPoint(String point) {
        awaitLine("CRASHPOINT " + point);
    }

    /** Waits until the process ended on its own (a {@code halt} crash point) and returns its exit code. */
    public int awaitExit() {
        try {
            if (!process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError("the server did not exit");
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Sends SIGKILL with the system's {@code kill -9} and waits for the process to be gone. */
    public int kill9() {
        try {
            Process kill = new ProcessBuilder("kill", "-9", Long.toString(process.pid())).inheritIO().start();
            if (kill.waitFor() != 0) {
                throw new AssertionError("kill -9 " + process.pid() + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        return awaitExit();
    }

    /** Sends SIGTERM (a graceful stop, as a rolling restart does) and waits for the process to exit. */
    public int terminate() {
        process.destroy();
        return awaitExit();
    }

    // Lines read while waiting for another one (a crash point the workers reach before the banner is printed, say):
    // a later wait for them finds them here.
    private final List<String> passed = new ArrayList<>();

    private String awaitLine(String prefix) {
        for (java.util.Iterator<String> it = passed.iterator(); it.hasNext(); ) {
            String line = it.next();
            int at = line.indexOf(prefix);
            if (at >= 0) {
                it.remove();
                return line.substring(at);
            }
        }
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
            while (true) {
                String line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (line == null) {
                    throw new AssertionError("the server did not print '" + prefix + "' in " + WAIT_SECONDS
                            + " s; its last lines:\n" + String.join("\n", recent));
                }
                if (line.equals(END)) {
                    lines.add(END);
                    throw new AssertionError("the server ended before printing '" + prefix + "'; its last lines:\n"
                            + String.join("\n", recent));
                }
                int at = line.indexOf(prefix);
                if (at >= 0) {
                    return line.substring(at);
                }
                passed.add(line);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            awaitExit();
        }
    }
}
