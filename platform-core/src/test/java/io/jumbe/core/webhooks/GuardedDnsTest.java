package io.jumbe.core.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import okhttp3.Dns;
import org.junit.jupiter.api.Test;

class GuardedDnsTest {

    @Test
    void returnsExactlyTheVettedAddresses() throws Exception {
        FakeDns fake = new FakeDns().answer("hooks.tenant.example", "93.184.216.34", "2606:4700:4700::1111");
        Dns dns = new WebhookUrlGuard(fake, false, false).dns();

        List<InetAddress> addresses = dns.lookup("hooks.tenant.example");

        assertThat(addresses).extracting(AddressRules::text).containsExactly("93.184.216.34", "2606:4700:4700::1111");
    }

    @Test
    void refusesAtConnectTimeANameThatNowResolvesToLoopback() throws Exception {
        // DNS rebinding: public when configured, loopback when connecting.
        FakeDns fake = new FakeDns()
                .answer("rebind.tenant.example", "93.184.216.34")
                .answer("rebind.tenant.example", "127.0.0.1");
        WebhookUrlGuard guard = new WebhookUrlGuard(fake, false, false);
        assertThat(guard.check("https://rebind.tenant.example/hook").allowed()).isTrue();

        assertThatThrownBy(() -> guard.dns().lookup("rebind.tenant.example"))
                .isInstanceOf(BlockedAddressException.class)
                .hasMessageContaining("127.0.0.1");
    }

    @Test
    void refusesNumericSpellingsHandedToIt() {
        Dns dns = new WebhookUrlGuard(new FakeDns(), false, false).dns();

        assertThatThrownBy(() -> dns.lookup("0x7f.1")).isInstanceOf(BlockedAddressException.class);
        assertThatThrownBy(() -> dns.lookup("2130706433")).isInstanceOf(BlockedAddressException.class);
        assertThatThrownBy(() -> dns.lookup("localhost")).isInstanceOf(BlockedAddressException.class);
    }

    @Test
    void justResolvesWhenPrivateNetworksAreAllowed() throws Exception {
        FakeDns fake = new FakeDns().answer("receiver.local.test", "127.0.0.1");

        assertThat(new WebhookUrlGuard(fake, true, false).dns().lookup("receiver.local.test"))
                .extracting(InetAddress::getHostAddress).containsExactly("127.0.0.1");
    }
}
