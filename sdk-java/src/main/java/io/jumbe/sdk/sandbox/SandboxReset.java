package io.jumbe.sdk.sandbox;

import com.squareup.moshi.Json;
import java.math.BigDecimal;

/**
 * What a reset did.
 *
 * @param mode            {@code test}
 * @param balance         the test wallet's balance now, KES 1,000.00
 * @param currency        {@code KES}
 * @param messagesCleared test messages deleted
 */
public record SandboxReset(String mode, BigDecimal balance, String currency,
                           @Json(name = "messages_cleared") int messagesCleared) {
}
