package io.jumbe.core.whatsapp;

/**
 * One message as the Graph API gets it: free-form {@code text}, or a template with its parameters.
 *
 * @param messageId our id (kept in logs; Meta has no field for it)
 * @param to        canonical recipient, digits only
 * @param text      the text, or null for a template
 * @param template  the template, or null for text
 */
public record OutboundWhatsApp(String messageId, String to, String text, TemplateRef template) {
}
