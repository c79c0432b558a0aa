package io.jumbe.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jumbe.core.common.Money;
import io.jumbe.core.testing.TestDatabase;
import io.jumbe.server.testing.Http;
import io.jumbe.server.testing.Sender;
import io.jumbe.server.testing.TestApp;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The problems the Errors page describes, as the server answers them. */
class ErrorsPageAgreementTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void formFieldsAre415UnsupportedMediaTypeAndChangeNothing(TestDatabase db) {
        try (TestApp app = TestApp.start(db)) {
            Sender s = app.sender("10.00");
            Http.Response r = s.post("/sms/send", "recipient=0712345678&message=hello",
                    Map.of("Content-Type", "application/x-www-form-urlencoded"));

            assertThat(r.status()).isEqualTo(415);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.json().get("code").asText()).isEqualTo("unsupported_media_type");
            assertThat(r.json().get("type").asText()).isEqualTo("/docs/errors.html#unsupported_media_type");
            assertThat(app.platform().wallet().balance(s.clientId()).balance()).isEqualTo(Money.parse("10.00"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aMultipartUploadIs415UnsupportedMediaType(TestDatabase db) {
        try (TestApp app = TestApp.start(db)) {
            Sender s = app.sender("10.00");
            String body = "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"numbers.csv\"\r\n"
                    + "Content-Type: text/csv\r\n\r\n0712345678\r\n--XyZ--\r\n";
            Http.Response r = s.post("/sms/send", body, Map.of("Content-Type", "multipart/form-data; boundary=XyZ"));

            assertThat(r.status()).isEqualTo(415);
            assertThat(r.json().get("code").asText()).isEqualTo("unsupported_media_type");
            assertThat(app.platform().wallet().balance(s.clientId()).balance()).isEqualTo(Money.parse("10.00"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void anInvalidRecipientIsListedInErrorsAndItsDetailSaysItOnce(TestDatabase db) {
        try (TestApp app = TestApp.start(db)) {
            Sender s = app.sender("10.00");
            JsonNode single = s.post("/sms/send", "{\"recipient\":\"12345\",\"message\":\"hi\"}").json();

            assertThat(single.get("code").asText()).isEqualTo("invalid_recipient");
            assertThat(single.get("errors")).hasSize(1);
            assertThat(single.get("errors").get(0).get("field").asText()).isEqualTo("recipient");
            assertThat(single.get("errors").get(0).get("message").asText()).startsWith("not a Kenyan mobile number");
            String detail = single.get("detail").asText();
            assertThat(detail).startsWith("The recipient is not a Kenyan mobile number");
            assertThat(detail.indexOf("Kenyan mobile number")).isEqualTo(detail.lastIndexOf("Kenyan mobile number"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aBulkSendWithNoValidRecipientListsEachInErrorsByIndex(TestDatabase db) {
        try (TestApp app = TestApp.start(db)) {
            Sender s = app.sender("10.00");
            Http.Response r = s.post("/sms/send", "{\"recipients\":[\"12\",\"abc\"],\"message\":\"hi\"}");

            assertThat(r.status()).isEqualTo(400);
            JsonNode body = r.json();
            assertThat(body.get("code").asText()).isEqualTo("invalid_recipient");
            assertThat(body.get("errors")).extracting(e -> e.get("field").asText())
                    .containsExactly("recipients[0]", "recipients[1]");
            assertThat(body.get("detail").asText()).isEqualTo("None of the 2 recipients is a valid Kenyan mobile number.");
            assertThat(app.platform().wallet().balance(s.clientId()).balance()).isEqualTo(Money.parse("10.00"));
        }
    }
}
