package io.jumbe.server.http;

import io.jumbe.core.jobs.JobQueue;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Request counts and latency histograms by route and status, and the job queue depth, in Prometheus text. */
public final class HttpMetrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JobQueue jobs;
    private final Map<String, AtomicLong> depths = new ConcurrentHashMap<>();
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    public HttpMetrics(JobQueue jobs) {
        this.jobs = jobs;
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    public void record(Context ctx, String route, float millis) {
        String method = ctx.method().name();
        int status = ctx.statusCode();
        // One timer per method, route and status, looked up without building a meter id on every request.
        timers.computeIfAbsent(method + ' ' + status + ' ' + route, key -> Timer.builder("http_server_requests")
                        .description("HTTP requests by route and status")
                        .tag("method", method)
                        .tag("route", route)
                        .tag("status", Integer.toString(status))
                        .publishPercentileHistogram()
                        .minimumExpectedValue(Duration.ofMillis(1))
                        .maximumExpectedValue(Duration.ofSeconds(30))
                        .register(registry))
                .record(Duration.ofNanos((long) (millis * 1_000_000)));
    }

    /** Refreshes the queue gauges and renders every meter. */
    public String scrape() {
        Map<String, Long> now = jobs.depth();
        depths.forEach((queue, gauge) -> gauge.set(now.getOrDefault(queue, 0L)));
        now.forEach((queue, n) -> depths.computeIfAbsent(queue, q -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder("jobs_queue_depth", value, AtomicLong::get)
                    .description("Jobs waiting or running")
                    .tag("queue", q)
                    .register(registry);
            return value;
        }).set(n));
        return registry.scrape();
    }
}
