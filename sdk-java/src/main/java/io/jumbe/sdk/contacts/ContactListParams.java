package io.jumbe.sdk.contacts;

import io.jumbe.sdk.ListParams;
import io.jumbe.sdk.internal.Pages;
import io.jumbe.sdk.internal.Query;

/** Filters and paging of the contact list; every filter optional. */
public final class ContactListParams extends ListParams {
    private final String group;
    private final String search;
    private final Boolean optedOut;

    private ContactListParams(Builder b) {
        super(b);
        this.group = b.group;
        this.search = b.search;
        this.optedOut = b.optedOut;
    }

    /**
     * Starts the parameters.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Every contact, first page.
     *
     * @return the parameters
     */
    public static ContactListParams none() {
        return builder().build();
    }

    Query filterQuery() {
        return new Query().add("group", group).add("search", search).add("opted_out", optedOut);
    }

    Query toQuery(String after) {
        return Pages.paging(filterQuery(), this, after);
    }

    /** Builds {@link ContactListParams}. */
    public static final class Builder extends ListParams.Builder<Builder> {
        private String group;
        private String search;
        private Boolean optedOut;

        private Builder() {
        }

        @Override
        protected Builder self() {
            return this;
        }

        /**
         * Members of one group only.
         *
         * @param group the group's name
         * @return this builder
         */
        public Builder group(String group) {
            this.group = group;
            return this;
        }

        /**
         * Text found in the name or the phone.
         *
         * @param search the text
         * @return this builder
         */
        public Builder search(String search) {
            this.search = search;
            return this;
        }

        /**
         * Only opted-out numbers ({@code true}) or only those that may be messaged ({@code false}).
         *
         * @param optedOut which
         * @return this builder
         */
        public Builder optedOut(boolean optedOut) {
            this.optedOut = optedOut;
            return this;
        }

        /**
         * Builds the parameters.
         *
         * @return the parameters
         */
        public ContactListParams build() {
            validatePaging();
            return new ContactListParams(this);
        }
    }
}
