package io.jumbe.core.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jumbe.core.Jumbe;
import io.jumbe.core.common.ServiceException;
import io.jumbe.core.contacts.ContactImportTest;
import io.jumbe.core.testing.TestClock;
import io.jumbe.core.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A launch is a claim on the draft, the frozen list written a part per transaction, then ONE transaction with the
 * debit and the feeding job. A process killed in the middle leaves the claim and some frozen parts behind, nothing
 * charged and nothing queued (the state is written here as those committed parts left it, since a killed process
 * runs no clean-up): the draft stays a draft, another launch waits for the claim to run out, then freezes the whole
 * list anew and charges once.
 */
class CampaignLaunchCrashTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aLaunchKilledWhileFreezingChargesNothingAndALaterLaunchFreezesTheWholeListOnce(TestDatabase db) {
        TestClock clock = new TestClock(Instant.parse("2026-11-24T08:00:00Z"));
        try (Jumbe platform = Jumbe.builder().database(db.fresh()).clock(clock).build()) {
            long tenant = CampaignServiceTest.tenant(platform, "5000.00");
            StringBuilder csv = new StringBuilder("phone,name\n");
            for (int i = 0; i < 1200; i++) {
                csv.append("0712").append(String.format("%06d", i)).append(",Parent ").append(i).append('\n');
            }
            platform.contactImports().start(tenant, "parents", ContactImportTest.csv(csv.toString()));
            ContactImportTest.runJobs(platform);
            Campaign c = platform.campaigns().create(tenant, new CampaignRequest("Fees", "sms", null,
                    "Dear {{name}}, fees are due on 5 Dec.", new Audience(List.of("parents"), null, null), null, null));
            long balance = platform.wallet().balance(tenant).balance().cents();

            // what the killed launch committed: its claim, and the first part of the frozen list
            platform.database().jdbi().useTransaction(h -> {
                h.createUpdate("UPDATE campaigns SET launched_at = :now WHERE id = :id").bind("now", clock.instant())
                        .bind("id", c.id()).execute();
                for (int seq = 1; seq <= CampaignService.PART; seq++) {
                    h.createUpdate("INSERT INTO campaign_recipients (campaign_id, seq, recipient, body, segments, "
                                    + "cost_cents, status) VALUES (:c, :seq, :r, 'left by the killed launch', 1, 100, "
                                    + "'pending')").bind("c", c.id()).bind("seq", seq)
                            .bind("r", "2547120" + String.format("%05d", seq)).execute();
                }
            });

            Campaign after = platform.campaigns().get(tenant, c.id());
            assertThat(after.status()).isEqualTo("draft");
            assertThat(after.estimate().recipients()).isEqualTo(1200);
            assertThat(platform.wallet().balance(tenant).balance().cents()).isEqualTo(balance);
            assertThatThrownBy(() -> platform.campaigns().launch(tenant, c.id())).isInstanceOf(ServiceException.class)
                    .extracting(e -> ((ServiceException) e).code()).isEqualTo(CampaignService.INVALID_STATE);

            clock.advance(Duration.ofMinutes(11));
            Campaign launched = platform.campaigns().launch(tenant, c.id());
            assertThat(launched.status()).isEqualTo("running");
            assertThat(launched.recipients()).isEqualTo(1200);
            assertThat(count(platform, "SELECT COUNT(*) FROM campaign_recipients WHERE campaign_id = '" + c.id()
                    + "'")).isEqualTo(1200);
            assertThat(count(platform, "SELECT COUNT(*) FROM campaign_recipients WHERE body = 'left by the killed "
                    + "launch'")).isZero();
            assertThat(count(platform, "SELECT COUNT(*) FROM wallet_transactions WHERE type = 'debit'")).isEqualTo(1);
            assertThat(platform.wallet().balance(tenant).balance().cents())
                    .isEqualTo(balance - launched.charged().cents());
            CampaignServiceTest.feed(platform);
            CampaignServiceTest.feed(platform);
            assertThat(count(platform, "SELECT COUNT(DISTINCT recipient) FROM messages")).isEqualTo(
                    count(platform, "SELECT COUNT(*) FROM messages"));
            assertThat(platform.ledgerCheck().verify()).isEmpty();
        }
    }

    private static long count(Jumbe platform, String sql) {
        return CampaignServiceTest.count(platform, sql);
    }
}
