package io.jumbe.sdk.realserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jumbe.sdk.JumbeClient;
import io.jumbe.sdk.campaigns.Campaign;
import io.jumbe.sdk.campaigns.CampaignParams;
import io.jumbe.sdk.campaigns.CampaignRecipient;
import io.jumbe.sdk.campaigns.CampaignsService;
import io.jumbe.sdk.contacts.ContactParams;
import io.jumbe.sdk.errors.ValidationException;
import io.jumbe.server.testing.Sender;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** WhatsApp-template campaigns through the SDK against the real server, WhatsApp played by its simulator. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CampaignsAgainstServerTest {
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final InProcessServer server = InProcessServer.start();

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void aWhatsAppTemplateCampaignIsPreviewedLaunchedAndCompletedWithEachRecipientsParameters() throws Exception {
        Sender sender = server.sender("50.00");
        JumbeClient client = server.client(sender);
        for (int i = 0; i < 4; i++) {
            // the fourth has no order: skipped (missing_field), not charged
            ContactParams.Builder contact = ContactParams.builder("07123400" + (10 + i)).name("Customer " + i)
                    .groups(List.of("customers"));
            client.contacts().create((i == 3 ? contact : contact.attribute("order", "ORD-" + (1180 + i))).build());
        }

        Campaign draft = client.campaigns().create(CampaignParams.whatsappTemplate("Order updates", "order_update",
                "en", "{{name}}", "{{attributes.order}}").group("customers").reference("orders-nov").build());

        assertThat(draft.channel()).isEqualTo("whatsapp");
        assertThat(draft.sender()).isNull();
        assertThat(draft.template().name()).isEqualTo("order_update");
        assertThat(draft.template().parameters()).containsExactly("{{name}}", "{{attributes.order}}");
        assertThat(draft.template().category()).isEqualTo("utility");
        assertThat(draft.recipients()).isEqualTo(4);
        assertThat(draft.skipped()).isEqualTo(1);
        assertThat(draft.estimatedCost()).isEqualByComparingTo("3.00");
        List<CampaignRecipient> preview = client.campaigns().preview(draft.campaignId());
        assertThat(preview).hasSize(3).allSatisfy(r -> {
            assertThat(r.parameters()).hasSize(2).first().asString().startsWith("Customer ");
            assertThat(r.segments()).isNull();
            assertThat(r.message()).isNull();
            assertThat(r.cost()).isEqualByComparingTo("1.00");
        });

        Campaign launched = client.campaigns().launch(draft.campaignId());
        assertThat(launched.charged()).isEqualByComparingTo("3.00");
        Instant deadline = Instant.now().plus(PATIENCE);
        Campaign c = launched;
        while (!c.isFinished() && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            c = client.campaigns().get(draft.campaignId());
        }
        assertThat(c.status()).isEqualTo("completed");
        assertThat(c.delivered()).isEqualTo(3);
        assertThat(client.campaigns().recipients(draft.campaignId(), "delivered", CampaignsService.Params.none())
                .data()).hasSize(3).allSatisfy(r -> assertThat(r.parameters().get(1)).startsWith("ORD-118"));
        assertThat(client.wallet().balance().balance()).isEqualByComparingTo("47.00");
    }

    @Test
    void anUnknownTemplateOrAWrongParameterCountIsAValidationErrorAndASenderIsRefusedOnWhatsApp() {
        JumbeClient client = server.client(server.sender("10.00"));

        ValidationException unknown = catchThrowableOfType(ValidationException.class, () -> client.campaigns().create(
                CampaignParams.whatsappTemplate("x", "order_updat", "en", "a", "b").recipient("0712345678").build()));
        assertThat(unknown.code()).isEqualTo("unknown_template");
        ValidationException count = catchThrowableOfType(ValidationException.class, () -> client.campaigns().create(
                CampaignParams.whatsappTemplate("x", "order_update", "en", "{{name}}").recipient("0712345678")
                        .build()));
        assertThat(count.code()).isEqualTo("validation_failed");
        assertThat(count.fieldErrors()).extracting(f -> f.field()).containsExactly("template.parameters");
        assertThatThrownBy(() -> CampaignParams.whatsappTemplate("x", "hello_world", "en_US").sender("FALLEY-MED"))
                .isInstanceOf(IllegalStateException.class);
        assertThat(client.campaigns().list(CampaignsService.Params.none()).data()).isEmpty();
    }
}
