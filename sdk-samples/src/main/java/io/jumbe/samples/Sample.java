package io.jumbe.samples;

import io.jumbe.sdk.errors.JumbeException;
import java.io.PrintStream;
import java.util.Map;

/** A sample's body: reads its settings from {@code env}, prints what it does to {@code out}. */
@FunctionalInterface
interface Sample {
    void run(Map<String, String> env, PrintStream out);

    /** Runs a sample and turns failures into a printed line and an exit status. */
    static int execute(Sample sample, Map<String, String> env, PrintStream out) {
        try {
            sample.run(env, out);
            return 0;
        } catch (SampleEnv.MissingSetting e) {
            out.println("error: " + e.getMessage());
            return 2;
        } catch (JumbeException e) {
            out.println("error: " + e.getMessage());
            e.fieldErrors().forEach(f -> out.println("  " + f.field() + ": " + f.message()));
            return 1;
        }
    }
}
