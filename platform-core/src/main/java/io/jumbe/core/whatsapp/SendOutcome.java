package io.jumbe.core.whatsapp;

/** What the Graph API said about one message. Gateways return these, never throw for upstream trouble. */
public sealed interface SendOutcome {

    /** Taken; statuses will name {@code wamid}. */
    record Accepted(String wamid) implements SendOutcome {
    }

    /**
     * Refused for good (e.g. 131026 undeliverable, 131047 window closed): the message fails and is refunded.
     *
     * @param code  our error code: {@code whatsapp_window_closed} for 131047, else Meta's code as text
     * @param title Meta's words
     */
    record Failed(String code, String title) implements SendOutcome {
    }

    /** Try again later: rate limits (130429, 131048, 131056, HTTP 429), 5xx, network trouble. */
    record Retry(String code, String reason) implements SendOutcome {
    }

    /** Our own access token was refused (190, HTTP 401): pause dispatch, alert admins, leave messages queued. */
    record AccessDenied(String code, String reason) implements SendOutcome {
    }
}
