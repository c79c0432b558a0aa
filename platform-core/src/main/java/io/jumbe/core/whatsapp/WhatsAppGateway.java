package io.jumbe.core.whatsapp;

import java.util.List;

/** Meta's WhatsApp Cloud API (or its simulator), as dispatch and the template list use it. */
public interface WhatsAppGateway {

    /**
     * Sends one message from {@code phoneNumberId}.
     *
     * @return the outcome; never throws for upstream trouble
     */
    SendOutcome send(String phoneNumberId, OutboundWhatsApp message);

    /**
     * The business account's templates.
     *
     * @throws WhatsAppUnavailableException when the Graph API could not be asked
     */
    List<Template> templates();
}
