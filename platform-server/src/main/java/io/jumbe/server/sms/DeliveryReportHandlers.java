package io.jumbe.server.sms;

import io.jumbe.core.sms.DeliveryReport;
import io.jumbe.core.sms.DeliveryReportBatcher;
import io.jumbe.core.sms.MessageLifecycle;
import io.jumbe.server.http.HttpProblem;
import io.jumbe.server.http.Responses;
import io.jumbe.server.http.RouteGroup;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Onfon's delivery reports at {@code /api/webhooks/onfon/dlr/{token}}, by GET (query) or POST (form or JSON). The
 * secret token in the path is the only proof the caller is Onfon: a wrong one gets 404, as if nothing were there.
 */
public final class DeliveryReportHandlers implements RouteGroup {
    private static final Logger log = LoggerFactory.getLogger(DeliveryReportHandlers.class);
    public static final String PATH = "/api/webhooks/onfon/dlr/";
    private final DeliveryReportBatcher reports;
    private final Supplier<String> token;

    /** @param reports applies each report with those arriving at the same time, in one transaction */
    public DeliveryReportHandlers(DeliveryReportBatcher reports, Supplier<String> token) {
        this.reports = reports;
        this.token = token;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get(PATH + "{token}", this::report);
        routes.post(PATH + "{token}", this::report);
    }

    void report(Context ctx) {
        byte[] expected = token.get().getBytes(StandardCharsets.UTF_8);
        byte[] given = ctx.pathParam("token").getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(expected, given)) {
            throw new HttpProblem(404, "not_found", "No such endpoint: " + ctx.method() + " /api/webhooks/onfon/dlr/…");
        }
        Optional<DeliveryReport> report = read(ctx);
        if (report.isEmpty()) {
            log.info("delivery report without messageId or status ignored");
            throw new HttpProblem(400, "validation_failed", "A delivery report needs messageId and status.");
        }
        MessageLifecycle.ReportOutcome outcome = reports.apply(report.get());
        Responses.jsonFinal(ctx, 200, Map.of("status", "ok", "outcome", outcome.name().toLowerCase()));
    }

    private static Optional<DeliveryReport> read(Context ctx) {
        Map<String, List<String>> params = new HashMap<>(ctx.queryParamMap());
        if ("POST".equals(ctx.method().name())) {
            String type = ctx.contentType() == null ? "" : ctx.contentType();
            byte[] body = ctx.bodyAsBytes();
            if (type.contains("json") || (body.length > 0 && body[0] == '{')) {
                Optional<DeliveryReport> json = DeliveryReport.fromJson(body);
                if (json.isPresent()) {
                    return json;
                }
            } else if (type.contains("form")) {
                ctx.formParamMap().forEach(params::putIfAbsent);
            }
        }
        return DeliveryReport.fromParameters(params);
    }
}
