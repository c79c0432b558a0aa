package io.jumbe.core.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jumbe.core.common.OutboundHttp.Resend;
import java.io.IOException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.Dns;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OutboundHttpTest {

    private final MockWebServer server = new MockWebServer();

    @BeforeEach
    void start() throws IOException {
        server.start();
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    @Test
    void resendsOnceOnANewConnectionWhenAReusedOneFailsBeforeTheAnswer() throws Exception {
        OkHttpClient client = OutboundHttp.builder(Resend.ANY_REQUEST).build();
        server.enqueue(new MockResponse().setBody("first"));
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        server.enqueue(new MockResponse().setBody("second"));

        assertThat(call(client, post())).isEqualTo("first");
        assertThat(call(client, post())).isEqualTo("second");

        assertThat(server.getRequestCount()).isEqualTo(3);
        server.takeRequest();
        assertThat(server.takeRequest().getSequenceNumber()).as("the failed send reused the connection").isEqualTo(1);
        assertThat(server.takeRequest().getSequenceNumber()).as("the resend is a new connection's first").isZero();
    }

    @Test
    void doesNotResendAnUpstreamPostThatMayHaveBeenActedOn() throws Exception {
        OkHttpClient client = OutboundHttp.builder(Resend.ONLY_UNSENT).build();
        server.enqueue(new MockResponse().setBody("first"));
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        server.enqueue(new MockResponse().setBody("never"));

        assertThat(call(client, post())).isEqualTo("first");
        assertThatThrownBy(() -> call(client, post())).isInstanceOf(IOException.class)
                .hasMessageContaining("unexpected end of stream");

        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void resendsAnUpstreamGetAfterItsReusedConnectionFailed() throws Exception {
        OkHttpClient client = OutboundHttp.builder(Resend.ONLY_UNSENT).build();
        server.enqueue(new MockResponse().setBody("first"));
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        server.enqueue(new MockResponse().setBody("second"));

        assertThat(call(client, get())).isEqualTo("first");
        assertThat(call(client, get())).isEqualTo("second");
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void resendsAPostTaggedAsHarmlessToRepeat() throws Exception {
        OkHttpClient client = OutboundHttp.builder(Resend.ONLY_UNSENT).build();
        server.enqueue(new MockResponse().setBody("first"));
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        server.enqueue(new MockResponse().setBody("second"));

        assertThat(call(client, post())).isEqualTo("first");
        Request query = post().newBuilder().tag(Resend.class, Resend.ANY_REQUEST).build();
        assertThat(call(client, query)).isEqualTo("second");
    }

    @Test
    void sendsAnUpstreamPostOnANewConnectionWhenThePooledOneWasClosedWhileIdle() throws Exception {
        OkHttpClient client = OutboundHttp.builder(Resend.ONLY_UNSENT).build();
        // Closes after answering without saying "Connection: close", as an HTTP/1.0 server does.
        server.enqueue(new MockResponse().setBody("first").setSocketPolicy(SocketPolicy.DISCONNECT_AT_END));
        server.enqueue(new MockResponse().setBody("second"));

        assertThat(call(client, post())).isEqualTo("first");
        // Lets the server's close reach this side, as it has after any real idle gap.
        Thread.sleep(200);
        assertThat(call(client, post())).isEqualTo("second");

        assertThat(server.getRequestCount()).as("nothing was sent on the closed connection").isEqualTo(2);
        server.takeRequest();
        assertThat(server.takeRequest().getSequenceNumber()).isZero();
    }

    @Test
    void doesNotResendATimeout() throws Exception {
        OkHttpClient client = OutboundHttp.builder(Resend.ANY_REQUEST).readTimeout(Duration.ofMillis(300)).build();
        server.enqueue(new MockResponse().setBody("first"));
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        server.enqueue(new MockResponse().setBody("never"));

        assertThat(call(client, post())).isEqualTo("first");
        assertThatThrownBy(() -> call(client, post())).isInstanceOf(SocketTimeoutException.class);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void doesNotResendWhenANewConnectionFails() throws Exception {
        OkHttpClient client = OutboundHttp.builder(Resend.ANY_REQUEST).build();
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        server.enqueue(new MockResponse().setBody("never"));

        assertThatThrownBy(() -> call(client, post())).isInstanceOf(IOException.class);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void theResendConnectsThroughTheClientsOwnDnsSoAGuardThereStillDecides() throws Exception {
        List<String> lookups = new CopyOnWriteArrayList<>();
        // Answers once, then refuses: as the webhook guard does when a name starts resolving somewhere private.
        Dns guard = host -> {
            lookups.add(host);
            if (lookups.size() > 1) {
                throw new UnknownHostException("refused by the guard: " + host);
            }
            return List.of(InetAddress.getLoopbackAddress());
        };
        OkHttpClient client = OutboundHttp.builder(Resend.ANY_REQUEST).dns(guard).build();
        server.enqueue(new MockResponse().setBody("first"));
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        HttpUrl url = server.url("/hook").newBuilder().host("receiver.example").build();
        Request request = new Request.Builder().url(url)
                .post(RequestBody.create("{}", MediaType.get("application/json"))).build();

        assertThat(call(client, request)).isEqualTo("first");
        assertThatThrownBy(() -> call(client, request)).isInstanceOf(UnknownHostException.class)
                .hasMessageContaining("refused by the guard");
        assertThat(lookups).containsExactly("receiver.example", "receiver.example");
    }

    private Request post() {
        return new Request.Builder().url(server.url("/hook"))
                .post(RequestBody.create("{}", MediaType.get("application/json"))).build();
    }

    private Request get() {
        return new Request.Builder().url(server.url("/dlr")).get().build();
    }

    private static String call(OkHttpClient client, Request request) throws IOException {
        try (Response response = client.newCall(request).execute()) {
            return response.body().string();
        }
    }
}
