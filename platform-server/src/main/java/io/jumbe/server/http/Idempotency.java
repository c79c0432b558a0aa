package io.jumbe.server.http;

import io.jumbe.core.common.FieldError;
import io.jumbe.core.common.ServiceException;
import io.jumbe.core.common.TextRules;
import io.jumbe.core.idempotency.IdempotencyService;
import io.jumbe.core.idempotency.IdempotencyService.Outcome;
import io.jumbe.core.idempotency.IdempotencyService.Response;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.List;

/**
 * Makes a state-changing request safe to retry: with an {@code Idempotency-Key}, the same key and body get the
 * stored response, another body gets 422 {@code idempotency_conflict}, and a request racing one that is still
 * running gets 409 {@code idempotency_in_progress}.
 *
 * <p>The handler runs inside the transaction that claims the key and stores its answer (see
 * {@link IdempotencyService#execute}): the body it renders is stored with the effect, or neither is. A refusal
 * (4xx problem) is stored with nothing else; an error on our side (5xx) stores nothing, so a retry runs again.
 */
public final class Idempotency {
    public static final String HEADER = "Idempotency-Key";
    private final IdempotencyService store;

    public Idempotency(IdempotencyService store) {
        this.store = store;
    }

    public Handler wrap(Handler handler) {
        return ctx -> {
            IdempotencyService.Key key = keyOf(ctx);
            if (key == null) {
                handler.handle(ctx);
                return;
            }
            Outcome outcome;
            try {
                outcome = store.execute(key, () -> run(ctx, handler));
            } catch (Thrown t) {
                throw t.getCause() instanceof Exception e ? e : new IllegalStateException(t.getCause());
            }
            answer(ctx, outcome);
        };
    }

    /** The request's key, or null when it carries none. */
    public IdempotencyService.Key keyOf(Context ctx) {
        String key = ctx.header(HEADER);
        if (key == null || key.isBlank()) {
            return null;
        }
        if (key.length() > 255) {
            throw new HttpProblem(400, "validation_failed", "Idempotency-Key is at most 255 characters.");
        }
        // kept in the database like any tenant text; a header can carry C1 controls as Latin-1 bytes
        TextRules.problem(key, TextRules.Kind.LINE).ifPresent(p -> {
            throw HttpProblem.validation(List.of(new FieldError(HEADER, p)));
        });
        return IdempotencyService.Key.of(Authenticator.tenantId(ctx), key, ctx.method().name(), ctx.path(),
                ctx.bodyAsBytes());
    }

    /**
     * Writes what a keyed request came to: nothing more when this request ran (the handler has written its
     * answer), else the stored answer or the problem.
     */
    public void answer(Context ctx, Outcome outcome) {
        if (outcome instanceof Outcome.Replay replay) {
            write(ctx, replay.response());
            ctx.header("Idempotent-Replayed", "true");
        } else if (outcome instanceof Outcome.Conflict) {
            throw new HttpProblem(422, "idempotency_conflict", "This Idempotency-Key was used with a different request.");
        } else if (outcome instanceof Outcome.InProgress) {
            throw new HttpProblem(409, "idempotency_in_progress",
                    "A request with this Idempotency-Key is still being processed; retry shortly.");
        } else if (outcome instanceof Outcome.Ran ran && ctx.attribute(Responses.BODY_ATTRIBUTE) == null) {
            write(ctx, ran.response());
        }
    }

    /** Renders into the stored form what a handler writes, for handlers that call a keyed core service. */
    public static <T> IdempotencyService.Renderer<T> renderer(Context ctx, java.util.function.Consumer<T> view) {
        return new IdempotencyService.Renderer<>() {
            @Override
            public Response done(T result) {
                view.accept(result);
                return captured(ctx);
            }

            @Override
            public Response refused(ServiceException refusal) {
                Problems.write(ctx, refusal);
                return captured(ctx);
            }
        };
    }

    private static void write(Context ctx, Response response) {
        ctx.status(response.status());
        Responses.raw(ctx, response.body(), response.status() >= 400 ? Problems.CONTENT_TYPE : "application/json");
    }

    // Runs in the key's transaction: what the handler renders is what gets stored.
    private static Response run(Context ctx, Handler handler) {
        try {
            handler.handle(ctx);
        } catch (ServiceException e) {
            rethrowIfOurs(Problems.statusOf(e.code()), e);
            Problems.write(ctx, e);
            throw new IdempotencyService.Refused(captured(ctx));
        } catch (HttpProblem e) {
            rethrowIfOurs(e.status(), e);
            Problems.write(ctx, e);
            throw new IdempotencyService.Refused(captured(ctx));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new Thrown(e);
        }
        if (ctx.statusCode() >= 500 || ctx.attribute(Responses.BODY_ATTRIBUTE) == null) {
            throw new IllegalStateException("a keyed handler answered " + ctx.statusCode() + " without a kept body");
        }
        return captured(ctx);
    }

    // Our failure (5xx) is not an answer to keep: it rolls everything back and the retry runs again.
    private static void rethrowIfOurs(int status, RuntimeException e) {
        if (status >= 500) {
            throw e;
        }
    }

    private static Response captured(Context ctx) {
        return new Response(ctx.statusCode(), ctx.attribute(Responses.BODY_ATTRIBUTE),
                Boolean.TRUE.equals(ctx.attribute(Responses.SECRET_ATTRIBUTE)));
    }

    /** A checked exception of a handler, carried through the transaction. */
    private static final class Thrown extends RuntimeException {
        Thrown(Exception cause) {
            super(cause);
        }
    }
}
