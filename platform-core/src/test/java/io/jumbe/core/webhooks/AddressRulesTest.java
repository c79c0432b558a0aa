package io.jumbe.core.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class AddressRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "93.184.216.34", "1.1.1.1", "172.15.255.255", "172.32.0.1", "100.63.255.255",
        "100.128.0.1", "192.169.0.1", "198.17.255.255", "198.20.0.1", "223.255.255.255",
        "2606:4700:4700::1111", "2a00:1450:4001:80b::200e", "2002:808:808::1", "64:ff9b::808:808"})
    void allowsPublicAddresses(String address) throws Exception {
        assertThat(AddressRules.whyBlocked(InetAddress.getByName(address))).as(address).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.255.255.254", "10.255.255.255", "172.16.0.1", "172.31.255.255",
        "192.168.255.255", "169.254.0.1", "100.64.0.0", "100.127.255.255", "0.0.0.0", "0.1.2.3", "192.0.0.8",
        "224.0.0.251", "239.255.255.250", "255.255.255.255", "240.0.0.1", "192.0.2.1", "198.51.100.7", "203.0.113.1",
        "198.18.0.1", "198.19.255.255", "192.88.99.1", "::", "::1", "fe80::abcd", "febf::1", "fec0::1", "fc00::1",
        "fdff::1", "ff05::2", "2001:db8:85a3::8a2e:370:7334", "3fff::1", "100::1", "64:ff9b:1::1",
        "::ffff:127.0.0.1", "::ffff:a9fe:a9fe", "::10.0.0.1", "64:ff9b::a00:1", "2002:a00:1::",
        "2001:0:4136:e378:8000:63bf:80ff:fffe", "2001:2::1", "4000::1", "::ffff:0:7f00:1"})
    void blocksNonPublicAddresses(String address) throws Exception {
        assertThat(AddressRules.whyBlocked(InetAddress.getByName(address))).as(address).isPresent();
    }

    @Test
    void namesCloudMetadataEndpoints() throws Exception {
        assertThat(AddressRules.whyBlocked(InetAddress.getByName("169.254.169.254"))).hasValueSatisfying(
                why -> assertThat(why).contains("metadata"));
        assertThat(AddressRules.whyBlocked(InetAddress.getByName("fd00:ec2::254"))).hasValueSatisfying(
                why -> assertThat(why).contains("metadata"));
        assertThat(AddressRules.whyBlocked(InetAddress.getByName("100.100.100.200"))).hasValueSatisfying(
                why -> assertThat(why).contains("metadata"));
    }

    @Test
    void judgesTeredoByTheClientAddressItCarries() throws Exception {
        // Client 127.0.0.1 obfuscated (XOR all ones) = 80ff:fffe; server 65.54.227.120 is public.
        assertThat(AddressRules.whyBlocked(InetAddress.getByName("2001:0:4136:e378:8000:63bf:80ff:fffe")))
                .hasValueSatisfying(why -> assertThat(why).contains("127.0.0.1").contains("loopback"));
    }

    @Test
    void writesIpv6Compressed() throws Exception {
        assertThat(AddressRules.text(InetAddress.getByName("fd00:ec2:0:0:0:0:0:254"))).isEqualTo("fd00:ec2::254");
        assertThat(AddressRules.text(InetAddress.getByName("::1"))).isEqualTo("::1");
        assertThat(AddressRules.text(InetAddress.getByName("::"))).isEqualTo("::");
    }
}
