package io.jumbe.sdk.account;

import com.squareup.moshi.Json;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The settings Jumbe holds for the account, and the mode of the key that asked.
 *
 * @param name                the account's name
 * @param tier                the service tier: {@code bronze}, {@code silver}, {@code gold} or {@code platinum}
 * @param rateLimitPerMinute  API requests per minute the tier allows (the {@code RateLimit-Limit} header's figure)
 * @param pricePerSegment     the price of one SMS segment, in KES
 * @param currency            {@code KES}
 * @param senderIds           the approved sender ids
 * @param lowBalanceThreshold the balance, in KES, below which Jumbe warns of a low balance
 * @param mode                {@code live} for an {@code sk_live_} key, {@code test} for an {@code sk_test_} key
 * @param whatsappPrices      the price of one WhatsApp message in KES by category ({@code marketing},
 *                            {@code utility}, {@code authentication}, {@code service}); empty when the server sends none
 */
public record Account(String name, String tier, @Json(name = "rate_limit_per_minute") int rateLimitPerMinute,
                      @Json(name = "price_per_segment") BigDecimal pricePerSegment, String currency,
                      @Json(name = "sender_ids") List<String> senderIds,
                      @Json(name = "low_balance_threshold") BigDecimal lowBalanceThreshold, String mode,
                      @Json(name = "whatsapp_prices") Map<String, BigDecimal> whatsappPrices) {

    /**
     * Keeps the sender ids unmodifiable (none when the answer has none).
     *
     * @param name                the account's name
     * @param tier                the service tier
     * @param rateLimitPerMinute  API requests per minute the tier allows
     * @param pricePerSegment     the price of one SMS segment, in KES
     * @param currency            {@code KES}
     * @param senderIds           the approved sender ids
     * @param lowBalanceThreshold the low-balance threshold, in KES
     * @param mode                {@code live} or {@code test}
     * @param whatsappPrices      WhatsApp prices in KES by category
     */
    public Account {
        senderIds = senderIds == null ? List.of() : List.copyOf(senderIds);
        whatsappPrices = whatsappPrices == null ? Map.of() : Map.copyOf(whatsappPrices);
    }

    /**
     * Whether the request was made with a test key.
     *
     * @return true for {@code mode} {@code test}
     */
    public boolean isTestMode() {
        return "test".equals(mode);
    }
}
