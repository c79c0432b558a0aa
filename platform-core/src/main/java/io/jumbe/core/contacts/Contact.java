package io.jumbe.core.contacts;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One entry of a tenant's phone book.
 *
 * @param phone      the canonical number, unique per tenant
 * @param attributes the tenant's own fields (placeholders of campaign messages), in the order given
 * @param groups     the groups it belongs to, by name
 * @param optedOutAt when its number opted out of this tenant, or null
 */
public record Contact(String id, long tenantId, String phone, String name, String email, Map<String, String> attributes,
                      List<String> groups, Instant optedOutAt, Instant createdAt, Instant updatedAt) {
}
