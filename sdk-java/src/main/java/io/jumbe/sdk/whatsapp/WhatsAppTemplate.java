package io.jumbe.sdk.whatsapp;

/**
 * A template of the WhatsApp Business Account.
 *
 * @param name       the name to send it by
 * @param language   its language code
 * @param category   {@code marketing}, {@code utility} or {@code authentication}: what it costs
 * @param status     Meta's review status; only {@code APPROVED} ones can be sent
 * @param parameters how many body parameters it takes
 */
public record WhatsAppTemplate(String name, String language, String category, String status, int parameters) {
}
