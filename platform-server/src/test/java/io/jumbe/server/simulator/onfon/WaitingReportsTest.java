package io.jumbe.server.simulator.onfon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WaitingReportsTest {
    private static final WaitingReports.Submission MORNING = new WaitingReports.Submission("2026-11-25 08:00:00",
            "Your results are rea");

    @Test
    void reportsLeaveOldestFirstWithTheIdNumberAndSubmissionTheyCameWith() throws Exception {
        WaitingReports waiting = new WaitingReports(4);
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        WaitingReports.Submission evening = new WaitingReports.Submission("2026-11-25 18:00:00", "Fees due");
        waiting.add(100, first, "254712345678", MORNING, true);
        waiting.add(200, second, "254110000001", evening, false);

        WaitingReports.Due a = waiting.take();
        WaitingReports.Due b = waiting.take();

        assertThat(a).isEqualTo(new WaitingReports.Due(100, first.toString(), "254712345678", MORNING, true));
        assertThat(b).isEqualTo(new WaitingReports.Due(200, second.toString(), "254110000001", evening, false));
        assertThat(waiting.size()).isZero();
    }

    @Test
    void moreReportsThanTheUsualBoundAreKeptInOrderAcrossTheRingsWrap() throws Exception {
        WaitingReports waiting = new WaitingReports(3);
        List<UUID> ids = new ArrayList<>();
        // wrap the ring first, so growing has to unroll it
        for (int i = 0; i < 2; i++) {
            waiting.add(i, UUID.randomUUID(), "254700000000", MORNING, true);
            waiting.take();
        }
        for (int i = 0; i < 10; i++) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            waiting.add(i, id, "2547000000" + (10 + i), MORNING, i % 2 == 0);
        }

        assertThat(waiting.size()).isEqualTo(10);
        for (int i = 0; i < 10; i++) {
            WaitingReports.Due due = waiting.take();
            assertThat(due.messageId()).isEqualTo(ids.get(i).toString());
            assertThat(due.number()).isEqualTo("2547000000" + (10 + i));
            assertThat(due.holdsRoom()).isEqualTo(i % 2 == 0);
        }
    }

    @Test
    void aSenderWaitsForTheNextReportAndGetsItWhenItIsAdded() throws Exception {
        WaitingReports waiting = new WaitingReports(2);
        CompletableFuture<WaitingReports.Due> taken = CompletableFuture.supplyAsync(() -> {
            try {
                return waiting.take();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        UUID id = UUID.randomUUID();

        waiting.add(5, id, "254798765432", MORNING, false);

        assertThat(taken.get(5, TimeUnit.SECONDS).messageId()).isEqualTo(id.toString());
    }
}
