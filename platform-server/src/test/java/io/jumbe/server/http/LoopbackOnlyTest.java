package io.jumbe.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LoopbackOnlyTest {

    @Test
    void loopbackPeersInEverySpellingAreLocal() {
        for (String peer : new String[] {"127.0.0.1", "127.8.9.10", "::1", "[::1]", "0:0:0:0:0:0:0:1", "::ffff:127.0.0.1"}) {
            assertThat(LoopbackOnly.isLocal(peer, h -> null)).as(peer).isTrue();
        }
    }

    @Test
    void otherPeersAndNamesAreNot() {
        for (String peer : new String[] {"10.0.0.5", "192.168.1.2", "203.0.113.9", "::ffff:10.0.0.1", "fe80::1",
                "localhost", "", null}) {
            assertThat(LoopbackOnly.isLocal(peer, h -> null)).as(String.valueOf(peer)).isFalse();
        }
    }

    @Test
    void aRequestAProxyOnThisMachineForwardedIsNotLocal() {
        for (String header : new String[] {"X-Forwarded-For", "Forwarded", "X-Real-IP"}) {
            Map<String, String> headers = Map.of(header, "203.0.113.9");
            assertThat(LoopbackOnly.isLocal("127.0.0.1", headers::get)).as(header).isFalse();
        }
    }
}
