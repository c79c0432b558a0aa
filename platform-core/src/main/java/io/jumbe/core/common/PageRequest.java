package io.jumbe.core.common;

/**
 * Which page of a newest-first list to read: a numbered page ({@code page}, {@code per_page}), or the page after
 * an item the caller already has ({@code starting_after}, as at Stripe). Only the cursor form is stable while
 * items are being added: a numbered page shifts by as many items as arrived since the previous one.
 *
 * @param page          1-based page number; ignored when {@code startingAfter} is given
 * @param perPage       items per page
 * @param startingAfter the id of the last item of the previous page, or {@code null}
 */
public record PageRequest(int page, int perPage, String startingAfter) {

    /** Checks the numbers. */
    public PageRequest {
        if (page < 1 || perPage < 1) {
            throw new IllegalArgumentException("page and perPage start at 1");
        }
        if (startingAfter != null && startingAfter.isBlank()) {
            startingAfter = null;
        }
    }

    /** A numbered page. */
    public static PageRequest page(int page, int perPage) {
        return new PageRequest(page, perPage, null);
    }

    /** The page after the item with this id. */
    public static PageRequest after(String id, int perPage) {
        return new PageRequest(1, perPage, id);
    }

    /** Whether this is the cursor form. */
    public boolean isCursor() {
        return startingAfter != null;
    }
}
