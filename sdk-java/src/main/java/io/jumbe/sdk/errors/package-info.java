/**
 * Exceptions the SDK throws: the unchecked root {@link io.jumbe.sdk.errors.JumbeException} and one subclass per
 * kind of failure, chosen by the problem {@code code} first and the HTTP status second.
 */
package io.jumbe.sdk.errors;
