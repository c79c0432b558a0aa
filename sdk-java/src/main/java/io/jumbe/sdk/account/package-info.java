/**
 * The account view: {@link io.jumbe.sdk.account.AccountService} and its {@link io.jumbe.sdk.account.Account}.
 */
package io.jumbe.sdk.account;
