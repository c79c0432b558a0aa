package io.jumbe.core.contacts;

import io.jumbe.core.common.FieldError;
import io.jumbe.core.phone.PhoneNumbers;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Who a message to groups, contacts and numbers reaches, for any channel: de-duplicated by phone (first occurrence
 * wins: groups, then contacts, then numbers), without the tenant's opt-outs, each with the fields its placeholders
 * read ({@code name}, {@code phone}, {@code email} and the contact's attributes).
 */
public final class ContactAudience {
    private static final int IN_LIST = 1000;
    private final Jdbi jdbi;
    private final OptOuts optOuts;

    public ContactAudience(Jdbi jdbi, OptOuts optOuts) {
        this.jdbi = jdbi;
        this.optOuts = optOuts;
    }

    /** One recipient: its number, its contact (null for a number given directly) and its placeholder fields. */
    public record Target(String phone, String contactId, Map<String, String> fields) {
    }

    /** The audience, how many opted-out numbers were left out, and what the tenant should know. */
    public record Resolved(List<Target> targets, long optedOut, List<String> warnings) {
    }

    /** What is wrong with an audience's names: bad group names, unknown contact ids, numbers that are not Kenyan. */
    public List<FieldError> check(long tenantId, List<String> groups, List<String> contacts, List<String> recipients) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            if (!ContactRules.isGroupName(groups.get(i))) {
                errors.add(new FieldError("audience.groups[" + i + "]", "group names are 1 to 64 of a-z, 0-9 and -"));
            }
        }
        Set<String> known = new HashSet<>();
        jdbi.useHandle(h -> {
            for (int from = 0; from < contacts.size(); from += IN_LIST) {
                known.addAll(h.createQuery("SELECT id FROM contacts WHERE tenant_id = :t AND id IN (<ids>)")
                        .bind("t", tenantId).bindList("ids", contacts.subList(from, Math.min(contacts.size(),
                                from + IN_LIST))).mapTo(String.class).list());
            }
        });
        for (int i = 0; i < contacts.size() && errors.size() < 100; i++) {
            if (!known.contains(contacts.get(i))) {
                errors.add(new FieldError("audience.contacts[" + i + "]", "no such contact: " + contacts.get(i)));
            }
        }
        for (int i = 0; i < recipients.size() && errors.size() < 100; i++) {
            if (PhoneNumbers.parse(recipients.get(i)) instanceof PhoneNumbers.Invalid bad) {
                errors.add(new FieldError("audience.recipients[" + i + "]", bad.reason()));
            }
        }
        return errors;
    }

    /** The audience as it is now. */
    public Resolved resolve(long tenantId, List<String> groups, List<String> contacts, List<String> recipients) {
        return jdbi.withHandle(h -> {
            Map<String, Target> byPhone = new LinkedHashMap<>();
            List<String> warnings = new ArrayList<>();
            for (String g : groups) {
                List<Contact> members = h.createQuery("SELECT c.id, c.tenant_id, c.phone, c.name, c.email, c.attributes, "
                                + "c.created_at, c.updated_at, NULL AS opted_out_at FROM contacts c JOIN contact_group_members m "
                                + "ON m.contact_id = c.id WHERE m.tenant_id = :t AND m.group_name = :g "
                                + "ORDER BY c.created_at, c.id")
                        .bind("t", tenantId).bind("g", g).map((rs, ctx) -> ContactService.map(rs, List.of())).list();
                if (members.isEmpty()) {
                    warnings.add("group '" + g + "' has no contacts");
                }
                members.forEach(c -> byPhone.putIfAbsent(c.phone(), target(c)));
            }
            for (int from = 0; from < contacts.size(); from += IN_LIST) {
                byIds(h, tenantId, contacts.subList(from, Math.min(contacts.size(), from + IN_LIST)))
                        .forEach(c -> byPhone.putIfAbsent(c.phone(), target(c)));
            }
            List<String> numbers = new ArrayList<>();
            for (String r : recipients) {
                PhoneNumbers.normalize(r).ifPresent(numbers::add);
            }
            Map<String, Contact> known = new LinkedHashMap<>();
            for (int from = 0; from < numbers.size(); from += IN_LIST) {
                h.createQuery("SELECT id, tenant_id, phone, name, email, attributes, created_at, updated_at, "
                                + "NULL AS opted_out_at FROM contacts WHERE tenant_id = :t AND phone IN (<p>)")
                        .bind("t", tenantId).bindList("p", numbers.subList(from, Math.min(numbers.size(), from + IN_LIST)))
                        .map((rs, ctx) -> ContactService.map(rs, List.of())).forEach(c -> known.put(c.phone(), c));
            }
            for (String n : numbers) {
                Contact c = known.get(n);
                byPhone.putIfAbsent(n, c != null ? target(c) : new Target(n, null, Map.of("phone", n)));
            }
            Set<String> out = optOuts.among(h, tenantId, byPhone.keySet());
            out.forEach(byPhone::remove);
            return new Resolved(List.copyOf(byPhone.values()), out.size(), warnings);
        });
    }

    private static List<Contact> byIds(Handle h, long tenantId, List<String> ids) {
        return h.createQuery("SELECT id, tenant_id, phone, name, email, attributes, created_at, updated_at, "
                        + "NULL AS opted_out_at FROM contacts WHERE tenant_id = :t AND id IN (<ids>) ORDER BY created_at, id")
                .bind("t", tenantId).bindList("ids", ids).map((rs, ctx) -> ContactService.map(rs, List.of())).list();
    }

    private static Target target(Contact c) {
        Map<String, String> fields = new LinkedHashMap<>(c.attributes());
        fields.put("phone", c.phone());
        if (c.name() != null) {
            fields.put("name", c.name());
        } else {
            fields.remove("name");
        }
        if (c.email() != null) {
            fields.put("email", c.email());
        } else {
            fields.remove("email");
        }
        return new Target(c.phone(), c.id(), fields);
    }
}
