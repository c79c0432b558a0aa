/**
 * Test mode's reset: {@link io.jumbe.sdk.sandbox.SandboxService}.
 */
package io.jumbe.sdk.sandbox;
