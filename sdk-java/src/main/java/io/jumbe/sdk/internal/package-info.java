/**
 * The SDK's HTTP and JSON machinery. Public only so that the service packages can reach it; not part of the
 * supported API and may change in any release.
 */
package io.jumbe.sdk.internal;
