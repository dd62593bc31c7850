package com.zebros.crm.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.zebros.crm.Service;
import com.zebros.crm.auth.Principal;
import com.zebros.crm.auth.TokenVerifier;
import com.zebros.crm.http.ApiException;
import com.zebros.crm.http.Request;
import com.zebros.crm.http.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;

/**
 * The whole CRM API on localhost: DynamoDB Local in-process, a development token issuer with its
 * JWKS, and an HTTP front that does what API Gateway and the authorizer do: verify the bearer token
 * (the same {@link TokenVerifier} the authorizer runs), pass the caller on, and hand the request to
 * the same {@link Service} the Lambda handlers run.
 *
 * <p>Run: {@code mvn -q -f functions/pom.xml test-compile exec:java}. It prints the URL and a token
 * for the demo tenant. Set {@code REDIS_ENDPOINT=redis://127.0.0.1:6379} to use the local Redis.
 */
public final class LocalServer implements AutoCloseable {
    private final LocalDynamo dynamo;
    private final DevTokenIssuer issuer;
    private final HttpServer http;
    private final Service service;
    private final TokenVerifier verifier;

    public LocalServer(int port, Map<String, String> extraEnvironment) throws IOException {
        dynamo = new LocalDynamo();
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 512);
        String base = "http://127.0.0.1:" + http.getAddress().getPort();
        issuer = new DevTokenIssuer(base + "/realms/zebros");
        verifier = new TokenVerifier(issuer.issuer(), DevTokenIssuer.AUDIENCE, issuer.keys());
        Map<String, String> env = new HashMap<>(dynamo.environment());
        env.putAll(extraEnvironment);
        env.putIfAbsent("FILES_BUCKET", "zebros-local-files");
        System.setProperty("aws.accessKeyId", "local");
        System.setProperty("aws.secretAccessKey", "local");
        service = Service.fromEnvironment(env);
        // As the hourly migrations function does in a stack: the data migrations run before the first request.
        var store = new com.zebros.crm.store.Store(dynamo.client(), dynamo.names());
        new com.zebros.crm.migrate.PipelineTotalsMigration(store, new com.zebros.crm.migrate.MigrationState(store))
                .run(java.time.Duration.ofMinutes(1));
        for (var table : com.zebros.crm.migrate.ListKeysMigration.TABLES) {
            new com.zebros.crm.migrate.ListKeysMigration(store, new com.zebros.crm.migrate.MigrationState(store), table)
                    .run(java.time.Duration.ofMinutes(1));
        }
        http.createContext("/realms/zebros/protocol/openid-connect/certs", this::jwks);
        http.createContext("/", this::api);
        http.setExecutor(Executors.newFixedThreadPool(32));
        http.start();
    }

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8080"));
        Map<String, String> env = new HashMap<>();
        if (System.getenv("REDIS_ENDPOINT") != null) {
            env.put("REDIS_ENDPOINT", System.getenv("REDIS_ENDPOINT"));
        }
        LocalServer server = new LocalServer(port, env);
        String token = server.issuer().token("demo-tenant", "demo-user", List.of(Principal.ADMIN));
        System.out.println(
                "Zebros CRM API on " + server.url() + " (DynamoDB Local at " + server.dynamo.endpoint() + ")");
        System.out.println("Token for tenant demo-tenant (crm-admin), valid one hour:");
        System.out.println(token);
        System.out.println("Try: curl -H \"Authorization: Bearer $TOKEN\" " + server.url() + "/v1/customers");
    }

    public String url() {
        return "http://127.0.0.1:" + http.getAddress().getPort();
    }

    public DevTokenIssuer issuer() {
        return issuer;
    }

    public LocalDynamo dynamo() {
        return dynamo;
    }

    public Service service() {
        return service;
    }

    private void jwks(HttpExchange exchange) throws IOException {
        send(exchange, new Response(200, Map.of("Content-Type", "application/json"), issuer.jwksJson()));
    }

    private void api(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, v.get(0)));
            Principal principal = null;
            if (!path.equals("/v1/health")) {
                try {
                    principal = verifier.verify(headers.getOrDefault("Authorization", headers.get("authorization")));
                } catch (TokenVerifier.InvalidTokenException e) {
                    send(
                            exchange,
                            Response.problem(ApiException.unauthorized("the bearer token is missing or invalid")));
                    return;
                } catch (TokenVerifier.KeysUnavailableException e) {
                    // What the REST API's gateway responses answer when the authorizer cannot get the issuer's keys.
                    send(
                            exchange,
                            Response.problem(new ApiException(
                                    503,
                                    "Service Unavailable",
                                    "the token issuer's keys cannot be fetched; retry shortly",
                                    List.of(),
                                    Map.of("Retry-After", "5"))));
                    return;
                }
            }
            byte[] body = readBody(exchange.getRequestBody());
            Request request = new Request(
                    exchange.getRequestMethod(),
                    path,
                    Map.of(),
                    query(exchange.getRequestURI().getRawQuery()),
                    headers,
                    body.length == 0 ? null : new String(body, StandardCharsets.UTF_8),
                    principal,
                    UUID.randomUUID().toString());
            send(exchange, service.handle(request));
        }
    }

    /** Reads at most one byte past the API's limit, so an oversize body is refused, not buffered. */
    private static byte[] readBody(InputStream in) throws IOException {
        return in.readNBytes(Service.MAX_BODY_BYTES + 1);
    }

    static Map<String, String> query(String raw) {
        Map<String, String> query = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            query.put(key, value);
        }
        return query;
    }

    private static void send(HttpExchange exchange, Response response) throws IOException {
        byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
        response.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        exchange.sendResponseHeaders(response.status(), response.status() == 204 ? -1 : bytes.length);
        if (response.status() != 204) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        http.stop(0);
        dynamo.close();
    }
}
