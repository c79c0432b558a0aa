/**
 * The wallet: balance, M-Pesa and manual top-ups and the transaction journal,
 * {@link io.jumbe.sdk.wallet.WalletService}.
 */
package io.jumbe.sdk.wallet;
