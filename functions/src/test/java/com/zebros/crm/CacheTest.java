package com.zebros.crm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zebros.crm.auth.Principal;
import com.zebros.crm.cache.RedisItemCache;
import com.zebros.crm.crm.Jobs;
import com.zebros.crm.http.Request;
import com.zebros.crm.http.Response;
import com.zebros.crm.local.Api;
import com.zebros.crm.local.LocalDynamo;
import com.zebros.crm.obs.Metrics;
import com.zebros.crm.store.Store;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The read-through cache against the real Redis server on 127.0.0.1:6379 and DynamoDB Local: hits
 * and misses counted, every write invalidating, a tenant never served another's item.
 */
class CacheTest {
    private static JedisPooled redis;
    private static Service service;
    private final String tenant = "cache-" + UUID.randomUUID();

    @BeforeAll
    static void start() {
        redis = new JedisPooled("127.0.0.1", 6379);
        LocalDynamo dynamo = Api.server().dynamo();
        Store store = new Store(dynamo.client(), dynamo.names());
        S3Presigner presigner = S3Presigner.builder()
                .region(Region.US_EAST_1)
                .credentialsProvider(LocalDynamo.credentials())
                .build();
        service = new Service(
                store,
                new RedisItemCache(redis),
                new Jobs(store, job -> false, presigner, "bucket", Clock.systemUTC()),
                Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        redis.close();
    }

    @BeforeEach
    void clearMetrics() {
        Metrics.current()
                .flush(
                        "reset",
                        "test",
                        new java.io.PrintStream(java.io.OutputStream.nullOutputStream()),
                        Clock.systemUTC());
    }

    private Response call(String method, String path, String body, String tenantId, Map<String, String> headers) {
        Principal principal = new Principal(tenantId, "u1", Set.of(Principal.ADMIN));
        return service.handle(new Request(method, path, Map.of(), Map.of(), headers, body, principal, "test"));
    }

    private Map<String, Double> metricsOf(Runnable request) {
        Map<String, Double> seen = new HashMap<>();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.PrintStream original = System.out;
        System.setOut(new java.io.PrintStream(out, true));
        try {
            request.run();
        } finally {
            System.setOut(original);
        }
        for (String line : out.toString().split("\n")) {
            if (line.contains("\"_aws\"")) {
                var json = com.google.gson.JsonParser.parseString(line).getAsJsonObject();
                for (String name : new String[] {"CacheHit", "CacheMiss"}) {
                    if (json.has(name)) {
                        seen.merge(name, json.get(name).getAsDouble(), Double::sum);
                    }
                }
            }
        }
        return seen;
    }

    @Test
    void aSecondReadIsACacheHitAndAWriteInvalidates() {
        Response created = call("POST", "/v1/customers", "{\"name\":\"Cached Ltd\"}", tenant, Map.of());
        String id = com.google.gson.JsonParser.parseString(created.body())
                .getAsJsonObject()
                .get("id")
                .getAsString();
        assertEquals(
                Map.of("CacheMiss", 1.0), metricsOf(() -> call("GET", "/v1/customers/" + id, null, tenant, Map.of())));
        assertEquals(
                Map.of("CacheHit", 1.0), metricsOf(() -> call("GET", "/v1/customers/" + id, null, tenant, Map.of())));
        assertNotNull(redis.get("crm:" + tenant + ":customers:" + id), "the item is in Redis under its tenant's key");

        call("PUT", "/v1/customers/" + id, "{\"name\":\"Renamed Ltd\"}", tenant, Map.of("If-Match", "\"1\""));
        assertNull(redis.get("crm:" + tenant + ":customers:" + id), "the write removed it");
        Response read = call("GET", "/v1/customers/" + id, null, tenant, Map.of());
        assertTrue(read.body().contains("Renamed Ltd"), "a read after a write sees the write");
    }

    @Test
    void anotherTenantIsNeverServedACachedItem() {
        Response created = call("POST", "/v1/customers", "{\"name\":\"Private\"}", tenant, Map.of());
        String id = com.google.gson.JsonParser.parseString(created.body())
                .getAsJsonObject()
                .get("id")
                .getAsString();
        call("GET", "/v1/customers/" + id, null, tenant, Map.of());
        assertEquals(
                404,
                call("GET", "/v1/customers/" + id, null, "intruder-" + UUID.randomUUID(), Map.of())
                        .status());
    }
}
