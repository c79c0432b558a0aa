package io.jumbe.core.whatsapp;

/** The Graph API could not answer a read (templates); the caller's request fails with 503. */
public final class WhatsAppUnavailableException extends RuntimeException {
    public WhatsAppUnavailableException(String message) {
        super(message);
    }
}
