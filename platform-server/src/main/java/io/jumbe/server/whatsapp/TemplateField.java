package io.jumbe.server.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import io.jumbe.core.whatsapp.TemplateRef;
import io.jumbe.server.http.JsonBody;
import java.util.ArrayList;
import java.util.List;

/** The {@code template} member of a request ({@code /messages/send}, {@code /campaigns}): name, language, parameters. */
public final class TemplateField {
    private TemplateField() {
    }

    /**
     * Reads {@code template} from the body, adding an error per malformed part.
     *
     * @return the template, or null when the body has none (or it is not an object)
     */
    public static TemplateRef read(JsonBody body) {
        if (!body.has("template")) {
            return null;
        }
        JsonNode t = body.node("template");
        if (!t.isObject()) {
            body.addError("template", "must be an object with name, language and parameters");
            return null;
        }
        String name = t.path("name").isTextual() ? t.path("name").asText() : null;
        if (name == null) {
            body.addError("template.name", "is required");
        }
        String language = null;
        if (t.hasNonNull("language")) {
            if (t.get("language").isTextual()) {
                language = t.get("language").asText();
            } else {
                body.addError("template.language", "must be a string");
            }
        }
        List<String> parameters = new ArrayList<>();
        JsonNode ps = t.path("parameters");
        if (!ps.isMissingNode() && !ps.isNull()) {
            if (!ps.isArray()) {
                body.addError("template.parameters", "must be an array of strings");
            } else {
                for (int i = 0; i < ps.size(); i++) {
                    JsonNode p = ps.get(i);
                    if (p.isTextual() || p.isNumber()) {
                        parameters.add(p.asText());
                    } else {
                        body.addError("template.parameters[" + i + "]", "must be a string");
                    }
                }
            }
        }
        return new TemplateRef(name, language, parameters);
    }
}
