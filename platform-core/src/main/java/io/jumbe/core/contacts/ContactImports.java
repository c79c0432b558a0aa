package io.jumbe.core.contacts;

import com.fasterxml.jackson.core.type.TypeReference;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.jumbe.core.common.FieldError;
import io.jumbe.core.common.Ids;
import io.jumbe.core.common.Json;
import io.jumbe.core.common.ServiceException;
import io.jumbe.core.jobs.Backoff;
import io.jumbe.core.jobs.Job;
import io.jumbe.core.jobs.JobHandler;
import io.jumbe.core.jobs.JobQueue;
import io.jumbe.core.jobs.JobRunner;
import io.jumbe.core.jobs.NewJob;
import io.jumbe.core.phone.PhoneNumbers;
import io.jumbe.core.store.Batches;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * CSV import of contacts. The request streams the file through FastCSV into staging rows (a part at a time, never
 * the whole file in memory) and answers; a durable job then upserts the staged rows by normalised phone, a part
 * per transaction, deleting what it applied and adding to the counts in the same transaction, so a crash resumes
 * where it stopped and counts nothing twice. The job is enqueued when the upload starts, due at a deadline: if the
 * upload never finishes (the process died while receiving), it fails the import instead of leaving it processing.
 */
public final class ContactImports {
    public static final String QUEUE = "contacts";
    public static final String KIND = "contacts.import";
    public static final int MAX_ROWS = 100_000;
    public static final long MAX_BYTES = 20L * 1024 * 1024;
    public static final int MAX_ERRORS = 1000;
    static final int PART = 500;
    private static final Duration UPLOAD_DEADLINE = Duration.ofMinutes(30);
    private static final Set<String> KNOWN = Set.of("phone", "name", "email", "groups", "opted_out",
            // the export's own columns, so an exported file imports back as it was
            "contact_id", "opted_out_at", "created_at", "updated_at");
    private static final Set<String> YES = Set.of("yes", "y", "true", "1");
    private static final TypeReference<LinkedHashMap<String, String>> ROW = new TypeReference<>() {
    };

    private final Jdbi jdbi;
    private final Clock clock;
    private final Ids ids;
    private final JobQueue jobs;
    private final OptOuts optOuts;
    private final List<Runnable> newWork = new java.util.concurrent.CopyOnWriteArrayList<>();

    public ContactImports(Jdbi jdbi, Clock clock, Ids ids, JobQueue jobs, OptOuts optOuts) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.ids = ids;
        this.jobs = jobs;
        this.optOuts = optOuts;
    }

    /** Called after an upload commits, so a worker in this process starts at once. */
    public void onNewWork(Runnable listener) {
        newWork.add(listener);
    }

    /** How the job runner works the import queue. */
    public JobRunner.QueueSpec queueSpec() {
        return new JobRunner.QueueSpec(QUEUE, Map.of(KIND, new Applier()), 2, Duration.ofMinutes(10),
                Duration.ofSeconds(1), Backoff.standard());
    }

    /**
     * Reads a CSV upload into an import and queues it.
     *
     * @param group a group every imported contact joins, or null
     * @throws ServiceException {@code validation_failed} (400) for a file that is not UTF-8 CSV or has no
     *                          {@code phone} column, {@code payload_too_large} (413) beyond 100,000 rows or 20 MiB;
     *                          in each case nothing is imported
     */
    public ContactImport start(long tenantId, String group, InputStream body) {
        if (group != null && !ContactRules.isGroupName(group)) {
            throw ServiceException.validation("group", "group names are 1 to 64 of a-z, 0-9 and -");
        }
        String id = ids.next("IMP");
        Instant now = clock.instant();
        jdbi.useTransaction(h -> {
            h.createUpdate("INSERT INTO contact_imports (id, tenant_id, group_name, status, created_at) "
                    + "VALUES (:id, :t, :g, 'processing', :now)").bind("id", id).bind("t", tenantId).bind("g", group)
                    .bind("now", now).execute();
            jobs.enqueue(h, NewJob.of(QUEUE, KIND, id).dedupedBy(id).at(now.plus(UPLOAD_DEADLINE)).maxAttempts(5));
        });
        int rows;
        try {
            rows = stage(id, body);
        } catch (RuntimeException e) {
            jdbi.useTransaction(h -> {
                h.createUpdate("DELETE FROM jobs WHERE dedupe_key = :id AND queue = :q").bind("id", id)
                        .bind("q", QUEUE).execute();
                h.createUpdate("DELETE FROM contact_imports WHERE id = :id").bind("id", id).execute();
            });
            throw e;
        }
        jdbi.useTransaction(h -> {
            h.createUpdate("UPDATE contact_imports SET total_rows = :n, received = TRUE WHERE id = :id").bind("n", rows).bind("id", id)
                    .execute();
            // the upload is whole: the job may run now rather than at the deadline
            h.createUpdate("UPDATE jobs SET run_at = :now WHERE dedupe_key = :id AND queue = :q AND status = 'ready'")
                    .bind("now", clock.instant()).bind("id", id).bind("q", QUEUE).execute();
        });
        // read before waking the worker: the answer is the import as the upload left it, processing
        ContactImport received = get(tenantId, id);
        newWork.forEach(Runnable::run);
        return received;
    }

    private int stage(String importId, InputStream body) {
        CountingStream counted = new CountingStream(body);
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        int[] rows = {0};
        try (CsvReader<CsvRecord> csv = CsvReader.builder().skipEmptyLines(true).allowExtraFields(true)
                .allowMissingFields(true).detectBomHeader(false)
                .ofCsvRecord(new InputStreamReader(new BomSkipping(counted), decoder))) {
            var it = csv.iterator();
            if (!it.hasNext()) {
                throw ServiceException.validation("file", "is empty: a header row naming a 'phone' column is required");
            }
            List<String> header = header(it.next().getFields());
            List<Object[]> part = new ArrayList<>(PART);
            while (it.hasNext()) {
                CsvRecord record = it.next();
                if (++rows[0] > MAX_ROWS) {
                    throw tooLarge("more than " + MAX_ROWS + " rows");
                }
                Map<String, String> row = new LinkedHashMap<>();
                List<String> fields = record.getFields();
                for (int i = 0; i < header.size(); i++) {
                    row.put(header.get(i), i < fields.size() ? fields.get(i) : "");
                }
                if (fields.size() > header.size()) {
                    boolean extra = fields.subList(header.size(), fields.size()).stream().anyMatch(f -> !f.isBlank());
                    if (extra) {
                        row.put("", "has " + fields.size() + " fields; the header names " + header.size());
                    }
                }
                part.add(new Object[] {(int) record.getStartingLineNumber(), Json.write(row)});
                if (part.size() == PART) {
                    insert(importId, part);
                    part.clear();
                }
            }
            insert(importId, part);
            return rows[0];
        } catch (CsvParseException e) {
            throw ServiceException.validation("file", "is not valid CSV: " + e.getMessage());
        } catch (UncheckedIOException e) {
            throw unreadable(e.getCause(), counted);
        } catch (IOException e) {
            throw unreadable(e, counted);
        }
    }

    private static RuntimeException unreadable(IOException e, CountingStream counted) {
        if (counted.tooLarge) {
            return tooLarge("more than 20 MiB");
        }
        if (e instanceof CharacterCodingException) {
            return ServiceException.validation("file", "is not UTF-8 text: save the spreadsheet as "
                    + "'CSV UTF-8 (Comma delimited)'");
        }
        throw new UncheckedIOException(e);
    }

    private static ServiceException tooLarge(String what) {
        return new ServiceException("payload_too_large", "The file has " + what + "; import at most " + MAX_ROWS
                + " rows and 20 MiB at a time.");
    }

    /** Column names as imported: trimmed, lower case, spaces and dashes as underscores. */
    private static List<String> header(List<String> raw) {
        List<FieldError> errors = new ArrayList<>();
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            String name = raw.get(i).strip().toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
            if (!KNOWN.contains(name) && !ContactRules.ATTRIBUTE_NAME.matcher(name).matches()) {
                errors.add(new FieldError("header[" + i + "]", "column '" + raw.get(i) + "' is not a valid attribute "
                        + "name (1 to 32 of a-z, 0-9 and _)"));
            } else if (!seen.add(name)) {
                errors.add(new FieldError("header[" + i + "]", "column '" + name + "' appears twice"));
            }
            names.add(name);
        }
        if (!seen.contains("phone")) {
            errors.add(0, new FieldError("header", "the file needs a 'phone' column (found: " + String.join(", ", raw)
                    + ")"));
        }
        if (!errors.isEmpty()) {
            throw new ServiceException("validation_failed", "The CSV header cannot be imported.", errors);
        }
        return names;
    }

    private void insert(String importId, List<Object[]> part) {
        if (part.isEmpty()) {
            return;
        }
        jdbi.useTransaction(h -> Batches.insertInParts(h, "INSERT INTO contact_import_rows (import_id, row_number, data) "
                + "VALUES (:i, :r, :d)", part, (b, row) -> b.bind("i", importId).bind("r", row[0]).bind("d", row[1])));
    }

    /** One of the tenant's imports, with its first 1,000 row errors. */
    public ContactImport get(long tenantId, String importId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM contact_imports WHERE id = :id AND tenant_id = :t")
                        .bind("id", importId).bind("t", tenantId)
                        .map((rs, ctx) -> {
                            OffsetDateTime done = rs.getObject("completed_at", OffsetDateTime.class);
                            return new ContactImport(rs.getString("id"), rs.getLong("tenant_id"),
                                    rs.getString("group_name"), rs.getString("status"), rs.getInt("total_rows"),
                                    rs.getInt("created"), rs.getInt("updated"), rs.getInt("skipped"),
                                    rs.getString("failure"), List.of(),
                                    rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                                    done == null ? null : done.toInstant());
                        }).findOne()
                        .map(i -> new ContactImport(i.id(), i.tenantId(), i.group(), i.status(), i.rows(), i.created(),
                                i.updated(), i.skipped(), i.failure(), h.createQuery("SELECT row_number, reason FROM "
                                        + "contact_import_errors WHERE import_id = :id ORDER BY row_number")
                                .bind("id", importId).map((rs, ctx) -> new ContactImport.RowError(rs.getInt(1),
                                        rs.getString(2))).list(), i.createdAt(), i.completedAt())))
                .orElseThrow(() -> ServiceException.notFound("Import " + importId));
    }

    /** Applies staged rows until none are left; a re-run after a crash starts with what is still staged. */
    private final class Applier implements JobHandler {
        @Override
        public void run(Job job) {
            String importId = job.payload();
            Map<String, Object> imp = jdbi.withHandle(h -> h.createQuery("SELECT tenant_id, group_name, status, "
                    + "received FROM contact_imports WHERE id = :id").bind("id", importId).mapToMap().findOne()
                    .orElse(null));
            if (imp == null || !"processing".equals(imp.get("status"))) {
                return;
            }
            long tenantId = ((Number) imp.get("tenant_id")).longValue();
            String group = (String) imp.get("group_name");
            if (!Boolean.TRUE.equals(imp.get("received"))) {
                finish(importId, "failed", "the upload did not complete");
                return;
            }
            while (applyPart(importId, tenantId, group)) {
                // one part per transaction
            }
            finish(importId, "completed", null);
        }

        @Override
        public void exhausted(Handle h, Job job, String lastError) {
            h.createUpdate("UPDATE contact_imports SET status = 'failed', failure = :f, completed_at = :now "
                            + "WHERE id = :id AND status = 'processing'")
                    .bind("f", "the import stopped: " + truncate(lastError, 400)).bind("now", clock.instant())
                    .bind("id", job.payload()).execute();
        }
    }

    private void finish(String importId, String status, String failure) {
        jdbi.useTransaction(h -> h.createUpdate("UPDATE contact_imports SET status = :s, failure = :f, "
                        + "completed_at = :now WHERE id = :id AND status = 'processing'")
                .bind("s", status).bind("f", failure).bind("now", clock.instant()).bind("id", importId).execute());
    }

    private boolean applyPart(String importId, long tenantId, String group) {
        return jdbi.inTransaction(h -> {
            List<Map.Entry<Integer, String>> staged = h.createQuery("SELECT row_number, data FROM contact_import_rows "
                            + "WHERE import_id = :id ORDER BY row_number LIMIT :n")
                    .bind("id", importId).bind("n", PART)
                    .map((rs, ctx) -> Map.entry(rs.getInt(1), rs.getString(2))).list();
            if (staged.isEmpty()) {
                return false;
            }
            int deleted = h.createUpdate("DELETE FROM contact_import_rows WHERE import_id = :id AND row_number IN (<rows>)")
                    .bind("id", importId).bindList("rows", staged.stream().map(Map.Entry::getKey).toList()).execute();
            if (deleted != staged.size()) {
                throw new IllegalStateException("another worker applied part of import " + importId);
            }
            int errorsSoFar = h.createQuery("SELECT skipped FROM contact_imports WHERE id = :id").bind("id", importId)
                    .mapTo(Integer.class).one();
            Counts counts = apply(h, importId, tenantId, group, staged, errorsSoFar);
            h.createUpdate("UPDATE contact_imports SET created = created + :c, updated = updated + :u, "
                            + "skipped = skipped + :s WHERE id = :id")
                    .bind("c", counts.created).bind("u", counts.updated).bind("s", counts.skipped).bind("id", importId)
                    .execute();
            return true;
        });
    }

    private static final class Counts {
        int created;
        int updated;
        int skipped;
    }

    /** A row as it will be written. */
    private static final class Pending {
        String id;
        boolean existing;
        String phone;
        String name;
        String email;
        Map<String, String> attributes;
        Set<String> groups = new LinkedHashSet<>();
        boolean optOut;
    }

    private Counts apply(Handle h, String importId, long tenantId, String group, List<Map.Entry<Integer, String>> rows,
                         int errorsSoFar) {
        Counts counts = new Counts();
        Instant now = clock.instant();
        List<Map.Entry<Integer, Map<String, String>>> parsed = new ArrayList<>();
        Set<String> phones = new LinkedHashSet<>();
        for (Map.Entry<Integer, String> r : rows) {
            Map<String, String> row = readRow(r.getValue());
            parsed.add(Map.entry(r.getKey(), row));
            PhoneNumbers.normalize(row.get("phone")).ifPresent(phones::add);
        }
        Map<String, Pending> byPhone = new LinkedHashMap<>();
        if (!phones.isEmpty()) {
            h.createQuery("SELECT id, phone, name, email, attributes FROM contacts WHERE tenant_id = :t "
                            + "AND phone IN (<phones>)").bind("t", tenantId).bindList("phones", List.copyOf(phones))
                    .map((rs, ctx) -> {
                        Pending p = new Pending();
                        p.id = rs.getString("id");
                        p.existing = true;
                        p.phone = rs.getString("phone");
                        p.name = rs.getString("name");
                        p.email = rs.getString("email");
                        p.attributes = ContactService.parseAttributes(rs.getString("attributes"));
                        return p;
                    }).forEach(p -> byPhone.put(p.phone, p));
        }
        Set<String> touchedExisting = new LinkedHashSet<>();
        List<Object[]> errors = new ArrayList<>();
        for (Map.Entry<Integer, Map<String, String>> r : parsed) {
            Map<String, String> row = r.getValue();
            String reason = rowProblem(row, byPhone);
            if (reason != null) {
                counts.skipped++;
                if (errorsSoFar + errors.size() < MAX_ERRORS) {
                    errors.add(new Object[] {r.getKey(), truncate(reason, 500)});
                }
                continue;
            }
            String phone = PhoneNumbers.normalize(row.get("phone")).orElseThrow();
            Pending p = byPhone.get(phone);
            if (p == null) {
                p = new Pending();
                p.id = ids.next("CON");
                p.phone = phone;
                p.attributes = new LinkedHashMap<>();
                byPhone.put(phone, p);
                counts.created++;
            } else {
                counts.updated++;
                if (p.existing) {
                    touchedExisting.add(phone);
                }
            }
            merge(p, row, group);
        }
        if (!errors.isEmpty()) {
            Batches.insertInParts(h, "INSERT INTO contact_import_errors (import_id, row_number, reason) "
                    + "VALUES (:i, :r, :why)", errors, (b, e) -> b.bind("i", importId).bind("r", e[0]).bind("why", e[1]));
        }
        List<Pending> inserts = byPhone.values().stream().filter(p -> !p.existing).toList();
        List<Pending> updates = touchedExisting.stream().map(byPhone::get).toList();
        Batches.insertInParts(h, "INSERT INTO contacts (id, tenant_id, phone, name, email, attributes, created_at, "
                + "updated_at) VALUES (:id, :t, :p, :n, :e, :a, :now, :now)", inserts, (b, p) -> b.bind("id", p.id)
                .bind("t", tenantId).bind("p", p.phone).bind("n", p.name).bind("e", p.email)
                .bind("a", Json.write(p.attributes)).bind("now", now));
        Batches.insertInParts(h, "UPDATE contacts SET name = :n, email = :e, attributes = :a, updated_at = :now "
                + "WHERE id = :id", updates, (b, p) -> b.bind("n", p.name).bind("e", p.email)
                .bind("a", Json.write(p.attributes)).bind("now", now).bind("id", p.id));
        Set<String> groups = new LinkedHashSet<>();
        List<String[]> members = new ArrayList<>();
        for (Pending p : byPhone.values()) {
            if (!p.existing || touchedExisting.contains(p.phone)) {
                groups.addAll(p.groups);
                p.groups.forEach(g -> members.add(new String[] {g, p.id}));
            }
        }
        ContactService.ensureGroups(h, tenantId, groups, now);
        Batches.insertInParts(h, "INSERT INTO contact_group_members (tenant_id, group_name, contact_id) "
                + "VALUES (:t, :g, :c) ON CONFLICT DO NOTHING", members, (b, m) -> b.bind("t", tenantId)
                .bind("g", m[0]).bind("c", m[1]));
        for (Pending p : byPhone.values()) {
            if (p.optOut) {
                optOuts.record(h, tenantId, p.phone, "imported", OptOuts.SOURCE_IMPORT);
            }
        }
        return counts;
    }

    private static Map<String, String> readRow(String json) {
        try {
            return Json.mapper().readValue(json, ROW);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Why a row cannot be imported, or null; checked against what the contact would become. */
    private static String rowProblem(Map<String, String> row, Map<String, Pending> byPhone) {
        if (row.containsKey("")) {
            return row.get("");
        }
        PhoneNumbers.Result phone = PhoneNumbers.parse(row.get("phone"));
        if (phone instanceof PhoneNumbers.Invalid bad) {
            return "phone: " + bad.reason();
        }
        List<FieldError> errors = new ArrayList<>();
        ContactRules.name(errors, blankToNull(row.get("name")));
        ContactRules.email(errors, blankToNull(row.get("email")));
        Map<String, String> attributes = attributes(row);
        Pending existing = byPhone.get(((PhoneNumbers.Valid) phone).msisdn());
        Set<String> merged = new HashSet<>(attributes.keySet());
        if (existing != null) {
            merged.addAll(existing.attributes.keySet());
        }
        ContactRules.attributes(errors, attributes, merged.size());
        ContactRules.groups(errors, groups(row));
        if (errors.isEmpty()) {
            return null;
        }
        FieldError first = errors.get(0);
        return first.field() + ": " + first.message();
    }

    private static void merge(Pending p, Map<String, String> row, String group) {
        String name = blankToNull(row.get("name"));
        if (name != null) {
            p.name = name;
        }
        String email = blankToNull(row.get("email"));
        if (email != null) {
            p.email = email;
        }
        p.attributes.putAll(attributes(row));
        p.groups.addAll(groups(row));
        if (group != null) {
            p.groups.add(group);
        }
        if (YES.contains(String.valueOf(row.get("opted_out")).strip().toLowerCase(Locale.ROOT))) {
            p.optOut = true;
        }
    }

    /** Every column that is not a known field, with a value, is an attribute (an empty cell sets nothing). */
    private static Map<String, String> attributes(Map<String, String> row) {
        Map<String, String> out = new LinkedHashMap<>();
        row.forEach((k, v) -> {
            if (!KNOWN.contains(k) && !k.isEmpty() && v != null && !v.isBlank()) {
                out.put(k, v.strip());
            }
        });
        return out;
    }

    private static List<String> groups(Map<String, String> row) {
        String raw = row.get("groups");
        if (raw == null || raw.isBlank()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String g : raw.split(";")) {
            if (!g.isBlank()) {
                out.add(g.strip().toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    /** Counts the bytes read and stops at {@link #MAX_BYTES}, so a huge upload is refused as it streams. */
    private static final class CountingStream extends FilterInputStream {
        long count;
        boolean tooLarge;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0) {
                add(n);
            }
            return n;
        }

        private void add(long n) throws IOException {
            count += n;
            if (count > MAX_BYTES) {
                tooLarge = true;
                throw new IOException("upload larger than " + MAX_BYTES + " bytes");
            }
        }
    }

    /** Drops a UTF-8 byte-order mark (Excel's "CSV UTF-8" writes one) before decoding. */
    private static final class BomSkipping extends java.io.PushbackInputStream {
        private boolean checked;

        BomSkipping(InputStream in) {
            super(in, 3);
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            skipBom();
            return super.read(buf, off, len);
        }

        @Override
        public int read() throws IOException {
            skipBom();
            return super.read();
        }

        private void skipBom() throws IOException {
            if (checked) {
                return;
            }
            checked = true;
            byte[] head = new byte[3];
            int n = 0;
            while (n < 3) {
                int r = in.read(head, n, 3 - n);
                if (r < 0) {
                    break;
                }
                n += r;
            }
            boolean bom = n == 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF;
            if (!bom && n > 0) {
                unread(head, 0, n);
            }
        }
    }

}
