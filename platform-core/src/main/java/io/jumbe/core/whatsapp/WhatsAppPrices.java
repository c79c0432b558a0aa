package io.jumbe.core.whatsapp;

import io.jumbe.core.common.Money;

/** A tenant's price per WhatsApp message, by category. Defaults KES 3.00 / 1.00 / 1.00 / 0.50. */
public record WhatsAppPrices(Money marketing, Money utility, Money authentication, Money service) {

    public static final WhatsAppPrices DEFAULTS = new WhatsAppPrices(Money.ofCents(300), Money.ofCents(100),
            Money.ofCents(100), Money.ofCents(50));

    /** The price of one message of {@code category}. */
    public Money of(Category category) {
        return switch (category) {
            case MARKETING -> marketing;
            case UTILITY -> utility;
            case AUTHENTICATION -> authentication;
            case SERVICE -> service;
        };
    }
}
