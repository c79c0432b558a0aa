package io.jumbe.samples;

import io.jumbe.sdk.JumbeClient;
import io.jumbe.sdk.campaigns.Campaign;
import io.jumbe.sdk.campaigns.CampaignParams;
import io.jumbe.sdk.contacts.ContactImport;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Imports parents from a CSV into a group, previews a personalised campaign, launches it and prints its progress
 * until it completes. Env: JUMBE_BASE_URL, JUMBE_CLIENT_ID, JUMBE_API_KEY, optional JUMBE_CSV (a file; default the
 * {@code parents-form-2.csv} shipped with the samples) and JUMBE_GROUP (default {@code parents-form-2}).
 */
public final class SendCampaign {
    private static final Duration WAIT = Duration.ofMinutes(5);

    private SendCampaign() {
    }

    /**
     * Runs the sample against the environment.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        System.exit(Sample.execute(SendCampaign::run, System.getenv(), System.out));
    }

    static void run(Map<String, String> env, PrintStream out) {
        JumbeClient client = SampleEnv.client(env);
        String group = SampleEnv.get(env, "JUMBE_GROUP", "parents-form-2");
        ContactImport imported;
        String file = env.get("JUMBE_CSV");
        try (InputStream csv = file == null || file.isBlank()
                ? SendCampaign.class.getResourceAsStream("/parents-form-2.csv") : Files.newInputStream(Path.of(file))) {
            imported = client.contacts().importAndWait(csv, group, WAIT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println("import " + imported.importId() + " " + imported.status() + ": " + imported.created() + " created, "
                + imported.updated() + " updated, " + imported.skipped() + " skipped");
        imported.errors().forEach(e -> out.println("  row " + e.row() + ": " + e.reason()));

        Campaign draft = client.campaigns().create(CampaignParams.builder("Term 3 fees",
                "Dear {{name}}, fees for {{student|your child}} are due on 5 Dec.").group(group).build());
        out.println("campaign " + draft.campaignId() + ": " + draft.recipients() + " recipient(s), estimated KES "
                + draft.estimatedCost().toPlainString());
        draft.warnings().forEach(w -> out.println("  warning: " + w));
        client.campaigns().preview(draft.campaignId()).forEach(r -> out.println("  " + r.recipient() + ": "
                + r.message() + " (" + r.segments() + " segment(s), KES " + r.cost().toPlainString() + ")"));

        Campaign c = client.campaigns().launch(draft.campaignId());
        out.println("launched, charged KES " + c.charged().toPlainString());
        Instant deadline = Instant.now().plus(WAIT);
        while (!c.isFinished() && Instant.now().isBefore(deadline)) {
            sleep();
            c = client.campaigns().get(draft.campaignId());
            out.println(c.status() + ": " + c.sent() + " sent, " + c.delivered() + " delivered, " + c.failed()
                    + " failed, " + c.skipped() + " skipped of " + c.recipients());
        }
        out.println("refunded KES " + c.refunded().toPlainString());
    }

    private static void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
