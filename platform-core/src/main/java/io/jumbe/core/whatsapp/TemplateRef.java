package io.jumbe.core.whatsapp;

import java.util.List;

/**
 * A template a send names, with its body parameters in order.
 *
 * @param name       the template's name
 * @param language   its language code, or null for the one language it is approved in
 * @param parameters the body parameters, in order
 */
public record TemplateRef(String name, String language, List<String> parameters) {
    public TemplateRef {
        parameters = parameters == null ? List.of() : List.copyOf(parameters);
    }
}
