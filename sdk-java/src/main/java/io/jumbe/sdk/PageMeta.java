package io.jumbe.sdk;

import com.squareup.moshi.Json;

/**
 * Paging facts of a list answer, the {@code meta} member.
 *
 * @param currentPage   the 1-based page number, on a numbered page; {@code null} on a cursor page
 * @param perPage       the page size the server applied
 * @param total         how many items match the filter in all pages
 * @param lastPage      the number of the last page, on a numbered page; {@code null} on a cursor page
 * @param hasMore       whether more items follow this page
 * @param startingAfter the cursor this page was read after, on a cursor page; {@code null} on a numbered page
 */
public record PageMeta(@Json(name = "current_page") Integer currentPage, @Json(name = "per_page") int perPage,
                       long total, @Json(name = "last_page") Integer lastPage,
                       @Json(name = "has_more") boolean hasMore,
                       @Json(name = "starting_after") String startingAfter) {
}
