/**
 * The account view: {@link io.jumbe.sdk.account.AccountService}.
 */
package io.jumbe.sdk.account;
