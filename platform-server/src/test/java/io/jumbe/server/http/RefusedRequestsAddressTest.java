package io.jumbe.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RefusedRequestsAddressTest {

    @Test
    void ipv6ClientsAreCountedPerSlash64AndIpv4PerAddress() {
        assertThat(RefusedRequests.key("2001:db8:1:2:aaaa::1")).isEqualTo(RefusedRequests.key("2001:db8:1:2:bbbb::9"));
        assertThat(RefusedRequests.key("2001:db8:1:2::1")).isNotEqualTo(RefusedRequests.key("2001:db8:1:3::1"));
        assertThat(RefusedRequests.key("[2001:db8:1:2::1]")).isEqualTo(RefusedRequests.key("2001:db8:1:2::7"));
        assertThat(RefusedRequests.key("203.0.113.9")).isEqualTo("203.0.113.9");
    }
}
