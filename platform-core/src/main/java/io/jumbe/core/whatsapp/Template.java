package io.jumbe.core.whatsapp;

/**
 * A message template of the business account, as the Graph API lists it.
 *
 * @param name       the template's name
 * @param language   its language code ({@code en}, {@code en_US})
 * @param category   marketing, utility or authentication
 * @param status     Meta's review status ({@code APPROVED}, {@code PENDING}, {@code REJECTED}, …)
 * @param parameters how many body parameters it takes
 */
public record Template(String name, String language, Category category, String status, int parameters) {

    /** Whether it may be sent. */
    public boolean approved() {
        return "APPROVED".equalsIgnoreCase(status);
    }
}
