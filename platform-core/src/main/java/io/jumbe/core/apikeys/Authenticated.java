package io.jumbe.core.apikeys;

import io.jumbe.core.tenant.Tenant;

/** A request's key checked, with its tenant as read in the same statement. */
public record Authenticated(Principal principal, Tenant tenant) {
}
