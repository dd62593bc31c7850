package com.zebros.crm;

import static com.zebros.crm.local.Api.admin;
import static com.zebros.crm.local.Api.get;
import static com.zebros.crm.local.Api.put;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.zebros.crm.local.Api;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Optimistic locking under real concurrent requests: exactly one writer of a version wins. */
class ConcurrencyTest {

    @Test
    void ofTwentyConcurrentUpdatesFromTheSameVersionExactlyOneWins() throws Exception {
        String tenant = "race-" + UUID.randomUUID();
        String token = admin(tenant);
        String id = Api.customer(tenant, "Contested");
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Callable<Integer>> writers = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String name = "Writer " + i;
                writers.add(() -> put("/v1/customers/" + id, token, "{\"name\":\"" + name + "\"}", "If-Match", "\"1\"")
                        .status());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(writers)) {
                statuses.add(f.get());
            }
            assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
            assertEquals(19, statuses.stream().filter(s -> s == 412).count(), statuses.toString());
            assertEquals(
                    2, get("/v1/customers/" + id, token).json().get("version").getAsInt());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentRetriesWithOneIdempotencyKeyCreateOneItem() throws Exception {
        String tenant = "retry-" + UUID.randomUUID();
        String token = admin(tenant);
        String key = "key-" + UUID.randomUUID();
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Callable<Integer>> retries = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                retries.add(() -> Api.post("/v1/customers", token, "{\"name\":\"Retried\"}", "Idempotency-Key", key)
                        .status());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(retries)) {
                statuses.add(f.get());
            }
            statuses.forEach(
                    s -> org.junit.jupiter.api.Assertions.assertTrue(s == 201 || s == 409, statuses.toString()));
            assertEquals(
                    1,
                    get("/v1/customers?q=retried", token)
                            .json()
                            .getAsJsonArray("items")
                            .size());
        } finally {
            pool.shutdownNow();
        }
    }
}
