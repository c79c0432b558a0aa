package io.jumbe.server.http;

import io.jumbe.core.common.FieldError;
import io.jumbe.core.common.ServiceException;
import io.jumbe.core.common.TextRules;
import io.jumbe.core.idempotency.IdempotencyService;
import io.jumbe.core.idempotency.IdempotencyService.Decision;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.List;

/**
 * Makes a creating POST safe to retry: with an {@code Idempotency-Key}, the same key and body get the stored
 * response, another body gets 422 {@code idempotency_conflict}, and a request racing the first gets 409.
 * Responses of 5xx are not kept, so a retry after our failure runs again.
 */
public final class Idempotency {
    public static final String HEADER = "Idempotency-Key";
    private final IdempotencyService store;

    public Idempotency(IdempotencyService store) {
        this.store = store;
    }

    public Handler wrap(Handler handler) {
        return ctx -> {
            String key = ctx.header(HEADER);
            if (key == null || key.isBlank()) {
                handler.handle(ctx);
                return;
            }
            if (key.length() > 255) {
                throw new HttpProblem(400, "validation_failed", "Idempotency-Key is at most 255 characters.");
            }
            // kept in the database like any tenant text; a header can carry C1 controls as Latin-1 bytes
            TextRules.problem(key, TextRules.Kind.LINE).ifPresent(p -> {
                throw HttpProblem.validation(List.of(new FieldError(HEADER, p)));
            });
            long tenantId = Authenticator.tenantId(ctx);
            Decision decision = store.begin(tenantId, key, ctx.method().name(), ctx.path(), ctx.bodyAsBytes());
            if (decision instanceof Decision.Replay replay) {
                ctx.status(replay.status());
                ctx.header("Idempotent-Replayed", "true");
                boolean problem = replay.status() >= 400;
                Responses.raw(ctx, replay.body(), problem ? Problems.CONTENT_TYPE : "application/json");
            } else if (decision instanceof Decision.Conflict) {
                throw new HttpProblem(422, "idempotency_conflict",
                        "This Idempotency-Key was used with a different request.");
            } else if (decision instanceof Decision.InProgress) {
                throw new HttpProblem(409, "idempotency_in_progress",
                        "A request with this Idempotency-Key is still being processed; retry shortly.");
            } else {
                runAndStore(ctx, handler, tenantId, key);
            }
        };
    }

    private void runAndStore(Context ctx, Handler handler, long tenantId, String key) throws Exception {
        try {
            handler.handle(ctx);
        } catch (ServiceException e) {
            Problems.write(ctx, e);
        } catch (HttpProblem e) {
            Problems.write(ctx, e);
        } catch (Exception | Error e) {
            store.abandon(tenantId, key);
            throw e;
        }
        int status = ctx.statusCode();
        String body = ctx.attribute(Responses.BODY_ATTRIBUTE);
        if (status >= 500 || body == null) {
            store.abandon(tenantId, key);
        } else {
            store.complete(tenantId, key, status, body, Boolean.TRUE.equals(ctx.attribute(Responses.SECRET_ATTRIBUTE)));
        }
    }
}
