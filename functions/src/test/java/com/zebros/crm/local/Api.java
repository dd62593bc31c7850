package com.zebros.crm.local;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.zebros.crm.auth.Principal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

/**
 * The API as a client sees it, end to end over HTTP: one local server (DynamoDB Local in-process, the
 * dev issuer, the real service) shared by every test of the JVM, and tokens for any tenant and role.
 */
public final class Api {
    private static LocalServer server;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Api() {}

    public static synchronized LocalServer server() {
        if (server == null) {
            try {
                server = new LocalServer(0, Map.of());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return server;
    }

    public static String token(String tenant, String... roles) {
        return server().issuer().token(tenant, "user-of-" + tenant, List.of(roles));
    }

    public static String admin(String tenant) {
        return token(tenant, Principal.ADMIN);
    }

    /** A response: status, headers and body. */
    public record Reply(int status, Map<String, List<String>> headers, String body) {
        public JsonObject json() {
            return JsonParser.parseString(body).getAsJsonObject();
        }

        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }
    }

    public static Reply send(String method, String path, String token, String body, String... headers) {
        var builder = HttpRequest.newBuilder(URI.create(server().url() + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            builder.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            builder.setHeader(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static Reply get(String path, String token) {
        return send("GET", path, token, null);
    }

    public static Reply post(String path, String token, String body, String... headers) {
        return send("POST", path, token, body, headers);
    }

    public static Reply put(String path, String token, String body, String... headers) {
        return send("PUT", path, token, body, headers);
    }

    public static Reply patch(String path, String token, String body, String... headers) {
        return send("PATCH", path, token, body, headers);
    }

    public static Reply delete(String path, String token, String... headers) {
        return send("DELETE", path, token, null, headers);
    }

    /** A customer of {@code tenant}, created through the API; its id. */
    public static String customer(String tenant, String name) {
        Reply reply =
                post("/v1/customers", admin(tenant), "{\"name\":\"" + name + "\",\"email\":\"info@example.com\"}");
        if (reply.status() != 201) {
            throw new IllegalStateException("could not create a customer: " + reply.body());
        }
        return reply.json().get("id").getAsString();
    }
}
