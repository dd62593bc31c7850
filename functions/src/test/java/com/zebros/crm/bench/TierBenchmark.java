package com.zebros.crm.bench;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.zebros.crm.Service;
import com.zebros.crm.auth.Principal;
import com.zebros.crm.http.Json;
import com.zebros.crm.http.Request;
import com.zebros.crm.http.Response;
import com.zebros.crm.local.LocalDynamo;
import com.zebros.crm.migrate.MigrationState;
import com.zebros.crm.obs.ConsumedCapacity;
import com.zebros.crm.scale.TierData;
import com.zebros.crm.store.Store;
import com.zebros.crm.store.Table;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The API at the seeds' tier sizes and ten times the top one (not a test: run it on purpose). TierData
 * writes a tenant at each size (with several small tenants beside them) into DynamoDB Local; then, per
 * size, simulated users (250 by default, each waiting a random think time between requests, the mix of
 * reads and writes of a sales team) run against the service for a while, and every route's p50, p95
 * and p99 and the read and write units each request consumed are reported, beside DynamoDB Local's own
 * single-item read under the same users (the floor). "Before" runs the same users with the pipeline's
 * totals not yet migrated (the pipeline and win rate read every opportunity, as they used to); "after"
 * with them.
 *
 * <p>Run: {@code mvn -q -f functions/pom.xml test-compile exec:java -Dexec.mainClass=com.zebros.crm.bench.TierBenchmark}
 * ({@code -Dusers=250 -Dseconds=60 -Dsizes=4}); results also go to target/tier-benchmark.json.
 */
public final class TierBenchmark {
    private static final int USERS = Integer.getInteger("users", 250);
    private static final int SECONDS = Integer.getInteger("seconds", 60);
    private static final int WARMUP_SECONDS = 8;
    private static final int SIZES = Integer.getInteger("sizes", TierData.SIZES.size());
    /** The first size to run ({@code -Dfrom=3}: the largest alone). */
    private static final int FROM = Integer.getInteger("from", 0);
    /** Which runs: before and after the pipeline's totals, or one of them ({@code -Dphases=after}). */
    private static final List<String> PHASES =
            List.of(System.getProperty("phases", "before,after").split(","));

    private static final double THINK_SECONDS = Double.parseDouble(System.getProperty("think", "3"));
    private static final String FLOOR = "DynamoDB Local GetItem (floor)";

    private TierBenchmark() {}

    public static void main(String[] args) throws Exception {
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        System.setProperty("aws.accessKeyId", "local");
        System.setProperty("aws.secretAccessKey", "local");
        PrintStream report = new PrintStream(new FileOutputStream(FileDescriptor.err), true);
        try (LocalDynamo dynamo = new LocalDynamo()) {
            Store store = new Store(dynamo.client(), dynamo.names());
            TierData data = new TierData(dynamo.client(), dynamo.names());
            List<TierData.Tenant> tenants = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                long start = System.nanoTime();
                data.write("bystander-" + i, TierData.SIZES.get(0), 100 + i);
                report.printf("bystander tenant %d written in %.1f s%n", i, (System.nanoTime() - start) / 1e9);
            }
            for (TierData.Size size : TierData.SIZES.subList(FROM, SIZES)) {
                long start = System.nanoTime();
                tenants.add(data.write("tier-" + size.name().replace(' ', '-'), size, 2026));
                double seconds = (System.nanoTime() - start) / 1e9;
                report.printf(
                        "%s: %,d items written in %.0f s (%,.0f items/s)%n",
                        size.name(), size.items(), seconds, size.items() / seconds);
            }
            Map<String, Object> results = new LinkedHashMap<>();
            for (String phase : PHASES) {
                setMigrated(store, phase.equals("after"));
                Service service = Service.fromEnvironment(dynamo.environment());
                Map<String, Object> bySize = new LinkedHashMap<>();
                for (TierData.Tenant tenant : tenants) {
                    Map<String, Stats> stats = run(service, dynamo, tenant);
                    bySize.put(tenant.size().name(), Stats.toJson(stats));
                    print(report, phase, tenant.size(), stats);
                }
                results.put(phase, bySize);
            }
            Path out = Path.of("target", "tier-benchmark.json");
            Files.createDirectories(out.getParent());
            Files.writeString(out, Json.write(results));
            report.println("results: " + out.toAbsolutePath());
        }
        System.exit(0);
    }

    /** Before: the totals' migration not done, so the pipeline reads every opportunity; after: done. */
    private static void setMigrated(Store store, boolean done) {
        // The generated items carry every list key (TierData derives them), so the list keys' migrations are done.
        for (Table table : com.zebros.crm.migrate.ListKeysMigration.TABLES) {
            Map<String, AttributeValue> item = new java.util.HashMap<>(Store.key(
                    Table.JOBS,
                    MigrationState.PARTITION,
                    "migration#" + com.zebros.crm.migrate.ListKeysMigration.name(table)));
            item.put("done", AttributeValue.fromBool(true));
            store.client().putItem(b -> b.tableName(store.name(Table.JOBS)).item(item));
        }
        var key = Store.key(Table.JOBS, MigrationState.PARTITION, "migration#pipeline-totals");
        if (done) {
            Map<String, AttributeValue> item = new java.util.HashMap<>(key);
            item.put("done", AttributeValue.fromBool(true));
            store.client().putItem(b -> b.tableName(store.name(Table.JOBS)).item(item));
        } else {
            store.client().deleteItem(b -> b.tableName(store.name(Table.JOBS)).key(key));
        }
    }

    /** Latencies and consumed units of one route. */
    static final class Stats {
        final List<Double> millis = Collections.synchronizedList(new ArrayList<>());
        final List<Double> reads = Collections.synchronizedList(new ArrayList<>());
        final List<Double> writes = Collections.synchronizedList(new ArrayList<>());
        volatile int errors;

        void add(double ms, double r, double w) {
            millis.add(ms);
            reads.add(r);
            writes.add(w);
        }

        static double percentile(List<Double> values, double p) {
            List<Double> sorted;
            synchronized (values) {
                sorted = new ArrayList<>(values);
            }
            if (sorted.isEmpty()) {
                return Double.NaN;
            }
            Collections.sort(sorted);
            return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
        }

        static double mean(List<Double> values) {
            synchronized (values) {
                return values.stream()
                        .mapToDouble(Double::doubleValue)
                        .average()
                        .orElse(0);
            }
        }

        static Map<String, Object> toJson(Map<String, Stats> all) {
            Map<String, Object> json = new LinkedHashMap<>();
            all.forEach((route, s) -> {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("requests", s.millis.size());
                row.put("p50", percentile(s.millis, 0.50));
                row.put("p95", percentile(s.millis, 0.95));
                row.put("p99", percentile(s.millis, 0.99));
                row.put("readUnits", mean(s.reads));
                row.put("writeUnits", mean(s.writes));
                row.put("errors", s.errors);
                json.put(route, row);
            });
            return json;
        }
    }

    private static Map<String, Stats> run(Service service, LocalDynamo dynamo, TierData.Tenant tenant)
            throws InterruptedException {
        Map<String, Stats> stats = new ConcurrentHashMap<>();
        AtomicBoolean measuring = new AtomicBoolean(false);
        AtomicBoolean running = new AtomicBoolean(true);
        CountDownLatch done = new CountDownLatch(USERS);
        for (int u = 0; u < USERS; u++) {
            long seed = u;
            Thread user = new Thread(() -> {
                Random random = new Random(seed);
                User session = new User(service, dynamo, tenant, random, "user-" + seed);
                try {
                    Thread.sleep((long) (random.nextDouble() * THINK_SECONDS * 1000));
                    while (running.get()) {
                        session.act(measuring.get() ? stats : null);
                        Thread.sleep((long) (-Math.log(1 - random.nextDouble()) * THINK_SECONDS * 1000));
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            });
            user.setDaemon(true);
            user.start();
        }
        Thread.sleep(WARMUP_SECONDS * 1000L);
        measuring.set(true);
        Thread.sleep(SECONDS * 1000L);
        measuring.set(false);
        running.set(false);
        done.await();
        return stats;
    }

    /** One simulated user of a sales team: a mix of reads and writes, with cursors followed. */
    private static final class User {
        private static final List<String> STAGES =
                List.of("prospecting", "qualification", "proposal", "negotiation", "closed-won", "closed-lost");
        private final Service service;
        private final LocalDynamo dynamo;
        private final TierData.Tenant tenant;
        private final Random random;
        private final Principal principal;
        private final String owner;
        private String customersCursor;

        User(Service service, LocalDynamo dynamo, TierData.Tenant tenant, Random random, String subject) {
            this.service = service;
            this.dynamo = dynamo;
            this.tenant = tenant;
            this.random = random;
            this.principal = new Principal(tenant.id(), subject, Set.of(Principal.ADMIN));
            this.owner = tenant.owners().get(random.nextInt(tenant.owners().size()));
        }

        /** A customer the way users pick them: often one of the busiest, mostly any. */
        private String customer() {
            return random.nextInt(5) == 0
                    ? tenant.busiestCustomers()
                            .get(random.nextInt(tenant.busiestCustomers().size()))
                    : tenant.customers().get(random.nextInt(tenant.customers().size()));
        }

        void act(Map<String, Stats> stats) {
            int pick = random.nextInt(100);
            if (pick < 2) {
                call(stats, "GET /v1/tasks?assignee=", "GET", "/v1/tasks", Map.of("assignee", owner), null);
            } else if (pick < 14) {
                Map<String, String> query = new LinkedHashMap<>();
                if (customersCursor != null && random.nextBoolean()) {
                    query.put("cursor", customersCursor);
                }
                Response r = call(stats, "GET /v1/customers", "GET", "/v1/customers", query, null);
                customersCursor = r.status() == 200 ? nextCursor(r) : null;
            } else if (pick < 19) {
                call(
                        stats,
                        "GET /v1/customers?q=",
                        "GET",
                        "/v1/customers",
                        Map.of("q", List.of("acme", "glo", "initech", "wayne h").get(random.nextInt(4))),
                        null);
            } else if (pick < 21) {
                call(
                        stats,
                        "GET /v1/search?q=",
                        "GET",
                        "/v1/search",
                        Map.of("q", List.of("acme", "glo", "initech", "wayne h").get(random.nextInt(4))),
                        null);
            } else if (pick < 22) {
                call(
                        stats,
                        "GET /v1/customers?updatedAt.gte=",
                        "GET",
                        "/v1/customers",
                        Map.of("updatedAt.gte", "2026-01-01", "limit", "50"),
                        null);
            } else if (pick < 31) {
                call(stats, "GET /v1/customers/{id}", "GET", "/v1/customers/" + customer(), Map.of(), null);
            } else if (pick < 34) {
                call(
                        stats,
                        "GET /v1/customers/{id}/history",
                        "GET",
                        "/v1/customers/" + customer() + "/history",
                        Map.of(),
                        null);
            } else if (pick < 43) {
                call(
                        stats,
                        "GET /v1/customers/{id}/timeline",
                        "GET",
                        "/v1/customers/" + customer() + "/timeline",
                        Map.of(),
                        null);
            } else if (pick < 47) {
                call(
                        stats,
                        "GET /v1/customers/{id}/contacts",
                        "GET",
                        "/v1/customers/" + customer() + "/contacts",
                        Map.of(),
                        null);
            } else if (pick < 51) {
                call(
                        stats,
                        "GET /v1/customers/{id}/opportunities",
                        "GET",
                        "/v1/customers/" + customer() + "/opportunities",
                        Map.of(),
                        null);
            } else if (pick < 58) {
                call(stats, "GET /v1/opportunities?owner=", "GET", "/v1/opportunities", Map.of("owner", owner), null);
            } else if (pick < 59) {
                call(
                        stats,
                        "GET /v1/opportunities?owner=&stage=&expectedCloseDate.gte=",
                        "GET",
                        "/v1/opportunities",
                        Map.of(
                                "owner",
                                owner,
                                "stage",
                                STAGES.get(random.nextInt(STAGES.size())),
                                "expectedCloseDate.gte",
                                "2026-06-01"),
                        null);
            } else if (pick < 60) {
                call(
                        stats,
                        "GET /v1/opportunities?currency=&sort=-amount",
                        "GET",
                        "/v1/opportunities",
                        Map.of("currency", "EUR", "sort", "-amount"),
                        null);
            } else if (pick < 61) {
                call(
                        stats,
                        "GET /v1/opportunities/{id}/stages",
                        "GET",
                        "/v1/opportunities/"
                                + tenant.opportunities()
                                        .get(random.nextInt(
                                                tenant.opportunities().size())) + "/stages",
                        Map.of(),
                        null);
            } else if (pick < 65) {
                call(stats, "GET /v1/pipeline", "GET", "/v1/pipeline", Map.of(), null);
            } else if (pick < 66) {
                call(stats, "GET /v1/pipeline/stages", "GET", "/v1/pipeline/stages", Map.of(), null);
            } else if (pick < 68) {
                call(stats, "GET /v1/analytics/win-rate", "GET", "/v1/analytics/win-rate", Map.of(), null);
            } else if (pick < 72) {
                call(stats, "GET /v1/activities?owner=", "GET", "/v1/activities", Map.of("owner", owner), null);
            } else if (pick < 73) {
                call(stats, "GET /v1/deleted", "GET", "/v1/deleted", Map.of(), null);
            } else if (pick < 78) {
                floor(stats);
            } else if (pick < 86) {
                call(
                        stats,
                        "POST /v1/activities",
                        "POST",
                        "/v1/activities",
                        Map.of(),
                        "{\"customerId\":\"" + customer()
                                + "\",\"type\":\"call\",\"subject\":\"Call\",\"occurredAt\":\"2026-11-20T10:00:00Z\",\"ownerId\":\""
                                + owner + "\"}");
            } else if (pick < 90) {
                updateOpportunity(stats);
            } else if (pick < 94) {
                call(
                        stats,
                        "POST /v1/customers/{id}/contacts",
                        "POST",
                        "/v1/customers/" + customer() + "/contacts",
                        Map.of(),
                        "{\"firstName\":\"New\",\"lastName\":\"Contact\"}");
            } else if (pick < 97) {
                call(
                        stats,
                        "POST /v1/opportunities",
                        "POST",
                        "/v1/opportunities",
                        Map.of(),
                        "{\"customerId\":\"" + customer()
                                + "\",\"name\":\"New deal\",\"amount\":{\"value\":\"2500.00\",\"currency\":\"EUR\"},\"stage\":\"prospecting\","
                                + "\"expectedCloseDate\":\"2027-03-01\",\"ownerId\":\"" + owner + "\"}");
            } else {
                switch (random.nextInt(4)) {
                    case 0, 1 ->
                        call(
                                stats,
                                "POST /v1/customers",
                                "POST",
                                "/v1/customers",
                                Map.of(),
                                "{\"name\":\"Prospect " + random.nextInt(100000) + "\"}");
                    case 2 -> upsertCustomers(stats);
                    default -> deleteAndRestore(stats);
                }
            }
        }

        private void updateOpportunity(Map<String, Stats> stats) {
            String id = tenant.opportunities()
                    .get(random.nextInt(tenant.opportunities().size()));
            Response current = call(null, null, "GET", "/v1/opportunities/" + id, Map.of(), null);
            if (current.status() != 200) {
                return;
            }
            JsonObject body = JsonParser.parseString(current.body()).getAsJsonObject();
            body.remove("id");
            String version = body.remove("version").getAsString();
            body.remove("createdAt");
            body.remove("updatedAt");
            // A deal moves on: always to another stage (the same choices replayed in the second run would otherwise set
            // the stage the first run set, an update that changes no totals).
            List<String> others = new ArrayList<>(STAGES);
            others.remove(body.get("stage").getAsString());
            String stage = others.get(random.nextInt(others.size()));
            body.addProperty("stage", stage);
            if (random.nextBoolean()) {
                call(
                        stats,
                        "PUT /v1/opportunities/{id}",
                        "PUT",
                        "/v1/opportunities/" + id,
                        Map.of(),
                        body.toString(),
                        "If-Match",
                        "\"" + version + "\"");
            } else {
                call(
                        stats,
                        "PATCH /v1/opportunities/{id}",
                        "PATCH",
                        "/v1/opportunities/" + id,
                        Map.of(),
                        "{\"stage\":\"" + stage + "\"}",
                        "If-Match",
                        "\"" + version + "\"");
            }
        }

        /** A prospect entered by mistake, deleted, then brought back. */
        private void deleteAndRestore(Map<String, Stats> stats) {
            Response created = call(
                    null,
                    null,
                    "POST",
                    "/v1/customers",
                    Map.of(),
                    "{\"name\":\"Mistake " + random.nextInt(100000) + "\"}");
            if (created.status() != 201) {
                return;
            }
            String id = JsonParser.parseString(created.body())
                    .getAsJsonObject()
                    .get("id")
                    .getAsString();
            call(stats, "DELETE /v1/customers/{id}", "DELETE", "/v1/customers/" + id, Map.of(), null);
            call(stats, "POST /v1/customers/{id}/restore", "POST", "/v1/customers/" + id + "/restore", Map.of(), null);
        }

        /** A CRM sync: ten customers upserted by domain, drawn from 1,000 domains, so most upserts soon update a customer an earlier one created. */
        private void upsertCustomers(Map<String, Stats> stats) {
            StringBuilder records = new StringBuilder();
            for (int i = 0; i < 10; i++) {
                records.append(i == 0 ? "" : ",")
                        .append("{\"domain\":\"prospect-")
                        .append(random.nextInt(1000))
                        .append(".example\",\"name\":\"Prospect ")
                        .append(random.nextInt(100000))
                        .append("\"}");
            }
            call(
                    stats,
                    "POST /v1/customers/batch (upsert 10)",
                    "POST",
                    "/v1/customers/batch",
                    Map.of(),
                    "{\"mode\":\"upsert\",\"records\":[" + records + "]}");
        }

        /** DynamoDB Local's own single-item read under the same users: what no route can beat. */
        private void floor(Map<String, Stats> stats) {
            String id = customer();
            long start = System.nanoTime();
            dynamo.client()
                    .getItem(b -> b.tableName(dynamo.names().get(Table.CUSTOMERS))
                            .key(Store.key(Table.CUSTOMERS, tenant.id(), id)));
            if (stats != null) {
                stats.computeIfAbsent(FLOOR, k -> new Stats()).add((System.nanoTime() - start) / 1e6, 0.5, 0);
            }
        }

        private Response call(
                Map<String, Stats> stats,
                String route,
                String method,
                String path,
                Map<String, String> query,
                String body,
                String... headers) {
            Map<String, String> map = new LinkedHashMap<>();
            for (int i = 0; i < headers.length; i += 2) {
                map.put(headers[i], headers[i + 1]);
            }
            long start = System.nanoTime();
            Response response =
                    service.handle(new Request(method, path, Map.of(), query, map, body, principal, "tier"));
            double ms = (System.nanoTime() - start) / 1e6;
            if (stats != null && route != null) {
                Stats s = stats.computeIfAbsent(route, k -> new Stats());
                s.add(ms, ConsumedCapacity.reads(), ConsumedCapacity.writes());
                if (response.status() >= 500) {
                    s.errors++;
                }
            }
            return response;
        }

        private static String nextCursor(Response response) {
            var next = JsonParser.parseString(response.body()).getAsJsonObject().get("nextCursor");
            return next == null || next.isJsonNull() ? null : next.getAsString();
        }
    }

    private static void print(PrintStream report, String phase, TierData.Size size, Map<String, Stats> stats) {
        report.printf(
                "%n%s, %s (%,d customers, %,d contacts, %,d opportunities, %,d activities; %d users)%n",
                phase, size.name(), size.customers(), size.contacts(), size.opportunities(), size.activities(), USERS);
        report.printf(
                "%-38s %8s %8s %8s %8s %7s %7s%n",
                "route", "requests", "p50 ms", "p95 ms", "p99 ms", "RCU/req", "WCU/req");
        new java.util.TreeMap<>(stats)
                .forEach((route, s) -> report.printf(
                        "%-38s %8d %8.2f %8.2f %8.2f %7.2f %7.2f%n",
                        route,
                        s.millis.size(),
                        Stats.percentile(s.millis, 0.5),
                        Stats.percentile(s.millis, 0.95),
                        Stats.percentile(s.millis, 0.99),
                        Stats.mean(s.reads),
                        Stats.mean(s.writes)));
    }
}
