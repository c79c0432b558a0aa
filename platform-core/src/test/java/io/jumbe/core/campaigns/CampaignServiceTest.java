package io.jumbe.core.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jumbe.core.Jumbe;
import io.jumbe.core.analytics.Analytics;
import io.jumbe.core.common.Money;
import io.jumbe.core.common.PageRequest;
import io.jumbe.core.contacts.ContactImportTest;
import io.jumbe.core.contacts.ContactInput;
import io.jumbe.core.contacts.OptOuts;
import io.jumbe.core.events.EventTypes;
import io.jumbe.core.jobs.Job;
import io.jumbe.core.jobs.JobHandler;
import io.jumbe.core.sms.Segments;
import io.jumbe.core.tenant.NewTenant;
import io.jumbe.core.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Campaigns through the core, on H2 and PostgreSQL; the feeding job is claimed and run here. */
class CampaignServiceTest {
    static final String MESSAGE = "Dear {{name}}, fees for {{student}} in form {{form|2}} are due on 5 Dec.";

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aFiveThousandRecipientCampaignIsChargedOnceTheExactSumAndCancelRefundsEveryUnsentMessage(TestDatabase db) {
        try (Jumbe platform = Jumbe.builder().database(db.fresh()).build()) {
            long tenant = tenant(platform, "20000.00");
            // 5,000 parents: names of different lengths (some long enough for two segments, some in UCS-2), every
            // 50th without a student (missing_field), and 7 opted out
            StringBuilder csv = new StringBuilder("phone,name,student\n");
            long expected = 0;
            int missing = 0;
            for (int i = 0; i < 5000; i++) {
                String phone = "0712" + String.format("%06d", i);
                String name = "Parent " + i + (i % 3 == 0 ? " " + "x".repeat(60 + i % 40) : "") + (i % 11 == 0 ? " Ñœ" : "");
                String student = i % 50 == 0 ? "" : "Child" + i;
                csv.append(phone).append(',').append(name).append(',').append(student).append('\n');
                if (student.isEmpty()) {
                    missing++;
                } else if (i % 1000 != 1) {
                    expected += 100L * Segments.count(MESSAGE.replace("{{name}}", name).replace("{{student}}", student)
                            .replace("{{form|2}}", "2")).segments();
                }
            }
            platform.contactImports().start(tenant, "parents", ContactImportTest.csv(csv.toString()));
            ContactImportTest.runJobs(platform);
            for (int i = 1; i < 5000; i += 1000) {
                platform.optOuts().optOut(tenant, "0712" + String.format("%06d", i), null, OptOuts.SOURCE_API);
            }
            Campaign draft = platform.campaigns().create(tenant, new CampaignRequest("Term 3 fees", "sms", "SCHOOL",
                    MESSAGE, new Audience(List.of("parents"), null, null), null, "term-3"));
            assertThat(draft.id()).startsWith("CMP-");
            assertThat(draft.status()).isEqualTo("draft");
            assertThat(draft.estimate().cost()).isEqualTo(Money.ofCents(expected));
            assertThat(draft.estimate().skipped()).isEqualTo(missing);
            assertThat(draft.recipients()).isEqualTo(5000 - 5);
            assertThat(draft.estimate().recipients()).isEqualTo(5000 - 5 - missing);
            assertThat(platform.campaigns().preview(tenant, draft.id())).hasSize(5).first()
                    .satisfies(r -> assertThat(r.message()).startsWith("Dear Parent ").contains(", fees for Child", " in form 2 "));

            Money before = platform.wallet().balance(tenant).balance();
            Campaign launched = platform.campaigns().launch(tenant, draft.id());
            assertThat(launched.status()).isEqualTo("running");
            assertThat(launched.charged()).isEqualTo(Money.ofCents(expected));
            assertThat(platform.wallet().balance(tenant).balance()).isEqualTo(before.minus(Money.ofCents(expected)));
            assertThat(count(platform, "SELECT COUNT(*) FROM wallet_transactions WHERE type = 'debit' "
                    + "AND reference = '" + draft.id() + "'")).isEqualTo(1);
            assertThat(platform.events().forTenant(tenant, EventTypes.CAMPAIGN_LAUNCHED, 5)).hasSize(1);
            // the day's analytics count the campaign when it is paid, as they count a send
            Analytics.Usage paid = platform.analytics().summary(tenant).todayUsage().byChannel().get("sms");
            assertThat(paid.messagesSent()).isEqualTo(draft.estimate().recipients());
            assertThat(paid.cost()).isEqualTo(Money.ofCents(expected));

            feed(platform);
            // the bulk lane gets a window of the campaign, never the whole of it at once
            assertThat(count(platform, "SELECT COUNT(*) FROM messages WHERE batch_id = '" + draft.id() + "'"))
                    .isEqualTo(CampaignService.WINDOW);
            assertThat(count(platform, "SELECT COUNT(*) FROM messages WHERE batch_id = '" + draft.id()
                    + "' AND lane = 'bulk'")).isEqualTo(CampaignService.WINDOW);
            // their sum is what the recipients they came from were charged
            assertThat(count(platform, "SELECT COALESCE(SUM(m.cost_cents), 0) FROM messages m JOIN campaign_recipients r "
                    + "ON r.message_id = m.id AND r.cost_cents = m.cost_cents WHERE m.batch_id = '" + draft.id() + "'"))
                    .isEqualTo(count(platform, "SELECT SUM(cost_cents) FROM campaign_recipients WHERE status = 'queued'"));
            // two chunks were already with the upstream (their dispatch jobs taken) and stay charged
            platform.database().jdbi().useHandle(h -> h.execute("UPDATE jobs SET status = 'running' WHERE id IN "
                    + "(SELECT id FROM jobs WHERE queue = 'sms-bulk' ORDER BY id LIMIT 2)"));
            long taken = count(platform, "SELECT SUM(m.cost_cents) FROM messages m JOIN jobs j "
                    + "ON j.dedupe_key = COALESCE(m.dispatch_key, m.id) "
                    + "WHERE j.status = 'running'");

            Campaign cancelled = platform.campaigns().cancel(tenant, draft.id());
            assertThat(cancelled.status()).isEqualTo("cancelled");
            assertThat(cancelled.refunded()).isEqualTo(Money.ofCents(expected - taken));
            assertThat(platform.wallet().balance(tenant).balance()).isEqualTo(before.minus(Money.ofCents(taken)));
            assertThat(count(platform, "SELECT COUNT(*) FROM wallet_transactions WHERE type = 'refund'")).isEqualTo(1);
            assertThat(platform.analytics().summary(tenant).todayUsage().byChannel().get("sms").cost())
                    .as("charged minus the cancel's refund").isEqualTo(Money.ofCents(taken));
            assertThat(count(platform, "SELECT COUNT(*) FROM jobs WHERE queue = 'sms-bulk' AND status = 'ready'")).isZero();
            assertThat(platform.campaigns().recipients(tenant, draft.id(), "skipped", PageRequest.page(1, 100))
                    .total()).isEqualTo(missing);
            assertThat(platform.ledgerCheck().verify()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void pauseHoldsWaitingMessagesAndResumeReleasesThem(TestDatabase db) {
        try (Jumbe platform = Jumbe.builder().database(db.fresh()).build()) {
            long tenant = tenant(platform, "100.00");
            for (int i = 0; i < 3; i++) {
                platform.contacts().create(tenant, new ContactInput("071200000" + i, "P" + i, null,
                        Map.of("student", "C" + i), List.of("form-2")));
            }
            Campaign c = platform.campaigns().create(tenant, new CampaignRequest("Fees", null, null, MESSAGE,
                    new Audience(List.of("form-2"), null, null), null, null));
            platform.campaigns().launch(tenant, c.id());
            feed(platform);
            // the three messages ride one dispatch job
            assertThat(count(platform, "SELECT COUNT(*) FROM jobs WHERE queue = 'sms-bulk' AND run_at <= CURRENT_TIMESTAMP"))
                    .isEqualTo(1);

            assertThat(platform.campaigns().pause(tenant, c.id()).status()).isEqualTo("paused");
            assertThat(count(platform, "SELECT COUNT(*) FROM jobs WHERE queue = 'sms-bulk' AND run_at <= CURRENT_TIMESTAMP"))
                    .isZero();
            assertThatThrownBy(() -> platform.campaigns().pause(tenant, c.id()))
                    .hasFieldOrPropertyWithValue("code", CampaignService.INVALID_STATE);

            assertThat(platform.campaigns().resume(tenant, c.id()).status()).isEqualTo("running");
            assertThat(count(platform, "SELECT COUNT(*) FROM jobs WHERE queue = 'sms-bulk' AND run_at <= CURRENT_TIMESTAMP"))
                    .isEqualTo(1);
            Campaign progress = platform.campaigns().get(tenant, c.id());
            assertThat(progress.progress().queued()).isEqualTo(3);
            assertThat(progress.charged()).isEqualTo(Money.parse("3.00"));
            assertThat(platform.ledgerCheck().verify()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aLaunchTheBalanceDoesNotCoverIs402AndLeavesADraftWithNothingFrozenOrSent(TestDatabase db) {
        try (Jumbe platform = Jumbe.builder().database(db.fresh()).build()) {
            long tenant = tenant(platform, "1.00");
            Campaign c = platform.campaigns().create(tenant, new CampaignRequest("Fees", "sms", null, "Hello {{name|there}}",
                    new Audience(null, null, List.of("0712000001", "0712000002", "+254712000001")), null, null));
            assertThat(c.recipients()).isEqualTo(2);
            assertThatThrownBy(() -> platform.campaigns().launch(tenant, c.id()))
                    .hasFieldOrPropertyWithValue("code", "insufficient_balance");
            assertThat(platform.campaigns().get(tenant, c.id()).status()).isEqualTo("draft");
            assertThat(count(platform, "SELECT COUNT(*) FROM campaign_recipients")).isZero();
            assertThat(count(platform, "SELECT COUNT(*) FROM messages")).isZero();
            assertThat(platform.wallet().balance(tenant).balance()).isEqualTo(Money.parse("1.00"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void anUnknownPlaceholderSyntaxOrAnotherTenantsContactIsRefusedAtCreation(TestDatabase db) {
        try (Jumbe platform = Jumbe.builder().database(db.fresh()).build()) {
            long a = tenant(platform, "10.00");
            long b = tenant(platform, "10.00");
            String theirs = platform.contacts().create(b, new ContactInput("0712000001", "X", null, null, null)).id();
            assertThatThrownBy(() -> platform.campaigns().create(a, new CampaignRequest("Fees", "sms", null,
                    "Hello {{Name}}", new Audience(null, null, List.of("0712000001")), null, null)))
                    .hasFieldOrPropertyWithValue("code", "validation_failed");
            assertThatThrownBy(() -> platform.campaigns().create(a, new CampaignRequest("Fees", "sms", null,
                    "Hello", new Audience(null, List.of(theirs), null), null, null)))
                    .hasFieldOrPropertyWithValue("code", "validation_failed");
            assertThat(count(platform, "SELECT COUNT(*) FROM campaigns")).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void feedingRunAgainAfterALostClaimQueuesNothingTwice(TestDatabase db) {
        io.jumbe.core.testing.TestClock clock = new io.jumbe.core.testing.TestClock(java.time.Instant.parse(
                "2026-11-24T08:00:00Z"));
        try (Jumbe platform = Jumbe.builder().database(db.fresh()).clock(clock).build()) {
            long tenant = tenant(platform, "5000.00");
            StringBuilder csv = new StringBuilder("phone,name\n");
            for (int i = 0; i < 1200; i++) {
                csv.append("0712").append(String.format("%06d", i)).append(",Parent ").append(i).append('\n');
            }
            platform.contactImports().start(tenant, "parents", ContactImportTest.csv(csv.toString()));
            ContactImportTest.runJobs(platform);
            Campaign c = platform.campaigns().create(tenant, new CampaignRequest("Fees", "sms", null, "Dear {{name}}",
                    new Audience(List.of("parents"), null, null), null, null));
            platform.campaigns().launch(tenant, c.id());
            JobHandler handler = platform.campaigns().queueSpec().handlers().get(CampaignService.FEED_KIND);
            List<Job> claimed = platform.jobs().claim(CampaignService.QUEUE, 10, "dead-worker", Duration.ofMinutes(1));
            assertThat(claimed).hasSize(1);
            // the worker queued everything, then died before marking its job done: the lease runs out
            assertThatThrownBy(() -> handler.run(claimed.get(0))).isInstanceOf(JobHandler.RetryLater.class);
            clock.advance(Duration.ofMinutes(2));
            List<Job> again = platform.jobs().claim(CampaignService.QUEUE, 10, "next-worker", Duration.ofMinutes(1));
            assertThat(again).extracting(Job::id).containsExactly(claimed.get(0).id());
            assertThatThrownBy(() -> handler.run(again.get(0))).isInstanceOf(JobHandler.RetryLater.class);

            assertThat(count(platform, "SELECT COUNT(*) FROM messages")).isEqualTo(1200);
            assertThat(count(platform, "SELECT COUNT(DISTINCT recipient) FROM messages")).isEqualTo(1200);
            // parts of 500, 500 and 200 messages, one dispatch job per 100 of them
            assertThat(count(platform, "SELECT COUNT(*) FROM jobs WHERE queue = 'sms-bulk'")).isEqualTo(12);
            assertThat(count(platform, "SELECT COUNT(*) FROM wallet_transactions WHERE type = 'debit'")).isEqualTo(1);
            assertThat(count(platform, "SELECT SUM(cost_cents) FROM messages")).isEqualTo(
                    platform.campaigns().get(tenant, c.id()).charged().cents());
            assertThat(platform.ledgerCheck().verify()).isEmpty();
        }
    }

    /** Runs the feeding job until it waits (window full, or messages not yet final). */
    static void feed(Jumbe platform) {
        JobHandler handler = platform.campaigns().queueSpec().handlers().get(CampaignService.FEED_KIND);
        for (Job job : platform.jobs().claim(CampaignService.QUEUE, 10, "test", Duration.ofMinutes(1))) {
            try {
                handler.run(job);
                platform.jobs().complete(job);
            } catch (JobHandler.RetryLater later) {
                platform.jobs().retry(job, platform.clock().instant(), later.getMessage(), false);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
    }

    static long tenant(Jumbe platform, String balance) {
        return platform.tenants().create(NewTenant.of("School", "school" + System.nanoTime() + "@example.com", "SCHOOL")
                .withBalance(Money.parse(balance))).tenant().id();
    }

    static long count(Jumbe platform, String sql) {
        return platform.database().jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }
}
