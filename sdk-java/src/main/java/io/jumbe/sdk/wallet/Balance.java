package io.jumbe.sdk.wallet;

import com.squareup.moshi.Json;
import java.math.BigDecimal;

/**
 * The wallet balance and what it buys.
 *
 * @param balance      the balance in KES, exactly as the server wrote it
 * @param currency     {@code KES}
 * @param units        whole SMS segments the balance pays for
 * @param pricePerUnit the account's price per segment, in KES
 */
public record Balance(BigDecimal balance, String currency, long units,
                      @Json(name = "price_per_unit") BigDecimal pricePerUnit) {
}
