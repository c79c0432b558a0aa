/**
 * The Jumbe Java SDK: {@link io.jumbe.sdk.JumbeClient} and what every service shares (paging, request options,
 * the sleeper used between retries).
 */
package io.jumbe.sdk;
