/**
 * Usage analytics: {@link io.jumbe.sdk.analytics.AnalyticsService} with its summary and daily series.
 */
package io.jumbe.sdk.analytics;
