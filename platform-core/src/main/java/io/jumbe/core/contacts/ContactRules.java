package io.jumbe.core.contacts;

import io.jumbe.core.common.FieldError;
import io.jumbe.core.common.TextRules;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The shape of contact fields, shared by the API and CSV import so a row is held to what a request is. */
public final class ContactRules {
    public static final Pattern ATTRIBUTE_NAME = Pattern.compile("[a-z0-9_]{1,32}");
    public static final Pattern GROUP_NAME = Pattern.compile("[a-z0-9-]{1,64}");
    public static final int MAX_ATTRIBUTES = 50;
    public static final int MAX_ATTRIBUTE_VALUE = 256;
    public static final int MAX_NAME = 200;
    public static final int MAX_EMAIL = 254;
    public static final int MAX_GROUPS = 50;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private ContactRules() {
    }

    static void name(List<FieldError> errors, String name) {
        if (name == null) {
            return;
        }
        TextRules.check(errors, "name", name, TextRules.Kind.LINE);
        if (name.length() > MAX_NAME) {
            errors.add(new FieldError("name", "is at most " + MAX_NAME + " characters"));
        }
    }

    static void email(List<FieldError> errors, String email) {
        if (email == null || email.isEmpty()) {
            return;
        }
        if (email.length() > MAX_EMAIL || !EMAIL.matcher(email).matches()) {
            errors.add(new FieldError("email", "is not an email address"));
        }
    }

    /** Checks names and values; {@code merged} is the set a contact would end with (at most 50). */
    static void attributes(List<FieldError> errors, Map<String, String> given, int mergedSize) {
        if (given == null) {
            return;
        }
        for (Map.Entry<String, String> e : given.entrySet()) {
            String field = "attributes." + e.getKey();
            if (!ATTRIBUTE_NAME.matcher(e.getKey()).matches()) {
                errors.add(new FieldError(field, "attribute names are 1 to 32 of a-z, 0-9 and _"));
            } else if (e.getValue() != null) {
                if (e.getValue().length() > MAX_ATTRIBUTE_VALUE) {
                    errors.add(new FieldError(field, "is at most " + MAX_ATTRIBUTE_VALUE + " characters"));
                }
                TextRules.check(errors, field, e.getValue(), TextRules.Kind.MESSAGE);
            }
        }
        if (mergedSize > MAX_ATTRIBUTES) {
            errors.add(new FieldError("attributes", "at most " + MAX_ATTRIBUTES + " attributes per contact"));
        }
    }

    static void groups(List<FieldError> errors, List<String> groups) {
        if (groups == null) {
            return;
        }
        if (groups.size() > MAX_GROUPS) {
            errors.add(new FieldError("groups", "at most " + MAX_GROUPS + " groups per contact"));
        }
        for (int i = 0; i < groups.size(); i++) {
            if (groups.get(i) == null || !GROUP_NAME.matcher(groups.get(i)).matches()) {
                errors.add(new FieldError("groups[" + i + "]", "group names are 1 to 64 of a-z, 0-9 and -"));
            }
        }
    }

    /** Whether {@code name} is a valid group name. */
    public static boolean isGroupName(String name) {
        return name != null && GROUP_NAME.matcher(name).matches();
    }
}
