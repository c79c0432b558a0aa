package io.jumbe.core.contacts;

import java.util.List;
import java.util.Map;

/**
 * The fields of a create or a change. For a change, null leaves a field as it was; {@code attributes} are merged
 * into the contact's (a null value removes one) and {@code groups}, when given, replace its groups.
 */
public record ContactInput(String phone, String name, String email, Map<String, String> attributes,
                           List<String> groups) {
}
