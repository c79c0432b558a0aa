package io.jumbe.server.wallet;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.jumbe.core.common.Money;
import io.jumbe.core.common.PageRequest;
import io.jumbe.core.common.ServiceException;
import io.jumbe.core.idempotency.IdempotencyService;
import io.jumbe.core.payments.StartedTopup;
import io.jumbe.core.payments.Topup;
import io.jumbe.core.payments.TopupService;
import io.jumbe.core.wallet.TransactionFilter;
import io.jumbe.core.wallet.WalletTransaction;
import io.jumbe.core.wallet.WalletTransactions;
import io.jumbe.server.http.Authenticator;
import io.jumbe.server.http.CsvOrJson;
import io.jumbe.server.http.HttpProblem;
import io.jumbe.server.http.Idempotency;
import io.jumbe.server.http.JsonBody;
import io.jumbe.server.http.Page;
import io.jumbe.server.http.Query;
import io.jumbe.server.http.Responses;
import io.jumbe.server.http.RouteGroup;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The tenant's wallet: M-Pesa and manual top-ups, and the journal as JSON pages or a CSV stream. */
public final class WalletHandlers implements RouteGroup {
    private static final List<String> TYPES = List.of("credit", "debit", "refund");
    private static final List<String> STATUSES = List.of("pending", "processing", "completed", "failed", "cancelled");
    private static final List<String> CSV_COLUMNS = List.of("transaction_id", "type", "amount", "status",
            "payment_method", "phone_number", "reference", "description", "mpesa_receipt", "failure_reason",
            "balance_before", "balance_after", "created_at", "completed_at");
    private final TopupService topups;
    private final WalletTransactions transactions;
    private final Idempotency idempotency;

    public WalletHandlers(TopupService topups, WalletTransactions transactions, Idempotency idempotency) {
        this.topups = topups;
        this.transactions = transactions;
        this.idempotency = idempotency;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/api/{client_id}/wallet/topup", this::topup);
        routes.post("/api/{client_id}/wallet/topup/manual", idempotency.wrap(this::manual));
        routes.get("/api/{client_id}/wallet/topup/{transaction_id}", this::show);
        routes.get("/api/{client_id}/wallet/transactions", this::list);
    }

    void topup(Context ctx) {
        JsonBody body = JsonBody.of(ctx);
        BigDecimal amount = body.requiredDecimal("amount");
        body.oneOf("payment_method", List.of("mpesa"));
        String phone = body.requiredText("phone_number");
        body.throwIfInvalid();
        long tenantId = Authenticator.tenantId(ctx);
        IdempotencyService.Key key = idempotency.keyOf(ctx);
        if (key == null) {
            started(ctx, topups.initiate(tenantId, money(amount), phone));
            return;
        }
        // The key is claimed and answered by the core around Daraja's call, never in one transaction with it.
        idempotency.answer(ctx, topups.initiate(key, tenantId, money(amount), phone,
                Idempotency.renderer(ctx, started -> started(ctx, started))));
    }

    private static void started(Context ctx, StartedTopup started) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", "pending");
        out.put("message", "Check your phone for the M-Pesa prompt");
        out.put("transaction_id", started.transactionId());
        out.put("amount", started.amount().toDecimal());
        out.put("checkout_request_id", started.checkoutRequestId());
        Responses.json(ctx, 202, out);
    }

    void manual(Context ctx) {
        JsonBody body = JsonBody.of(ctx);
        // the core names every missing or bad field at once
        BigDecimal amount = body.decimal("amount").orElse(null);
        String reference = body.text("reference").orElse(null);
        String note = body.text("note").orElse(null);
        body.throwIfInvalid();
        Topup request = topups.requestManual(Authenticator.tenantId(ctx), money(amount), reference, note);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", request.status());
        out.put("message", "Your top-up request is waiting for approval");
        out.put("transaction_id", request.transactionId());
        out.put("amount", request.amount().toDecimal());
        out.put("reference", request.reference());
        Responses.json(ctx, 202, out);
    }

    void show(Context ctx) {
        Topup t = topups.find(Authenticator.tenantId(ctx), ctx.pathParam("transaction_id"))
                .orElseThrow(() -> ServiceException.notFound("Top-up " + ctx.pathParam("transaction_id")));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("transaction_id", t.transactionId());
        out.put("status", t.status());
        out.put("amount", t.amount().toDecimal());
        out.put("payment_method", t.paymentMethod());
        out.put("phone_number", t.phoneNumber());
        out.put("reference", t.reference());
        out.put("checkout_request_id", t.checkoutRequestId());
        out.put("mpesa_receipt", t.mpesaReceipt());
        out.put("failure_reason", t.failureReason());
        out.put("created_at", time(t.createdAt()));
        out.put("completed_at", time(t.completedAt()));
        Responses.json(ctx, 200, out);
    }

    void list(Context ctx) {
        Query q = new Query(ctx);
        TransactionFilter filter = new TransactionFilter(q.time("from_date", false), q.time("to_date", true),
                q.oneOf("type", TYPES), q.oneOf("status", STATUSES), q.text("search"));
        String format = q.oneOf("format", List.of("json", "csv"));
        boolean csv = CsvOrJson.wantsCsv(format, ctx.header("Accept"));
        // The export is every matching entry, oldest first: paging parameters do not apply to it.
        PageRequest page = csv ? null : q.pageRequest();
        q.throwIfInvalid();
        long tenantId = Authenticator.tenantId(ctx);
        ctx.header("Vary", "Accept");
        if (csv) {
            streamCsv(ctx, tenantId, filter);
            return;
        }
        Responses.json(ctx, 200, Page.of(transactions.page(tenantId, filter, page), WalletHandlers::view));
    }

    // Rows go to the client as the database yields them: an export of a year of SMS charges never sits in memory.
    private void streamCsv(Context ctx, long tenantId, TransactionFilter filter) {
        ctx.status(200);
        ctx.contentType("text/csv; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"transactions.csv\"");
        try {
            Writer out = new BufferedWriter(new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8), 64 * 1024);
            out.write(String.join(",", CSV_COLUMNS));
            out.write("\r\n");
            transactions.forEach(tenantId, filter, t -> {
                try {
                    Map<String, Object> row = view(t);
                    StringBuilder line = new StringBuilder(160);
                    for (int i = 0; i < CSV_COLUMNS.size(); i++) {
                        if (i > 0) {
                            line.append(',');
                        }
                        line.append(Csv.field(row.get(CSV_COLUMNS.get(i))));
                    }
                    out.write(line.append("\r\n").toString());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Object> view(WalletTransaction t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("transaction_id", t.id());
        m.put("type", t.type());
        m.put("amount", t.amount().toDecimal());
        m.put("status", t.status());
        m.put("payment_method", t.paymentMethod());
        m.put("phone_number", t.phoneNumber());
        m.put("reference", t.reference());
        m.put("description", t.description());
        m.put("mpesa_receipt", t.mpesaReceipt());
        m.put("failure_reason", t.failureReason());
        m.put("balance_before", t.balanceBefore() == null ? null : t.balanceBefore().toDecimal());
        m.put("balance_after", t.balanceAfter() == null ? null : t.balanceAfter().toDecimal());
        m.put("created_at", time(t.createdAt()));
        m.put("completed_at", time(t.completedAt()));
        return m;
    }

    private static String time(Instant t) {
        return t == null ? null : t.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static Money money(BigDecimal amount) {
        if (amount == null) {
            return null;
        }
        try {
            return Money.of(amount);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw HttpProblem.validation(List.of(new io.jumbe.core.common.FieldError("amount",
                    "must be KES with at most two decimals")));
        }
    }
}
