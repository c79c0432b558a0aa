package io.jumbe.core.notify;

import io.jumbe.core.common.Money;
import java.util.List;

/** A change of {@link NotificationSettings}; a null member keeps what is set. */
public record NotificationUpdate(String email, List<String> cc, Money lowBalanceThreshold, Boolean lowBalance,
                                 Boolean topup, Boolean webhooks) {
}
