package io.jumbe.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jumbe.core.common.Money;

/** Steps webhook tests share: configure a receiver over the API, change a balance, find the one delivery. */
public final class Webhooks {
    private Webhooks() {
    }

    /** Points the sender's webhooks at {@code url} for {@code balance.updated}; returns the generated secret. */
    public static String configure(Sender s, String url) {
        var r = s.put("/webhooks/config", "{\"webhook_url\":\"" + url + "\",\"events\":[\"balance.updated\"]}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("webhook_secret").asText();
    }

    /** A real balance change: an admin's manual credit, which records a {@code balance.updated} event. */
    public static void credit(TestApp app, Sender s, String amount) {
        app.platform().wallet().manualCredit(s.clientId(), Money.parse(amount), "REF-" + System.nanoTime(), null, "test");
    }

    /** The id of the sender's only delivery. */
    public static String onlyDeliveryId(Sender s) {
        JsonNode list = s.get("/webhooks/deliveries").json();
        assertThat(list.at("/meta/total").asInt()).isEqualTo(1);
        return list.get("data").get(0).get("delivery_id").asText();
    }
}
