package io.jumbe.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one example file as a reader would, with the settings in its environment. For the contract tests
 * that run the examples against a live server: set {@code JUMBE_BASE_URL}, {@code JUMBE_CLIENT_ID},
 * {@code JUMBE_API_KEY} (and {@code MESSAGE_ID}, {@code TRANSACTION_ID}, … where the example needs them).
 */
public final class ExampleRunner {
    /** What the example printed (stdout and stderr together) and its exit code. */
    public record Result(int exitCode, String output) {
    }

    private final Examples examples;
    private final String python;

    public ExampleRunner(Path examplesDir) {
        this.examples = new Examples(examplesDir);
        this.python = realPython();
    }

    /** The python3 binary itself: version-manager shims (pyenv) add seconds to every start. */
    private static String realPython() {
        try {
            Process process = new ProcessBuilder("python3", "-c", "import sys; print(sys.executable)").start();
            String path = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return process.waitFor() == 0 && !path.isEmpty() ? path : "python3";
        } catch (IOException e) {
            return "python3";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "python3";
        }
    }

    /** The interpreter command for a language, or null for Java (compiled against the SDK instead). */
    public static List<String> interpreter(Language language) {
        return switch (language.id()) {
            // Strict here, though the pages show no `set -e`: pasted into an interactive shell it would stay on.
            case "curl" -> List.of("bash", "-euo", "pipefail");
            // -W error: a deprecation warning on the reader's newer Python is a failure here.
            case "python" -> List.of("python3", "-W", "error");
            case "node" -> List.of("node");
            case "php" -> List.of("php");
            default -> null;
        };
    }

    public Result run(Language language, String name, Map<String, String> environment) throws IOException, InterruptedException {
        List<String> interpreter = interpreter(language);
        if (interpreter == null) {
            throw new IllegalArgumentException(language.id() + " examples are compiled, not interpreted");
        }
        List<String> command = new java.util.ArrayList<>(
                language.id().equals("python") ? List.of(python, "-W", "error") : interpreter);
        command.add(examples.file(language, name).toString());
        return execute(new ProcessBuilder(command), name, environment);
    }

    /**
     * Runs a cURL example as if its lines were pasted into an interactive bash: no {@code set -e}, and a
     * failed {@code ${VAR:?message}} expansion aborts that command without closing the shell.
     */
    public Result runPastedIntoAnInteractiveShell(String name, Map<String, String> environment)
            throws IOException, InterruptedException {
        Language curl = Language.ALL.stream().filter(l -> l.id().equals("curl")).findFirst().orElseThrow();
        ProcessBuilder builder = new ProcessBuilder("bash", "--norc", "--noprofile", "-i")
                .redirectInput(examples.file(curl, name).toFile());
        return execute(builder, name, environment);
    }

    private static Result execute(ProcessBuilder builder, String name, Map<String, String> environment)
            throws IOException, InterruptedException {
        builder.redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException(name + " did not finish");
        }
        return new Result(process.exitValue(), output);
    }
}
