package io.jumbe.core.contacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jumbe.core.Jumbe;
import io.jumbe.core.common.Money;
import io.jumbe.core.common.PageRequest;
import io.jumbe.core.common.ServiceException;
import io.jumbe.core.events.EventTypes;
import io.jumbe.core.sms.SendRequest;
import io.jumbe.core.sms.SendResult;
import io.jumbe.core.tenant.NewTenant;
import io.jumbe.core.testing.TestDatabase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Contacts, groups and opt-outs through the core services, on H2 and PostgreSQL. */
class ContactsTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aContactIsCreatedNormalisedChangedAndDeletedAndASecondWithTheSamePhoneNamesTheFirst(TestDatabase db) {
        try (Jumbe platform = Jumbe.builder().database(db.fresh()).build()) {
            long tenant = tenant(platform, "School A");
            ContactService contacts = platform.contacts();
            Contact amina = contacts.create(tenant, new ContactInput("0712 345-678", "Amina Otieno", "amina@example.com",
                    Map.of("student", "Baraka", "form", "2"), List.of("parents-form-2")));
            assertThat(amina.id()).startsWith("CON-");
            assertThat(amina.phone()).isEqualTo("254712345678");
            assertThat(amina.groups()).containsExactly("parents-form-2");

            assertThatThrownBy(() -> contacts.create(tenant, new ContactInput("+254712345678", "Again", null, null, null)))
                    .isInstanceOfSatisfying(ServiceException.class, e -> {
                        assertThat(e.code()).isEqualTo("contact_exists");
                        assertThat(e.extras()).containsEntry("contact_id", amina.id());
                    });

            Contact changed = contacts.update(tenant, amina.id(), new ContactInput(null, null, null,
                    java.util.Collections.singletonMap("form", null), List.of("fees-due")));
            assertThat(changed.attributes()).containsExactly(Map.entry("student", "Baraka"));
            assertThat(changed.groups()).containsExactly("fees-due");
            assertThat(contacts.groups(tenant)).extracting(ContactGroup::name, ContactGroup::contacts)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("fees-due", 1L),
                            org.assertj.core.groups.Tuple.tuple("parents-form-2", 0L));

            contacts.deleteGroup(tenant, "fees-due");
            assertThat(contacts.get(tenant, amina.id()).groups()).isEmpty();
            contacts.delete(tenant, amina.id());
            assertThatThrownBy(() -> contacts.get(tenant, amina.id())).hasFieldOrPropertyWithValue("code", "not_found");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void anotherTenantsContactIsNotFound(TestDatabase db) {
        try (Jumbe platform = Jumbe.builder().database(db.fresh()).build()) {
            long a = tenant(platform, "School A");
            long b = tenant(platform, "School B");
            Contact c = platform.contacts().create(a, new ContactInput("0712345678", "Amina", null, null, null));
            assertThatThrownBy(() -> platform.contacts().get(b, c.id())).hasFieldOrPropertyWithValue("code", "not_found");
            assertThatThrownBy(() -> platform.contacts().update(b, c.id(), new ContactInput(null, "X", null, null, null)))
                    .hasFieldOrPropertyWithValue("code", "not_found");
            assertThatThrownBy(() -> platform.contacts().delete(b, c.id())).hasFieldOrPropertyWithValue("code", "not_found");
            assertThat(platform.contacts().list(b, ContactFilter.ALL, PageRequest.page(1, 10)).items()).isEmpty();
            assertThat(platform.contacts().get(a, c.id()).name()).isEqualTo("Amina");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void badAttributesAndGroupNamesAreRefusedAndNothingIsWritten(TestDatabase db) {
        try (Jumbe platform = Jumbe.builder().database(db.fresh()).build()) {
            long tenant = tenant(platform, "School A");
            assertThatThrownBy(() -> platform.contacts().create(tenant, new ContactInput("0712345678", null, null,
                    Map.of("Bad Name", "x", "ok", "y".repeat(257)), List.of("Form 2"))))
                    .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.fieldErrors())
                            .extracting(io.jumbe.core.common.FieldError::field)
                            .contains("attributes.Bad Name", "attributes.ok", "groups[0]"));
            assertThat(platform.contacts().list(tenant, ContactFilter.ALL, PageRequest.page(1, 10)).total()).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void listsFilterByGroupSearchAndOptOut(TestDatabase db) {
        try (Jumbe platform = Jumbe.builder().database(db.fresh()).build()) {
            long tenant = tenant(platform, "School A");
            ContactService contacts = platform.contacts();
            contacts.create(tenant, new ContactInput("0712000001", "Amina Otieno", null, null, List.of("form-2")));
            contacts.create(tenant, new ContactInput("0712000002", "Brian Kamau", null, null, List.of("form-3")));
            contacts.create(tenant, new ContactInput("0712000003", "Achieng Amina", null, null, List.of("form-2")));
            platform.optOuts().optOut(tenant, "0712000003", "asked", OptOuts.SOURCE_API);

            assertThat(contacts.list(tenant, new ContactFilter("form-2", null, null), PageRequest.page(1, 10)).total())
                    .isEqualTo(2);
            assertThat(contacts.list(tenant, new ContactFilter(null, "amina", null), PageRequest.page(1, 10)).total())
                    .isEqualTo(2);
            assertThat(contacts.list(tenant, new ContactFilter(null, "0712000002", null), PageRequest.page(1, 10))
                    .items()).extracting(Contact::name).containsExactly("Brian Kamau");
            assertThat(contacts.list(tenant, new ContactFilter(null, null, true), PageRequest.page(1, 10)).items())
                    .extracting(Contact::name).containsExactly("Achieng Amina");
            assertThat(contacts.list(tenant, new ContactFilter("form-2", null, false), PageRequest.page(1, 10))
                    .items()).extracting(Contact::name).containsExactly("Amina Otieno");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void anOptedOutNumberIsNeverSentNorChargedAndOnlyForItsOwnTenant(TestDatabase db) {
        try (Jumbe platform = Jumbe.builder().database(db.fresh()).build()) {
            long a = tenant(platform, "School A");
            long b = tenant(platform, "School B");
            OptOut o = platform.optOuts().optOut(a, "0712000001", "asked at the gate", OptOuts.SOURCE_API);
            assertThat(o.source()).isEqualTo("api");
            assertThat(o.optedOutAt()).isNotNull();

            assertThatThrownBy(() -> platform.sms().send(a, SendRequest.to("0712000001", "Fees due")))
                    .hasFieldOrPropertyWithValue("code", "recipient_opted_out");
            SendResult list = platform.sms().send(a, new SendRequest(List.of("0712000001", "0712000002"), "Fees due",
                    null, null, null, false));
            assertThat(list.messages()).extracting(SendResult.Queued::recipient).containsExactly("254712000002");
            assertThat(list.rejected()).singleElement().satisfies(r -> {
                assertThat(r.code()).isEqualTo("opted_out");
                assertThat(r.recipient()).isEqualTo("254712000001");
            });
            assertThat(list.totalCost()).isEqualTo(Money.parse("1.00"));
            // the other tenant's sends are not affected
            assertThat(platform.sms().send(b, SendRequest.to("0712000001", "Hello")).messages()).hasSize(1);

            assertThat(platform.optOuts().list(a, PageRequest.page(1, 10)).items()).extracting(OptOut::phone)
                    .containsExactly("254712000001");
            platform.optOuts().remove(a, "0712000001");
            assertThat(platform.sms().send(a, SendRequest.to("0712000001", "Fees due")).messages()).hasSize(1);
            assertThat(platform.ledgerCheck().verify()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aStopReplyOptsTheNumberOutWithSourceReplyAndAnEvent(TestDatabase db) {
        try (Jumbe platform = Jumbe.builder().database(db.fresh()).build()) {
            long a = tenant(platform, "School A");
            assertThat(platform.optOuts().optOutFromReply(a, "254712000001", "Thanks!")).isEmpty();
            assertThat(platform.optOuts().optOutFromReply(a, "254712000001", "  stop all ")).get()
                    .extracting(OptOut::source).isEqualTo("reply");
            assertThat(platform.optOuts().isOptedOut(a, "254712000001")).isTrue();
            assertThat(platform.events().forTenant(a, EventTypes.CONTACT_OPTED_OUT, 10)).singleElement()
                    .satisfies(e -> assertThat(e.data()).containsEntry("phone", "254712000001")
                            .containsEntry("source", "reply"));
            assertThat(OptOuts.isStopWord("Unsubscribe")).isTrue();
            assertThat(OptOuts.isStopWord("STOPPED")).isFalse();
        }
    }

    static long tenant(Jumbe platform, String name) {
        return platform.tenants().create(NewTenant.of(name, name.replace(' ', '.') + "@example.com", "SCHOOL")
                .withBalance(Money.parse("100000.00"))).tenant().id();
    }
}
