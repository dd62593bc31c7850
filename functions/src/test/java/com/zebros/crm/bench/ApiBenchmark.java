package com.zebros.crm.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParser;
import com.zebros.crm.Service;
import com.zebros.crm.lambda.ApiHandler;
import com.zebros.crm.local.LocalDynamo;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * The API's speed, measured locally against DynamoDB Local (not a test: run it on purpose).
 *
 * <ul>
 *   <li>cold init: a fresh JVM on the deployment jar, from process start to the first answered request
 *       through the handler, median of five (goal: at most 1 s);</li>
 *   <li>warm latency per route: 2,000 requests per route through the handler from concurrent
 *       callers after a warm-up, p50/p95/p99 (goal: p95 at most 15 ms);</li>
 *   <li>the floor under them: the same load of bare GetItem calls to DynamoDB Local, which runs in
 *       this JVM on SQLite and is far slower than DynamoDB itself, so the API's own share shows.</li>
 * </ul>
 *
 * <p>Run: {@code mvn -q -f functions/pom.xml package -DskipTests && mvn -q -f functions/pom.xml exec:java
 * -Dexec.mainClass=com.zebros.crm.bench.ApiBenchmark}. Results also go to target/benchmark.json.
 */
public final class ApiBenchmark {
    /** Concurrent callers: 4 by default on the 2-core build machine, -Dcallers=N to change. */
    private static final int THREADS = Integer.getInteger("callers", 4);

    private static final int REQUESTS_PER_ROUTE = 2000;
    private static final int WARMUP_PER_ROUTE = 500;

    private ApiBenchmark() {}

    public static void main(String[] args) throws Exception {
        System.setOut(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
        java.io.PrintStream report =
                new java.io.PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true);
        int code = 0;
        try (LocalDynamo dynamo = new LocalDynamo()) {
            Map<String, Object> results = new LinkedHashMap<>();
            results.put("coldInitMs", coldStarts(dynamo, report));
            results.put("warm", warm(dynamo, report));
            Path out = target().resolve("benchmark.json");
            Files.writeString(
                    out, new GsonBuilder().setPrettyPrinting().create().toJson(results));
            report.println("written to " + out.toAbsolutePath());
        } catch (Exception e) {
            e.printStackTrace(report);
            code = 1;
        }
        // DynamoDB Local leaves non-daemon threads behind; the benchmark is done.
        Runtime.getRuntime().halt(code);
    }

    /** functions/target whether Maven runs from the repository's root (README's command) or from functions/. */
    private static Path target() {
        return Files.isDirectory(Path.of("functions", "target")) ? Path.of("functions", "target") : Path.of("target");
    }

    private static Map<String, Object> coldStarts(LocalDynamo dynamo, java.io.PrintStream report) throws Exception {
        Path jar = target().resolve("zebros-functions.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(
                    "build the deployment jar first: mvn -q -f functions/pom.xml package -DskipTests");
        }
        String classpath = jar.toAbsolutePath()
                + File.pathSeparator
                + target().resolve("test-classes").toAbsolutePath();
        List<Long> initMs = new ArrayList<>();
        List<Long> wallMs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ProcessBuilder builder = new ProcessBuilder(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:+TieredCompilation",
                    "-XX:TieredStopAtLevel=1",
                    "-cp",
                    classpath,
                    ColdStart.class.getName());
            builder.environment().putAll(dynamo.environment());
            builder.environment().put("AWS_ACCESS_KEY_ID", "local");
            builder.environment().put("AWS_SECRET_ACCESS_KEY", "local");
            builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
            long start = System.nanoTime();
            Process process = builder.start();
            String line;
            try (BufferedReader err =
                    new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                while ((line = err.readLine()) != null && !line.startsWith("COLD-START")) {
                    // skip
                }
            }
            long wall = (System.nanoTime() - start) / 1_000_000;
            process.waitFor(30, TimeUnit.SECONDS);
            if (line == null || !line.contains("status=200")) {
                throw new IllegalStateException("the cold start did not answer 200: " + line);
            }
            initMs.add(Long.parseLong(line.replaceAll(".*initMs=(\\d+).*", "$1")));
            wallMs.add(wall);
        }
        Collections.sort(initMs);
        Collections.sort(wallMs);
        report.printf(
                "cold init (JVM start → first answer through the handler), 5 runs: median %d ms (min %d, max %d); "
                        + "spawn-to-answer wall median %d ms%n",
                initMs.get(2), initMs.get(0), initMs.get(4), wallMs.get(2));
        return Map.of("medianMs", initMs.get(2), "runsMs", initMs, "wallMedianMs", wallMs.get(2));
    }

    private static Map<String, Object> warm(LocalDynamo dynamo, java.io.PrintStream report) throws Exception {
        Map<String, String> env = new HashMap<>(dynamo.environment());
        System.setProperty("aws.accessKeyId", "local");
        System.setProperty("aws.secretAccessKey", "local");
        ApiHandler handler = new ApiHandler(Service.fromEnvironment(env));
        List<String> customers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            var created = handler.handleRequest(event("POST", "/v1/customers", "{\"name\":\"Bench " + i + "\"}"), null);
            customers.add(JsonParser.parseString(created.getBody())
                    .getAsJsonObject()
                    .get("id")
                    .getAsString());
        }
        String customer = customers.get(0);
        for (int i = 0; i < 20; i++) {
            handler.handleRequest(
                    event(
                            "POST",
                            "/v1/activities",
                            "{\"customerId\":\"" + customer + "\",\"type\":\"call\"," + "\"subject\":\"c" + i
                                    + "\",\"occurredAt\":\"2026-11-" + (10 + i) + "T10:00:00Z\",\"ownerId\":\"o\"}"),
                    null);
        }
        AtomicInteger counter = new AtomicInteger();
        Map<String, IntFunction<APIGatewayProxyRequestEvent>> routes = new LinkedHashMap<>();
        routes.put(
                "GET /v1/customers/{id}",
                i -> event("GET", "/v1/customers/" + customers.get(i % customers.size()), null));
        routes.put("GET /v1/customers?limit=25", i -> event("GET", "/v1/customers", null, Map.of("limit", "25")));
        routes.put("GET /v1/customers?q=", i -> event("GET", "/v1/customers", null, Map.of("q", "bench 1")));
        routes.put(
                "POST /v1/customers",
                i -> event("POST", "/v1/customers", "{\"name\":\"Load " + counter.incrementAndGet() + "\"}"));
        routes.put(
                "GET /v1/customers/{id}/timeline", i -> event("GET", "/v1/customers/" + customer + "/timeline", null));
        routes.put("GET /v1/pipeline", i -> event("GET", "/v1/pipeline", null));
        routes.put("GET /v1/health", i -> event("GET", "/v1/health", null));

        Map<String, Object> results = new LinkedHashMap<>();
        report.printf(
                "%-32s %8s %8s %8s %8s%n", "route (" + THREADS + " callers)", "requests", "p50 ms", "p95 ms", "p99 ms");
        var floor = measure(report, "DynamoDB Local GetItem (floor)", i -> {
            dynamo.client()
                    .getItem(b -> b.tableName(dynamo.names().get(com.zebros.crm.store.Table.CUSTOMERS))
                            .key(com.zebros.crm.store.Store.key(
                                    com.zebros.crm.store.Table.CUSTOMERS,
                                    "bench",
                                    customers.get(i % customers.size()))));
            return 200;
        });
        results.put("DynamoDB Local GetItem (floor)", floor);
        for (var route : routes.entrySet()) {
            results.put(
                    route.getKey(),
                    measure(
                            report,
                            route.getKey(),
                            i -> handler.handleRequest(route.getValue().apply(i), null)
                                    .getStatusCode()));
        }
        return results;
    }

    private static Map<String, Object> measure(
            java.io.PrintStream report, String name, java.util.function.IntUnaryOperator call)
            throws InterruptedException {
        run(call, WARMUP_PER_ROUTE);
        List<Double> latencies = run(call, REQUESTS_PER_ROUTE);
        Collections.sort(latencies);
        double p50 = percentile(latencies, 50);
        double p95 = percentile(latencies, 95);
        double p99 = percentile(latencies, 99);
        report.printf("%-32s %8d %8.2f %8.2f %8.2f%n", name, latencies.size(), p50, p95, p99);
        return Map.of(
                "requests",
                latencies.size(),
                "callers",
                THREADS,
                "p50",
                round(p50),
                "p95",
                round(p95),
                "p99",
                round(p99));
    }

    private static List<Double> run(java.util.function.IntUnaryOperator call, int count) throws InterruptedException {
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        Map<Integer, Integer> failures = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        AtomicInteger next = new AtomicInteger();
        for (int t = 0; t < THREADS; t++) {
            pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < count) {
                    long start = System.nanoTime();
                    int status = call.applyAsInt(i);
                    latencies.add((System.nanoTime() - start) / 1e6);
                    if (status >= 300) {
                        failures.merge(status, 1, Integer::sum);
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.MINUTES);
        if (!failures.isEmpty()) {
            throw new IllegalStateException("requests failed during the benchmark: " + failures);
        }
        return new ArrayList<>(latencies);
    }

    private static APIGatewayProxyRequestEvent event(String method, String path, String body) {
        return event(method, path, body, Map.of());
    }

    private static APIGatewayProxyRequestEvent event(
            String method, String path, String body, Map<String, String> query) {
        var context = new APIGatewayProxyRequestEvent.ProxyRequestContext();
        context.setAuthorizer(
                new HashMap<>(Map.of("tenantId", "bench", "subject", "bench-user", "roles", "crm-admin")));
        context.setRequestId("bench");
        return new APIGatewayProxyRequestEvent()
                .withHttpMethod(method)
                .withPath(path)
                .withBody(body)
                .withQueryStringParameters(query)
                .withRequestContext(context);
    }

    private static double percentile(List<Double> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
