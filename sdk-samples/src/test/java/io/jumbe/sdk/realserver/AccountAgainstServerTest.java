package io.jumbe.sdk.realserver;

import static org.assertj.core.api.Assertions.assertThat;

import io.jumbe.sdk.JumbeClient;
import io.jumbe.sdk.account.Account;
import io.jumbe.sdk.wallet.Balance;
import io.jumbe.server.testing.Sender;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The account's settings, and the balance through both services that expose it, against the real server. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountAgainstServerTest {
    private final InProcessServer server = InProcessServer.start();

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void accountReadsTheSettingsTheServerHoldsAndTheModeOfEachKey() {
        Sender sender = server.sender("10.00");
        String testKey = server.app().platform().apiKeys().create(sender.clientId(), true).secret();

        Account live = server.client(sender).account().get();
        Account test = server.clientBuilder(sender).apiKey(testKey).build().account().get();

        assertThat(live.name()).startsWith("Sender ");
        assertThat(live.tier()).isEqualTo("bronze");
        assertThat(live.rateLimitPerMinute()).isEqualTo(60);
        assertThat(live.pricePerSegment().toPlainString()).isEqualTo("1.00");
        assertThat(live.currency()).isEqualTo("KES");
        assertThat(live.senderIds()).containsExactly("FALLEY-MED");
        assertThat(live.lowBalanceThreshold().toPlainString()).isEqualTo("100.00");
        assertThat(live.mode()).isEqualTo("live");
        assertThat(test.mode()).isEqualTo("test");
        assertThat(test.isTestMode()).isTrue();
        assertThat(live.whatsappPrices().get("marketing").toPlainString()).isEqualTo("3.00");
        assertThat(test.whatsappPrices()).isEqualTo(live.whatsappPrices());
    }

    @Test
    void walletBalanceReadsTheBalanceExactlyWithWhatItBuys() {
        Sender sender = server.sender("1049.00");
        JumbeClient client = server.client(sender);

        Balance balance = client.wallet().balance();

        assertThat(balance.balance().toPlainString()).isEqualTo("1049.00");
        assertThat(balance.currency()).isEqualTo("KES");
        assertThat(balance.units()).isEqualTo(1049L);
        assertThat(balance.pricePerUnit().toPlainString()).isEqualTo("1.00");
    }

    @Test
    void accountBalanceIsTheSameView() {
        Sender sender = server.sender("12.50");
        JumbeClient client = server.client(sender);

        Balance balance = client.account().balance();

        assertThat(balance.balance().toPlainString()).isEqualTo("12.50");
        assertThat(balance.units()).isEqualTo(12L);
        assertThat(balance).isEqualTo(client.wallet().balance());
    }
}
