package io.jumbe.core.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class WebhookUrlGuardTest {

    private final FakeDns dns = new FakeDns()
            .answer("hooks.tenant.example", "93.184.216.34")
            .answer("internal.tenant.example", "10.1.2.3")
            .answer("mixed.tenant.example", "93.184.216.34", "192.168.0.10")
            .answer("v6.tenant.example", "2606:4700:4700::1111")
            .answer("metadata.tenant.example", "169.254.169.254");
    private final WebhookUrlGuard guard = new WebhookUrlGuard(dns, false, false);

    @ParameterizedTest
    @ValueSource(strings = {
        "http://127.0.0.1/hook", "http://2130706433/hook", "http://0x7f.1/hook", "http://[::1]/hook",
        "http://[::ffff:127.0.0.1]/hook", "http://169.254.169.254/latest/meta-data", "http://10.0.0.5/hook",
        "http://100.64.0.1/hook", "http://192.168.1.1/hook", "https://172.16.0.1/", "http://127.1/",
        "http://0177.0.0.1/", "http://0x7f000001/", "http://017700000001/", "http://127.0.0.1./", "http://0.0.0.0/",
        "http://[::]/", "http://255.255.255.255/", "http://224.0.0.1/", "http://192.0.2.10/", "http://198.51.100.1/",
        "http://203.0.113.9/", "http://198.18.0.1/", "http://240.0.0.1/", "http://100.100.100.200/",
        "http://[fe80::1]/", "http://[fc00::1]/", "http://[fd00:ec2::254]/", "http://[2001:db8::1]/",
        "http://[ff02::1]/", "http://[::127.0.0.1]/", "http://[64:ff9b::7f00:1]/", "http://[64:ff9b::a9fe:a9fe]/",
        "http://[2002:7f00:1::]/", "http://[2002:c0a8:101::1]/", "http://[::ffff:10.0.0.5]/", "http://localhost/",
        "http://LOCALHOST./", "http://api.localhost/", "http://1.2.3.4.5/", "http://256.1.1.1/"
    })
    void refusesNonPublicHostsInEverySpelling(String url) {
        UrlVerdict verdict = guard.check(url);

        assertThat(verdict.allowed()).as(url).isFalse();
        assertThat(verdict.code()).isEqualTo("webhook_url_not_allowed");
        assertThat(verdict.detail()).isNotBlank();
    }

    @Test
    void namesTheAddressAndWhyForADecimalSpellingOfLoopback() {
        assertThat(guard.check("http://2130706433/hook").detail()).contains("127.0.0.1").contains("loopback");
    }

    @Test
    void namesTheAddressTheCLibraryWouldReachForAnOctalSpelling() {
        // Java reads 0177.0.0.1 as 177.0.0.1; curl, browsers and inet_aton as 127.0.0.1.
        assertThat(guard.check("http://0177.0.0.1/").detail()).contains("127.0.0.1").contains("loopback");
    }

    @Test
    void judgesAnIpv4MappedAddressByItsIpv4Part() {
        assertThat(guard.check("http://[::ffff:169.254.169.254]/").detail()).contains("metadata");
    }

    @Test
    void refusesANameThatResolvesToAPrivateAddress() {
        UrlVerdict verdict = guard.check("https://internal.tenant.example/hook");

        assertThat(verdict.allowed()).isFalse();
        assertThat(verdict.detail()).contains("internal.tenant.example").contains("10.1.2.3").contains("private");
    }

    @Test
    void refusesANameIfAnyOfItsAddressesIsPrivate() {
        assertThat(guard.check("https://mixed.tenant.example/hook").detail()).contains("192.168.0.10");
    }

    @Test
    void refusesANameThatResolvesToTheMetadataAddress() {
        assertThat(guard.check("https://metadata.tenant.example/").detail()).contains("metadata");
    }

    @Test
    void refusesANameThatDoesNotResolve() {
        assertThat(guard.check("https://nowhere.tenant.example/").detail()).contains("does not resolve");
    }

    @Test
    void allowsANameWithPublicAddresses() {
        UrlVerdict verdict = guard.check("https://hooks.tenant.example/jumbe?x=1");

        assertThat(verdict.allowed()).isTrue();
        assertThat(verdict.code()).isNull();
        assertThat(verdict.addresses()).extracting(InetAddress::getHostAddress).containsExactly("93.184.216.34");
    }

    @Test
    void allowsPublicIpLiterals() {
        assertThat(guard.check("http://93.184.216.34/hook").allowed()).isTrue();
        assertThat(guard.check("http://[2606:4700:4700::1111]/hook").allowed()).isTrue();
        assertThat(guard.check("https://v6.tenant.example/").allowed()).isTrue();
    }

    @Test
    void refusesSchemesOtherThanHttpAndHttps() {
        for (String url : new String[] {"ftp://hooks.tenant.example/", "file:///etc/passwd", "gopher://x/",
                "javascript:alert(1)", "hooks.tenant.example/hook", ""}) {
            assertThat(guard.check(url).allowed()).as(url).isFalse();
        }
    }

    @Test
    void refusesCredentialsInTheUrl() {
        assertThat(guard.check("https://user:pass@hooks.tenant.example/").detail()).contains("user name or password");
        assertThat(guard.check("https://user@hooks.tenant.example/").allowed()).isFalse();
    }

    @Test
    void requiresHttpsWhenThePlatformIsServedOverHttps() {
        WebhookUrlGuard strict = new WebhookUrlGuard(dns, false,
                WebhookUrlGuard.httpsRequiredBy("https://api.jumbe.example"));

        assertThat(strict.check("http://hooks.tenant.example/").detail()).contains("https");
        assertThat(strict.check("https://hooks.tenant.example/").allowed()).isTrue();
        assertThat(WebhookUrlGuard.httpsRequiredBy("http://localhost:8080")).isFalse();
    }

    @Test
    void allowPrivateNetworksLiftsTheAddressChecksOnly() {
        WebhookUrlGuard open = new WebhookUrlGuard(dns, true, false);

        assertThat(open.check("http://127.0.0.1:8080/hook").allowed()).isTrue();
        assertThat(open.check("http://internal.tenant.example/").allowed()).isTrue();
        assertThat(open.check("ftp://127.0.0.1/").allowed()).isFalse();
        assertThat(open.check("http://u:p@127.0.0.1/").allowed()).isFalse();
    }

    @Test
    void checkWithoutResolvingLeavesNamesToConnectTime() {
        assertThat(guard.checkWithoutResolving("https://internal.tenant.example/").allowed()).isTrue();
        assertThat(guard.checkWithoutResolving("http://127.0.0.1/").allowed()).isFalse();
        assertThat(dns.asked()).isEmpty();
    }
}
