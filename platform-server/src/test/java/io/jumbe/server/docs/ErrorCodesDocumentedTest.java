package io.jumbe.server.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jumbe.docs.DocsModule;
import io.jumbe.docs.DocsResources;
import io.jumbe.docs.OpenApiDocument;
import io.jumbe.server.http.Problems;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The codes the server answers with are exactly the document's, each with its entry on the Errors page. */
class ErrorCodesDocumentedTest {
    private static final String ERRORS_PAGE = new String(new DocsResources().read("errors.html").orElseThrow(),
            StandardCharsets.UTF_8);

    @Test
    void theDocumentListsExactlyTheServersErrorCodes() {
        JsonNode documented = OpenApiDocument.read(DocsModule.openApi()).root()
                .at("/components/schemas/ErrorCode/enum");
        TreeSet<String> codes = new TreeSet<>();
        documented.forEach(c -> codes.add(c.asText()));

        assertThat(codes).isEqualTo(new TreeSet<>(Problems.codes().keySet()));
    }

    @Test
    void everyCodeHasAnEntryOnTheErrorsPageThatTheProblemTypeLinksTo() {
        for (String code : Problems.codes().keySet()) {
            assertThat(ERRORS_PAGE).as(code).contains("id=\"" + code + "\"");
        }
    }

    @Test
    void eachEntryStatesTheStatusTheServerAnswers() {
        for (Map.Entry<String, Integer> code : Problems.codes().entrySet()) {
            Matcher entry = Pattern.compile("id=\"" + Pattern.quote(code.getKey()) + "\".*?<strong>(\\d{3})\\.</strong>",
                    Pattern.DOTALL).matcher(ERRORS_PAGE);
            assertThat(entry.find()).as(code.getKey()).isTrue();
            assertThat(Integer.parseInt(entry.group(1))).as(code.getKey()).isEqualTo(code.getValue());
        }
    }
}
