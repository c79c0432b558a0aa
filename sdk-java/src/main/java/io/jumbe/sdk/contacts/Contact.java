package io.jumbe.sdk.contacts;

import com.squareup.moshi.Json;
import java.util.List;
import java.util.Map;

/**
 * A contact of the phone book.
 *
 * @param contactId  its id, {@code CON-…}
 * @param phone      the canonical number ({@code 2547…})
 * @param name       the name, or null
 * @param email      the email address, or null
 * @param attributes the account's own fields, usable as campaign placeholders
 * @param groups     the groups it belongs to
 * @param optedOut   whether its number opted out of this account's messages
 * @param optedOutAt when it opted out (ISO-8601), or null
 * @param createdAt  when it was added (ISO-8601)
 * @param updatedAt  when it last changed (ISO-8601)
 */
public record Contact(@Json(name = "contact_id") String contactId, String phone, String name, String email,
                      Map<String, String> attributes, List<String> groups,
                      @Json(name = "opted_out") boolean optedOut, @Json(name = "opted_out_at") String optedOutAt,
                      @Json(name = "created_at") String createdAt, @Json(name = "updated_at") String updatedAt) {
    /**
     * Keeps the collections unmodifiable and never null.
     *
     * @param contactId  its id
     * @param phone      the number
     * @param name       the name
     * @param email      the email
     * @param attributes the attributes
     * @param groups     the groups
     * @param optedOut   whether it opted out
     * @param optedOutAt when it opted out
     * @param createdAt  when it was added
     * @param updatedAt  when it last changed
     */
    public Contact {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        groups = groups == null ? List.of() : List.copyOf(groups);
    }
}
