package com.zebros.crm.bench;

import com.sun.net.httpserver.HttpServer;
import com.zebros.crm.Service;
import com.zebros.crm.auth.Principal;
import com.zebros.crm.http.Request;
import com.zebros.crm.local.DevTokenIssuer;
import com.zebros.crm.local.LocalDynamo;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * What SnapStart's priming buys, measured locally (not a test: run it on purpose). For each handler,
 * fresh JVMs on the deployment jar build it as Lambda's init does, with and without the SnapStart
 * hook, then time the first request and the warm median of the same request. Goal: the first request
 * after a primed initialisation within 2x of the warm p50. Median of five JVMs each. The API reads a
 * customer from DynamoDB Local; the authorizer verifies a token of a realm whose keys a local HTTP
 * server publishes at Keycloak's certs path; the notification handler reads a stream record that is
 * no stage change (a publish would need SNS, and no SNS server runs on these machines).
 *
 * <p>Run: {@code mvn -q -f functions/pom.xml package -DskipTests && mvn -q -f functions/pom.xml exec:java
 * -Dexec.mainClass=com.zebros.crm.bench.SnapStartBenchmark}.
 */
public final class SnapStartBenchmark {
    private static final int RUNS = 5;

    private SnapStartBenchmark() {}

    public static void main(String[] args) throws Exception {
        System.setOut(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
        var report = new java.io.PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true);
        int code = 0;
        // The realm's certs endpoint, as Keycloak serves it, on a port of its own.
        HttpServer keys = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String issuer = "http://127.0.0.1:" + keys.getAddress().getPort() + "/realms/zebros";
        var tokens = new DevTokenIssuer(issuer);
        keys.createContext("/realms/zebros/protocol/openid-connect/certs", exchange -> {
            byte[] body = tokens.jwksJson().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        keys.start();
        try (LocalDynamo dynamo = new LocalDynamo()) {
            Path target = Files.isDirectory(Path.of("functions", "target"))
                    ? Path.of("functions", "target")
                    : Path.of("target");
            Path jar = target.resolve("zebros-functions.jar");
            if (!Files.exists(jar)) {
                throw new IllegalStateException(
                        "build the deployment jar first: mvn -q -f functions/pom.xml package -DskipTests");
            }
            String customer = seedCustomer(dynamo);
            report.println("handler       mode      init ms   first ms   warm p50 ms   first / p50");
            Map<String, String> env = new HashMap<>(Map.of(
                    "PROBE_CUSTOMER",
                    customer,
                    "TOKEN_ISSUER",
                    issuer,
                    "TOKEN_AUDIENCE",
                    DevTokenIssuer.AUDIENCE,
                    "PROBE_TOKEN",
                    tokens.token("bench", "probe", List.of("crm-user"))));
            for (String handler : List.of("api", "authorizer", "notification")) {
                for (String mode : List.of("unprimed", "primed")) {
                    double[] medians = median(handler, mode, dynamo, env, target);
                    report.printf(
                            "%-13s %-9s %7.0f %10.3f %13.3f %13.1f%n",
                            handler, mode, medians[0], medians[1], medians[2], medians[1] / medians[2]);
                }
            }
        } catch (Exception e) {
            e.printStackTrace(report);
            code = 1;
        } finally {
            keys.stop(0);
        }
        Runtime.getRuntime().halt(code);
    }

    private static String seedCustomer(LocalDynamo dynamo) {
        System.setProperty("aws.accessKeyId", "local");
        System.setProperty("aws.secretAccessKey", "local");
        Service service = Service.fromEnvironment(dynamo.environment());
        var created = service.handle(new Request(
                "POST",
                "/v1/customers",
                Map.of(),
                Map.of(),
                Map.of(),
                "{\"name\":\"Probe Customer\"}",
                new Principal("bench", "probe", Set.of(Principal.ADMIN)),
                "seed"));
        return created.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
    }

    private static double[] median(
            String handler, String mode, LocalDynamo dynamo, Map<String, String> probeEnv, Path target)
            throws Exception {
        List<double[]> runs = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            ProcessBuilder builder = new ProcessBuilder(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp",
                    target.resolve("zebros-functions.jar").toAbsolutePath()
                            + File.pathSeparator
                            + target.resolve("test-classes").toAbsolutePath(),
                    SnapStartProbe.class.getName(),
                    handler,
                    mode);
            Map<String, String> env = new HashMap<>(dynamo.environment());
            env.put("AWS_ACCESS_KEY_ID", "local");
            env.put("AWS_SECRET_ACCESS_KEY", "local");
            env.putAll(probeEnv);
            builder.environment().putAll(env);
            builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
            Process process = builder.start();
            String line;
            try (BufferedReader err =
                    new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                while ((line = err.readLine()) != null && !line.startsWith("SNAPSTART")) {
                    // skip the JVM's own output
                }
            }
            process.waitFor(60, TimeUnit.SECONDS);
            if (line == null) {
                throw new IllegalStateException(handler + " " + mode + ": the probe printed no result");
            }
            runs.add(new double[] {value(line, "initMs"), value(line, "firstMs"), value(line, "warmP50Ms")});
        }
        double[] medians = new double[3];
        for (int k = 0; k < 3; k++) {
            final int column = k;
            medians[k] = runs.stream().mapToDouble(r -> r[column]).sorted().toArray()[RUNS / 2];
        }
        return medians;
    }

    private static double value(String line, String key) {
        return Double.parseDouble(line.replaceAll(".*" + key + "=([0-9.]+).*", "$1"));
    }
}
