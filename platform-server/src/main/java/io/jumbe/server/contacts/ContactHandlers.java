package io.jumbe.server.contacts;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.jumbe.core.common.PageRequest;
import io.jumbe.core.contacts.Contact;
import io.jumbe.core.contacts.ContactFilter;
import io.jumbe.core.contacts.ContactImport;
import io.jumbe.core.contacts.ContactImports;
import io.jumbe.core.contacts.ContactInput;
import io.jumbe.core.contacts.ContactService;
import io.jumbe.core.contacts.OptOut;
import io.jumbe.core.contacts.OptOuts;
import io.jumbe.server.http.Authenticator;
import io.jumbe.server.http.CsvOrJson;
import io.jumbe.server.http.HttpProblem;
import io.jumbe.server.http.Idempotency;
import io.jumbe.server.http.JsonBody;
import io.jumbe.server.http.Page;
import io.jumbe.server.http.Query;
import io.jumbe.server.http.Responses;
import io.jumbe.server.http.RouteGroup;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/** The tenant's phone book, groups, CSV import and opt-out list: parse, call the core service, shape the answer. */
public final class ContactHandlers implements RouteGroup {
    private static final List<String> CSV_COLUMNS = List.of("contact_id", "phone", "name", "email", "groups",
            "opted_out_at", "created_at");
    private final ContactService contacts;
    private final ContactImports imports;
    private final OptOuts optOuts;
    private final Idempotency idempotency;

    public ContactHandlers(ContactService contacts, ContactImports imports, OptOuts optOuts, Idempotency idempotency) {
        this.contacts = contacts;
        this.imports = imports;
        this.optOuts = optOuts;
        this.idempotency = idempotency;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/api/{client_id}/contacts", idempotency.wrap(this::create));
        routes.get("/api/{client_id}/contacts", this::list);
        // The upload streams: it is not held in memory for an Idempotency-Key, and a repeated import is an upsert.
        routes.post("/api/{client_id}/contacts/import", this::startImport);
        routes.get("/api/{client_id}/contacts/import/{import_id}", this::importStatus);
        routes.get("/api/{client_id}/contacts/{contact_id}", this::get);
        routes.patch("/api/{client_id}/contacts/{contact_id}", this::update);
        routes.delete("/api/{client_id}/contacts/{contact_id}", this::delete);
        routes.get("/api/{client_id}/groups", this::groups);
        routes.delete("/api/{client_id}/groups/{name}", this::deleteGroup);
        routes.get("/api/{client_id}/opt-outs", this::optOutList);
        routes.post("/api/{client_id}/opt-outs", idempotency.wrap(this::optOut));
        routes.delete("/api/{client_id}/opt-outs/{phone}", this::optIn);
    }

    void create(Context ctx) {
        JsonBody body = JsonBody.of(ctx);
        ContactInput input = input(body);
        body.throwIfInvalid();
        Responses.json(ctx, 201, view(contacts.create(Authenticator.tenantId(ctx), input)));
    }

    void get(Context ctx) {
        Responses.json(ctx, 200, view(contacts.get(Authenticator.tenantId(ctx), ctx.pathParam("contact_id"))));
    }

    void update(Context ctx) {
        JsonBody body = JsonBody.of(ctx);
        ContactInput input = input(body);
        body.throwIfInvalid();
        Responses.json(ctx, 200, view(contacts.update(Authenticator.tenantId(ctx), ctx.pathParam("contact_id"), input)));
    }

    void delete(Context ctx) {
        contacts.delete(Authenticator.tenantId(ctx), ctx.pathParam("contact_id"));
        ctx.status(204);
    }

    void list(Context ctx) {
        Query q = new Query(ctx);
        String optedOut = q.oneOf("opted_out", List.of("true", "false"));
        ContactFilter filter = new ContactFilter(q.text("group"), q.text("search"),
                optedOut == null ? null : Boolean.valueOf(optedOut));
        String format = q.oneOf("format", List.of("json", "csv"));
        boolean csv = CsvOrJson.wantsCsv(format, ctx.header("Accept"));
        PageRequest page = csv ? null : q.pageRequest();
        q.throwIfInvalid();
        long tenantId = Authenticator.tenantId(ctx);
        ctx.header("Vary", "Accept");
        if (csv) {
            export(ctx, tenantId, filter);
            return;
        }
        Responses.json(ctx, 200, Page.of(contacts.list(tenantId, filter, page), ContactHandlers::view));
    }

    // Two passes over the phone book, both streamed: the first finds the attribute columns, the second writes rows,
    // so the file has one column per attribute (and imports back as it was) without holding the contacts in memory.
    private void export(Context ctx, long tenantId, ContactFilter filter) {
        TreeSet<String> attributes = new TreeSet<>();
        contacts.forEach(tenantId, filter, c -> attributes.addAll(c.attributes().keySet()));
        List<String> header = new ArrayList<>(CSV_COLUMNS);
        header.addAll(attributes);
        try (CsvOut out = CsvOut.start(ctx, "contacts.csv")) {
            out.row(header);
            contacts.forEach(tenantId, filter, c -> {
                List<Object> row = new ArrayList<>(header.size());
                row.add(c.id());
                row.add(c.phone());
                row.add(c.name());
                row.add(c.email());
                row.add(String.join(";", c.groups()));
                row.add(time(c.optedOutAt()));
                row.add(time(c.createdAt()));
                attributes.forEach(a -> row.add(c.attributes().get(a)));
                out.row(row);
            });
        }
    }

    void groups(Context ctx) {
        List<Map<String, Object>> data = contacts.groups(Authenticator.tenantId(ctx)).stream().map(g -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", g.name());
            m.put("contacts", g.contacts());
            return m;
        }).toList();
        Responses.json(ctx, 200, Map.of("data", data));
    }

    void deleteGroup(Context ctx) {
        contacts.deleteGroup(Authenticator.tenantId(ctx), ctx.pathParam("name"));
        ctx.status(204);
    }

    void startImport(Context ctx) {
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        if (!type.startsWith("text/csv") && !type.startsWith("application/csv")) {
            throw new HttpProblem(415, "unsupported_media_type", "Send the file as the body with Content-Type: "
                    + "text/csv.");
        }
        long length = ctx.contentLength();
        if (length > ContactImports.MAX_BYTES) {
            throw new HttpProblem(413, "payload_too_large", "The file is larger than 20 MiB; import at most "
                    + ContactImports.MAX_ROWS + " rows and 20 MiB at a time.");
        }
        Query q = new Query(ctx);
        String group = q.text("group");
        q.throwIfInvalid();
        ContactImport started;
        try (InputStream in = ctx.req().getInputStream()) {
            started = imports.start(Authenticator.tenantId(ctx), group, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Responses.json(ctx, 202, importView(started));
    }

    void importStatus(Context ctx) {
        Responses.json(ctx, 200, importView(imports.get(Authenticator.tenantId(ctx), ctx.pathParam("import_id"))));
    }

    void optOutList(Context ctx) {
        Query q = new Query(ctx);
        PageRequest page = q.pageRequest();
        q.throwIfInvalid();
        Responses.json(ctx, 200, Page.of(optOuts.list(Authenticator.tenantId(ctx), page), ContactHandlers::optOutView));
    }

    void optOut(Context ctx) {
        JsonBody body = JsonBody.of(ctx);
        String phone = body.requiredText("phone");
        String reason = body.text("reason").orElse(null);
        body.throwIfInvalid();
        Responses.json(ctx, 201, optOutView(optOuts.optOut(Authenticator.tenantId(ctx), phone, reason,
                OptOuts.SOURCE_API)));
    }

    void optIn(Context ctx) {
        optOuts.remove(Authenticator.tenantId(ctx), ctx.pathParam("phone"));
        ctx.status(204);
    }

    private static ContactInput input(JsonBody body) {
        String phone = body.text("phone").orElse(null);
        String name = body.text("name").orElse(null);
        String email = body.text("email").orElse(null);
        Map<String, String> attributes = null;
        JsonNode a = body.node("attributes");
        if (a != null && !a.isNull()) {
            if (!a.isObject()) {
                body.addError("attributes", "must be an object of strings");
            } else {
                attributes = new LinkedHashMap<>();
                var fields = a.fields();
                while (fields.hasNext()) {
                    var f = fields.next();
                    JsonNode v = f.getValue();
                    if (v.isNull()) {
                        attributes.put(f.getKey(), null);
                    } else if (v.isTextual() || v.isNumber() || v.isBoolean()) {
                        attributes.put(f.getKey(), v.asText());
                    } else {
                        body.addError("attributes." + f.getKey(), "must be a string");
                    }
                }
            }
        }
        List<String> groups = body.textList("groups").orElse(null);
        return new ContactInput(phone, name, email, attributes, groups);
    }

    static Map<String, Object> view(Contact c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("contact_id", c.id());
        m.put("phone", c.phone());
        m.put("name", c.name());
        m.put("email", c.email());
        m.put("attributes", c.attributes());
        m.put("groups", c.groups());
        m.put("opted_out", c.optedOutAt() != null);
        m.put("opted_out_at", time(c.optedOutAt()));
        m.put("created_at", time(c.createdAt()));
        m.put("updated_at", time(c.updatedAt()));
        return m;
    }

    static Map<String, Object> importView(ContactImport i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("import_id", i.id());
        m.put("status", i.status());
        m.put("group", i.group());
        m.put("rows", i.rows());
        m.put("created", i.created());
        m.put("updated", i.updated());
        m.put("skipped", i.skipped());
        m.put("failure", i.failure());
        m.put("errors", i.errors().stream().map(e -> Map.of("row", e.row(), "reason", e.reason())).toList());
        m.put("created_at", time(i.createdAt()));
        m.put("completed_at", time(i.completedAt()));
        return m;
    }

    static Map<String, Object> optOutView(OptOut o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("phone", o.phone());
        m.put("reason", o.reason());
        m.put("source", o.source());
        m.put("opted_out_at", time(o.optedOutAt()));
        return m;
    }

    static String time(Instant t) {
        return t == null ? null : t.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
