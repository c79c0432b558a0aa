package io.jumbe.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jumbe.core.common.FieldError;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A bulk's recipients are read token by token into strings, with the same answers as the tree reading gives. */
class JsonBodyStreamingTest {

    private static JsonBody parse(String json) {
        return JsonBody.parse(json.getBytes(StandardCharsets.UTF_8), Set.of("recipients"));
    }

    @Test
    void readsTheStreamedArrayAsStringsAndEveryOtherFieldAsBefore() {
        JsonBody body = parse("{\"message\": \"hi\", \"recipients\": [\"0712345678\", 254712345679], "
                + "\"schedule_at\": null, \"sender\": \"FALLEY-MED\"}");
        assertThat(body.has("recipients")).isTrue();
        assertThat(body.textList("recipients")).contains(List.of("0712345678", "254712345679"));
        assertThat(body.requiredText("message")).isEqualTo("hi");
        assertThat(body.text("sender")).contains("FALLEY-MED");
        assertThat(body.has("schedule_at")).isFalse();
        assertThat(body.errors()).isEmpty();
    }

    @Test
    void namesEachElementThatIsNotAStringAndTheLastDuplicateWins() {
        JsonBody body = parse("{\"recipients\": [\"0712345678\", {\"x\": [1]}, [2], true], \"message\": \"hi\"}");
        assertThat(body.errors()).extracting(FieldError::field)
                .containsExactly("recipients[1]", "recipients[2]", "recipients[3]");
        assertThat(parse("{\"recipients\": [\"1\"], \"recipients\": \"0712\"}").textList("recipients")).isEmpty();
        assertThat(parse("{\"recipients\": null}").has("recipients")).isFalse();
    }

    @Test
    void refusesWhatIsNotAJsonObject() {
        for (String bad : List.of("", "[]", "{\"recipients\": [\"1\"", "{\"a\": }", "\"text\"")) {
            assertThatThrownBy(() -> parse(bad)).as(bad).isInstanceOf(HttpProblem.class)
                    .satisfies(e -> assertThat(((HttpProblem) e).status()).isEqualTo(400));
        }
    }
}
