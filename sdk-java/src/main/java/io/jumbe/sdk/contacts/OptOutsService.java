package io.jumbe.sdk.contacts;

import io.jumbe.sdk.ListParams;
import io.jumbe.sdk.Page;
import io.jumbe.sdk.RequestOptions;
import io.jumbe.sdk.internal.ApiCalls;
import io.jumbe.sdk.internal.ListAnswer;
import io.jumbe.sdk.internal.Pages;
import io.jumbe.sdk.internal.Query;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Numbers that asked not to be messaged ({@code /opt-outs}). Every send of this account skips them: a single
 * recipient is refused with {@code recipient_opted_out}, in a list each is rejected with code {@code opted_out}.
 */
public final class OptOutsService {
    private final ApiCalls calls;
    private final ContactsApi api;

    /**
     * Creates the service over the SDK's HTTP stack; {@link io.jumbe.sdk.JumbeClient} does this.
     *
     * @param calls the HTTP stack
     */
    public OptOutsService(ApiCalls calls) {
        this.calls = Objects.requireNonNull(calls, "calls");
        this.api = calls.create(ContactsApi.class);
    }

    /**
     * Opts a number out ({@code POST /opt-outs}, source {@code api}); a number already opted out keeps its first
     * time and source.
     *
     * @param phone  the number
     * @param reason why, or null
     * @return the opt-out
     * @throws io.jumbe.sdk.errors.JumbeException when the call fails
     */
    public OptOut add(String phone, String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("phone", phone);
        if (reason != null) {
            body.put("reason", reason);
        }
        return calls.execute(api.optOut(body, ApiCalls.idempotencyKey(RequestOptions.none().idempotencyKey())));
    }

    /**
     * Lets a number be messaged again ({@code DELETE /opt-outs/{phone}}).
     *
     * @param phone the number
     * @throws io.jumbe.sdk.errors.NotFoundException when it had not opted out
     */
    public void remove(String phone) {
        calls.execute(api.optIn(ApiCalls.pathSegment(phone)));
    }

    /**
     * One page of opt-outs, newest first ({@code GET /opt-outs}).
     *
     * @param params paging
     * @return the page
     * @throws io.jumbe.sdk.errors.JumbeException when the call fails
     */
    public Page<OptOut> list(Params params) {
        return page(params, null);
    }

    private Page<OptOut> page(Params params, String after) {
        ListAnswer<OptOut> answer = calls.execute(api.optOuts(Pages.paging(new Query(), params, after).values()));
        return Pages.of(answer, OptOut::phone, next -> page(params, next));
    }

    /** Paging of the opt-out list. */
    public static final class Params extends ListParams {
        private Params(Builder b) {
            super(b);
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
         * The first page.
         *
         * @return the parameters
         */
        public static Params none() {
            return builder().build();
        }

        /** Builds {@link Params}. */
        public static final class Builder extends ListParams.Builder<Builder> {
            private Builder() {
            }

            @Override
            protected Builder self() {
                return this;
            }

            /**
             * Builds the parameters.
             *
             * @return the parameters
             */
            public Params build() {
                validatePaging();
                return new Params(this);
            }
        }
    }
}
