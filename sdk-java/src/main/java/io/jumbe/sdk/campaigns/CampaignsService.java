package io.jumbe.sdk.campaigns;

import io.jumbe.sdk.ListParams;
import io.jumbe.sdk.Page;
import io.jumbe.sdk.RequestOptions;
import io.jumbe.sdk.internal.ApiCalls;
import io.jumbe.sdk.internal.ListAnswer;
import io.jumbe.sdk.internal.Pages;
import io.jumbe.sdk.internal.Query;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Campaigns ({@code /campaigns}): one personalised message to groups, contacts and numbers, priced as a draft,
 * charged once at launch, followed to the end, pausable and cancellable (unsent messages refunded).
 */
public final class CampaignsService {
    private final ApiCalls calls;
    private final CampaignsApi api;

    /**
     * Creates the service over the SDK's HTTP stack; {@link io.jumbe.sdk.JumbeClient} does this.
     *
     * @param calls the HTTP stack
     */
    public CampaignsService(ApiCalls calls) {
        this.calls = Objects.requireNonNull(calls, "calls");
        this.api = calls.create(CampaignsApi.class);
    }

    /**
     * Creates a draft ({@code POST /campaigns}) of an SMS or a WhatsApp-template campaign.
     *
     * @param params the campaign
     * @return the draft with its estimate
     * @throws io.jumbe.sdk.errors.ValidationException for a bad field: an unknown placeholder syntax, a parameter count
     *                                                 the template does not take, a template that is not there or not
     *                                                 approved ({@code unknown_template}), a sender id not approved
     * @throws io.jumbe.sdk.errors.JumbeException when the call fails otherwise
     */
    public Campaign create(CampaignParams params) {
        return create(params, RequestOptions.none());
    }

    /**
     * Creates a draft with the caller's idempotency key.
     *
     * @param params  the campaign
     * @param options the idempotency key
     * @return the draft
     * @throws io.jumbe.sdk.errors.JumbeException when the call fails
     */
    public Campaign create(CampaignParams params, RequestOptions options) {
        return calls.execute(api.create(params.toBody(), ApiCalls.idempotencyKey(options.idempotencyKey())));
    }

    /**
     * A campaign's progress, or a draft's estimate ({@code GET /campaigns/{campaign_id}}).
     *
     * @param campaignId the id
     * @return the campaign
     * @throws io.jumbe.sdk.errors.JumbeException when the call fails
     */
    public Campaign get(String campaignId) {
        return calls.execute(api.get(ApiCalls.pathSegment(campaignId)));
    }

    /**
     * One page of campaigns, newest first ({@code GET /campaigns}).
     *
     * @param params paging
     * @return the page
     * @throws io.jumbe.sdk.errors.JumbeException when the call fails
     */
    public Page<Campaign> list(Params params) {
        return page(params, null);
    }

    private Page<Campaign> page(Params params, String after) {
        ListAnswer<Campaign> answer = calls.execute(api.list(Pages.paging(new Query(), params, after).values()));
        return Pages.of(answer, Campaign::campaignId, next -> page(params, next));
    }

    /**
     * The first five rendered messages with their segments and cost ({@code GET /campaigns/{campaign_id}/preview}).
     *
     * @param campaignId the id
     * @return the rendered messages
     * @throws io.jumbe.sdk.errors.JumbeException when the call fails
     */
    public List<CampaignRecipient> preview(String campaignId) {
        ListAnswer<CampaignRecipient> answer = calls.execute(api.preview(ApiCalls.pathSegment(campaignId)));
        return answer == null ? List.of() : answer.data();
    }

    /**
     * Launches a draft: the whole cost in one debit, then sending (at {@code schedule_at} when set).
     *
     * @param campaignId the id
     * @return the campaign, {@code running} or {@code scheduled}
     * @throws io.jumbe.sdk.errors.InsufficientBalanceException when the balance does not cover it (nothing sent)
     * @throws io.jumbe.sdk.errors.JumbeException for any other failure
     */
    public Campaign launch(String campaignId) {
        return launch(campaignId, RequestOptions.none());
    }

    /**
     * Launches a draft with the caller's idempotency key.
     *
     * @param campaignId the id
     * @param options    the idempotency key
     * @return the campaign
     * @throws io.jumbe.sdk.errors.JumbeException when the call fails
     */
    public Campaign launch(String campaignId, RequestOptions options) {
        return act(campaignId, "launch", options);
    }

    /**
     * Stops further sending; messages already with the network go on.
     *
     * @param campaignId the id
     * @return the campaign, {@code paused}
     * @throws io.jumbe.sdk.errors.JumbeException when the call fails
     */
    public Campaign pause(String campaignId) {
        return act(campaignId, "pause", RequestOptions.none());
    }

    /**
     * Carries on with a paused campaign.
     *
     * @param campaignId the id
     * @return the campaign
     * @throws io.jumbe.sdk.errors.JumbeException when the call fails
     */
    public Campaign resume(String campaignId) {
        return act(campaignId, "resume", RequestOptions.none());
    }

    /**
     * Cancels: nothing more is sent, and every message not yet sent is refunded in one journal entry.
     *
     * @param campaignId the id
     * @return the campaign, {@code cancelled}, with {@code refunded}
     * @throws io.jumbe.sdk.errors.JumbeException when the call fails
     */
    public Campaign cancel(String campaignId) {
        return act(campaignId, "cancel", RequestOptions.none());
    }

    private Campaign act(String campaignId, String action, RequestOptions options) {
        return calls.execute(api.act(ApiCalls.pathSegment(campaignId), action, Map.of(),
                ApiCalls.idempotencyKey(options.idempotencyKey())));
    }

    /**
     * One page of a campaign's recipients in order ({@code GET /campaigns/{campaign_id}/recipients}).
     *
     * @param campaignId the id
     * @param status     only recipients in this state ({@code failed}, {@code skipped}…), or null
     * @param params     paging
     * @return the page
     * @throws io.jumbe.sdk.errors.JumbeException when the call fails
     */
    public Page<CampaignRecipient> recipients(String campaignId, String status, Params params) {
        return recipientsPage(campaignId, status, params, null);
    }

    private Page<CampaignRecipient> recipientsPage(String campaignId, String status, Params params, String after) {
        ListAnswer<CampaignRecipient> answer = calls.execute(api.recipients(ApiCalls.pathSegment(campaignId),
                Pages.paging(new Query().add("status", status), params, after).values()));
        return Pages.of(answer, r -> Integer.toString(r.seq()),
                next -> recipientsPage(campaignId, status, params, next));
    }

    /**
     * Streams a campaign's recipients as CSV to {@code out}.
     *
     * @param campaignId the id
     * @param status     only recipients in this state, or null
     * @param out        where the CSV goes; not closed
     * @return the number of bytes written
     * @throws io.jumbe.sdk.errors.JumbeException when the call fails
     */
    public long exportRecipients(String campaignId, String status, OutputStream out) {
        Objects.requireNonNull(out, "out");
        return calls.download(api.recipientsCsv(ApiCalls.pathSegment(campaignId),
                new Query().add("status", status).values()), out);
    }

    /** Paging of campaign lists. */
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
