package io.jumbe.sdk.analytics;

import retrofit2.Call;
import retrofit2.http.GET;
import retrofit2.http.Query;

/** The analytics endpoints, relative to {@code /api/{client_id}/}. */
interface AnalyticsApi {
    @GET("analytics/summary")
    Call<AnalyticsSummary> summary();

    @GET("analytics/daily")
    Call<DailySeries> daily(@Query("from") String from, @Query("to") String to, @Query("channel") String channel);
}
