package io.jumbe.core.contacts;

import java.time.Instant;
import java.util.List;

/**
 * A CSV import and how far it got.
 *
 * @param status {@code processing}, {@code completed} or {@code failed}
 * @param rows   data rows read from the file (the header not counted)
 * @param errors the first 1,000 rows skipped, with why
 */
public record ContactImport(String id, long tenantId, String group, String status, int rows, int created, int updated,
                            int skipped, String failure, List<RowError> errors, Instant createdAt, Instant completedAt) {

    /** A skipped row: its line in the file (the header is line 1) and the reason. */
    public record RowError(int row, String reason) {
    }
}
