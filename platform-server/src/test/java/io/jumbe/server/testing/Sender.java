package io.jumbe.server.testing;

import java.util.Map;

/** A test tenant: its client id, its API key, and calls to its own {@code /api/{client_id}} paths. */
public record Sender(long clientId, String apiKey, Http http) {

    public String path(String rest) {
        return "/api/" + clientId + rest;
    }

    public Http.Response get(String rest) {
        return http.send("GET", path(rest), null, Map.of("X-API-Key", apiKey));
    }

    public Http.Response post(String rest, String json) {
        return http.send("POST", path(rest), json, Map.of("X-API-Key", apiKey, "Content-Type", "application/json"));
    }

    public Http.Response post(String rest, String json, Map<String, String> headers) {
        var all = new java.util.HashMap<>(headers);
        all.put("X-API-Key", apiKey);
        all.putIfAbsent("Content-Type", "application/json");
        return http.send("POST", path(rest), json, all);
    }

    public Http.Response put(String rest, String json) {
        return http.send("PUT", path(rest), json, Map.of("X-API-Key", apiKey, "Content-Type", "application/json"));
    }

    public Http.Response delete(String rest) {
        return http.send("DELETE", path(rest), null, Map.of("X-API-Key", apiKey));
    }
}
