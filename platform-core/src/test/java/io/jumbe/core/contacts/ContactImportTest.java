package io.jumbe.core.contacts;

import static io.jumbe.core.contacts.ContactsTest.tenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jumbe.core.Jumbe;
import io.jumbe.core.common.PageRequest;
import io.jumbe.core.jobs.Job;
import io.jumbe.core.testing.TestDatabase;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** CSV import on H2 and PostgreSQL: the job is claimed and run here, so the test needs no waiting. */
public class ContactImportTest {
    // An Excel "CSV UTF-8" export: BOM, CRLF, quoted commas and a newline, a blank line, a duplicate phone, bad
    // numbers, a date-looking cell, a 9-digit number whose leading zero Excel dropped.
    static final String MESSY = "\uFEFFPhone,Name,Email,Student,Due Date,groups\r\n"
            + "0712000001,\"Otieno, Amina\",amina@example.com,Baraka,05/12/2026,form-2;fees\r\n"
            + "712000002,Brian Kamau,,\"Wanjiru\nand Njeri\",5-Dec,\r\n"
            + "\r\n"
            + "12345,Bad Number,,Juma,,\r\n"
            + "+254 712 000 001,\"Amina O.\",,,,\r\n"
            + "2.54712E+11,Scientific,,,,\r\n"
            + "0712000004,Bad Email,not-an-email,,,\r\n"
            + "0712000005,Bad Group,,,,Form 2\r\n";

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aMessySpreadsheetExportImportsTheGoodRowsAndReportsTheBadOnes(TestDatabase db) {
        try (Jumbe platform = Jumbe.builder().database(db.fresh()).build()) {
            long tenant = tenant(platform, "School A");
            ContactImport started = platform.contactImports().start(tenant, "parents", csv(MESSY));
            assertThat(started.id()).startsWith("IMP-");
            assertThat(started.status()).isEqualTo("processing");
            assertThat(started.rows()).isEqualTo(7);

            runJobs(platform);

            ContactImport done = platform.contactImports().get(tenant, started.id());
            assertThat(done.status()).isEqualTo("completed");
            assertThat(done.created()).isEqualTo(2);
            assertThat(done.updated()).isEqualTo(1);
            assertThat(done.skipped()).isEqualTo(4);
            assertThat(done.errors()).extracting(ContactImport.RowError::row).containsExactly(6, 8, 9, 10);
            assertThat(done.errors().get(0).reason()).startsWith("phone: ");
            assertThat(done.errors().get(2).reason()).startsWith("email: ");
            assertThat(done.errors().get(3).reason()).startsWith("groups[0]: ");

            Contact amina = platform.contacts().list(tenant, new ContactFilter(null, "254712000001", null),
                    PageRequest.page(1, 10)).items().get(0);
            assertThat(amina.name()).isEqualTo("Amina O.");
            assertThat(amina.email()).isEqualTo("amina@example.com");
            assertThat(amina.attributes()).containsEntry("student", "Baraka").containsEntry("due_date", "05/12/2026");
            assertThat(amina.groups()).containsExactlyInAnyOrder("form-2", "fees", "parents");
            Contact brian = platform.contacts().list(tenant, new ContactFilter(null, "254712000002", null),
                    PageRequest.page(1, 10)).items().get(0);
            assertThat(brian.attributes()).containsEntry("student", "Wanjiru\nand Njeri");
            assertThat(platform.contacts().groups(tenant)).extracting(ContactGroup::name)
                    .containsExactly("fees", "form-2", "parents");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aFileWithoutAPhoneColumnOrNotUtf8IsRefusedAndNothingIsImported(TestDatabase db) {
        try (Jumbe platform = Jumbe.builder().database(db.fresh()).build()) {
            long tenant = tenant(platform, "School A");
            assertThatThrownBy(() -> platform.contactImports().start(tenant, null, csv("name,mobile\r\nAmina,0712000001\r\n")))
                    .hasFieldOrPropertyWithValue("code", "validation_failed");
            byte[] latin1 = "phone,name\r\n0712000001,Ren\u00e9\r\n".getBytes(StandardCharsets.ISO_8859_1);
            assertThatThrownBy(() -> platform.contactImports().start(tenant, null, new ByteArrayInputStream(latin1)))
                    .hasFieldOrPropertyWithValue("code", "validation_failed");
            assertThat(count(platform, "contact_imports") + count(platform, "contact_import_rows")
                    + count(platform, "jobs") + count(platform, "contacts")).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void moreThanTheRowLimitIsTooLargeAndNothingIsImported(TestDatabase db) {
        try (Jumbe platform = Jumbe.builder().database(db.fresh()).build()) {
            long tenant = tenant(platform, "School A");
            StringBuilder big = new StringBuilder("phone\n");
            for (int i = 0; i <= ContactImports.MAX_ROWS; i++) {
                big.append("07").append(String.format("%08d", i)).append('\n');
            }
            assertThatThrownBy(() -> platform.contactImports().start(tenant, null, csv(big.toString())))
                    .hasFieldOrPropertyWithValue("code", "payload_too_large");
            assertThat(count(platform, "contact_imports") + count(platform, "contact_import_rows")
                    + count(platform, "jobs")).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void anImportWhoseUploadNeverFinishedFailsAtItsDeadlineInsteadOfStayingProcessing(TestDatabase db) {
        io.jumbe.core.testing.TestClock clock = new io.jumbe.core.testing.TestClock(java.time.Instant.parse(
                "2026-11-24T08:00:00Z"));
        try (Jumbe platform = Jumbe.builder().database(db.fresh()).clock(clock).build()) {
            long tenant = tenant(platform, "School A");
            // as if the process died while the file arrived: the import and its deadline job, rows half staged
            ContactImport started = platform.contactImports().start(tenant, null, csv("phone\n0712000001\n"));
            platform.database().jdbi().useHandle(h -> {
                h.execute("UPDATE contact_imports SET received = FALSE");
                h.execute("UPDATE jobs SET run_at = ?", clock.instant().plus(Duration.ofMinutes(30)));
            });
            assertThat(runJobs(platform)).isZero();
            clock.advance(Duration.ofMinutes(31));
            runJobs(platform);
            ContactImport after = platform.contactImports().get(tenant, started.id());
            assertThat(after.status()).isEqualTo("failed");
            assertThat(after.failure()).contains("did not complete");
            assertThat(count(platform, "contacts")).isZero();
        }
    }

    public static int runJobs(Jumbe platform) {
        var handler = platform.contactImports().queueSpec().handlers().get(ContactImports.KIND);
        int n = 0;
        for (Job job : platform.jobs().claim(ContactImports.QUEUE, 10, "test", Duration.ofMinutes(1))) {
            try {
                handler.run(job);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            platform.jobs().complete(job);
            n++;
        }
        return n;
    }

    public static java.io.InputStream csv(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    static long count(Jumbe platform, String table) {
        return platform.database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table)
                .mapTo(Long.class).one());
    }

}
