package io.jumbe.sdk.contacts;

import com.squareup.moshi.Json;
import java.util.List;

/**
 * A CSV import and how far it got.
 *
 * @param importId    its id, {@code IMP-…}
 * @param status      {@code processing}, {@code completed} or {@code failed}
 * @param group       the group every imported contact joined, or null
 * @param rows        data rows in the file
 * @param created     contacts added
 * @param updated     contacts changed (matched by phone)
 * @param skipped     rows not imported
 * @param failure     why a failed import stopped, or null
 * @param errors      the first 1,000 skipped rows with their reasons
 * @param createdAt   when the file arrived (ISO-8601)
 * @param completedAt when it finished (ISO-8601), or null
 */
public record ContactImport(@Json(name = "import_id") String importId, String status, String group, int rows,
                            int created, int updated, int skipped, String failure, List<RowError> errors,
                            @Json(name = "created_at") String createdAt,
                            @Json(name = "completed_at") String completedAt) {
    /**
     * Keeps the errors unmodifiable and never null.
     *
     * @param importId    its id
     * @param status      the status
     * @param group       the group
     * @param rows        data rows
     * @param created     added
     * @param updated     changed
     * @param skipped     skipped
     * @param failure     why it failed
     * @param errors      the row errors
     * @param createdAt   when it arrived
     * @param completedAt when it finished
     */
    public ContactImport {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /**
     * Whether the import has finished, completed or failed.
     *
     * @return true unless it is still processing
     */
    public boolean isFinished() {
        return !"processing".equals(status);
    }

    /**
     * A skipped row.
     *
     * @param row    its line in the file (the header is line 1)
     * @param reason why it was skipped
     */
    public record RowError(int row, String reason) {
    }
}
