package io.jumbe.server.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jumbe.core.testing.TestDatabases;
import io.jumbe.server.testing.Http;
import io.jumbe.server.testing.Sender;
import io.jumbe.server.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** /messages/send on both channels, the template rules, the cross-channel views and /whatsapp/templates. */
class MessagesEndpointsTest {
    private static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.start(TestDatabases.h2(), WhatsAppFlowTest.ENV);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void listsTheBusinessAccountsTemplates() {
        Sender s = app.sender("1.00");
        JsonNode data = s.get("/whatsapp/templates").json().get("data");
        assertThat(data.findValuesAsText("name")).containsExactly("hello_world", "order_update", "login_code",
                "weekend_offer");
        JsonNode offer = data.get(3);
        assertThat(offer.get("category").asText()).isEqualTo("marketing");
        assertThat(offer.get("parameters").asInt()).isEqualTo(1);
        assertThat(offer.get("status").asText()).isEqualTo("APPROVED");
        assertThat(data.get(0).get("language").asText()).isEqualTo("en_US");
    }

    @Test
    void anUnknownTemplateIs422AndNothingIsCharged() {
        Sender s = app.sender("10.00");
        Http.Response r = s.post("/messages/send", "{\"channel\":\"whatsapp\",\"recipient\":\"0712345678\","
                + "\"template\":{\"name\":\"no_such_template\",\"language\":\"en\",\"parameters\":[]}}");
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("code").asText()).isEqualTo("unknown_template");
        assertThat(app.platform().wallet().balance(s.clientId()).balance())
                .isEqualTo(io.jumbe.core.common.Money.parse("10.00"));
    }

    @Test
    void aWrongNumberOfParametersIsAValidationErrorOnTemplateParameters() {
        Sender s = app.sender("10.00");
        Http.Response r = s.post("/messages/send", "{\"channel\":\"whatsapp\",\"recipient\":\"0712345678\","
                + "\"template\":{\"name\":\"order_update\",\"language\":\"en\",\"parameters\":[\"Amina\"]}}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("code").asText()).isEqualTo("validation_failed");
        assertThat(r.body()).contains("template.parameters");
    }

    @Test
    void aMarketingTemplateIsChargedTheMarketingPriceAndAPriceChangeApplies() {
        Sender s = app.sender("10.00");
        Http.Response r = s.post("/messages/send", "{\"channel\":\"whatsapp\",\"recipient\":\"0712345678\","
                + "\"template\":{\"name\":\"weekend_offer\",\"parameters\":[\"20%\"]}}");
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        assertThat(r.json().get("category").asText()).isEqualTo("marketing");
        assertThat(r.json().get("cost").decimalValue()).isEqualByComparingTo("3.00");

        app.platform().whatsapp().setPrices(s.clientId(), java.util.Map.of(io.jumbe.core.whatsapp.Category.MARKETING,
                io.jumbe.core.common.Money.parse("2.50")));
        Http.Response again = s.post("/messages/send", "{\"channel\":\"whatsapp\",\"recipient\":\"0712345679\","
                + "\"template\":{\"name\":\"weekend_offer\",\"parameters\":[\"20%\"]}}");
        assertThat(again.json().get("cost").decimalValue()).isEqualByComparingTo("2.50");
    }

    @Test
    void notEnoughBalanceIsInsufficientBalance() {
        Sender s = app.sender("0.50");
        Http.Response r = s.post("/messages/send", "{\"channel\":\"whatsapp\",\"recipient\":\"0712345678\","
                + "\"template\":{\"name\":\"hello_world\",\"language\":\"en_US\"}}");
        assertThat(r.status()).isEqualTo(402);
        assertThat(r.json().get("code").asText()).isEqualTo("insufficient_balance");
    }

    @Test
    void theSmsChannelBehavesLikeSmsSendWithTheChannelAdded() {
        Sender s = app.sender("10.00");
        Http.Response r = s.post("/messages/send", "{\"channel\":\"sms\",\"recipient\":\"0712345678\","
                + "\"message\":\"Hello\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        String id = r.json().get("message_id").asText();
        assertThat(r.body()).isEqualTo("{\"status\":\"queued\",\"message_id\":\"" + id + "\",\"recipient\":"
                + "\"254712345678\",\"segments\":1,\"encoding\":\"GSM-7\",\"cost\":1.00,\"balance\":9.00,"
                + "\"channel\":\"sms\"}");
        JsonNode m = s.get("/messages/" + id).json();
        assertThat(m.get("channel").asText()).isEqualTo("sms");
        assertThat(s.get("/sms/status/" + id).status()).isEqualTo(200);
    }

    @Test
    void aMissingOrUnknownChannelIsAValidationError() {
        Sender s = app.sender("10.00");
        assertThat(s.post("/messages/send", "{\"recipient\":\"0712345678\",\"text\":\"Hi\"}").status()).isEqualTo(400);
        assertThat(s.post("/messages/send", "{\"channel\":\"fax\",\"recipient\":\"0712345678\",\"text\":\"Hi\"}")
                .status()).isEqualTo(400);
        assertThat(s.post("/messages/send", "{\"channel\":\"whatsapp\",\"recipient\":\"0712345678\",\"text\":\"Hi\","
                + "\"template\":{\"name\":\"hello_world\"}}").status()).isEqualTo(400);
    }

    @Test
    void theHistoryShowsBothChannelsAndFiltersByChannel() {
        Sender s = app.sender("10.00");
        s.post("/messages/send", "{\"channel\":\"sms\",\"recipient\":\"0712345678\",\"message\":\"Hello\"}");
        String wa = WhatsAppFlowTest.sendTemplate(s, "0712345678");
        assertThat(s.get("/messages").json().get("data")).hasSize(2);
        JsonNode onlyWa = s.get("/messages?channel=whatsapp").json().get("data");
        assertThat(onlyWa).hasSize(1);
        assertThat(onlyWa.get(0).get("message_id").asText()).isEqualTo(wa);
        assertThat(s.get("/sms/history").json().get("data")).hasSize(1);
        assertThat(s.get("/sms/status/" + wa).status()).isEqualTo(404);
        assertThat(s.get("/messages?channel=fax").status()).isEqualTo(400);
    }

    @Test
    void anotherTenantsMessageIsNotFound() {
        Sender a = app.sender("10.00");
        Sender b = app.sender("10.00");
        String id = WhatsAppFlowTest.sendTemplate(a, "0712345678");
        assertThat(b.get("/messages/" + id).status()).isEqualTo(404);
    }
}
