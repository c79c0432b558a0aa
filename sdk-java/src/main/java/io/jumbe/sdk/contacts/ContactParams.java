package io.jumbe.sdk.contacts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields of a new contact or of a change to one. For a change, fields not set stay as they are; attributes are
 * merged (a {@code null} value removes one) and groups, when set, replace the contact's groups.
 */
public final class ContactParams {
    private final Map<String, Object> body;

    private ContactParams(Map<String, Object> body) {
        this.body = body;
    }

    /**
     * Starts a new contact.
     *
     * @param phone its number, in any Kenyan form ({@code 0712…}, {@code +254…})
     * @return the builder
     */
    public static Builder builder(String phone) {
        Builder b = new Builder();
        b.body.put("phone", phone);
        return b;
    }

    /**
     * Starts a change of an existing contact.
     *
     * @return the builder
     */
    public static Builder change() {
        return new Builder();
    }

    Map<String, Object> toBody() {
        return body;
    }

    /** Builds {@link ContactParams}. */
    public static final class Builder {
        private final Map<String, Object> body = new LinkedHashMap<>();
        private final Map<String, String> attributes = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * A new number.
         *
         * @param phone the number
         * @return this builder
         */
        public Builder phone(String phone) {
            body.put("phone", phone);
            return this;
        }

        /**
         * The name.
         *
         * @param name the name
         * @return this builder
         */
        public Builder name(String name) {
            body.put("name", name);
            return this;
        }

        /**
         * The email address.
         *
         * @param email the address
         * @return this builder
         */
        public Builder email(String email) {
            body.put("email", email);
            return this;
        }

        /**
         * One attribute; {@code null} removes it in a change.
         *
         * @param name  {@code [a-z0-9_]{1,32}}
         * @param value up to 256 characters
         * @return this builder
         */
        public Builder attribute(String name, String value) {
            attributes.put(name, value);
            return this;
        }

        /**
         * The groups (replacing the contact's groups in a change); made when first used.
         *
         * @param groups names {@code [a-z0-9-]{1,64}}
         * @return this builder
         */
        public Builder groups(List<String> groups) {
            body.put("groups", new ArrayList<>(groups));
            return this;
        }

        /**
         * Builds the parameters.
         *
         * @return the parameters
         */
        public ContactParams build() {
            Map<String, Object> out = new LinkedHashMap<>(body);
            if (!attributes.isEmpty()) {
                out.put("attributes", new LinkedHashMap<>(attributes));
            }
            return new ContactParams(out);
        }
    }
}
