package io.jumbe.sdk;

import com.squareup.moshi.Json;

/**
 * Paging facts of a list answer, the {@code meta} member.
 *
 * @param currentPage the 1-based page number returned
 * @param perPage     the page size the server applied
 * @param total       how many items match the filter in all pages
 * @param lastPage    the number of the last page
 */
public record PageMeta(@Json(name = "current_page") Integer currentPage, @Json(name = "per_page") Integer perPage,
                       Long total, @Json(name = "last_page") Integer lastPage) {
}
