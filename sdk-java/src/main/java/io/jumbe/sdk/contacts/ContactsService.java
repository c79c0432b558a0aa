package io.jumbe.sdk.contacts;

import io.jumbe.sdk.Page;
import io.jumbe.sdk.RequestOptions;
import io.jumbe.sdk.internal.ApiCalls;
import io.jumbe.sdk.internal.ListAnswer;
import io.jumbe.sdk.internal.Pages;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.BufferedSink;
import okio.Okio;
import okio.Source;

/**
 * The phone book ({@code /contacts}): contacts unique by phone, with attributes and groups; CSV import (upsert by
 * phone, applied in the background) and export.
 */
public final class ContactsService {
    private static final MediaType CSV = MediaType.get("text/csv; charset=utf-8");
    private static final Duration POLL = Duration.ofMillis(500);
    private final ApiCalls calls;
    private final ContactsApi api;

    /**
     * Creates the service over the SDK's HTTP stack; {@link io.jumbe.sdk.JumbeClient} does this.
     *
     * @param calls the HTTP stack
     */
    public ContactsService(ApiCalls calls) {
        this.calls = Objects.requireNonNull(calls, "calls");
        this.api = calls.create(ContactsApi.class);
    }

    /**
     * Adds a contact ({@code POST /contacts}).
     *
     * @param params the contact
     * @return the contact, with its {@code CON-…} id
     * @throws io.jumbe.sdk.errors.JumbeException {@code contact_exists} (its problem names the existing id in
     *                                            {@code contact_id}) or any other failure
     */
    public Contact create(ContactParams params) {
        return create(params, RequestOptions.none());
    }

    /**
     * Adds a contact with the caller's idempotency key.
     *
     * @param params  the contact
     * @param options the idempotency key
     * @return the contact
     * @throws io.jumbe.sdk.errors.JumbeException when the call fails
     */
    public Contact create(ContactParams params, RequestOptions options) {
        return calls.execute(api.create(params.toBody(), ApiCalls.idempotencyKey(options.idempotencyKey())));
    }

    /**
     * One contact ({@code GET /contacts/{contact_id}}).
     *
     * @param contactId the id
     * @return the contact
     * @throws io.jumbe.sdk.errors.NotFoundException when no such contact belongs to this account
     */
    public Contact get(String contactId) {
        return calls.execute(api.get(ApiCalls.pathSegment(contactId)));
    }

    /**
     * Changes a contact ({@code PATCH /contacts/{contact_id}}): attributes merged, groups replaced when given.
     *
     * @param contactId the id
     * @param change    the change, from {@link ContactParams#change()}
     * @return the contact as it is now
     * @throws io.jumbe.sdk.errors.JumbeException when the call fails
     */
    public Contact update(String contactId, ContactParams change) {
        return calls.execute(api.update(ApiCalls.pathSegment(contactId), change.toBody()));
    }

    /**
     * Deletes a contact ({@code DELETE /contacts/{contact_id}}); an opt-out of its number stays.
     *
     * @param contactId the id
     * @throws io.jumbe.sdk.errors.JumbeException when the call fails
     */
    public void delete(String contactId) {
        calls.execute(api.delete(ApiCalls.pathSegment(contactId)));
    }

    /**
     * One page of contacts, newest first ({@code GET /contacts}); {@link Page#autoPagingIterable()} walks them all.
     *
     * @param params filters and paging
     * @return the page
     * @throws io.jumbe.sdk.errors.JumbeException when the call fails
     */
    public Page<Contact> list(ContactListParams params) {
        return page(params, null);
    }

    private Page<Contact> page(ContactListParams params, String after) {
        ListAnswer<Contact> answer = calls.execute(api.list(params.toQuery(after).values()));
        return Pages.of(answer, Contact::contactId, next -> page(params, next));
    }

    /**
     * Streams every matching contact as CSV to {@code out} ({@code Accept: text/csv}): one column per attribute,
     * groups separated by {@code ;}, a file that imports back as it is.
     *
     * @param params the filter (paging is ignored)
     * @param out    where the CSV goes; not closed
     * @return the number of bytes written
     * @throws io.jumbe.sdk.errors.JumbeException when the call fails
     */
    public long export(ContactListParams params, OutputStream out) {
        Objects.requireNonNull(out, "out");
        return calls.download(api.export(params.filterQuery().values()), out);
    }

    /**
     * Uploads a CSV file for import ({@code POST /contacts/import}) and returns at once; the import runs in the
     * background. A header row is required with a {@code phone} column; {@code name}, {@code email} and
     * {@code groups} ({@code ;}-separated) are known, every other column becomes an attribute.
     *
     * @param file  the CSV file (UTF-8, a byte-order mark allowed), up to 100,000 rows and 20 MiB
     * @param group a group every imported contact joins, or null
     * @return the import, {@code processing}
     * @throws io.jumbe.sdk.errors.JumbeException a 400 or 413 problem when the file cannot be imported at all
     */
    public ContactImport startImport(Path file, String group) {
        Objects.requireNonNull(file, "file");
        return calls.execute(api.startImport(group, RequestBody.create(file.toFile(), CSV)));
    }

    /**
     * Uploads CSV from a stream, read once as it is sent (a failed upload is not retried).
     *
     * @param csv   the CSV; closed when sent
     * @param group a group every imported contact joins, or null
     * @return the import, {@code processing}
     * @throws io.jumbe.sdk.errors.JumbeException when the call fails
     */
    public ContactImport startImport(InputStream csv, String group) {
        Objects.requireNonNull(csv, "csv");
        RequestBody body = new RequestBody() {
            @Override
            public MediaType contentType() {
                return CSV;
            }

            @Override
            public boolean isOneShot() {
                return true;
            }

            @Override
            public void writeTo(BufferedSink sink) throws IOException {
                try (Source source = Okio.source(csv)) {
                    sink.writeAll(source);
                }
            }
        };
        return calls.execute(api.startImport(group, body));
    }

    /**
     * An import's status and counts ({@code GET /contacts/import/{import_id}}).
     *
     * @param importId the id, {@code IMP-…}
     * @return the import
     * @throws io.jumbe.sdk.errors.JumbeException when the call fails
     */
    public ContactImport importStatus(String importId) {
        return calls.execute(api.importStatus(ApiCalls.pathSegment(importId)));
    }

    /**
     * Imports a CSV file and waits until the import has finished.
     *
     * @param file    the CSV file
     * @param group   a group every imported contact joins, or null
     * @param timeout how long to wait at most
     * @return the finished import, with its counts and row errors
     * @throws IllegalStateException when it has not finished within {@code timeout}
     * @throws io.jumbe.sdk.errors.JumbeException when a call fails
     */
    public ContactImport importAndWait(Path file, String group, Duration timeout) {
        if (!Files.isReadable(file)) {
            throw new UncheckedIOException(new IOException("cannot read " + file));
        }
        return waitFor(startImport(file, group).importId(), timeout);
    }

    /**
     * Imports CSV from a stream and waits until the import has finished.
     *
     * @param csv     the CSV; closed when sent
     * @param group   a group every imported contact joins, or null
     * @param timeout how long to wait at most
     * @return the finished import
     * @throws IllegalStateException when it has not finished within {@code timeout}
     * @throws io.jumbe.sdk.errors.JumbeException when a call fails
     */
    public ContactImport importAndWait(InputStream csv, String group, Duration timeout) {
        return waitFor(startImport(csv, group).importId(), timeout);
    }

    /**
     * Waits until an import has finished, asking for its status every half second.
     *
     * @param importId the id
     * @param timeout  how long to wait at most
     * @return the finished import
     * @throws IllegalStateException when it has not finished within {@code timeout}
     * @throws io.jumbe.sdk.errors.JumbeException when a call fails
     */
    public ContactImport waitFor(String importId, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            ContactImport status = importStatus(importId);
            if (status.isFinished()) {
                return status;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("import " + importId + " still processing after " + timeout);
            }
            calls.sleep(POLL);
        }
    }
}
