package io.jumbe.sdk.contacts;

import com.squareup.moshi.Json;

/**
 * A number that asked not to be messaged by this account.
 *
 * @param phone      the canonical number
 * @param reason     why, or null
 * @param source     {@code api}, {@code import} or {@code reply}
 * @param optedOutAt when (ISO-8601)
 */
public record OptOut(String phone, String reason, String source, @Json(name = "opted_out_at") String optedOutAt) {
}
