/**
 * Personalised campaigns: {@link io.jumbe.sdk.campaigns.CampaignsService}.
 */
package io.jumbe.sdk.campaigns;
