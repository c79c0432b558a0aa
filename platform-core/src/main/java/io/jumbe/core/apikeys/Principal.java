package io.jumbe.core.apikeys;

/** Who a request is: the tenant the key belongs to and which key it was. */
public record Principal(long tenantId, String keyId, String mode) {
}
