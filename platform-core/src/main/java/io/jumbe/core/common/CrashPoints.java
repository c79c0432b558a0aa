package io.jumbe.core.common;

import java.util.Objects;

/**
 * Named points on the paths where a process death matters (between a commit and the answer, between a payment
 * prompt and its record), where a test can make this process die or fail on purpose. Off unless the JVM was
 * started with {@code -Djumbe.crashpoint=<name>}; then {@code -Djumbe.crashpoint.action} says what happens there:
 * {@code halt} (the default: {@code Runtime.halt}, no shutdown hooks, as {@code kill -9}), {@code pause} (print
 * {@code CRASHPOINT <name>} on stderr and wait, for the test to send a real {@code kill -9}), or {@code throw}
 * (an exception, as a failure of the code that runs there).
 */
public final class CrashPoints {
    /** No point armed: what every production process runs with. */
    public static final CrashPoints NONE = new CrashPoints(null, Action.THROW);

    /** What happens at the armed point. */
    public enum Action {
        HALT, PAUSE, THROW
    }

    private final String armed;
    private final Action action;

    private CrashPoints(String armed, Action action) {
        this.armed = armed;
        this.action = action;
    }

    /** The point and action named by the {@code jumbe.crashpoint} system properties, or {@link #NONE}. */
    public static CrashPoints fromSystemProperties() {
        String point = System.getProperty("jumbe.crashpoint");
        if (point == null || point.isBlank()) {
            return NONE;
        }
        String action = System.getProperty("jumbe.crashpoint.action", "halt");
        return new CrashPoints(point.strip(), Action.valueOf(action.strip().toUpperCase(java.util.Locale.ROOT)));
    }

    /** Arms one point with one action (for tests that run the platform in their own JVM: use {@code THROW}). */
    public static CrashPoints at(String point, Action action) {
        return new CrashPoints(Objects.requireNonNull(point), Objects.requireNonNull(action));
    }

    /** Marks that the code reached {@code point}; does nothing unless that point is armed. */
    public void reach(String point) {
        if (armed == null || !armed.equals(point)) {
            return;
        }
        switch (action) {
            case HALT -> Runtime.getRuntime().halt(137);
            case PAUSE -> {
                // the test reads this line, then kills the process with SIGKILL
                System.err.println("CRASHPOINT " + point);
                System.err.flush();
                try {
                    new java.util.concurrent.CountDownLatch(1).await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new IllegalStateException("paused at crash point " + point + " and interrupted");
            }
            case THROW -> throw new InjectedFailure(point);
        }
    }

    /** The failure a {@code throw} crash point raises. */
    public static final class InjectedFailure extends RuntimeException {
        public InjectedFailure(String point) {
            super("failure injected at " + point);
        }
    }
}
