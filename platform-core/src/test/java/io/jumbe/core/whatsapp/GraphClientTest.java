package io.jumbe.core.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Graph API client against MockWebServer, with the error bodies of providers.md §3. */
class GraphClientTest {
    private static final String ACCEPTED = """
            {"messaging_product":"whatsapp","contacts":[{"input":"254712345678","wa_id":"254712345678"}],
             "messages":[{"id":"wamid.HBgLMTY1MDUwNzY1MjAVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA"}]}""";

    private final ObjectMapper json = new ObjectMapper();
    private MockWebServer server;
    private GraphClient client;
    private final OutboundWhatsApp text = new OutboundWhatsApp("MSG-1", "254712345678", "Hello from WhatsApp", null);

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
        client = new GraphClient(new GraphConfig(server.url("/").toString(), "v23.0", "meta-token", "waba-9"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private void answer(int status, String body) {
        server.enqueue(new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json").body(body).build());
    }

    private static String error(int code, String message) {
        return "{\"error\":{\"message\":\"" + message + "\",\"type\":\"OAuthException\",\"code\":" + code
                + ",\"error_data\":{\"messaging_product\":\"whatsapp\",\"details\":\"" + message + "\"},"
                + "\"fbtrace_id\":\"AbC123\"}}";
    }

    @Test
    void postsATextMessageWithTheBearerTokenAndKeepsTheWamid() throws Exception {
        answer(200, ACCEPTED);
        SendOutcome outcome = client.send("123456789", text);

        assertThat(outcome).isEqualTo(new SendOutcome.Accepted("wamid.HBgLMTY1MDUwNzY1MjAVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA"));
        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v23.0/123456789/messages");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer meta-token");
        assertThat(json.readTree(request.getBody().utf8())).isEqualTo(json.readTree("""
                {"messaging_product":"whatsapp","recipient_type":"individual","to":"254712345678","type":"text",
                 "text":{"preview_url":false,"body":"Hello from WhatsApp"}}"""));
    }

    @Test
    void postsATemplateWithItsBodyParametersInOrder() throws Exception {
        answer(200, ACCEPTED);
        client.send("123456789", new OutboundWhatsApp("MSG-2", "254712345678", null,
                new TemplateRef("order_update", "en", List.of("Asha", "ORD-9271"))));

        JsonNode body = json.readTree(server.takeRequest(5, TimeUnit.SECONDS).getBody().utf8());
        assertThat(body.get("type").asText()).isEqualTo("template");
        assertThat(body.get("template")).isEqualTo(json.readTree("""
                {"name":"order_update","language":{"code":"en"},"components":[{"type":"body","parameters":[
                 {"type":"text","text":"Asha"},{"type":"text","text":"ORD-9271"}]}]}"""));
    }

    @Test
    void windowClosed131047FailsTheMessageAsWhatsAppWindowClosed() {
        answer(400, error(131047, "Re-engagement message"));
        SendOutcome outcome = client.send("123456789", text);
        assertThat(outcome).isInstanceOf(SendOutcome.Failed.class);
        assertThat(((SendOutcome.Failed) outcome).code()).isEqualTo("whatsapp_window_closed");
    }

    @Test
    void undeliverable131026FailsTheMessageWithMetasCode() {
        answer(400, error(131026, "Message undeliverable"));
        assertThat(client.send("123456789", text)).isEqualTo(new SendOutcome.Failed("131026", "Message undeliverable"));
    }

    @Test
    void rateLimit130429IsRetried() {
        answer(400, error(130429, "Rate limit hit"));
        assertThat(client.send("123456789", text)).isEqualTo(new SendOutcome.Retry("130429", "Rate limit hit"));
    }

    @Test
    void spamRateLimit131048AndHttp429AreRetried() {
        answer(400, error(131048, "Spam rate limit hit"));
        answer(429, "{}");
        assertThat(client.send("123456789", text)).isInstanceOf(SendOutcome.Retry.class);
        assertThat(client.send("123456789", text)).isInstanceOf(SendOutcome.Retry.class);
    }

    @Test
    void expiredToken190OrHttp401IsAnAccessRefusalNotAFailure() {
        answer(400, error(190, "Error validating access token: Session has expired"));
        answer(401, "{}");
        assertThat(client.send("123456789", text)).isInstanceOf(SendOutcome.AccessDenied.class);
        assertThat(client.send("123456789", text)).isInstanceOf(SendOutcome.AccessDenied.class);
    }

    @Test
    void serverErrorsAndAnswersWithoutAnIdAreRetried() {
        answer(503, "Service Unavailable");
        answer(200, "{\"messaging_product\":\"whatsapp\"}");
        assertThat(client.send("123456789", text)).isInstanceOf(SendOutcome.Retry.class);
        assertThat(client.send("123456789", text)).isInstanceOf(SendOutcome.Retry.class);
    }

    @Test
    void listsTemplatesWithTheirBodyParameterCounts() throws Exception {
        answer(200, """
                {"data":[
                  {"name":"order_update","language":"en","status":"APPROVED","category":"UTILITY","id":"1",
                   "components":[{"type":"HEADER","format":"TEXT","text":"Order {{1}}"},
                                 {"type":"BODY","text":"Hi {{1}}, order {{2}} has shipped. {{1}}, thanks!"}]},
                  {"name":"weekend_offer","language":"en","status":"PENDING","category":"MARKETING","id":"2",
                   "components":[{"type":"BODY","text":"{{1}} off this weekend"}]}],
                 "paging":{"cursors":{"before":"MAZDZD","after":"MjQZD"}}}""");

        List<Template> templates = client.templates();

        assertThat(templates).containsExactly(new Template("order_update", "en", Category.UTILITY, "APPROVED", 2),
                new Template("weekend_offer", "en", Category.MARKETING, "PENDING", 1));
        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v23.0/waba-9/message_templates");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer meta-token");
    }

    @Test
    void aRefusedTemplateListIsUnavailableNotEmpty() {
        answer(400, error(190, "Error validating access token"));
        assertThatThrownBy(client::templates).isInstanceOf(WhatsAppUnavailableException.class);
    }
}
