package io.jumbe.server.docs;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import io.jumbe.docs.DocsResources;
import io.jumbe.server.testing.Http;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Real HTTP calls to the server under test, each checked against the OpenAPI document the server serves, with
 * swagger-request-validator: the request we sent (unless it is meant to be bad) and the response we got, status,
 * headers, content type and body schema. Mismatches are collected, not thrown, so one run lists them all.
 */
final class CheckedHttp {
    private static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator
            .createForInlineApiSpecification(new String(new DocsResources().openApiYaml(), StandardCharsets.UTF_8))
            .build();

    private final Http http;
    private final List<String> mismatches = Collections.synchronizedList(new ArrayList<>());
    private final List<String> checked = Collections.synchronizedList(new ArrayList<>());

    CheckedHttp(Http http) {
        this.http = http;
    }

    /** A well-formed call: the request and the response must both match the document. */
    Http.Response send(String method, String pathAndQuery, String body, Map<String, String> headers) {
        return call(method, pathAndQuery, body, headers, true);
    }

    /** A call that is wrong on purpose (no key, bad fields): only the response must match the document. */
    Http.Response sendBad(String method, String pathAndQuery, String body, Map<String, String> headers) {
        return call(method, pathAndQuery, body, headers, false);
    }

    /** What did not match, one line per call: {@code METHOD path -> status: messages}. */
    List<String> mismatches() {
        synchronized (mismatches) {
            return List.copyOf(mismatches);
        }
    }

    /** Every call checked, {@code METHOD path -> status}. */
    List<String> checked() {
        synchronized (checked) {
            return List.copyOf(checked);
        }
    }

    private Http.Response call(String method, String pathAndQuery, String body, Map<String, String> headers,
                               boolean checkRequest) {
        Http.Response response = http.send(method, pathAndQuery, body, headers);
        String path = pathAndQuery.contains("?") ? pathAndQuery.substring(0, pathAndQuery.indexOf('?')) : pathAndQuery;
        SimpleRequest.Builder request = new SimpleRequest.Builder(method, path);
        headers.forEach(request::withHeader);
        if (body != null) {
            request.withBody(body);
        }
        query(pathAndQuery).forEach(request::withQueryParam);
        SimpleResponse.Builder answer = SimpleResponse.Builder.status(response.status()).withBody(response.body());
        response.headers().map().forEach(answer::withHeader);

        ValidationReport report = checkRequest
                ? VALIDATOR.validate(request.build(), answer.build())
                : VALIDATOR.validateResponse(path, Request.Method.valueOf(method), answer.build());
        String line = method + " " + pathAndQuery + " -> " + response.status();
        checked.add(line);
        if (report.hasErrors()) {
            mismatches.add(line + ": " + report.getMessages() + "\n    body: " + abbreviate(response.body()));
        }
        return response;
    }

    private static Map<String, List<String>> query(String pathAndQuery) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        int at = pathAndQuery.indexOf('?');
        if (at < 0) {
            return params;
        }
        for (String pair : pathAndQuery.substring(at + 1).split("&")) {
            String[] kv = pair.split("=", 2);
            params.computeIfAbsent(decode(kv[0]), k -> new ArrayList<>()).add(kv.length > 1 ? decode(kv[1]) : "");
        }
        return params;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String body) {
        return body.length() > 400 ? body.substring(0, 400) + "…" : body;
    }
}
