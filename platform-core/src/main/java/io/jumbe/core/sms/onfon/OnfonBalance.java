package io.jumbe.core.sms.onfon;

/**
 * The platform's remaining credit at Onfon.
 *
 * @param pluginType  Onfon's {@code PluginType}, normally {@code "SMS"}
 * @param credits     Onfon's {@code Credits} as sent, e.g. {@code "KSh7578560.8000"}
 * @param amountCents the numeric part in cents (fractions of a cent dropped)
 */
public record OnfonBalance(String pluginType, String credits, long amountCents) {
}
