package com.zebros.crm.faults;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A realm's key endpoint ({@code /realms/zebros/protocol/openid-connect/certs}) on a loopback port,
 * serving a key set: stopped (connections refused), slowed, and started again on the same port.
 */
final class KeysEndpoint implements AutoCloseable {
    private final int port;
    private final String jwks;
    private volatile long delayMillis;
    private HttpServer server;

    KeysEndpoint(int port, String jwks) {
        this.port = port;
        this.jwks = jwks;
    }

    String issuer() {
        return "http://127.0.0.1:" + port + "/realms/zebros";
    }

    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 16);
        server.createContext("/realms/zebros/protocol/openid-connect/certs", exchange -> {
            try (exchange) {
                if (delayMillis > 0) {
                    Thread.sleep(delayMillis);
                }
                byte[] body = jwks.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.start();
    }

    void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    void delay(long millis) {
        delayMillis = millis;
    }

    @Override
    public void close() {
        stop();
    }
}
