package io.jumbe.core.contacts;

import com.fasterxml.jackson.core.type.TypeReference;
import io.jumbe.core.common.FieldError;
import io.jumbe.core.common.Ids;
import io.jumbe.core.common.Json;
import io.jumbe.core.common.ListPage;
import io.jumbe.core.common.PageRequest;
import io.jumbe.core.common.ServiceException;
import io.jumbe.core.phone.PhoneNumbers;
import io.jumbe.core.store.NewestFirst;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * A tenant's phone book: contacts unique by normalised phone, their attributes and groups (made on first use).
 * Another tenant's contact is {@code not_found}, never forbidden.
 */
public final class ContactService {
    static final String FROM = "(SELECT c.id, c.tenant_id, c.phone, c.name, c.email, c.attributes, c.created_at, "
            + "c.updated_at, o.opted_out_at FROM contacts c LEFT JOIN opt_outs o ON o.tenant_id = c.tenant_id "
            + "AND o.phone = c.phone) c";
    private static final String COLUMNS = "id, tenant_id, phone, name, email, attributes, created_at, updated_at, "
            + "opted_out_at";
    private static final TypeReference<LinkedHashMap<String, String>> ATTRIBUTES = new TypeReference<>() {
    };
    private static final NewestFirst<Contact> LIST = new NewestFirst<>(COLUMNS, FROM, "tenant_id",
            (rs, ctx) -> map(rs, List.of()));
    private static final int EXPORT_PART = 1000;

    private final Jdbi jdbi;
    private final Clock clock;
    private final Ids ids;

    public ContactService(Jdbi jdbi, Clock clock, Ids ids) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.ids = ids;
    }

    /**
     * Adds a contact.
     *
     * @throws ServiceException {@code validation_failed}; {@code contact_exists} (with {@code contact_id}) when the
     *                          tenant has a contact with this phone
     */
    public Contact create(long tenantId, ContactInput input) {
        List<FieldError> errors = new ArrayList<>();
        String phone = null;
        if (input.phone() == null || input.phone().isBlank()) {
            errors.add(new FieldError("phone", "is required"));
        } else if (PhoneNumbers.parse(input.phone()) instanceof PhoneNumbers.Invalid bad) {
            errors.add(new FieldError("phone", bad.reason()));
        } else {
            phone = PhoneNumbers.normalize(input.phone()).orElseThrow();
        }
        Map<String, String> attributes = withoutNulls(input.attributes());
        check(errors, input, attributes.size());
        if (!errors.isEmpty()) {
            throw new ServiceException("validation_failed", "The request has invalid fields", errors);
        }
        String msisdn = phone;
        String id = ids.next("CON");
        Instant now = clock.instant();
        jdbi.useTransaction(h -> {
            Optional<String> existing = idByPhone(h, tenantId, msisdn);
            if (existing.isPresent()) {
                throw exists(existing.get(), msisdn);
            }
            int n = h.createUpdate("INSERT INTO contacts (id, tenant_id, phone, name, email, attributes, created_at, "
                            + "updated_at) VALUES (:id, :t, :p, :n, :e, :a, :now, :now) ON CONFLICT DO NOTHING")
                    .bind("id", id).bind("t", tenantId).bind("p", msisdn).bind("n", blankToNull(input.name()))
                    .bind("e", blankToNull(input.email())).bind("a", Json.write(attributes)).bind("now", now).execute();
            if (n != 1) {
                // another request added the same phone between our check and insert
                throw exists(idByPhone(h, tenantId, msisdn).orElse(null), msisdn);
            }
            if (input.groups() != null) {
                setGroups(h, tenantId, id, input.groups(), now);
            }
        });
        return get(tenantId, id);
    }

    private static void check(List<FieldError> errors, ContactInput input, int attributeCount) {
        ContactRules.name(errors, input.name());
        ContactRules.email(errors, input.email());
        ContactRules.attributes(errors, input.attributes(), attributeCount);
        ContactRules.groups(errors, input.groups());
    }

    private static ServiceException exists(String id, String phone) {
        return new ServiceException("contact_exists", "A contact with the phone " + phone + " already exists: " + id
                + ".", List.of(), Map.of("contact_id", id == null ? "" : id));
    }

    /** One of the tenant's contacts. */
    public Contact get(long tenantId, String contactId) {
        return jdbi.withHandle(h -> find(h, tenantId, contactId))
                .orElseThrow(() -> ServiceException.notFound("Contact " + contactId));
    }

    /** Changes a contact: attributes merged (a null value removes one), groups replaced when given. */
    public Contact update(long tenantId, String contactId, ContactInput change) {
        Contact current = get(tenantId, contactId);
        List<FieldError> errors = new ArrayList<>();
        Map<String, String> merged = new LinkedHashMap<>(current.attributes());
        if (change.attributes() != null) {
            change.attributes().forEach((k, v) -> {
                if (v == null) {
                    merged.remove(k);
                } else {
                    merged.put(k, v);
                }
            });
        }
        String phone = current.phone();
        if (change.phone() != null) {
            PhoneNumbers.Result r = PhoneNumbers.parse(change.phone());
            if (r instanceof PhoneNumbers.Valid v) {
                phone = v.msisdn();
            } else {
                errors.add(new FieldError("phone", ((PhoneNumbers.Invalid) r).reason()));
            }
        }
        check(errors, change, merged.size());
        if (!errors.isEmpty()) {
            throw new ServiceException("validation_failed", "The request has invalid fields", errors);
        }
        String msisdn = phone;
        Instant now = clock.instant();
        jdbi.useTransaction(h -> {
            if (!msisdn.equals(current.phone())) {
                Optional<String> other = idByPhone(h, tenantId, msisdn);
                if (other.isPresent()) {
                    throw exists(other.get(), msisdn);
                }
            }
            h.createUpdate("UPDATE contacts SET phone = :p, name = :n, email = :e, attributes = :a, updated_at = :now "
                            + "WHERE id = :id AND tenant_id = :t")
                    .bind("p", msisdn)
                    .bind("n", change.name() == null ? current.name() : blankToNull(change.name()))
                    .bind("e", change.email() == null ? current.email() : blankToNull(change.email()))
                    .bind("a", Json.write(merged)).bind("now", now).bind("id", contactId).bind("t", tenantId).execute();
            if (change.groups() != null) {
                setGroups(h, tenantId, contactId, change.groups(), now);
            }
        });
        return get(tenantId, contactId);
    }

    /** Deletes a contact (and its group memberships); its opt-out, if any, stays. */
    public void delete(long tenantId, String contactId) {
        int n = jdbi.withHandle(h -> h.createUpdate("DELETE FROM contacts WHERE id = :id AND tenant_id = :t")
                .bind("id", contactId).bind("t", tenantId).execute());
        if (n == 0) {
            throw ServiceException.notFound("Contact " + contactId);
        }
    }

    /** A page of the tenant's contacts, newest first. */
    public ListPage<Contact> list(long tenantId, ContactFilter filter, PageRequest page) {
        Where w = where(tenantId, filter);
        return jdbi.withHandle(h -> {
            ListPage<Contact> p = LIST.page(h, tenantId, w.sql(), w.bind(), page);
            return new ListPage<>(withGroups(h, tenantId, p.items()), p.request(), p.total(), p.hasMore());
        });
    }

    /**
     * Every matching contact, newest first, to {@code sink}; read in parts of {@value #EXPORT_PART} so an export of
     * the whole phone book neither sits in memory nor holds one long read open.
     */
    public void forEach(long tenantId, ContactFilter filter, Consumer<Contact> sink) {
        Where w = where(tenantId, filter);
        PageRequest page = PageRequest.page(1, EXPORT_PART);
        while (true) {
            PageRequest current = page;
            List<Contact> part = jdbi.withHandle(h -> withGroups(h, tenantId,
                    LIST.page(h, tenantId, w.sql(), w.bind(), current).items()));
            part.forEach(sink);
            if (part.size() < EXPORT_PART) {
                return;
            }
            page = PageRequest.after(part.get(part.size() - 1).id(), EXPORT_PART);
        }
    }

    private record Where(String sql, Consumer<Query> bind) {
    }

    private static Where where(long tenantId, ContactFilter filter) {
        StringBuilder sql = new StringBuilder("tenant_id = :t");
        if (filter.group() != null) {
            sql.append(" AND id IN (SELECT contact_id FROM contact_group_members WHERE tenant_id = :t AND group_name = :g)");
        }
        String search = filter.search() == null || filter.search().isBlank() ? null : filter.search().strip();
        String phoneSearch = search == null ? null
                : PhoneNumbers.normalize(search).orElse(search.replaceAll("[\\s()+-]", ""));
        if (search != null) {
            sql.append(" AND (LOWER(name) LIKE :s ESCAPE '!' OR phone LIKE :ps ESCAPE '!')");
        }
        if (filter.optedOut() != null) {
            sql.append(filter.optedOut() ? " AND opted_out_at IS NOT NULL" : " AND opted_out_at IS NULL");
        }
        return new Where(sql.toString(), q -> {
            q.bind("t", tenantId);
            if (filter.group() != null) {
                q.bind("g", filter.group());
            }
            if (search != null) {
                q.bind("s", "%" + like(search.toLowerCase(java.util.Locale.ROOT)) + "%");
                q.bind("ps", "%" + like(phoneSearch) + "%");
            }
        });
    }

    private static String like(String s) {
        return s.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    /** The tenant's groups with their sizes, by name. */
    public List<ContactGroup> groups(long tenantId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT g.name, COUNT(m.contact_id) AS n FROM contact_groups g "
                        + "LEFT JOIN contact_group_members m ON m.tenant_id = g.tenant_id AND m.group_name = g.name "
                        + "WHERE g.tenant_id = :t GROUP BY g.name ORDER BY g.name")
                .bind("t", tenantId).map((rs, ctx) -> new ContactGroup(rs.getString("name"), rs.getLong("n"))).list());
    }

    /** Removes a group; its contacts stay. */
    public void deleteGroup(long tenantId, String name) {
        int n = jdbi.inTransaction(h -> {
            h.createUpdate("DELETE FROM contact_group_members WHERE tenant_id = :t AND group_name = :g")
                    .bind("t", tenantId).bind("g", name).execute();
            return h.createUpdate("DELETE FROM contact_groups WHERE tenant_id = :t AND name = :g")
                    .bind("t", tenantId).bind("g", name).execute();
        });
        if (n == 0) {
            throw ServiceException.notFound("Group " + name);
        }
    }

    // --- shared with import and campaigns, in the caller's transaction ---

    static Optional<String> idByPhone(Handle h, long tenantId, String msisdn) {
        return h.createQuery("SELECT id FROM contacts WHERE tenant_id = :t AND phone = :p")
                .bind("t", tenantId).bind("p", msisdn).mapTo(String.class).findOne();
    }

    static Optional<Contact> find(Handle h, long tenantId, String contactId) {
        return h.createQuery("SELECT " + COLUMNS + " FROM " + FROM + " WHERE id = :id AND tenant_id = :t")
                .bind("id", contactId).bind("t", tenantId).map((rs, ctx) -> map(rs, List.of())).findOne()
                .map(c -> withGroups(h, tenantId, List.of(c)).get(0));
    }

    /** Makes the groups that do not exist yet. */
    static void ensureGroups(Handle h, long tenantId, Collection<String> names, Instant now) {
        for (String g : new LinkedHashSet<>(names)) {
            h.createUpdate("INSERT INTO contact_groups (tenant_id, name, created_at) VALUES (:t, :g, :now) "
                    + "ON CONFLICT DO NOTHING").bind("t", tenantId).bind("g", g).bind("now", now).execute();
        }
    }

    static void addToGroups(Handle h, long tenantId, String contactId, Collection<String> names) {
        for (String g : new LinkedHashSet<>(names)) {
            h.createUpdate("INSERT INTO contact_group_members (tenant_id, group_name, contact_id) VALUES (:t, :g, :c) "
                    + "ON CONFLICT DO NOTHING").bind("t", tenantId).bind("g", g).bind("c", contactId).execute();
        }
    }

    private static void setGroups(Handle h, long tenantId, String contactId, List<String> groups, Instant now) {
        h.createUpdate("DELETE FROM contact_group_members WHERE contact_id = :c").bind("c", contactId).execute();
        ensureGroups(h, tenantId, groups, now);
        addToGroups(h, tenantId, contactId, groups);
    }

    static List<Contact> withGroups(Handle h, long tenantId, List<Contact> contacts) {
        if (contacts.isEmpty()) {
            return contacts;
        }
        Map<String, List<String>> groups = new LinkedHashMap<>();
        h.createQuery("SELECT contact_id, group_name FROM contact_group_members WHERE tenant_id = :t "
                        + "AND contact_id IN (<ids>) ORDER BY group_name")
                .bind("t", tenantId).bindList("ids", contacts.stream().map(Contact::id).toList())
                .map((rs, ctx) -> groups.computeIfAbsent(rs.getString("contact_id"), k -> new ArrayList<>())
                        .add(rs.getString("group_name"))).list();
        return contacts.stream().map(c -> new Contact(c.id(), c.tenantId(), c.phone(), c.name(), c.email(),
                c.attributes(), List.copyOf(groups.getOrDefault(c.id(), List.of())), c.optedOutAt(), c.createdAt(),
                c.updatedAt())).toList();
    }

    static Map<String, String> parseAttributes(String json) {
        try {
            return Json.mapper().readValue(json, ATTRIBUTES);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("contact attributes are not a JSON object of strings", e);
        }
    }

    static Contact map(ResultSet rs, List<String> groups) throws SQLException {
        OffsetDateTime opted = rs.getObject("opted_out_at", OffsetDateTime.class);
        return new Contact(rs.getString("id"), rs.getLong("tenant_id"), rs.getString("phone"), rs.getString("name"),
                rs.getString("email"), parseAttributes(rs.getString("attributes")), groups,
                opted == null ? null : opted.toInstant(), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }

    private static Map<String, String> withoutNulls(Map<String, String> attributes) {
        Map<String, String> out = new LinkedHashMap<>();
        if (attributes != null) {
            attributes.forEach((k, v) -> {
                if (v != null) {
                    out.put(k, v);
                }
            });
        }
        return out;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
