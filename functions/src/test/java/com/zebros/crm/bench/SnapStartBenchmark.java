package com.zebros.crm.bench;

import com.zebros.crm.Service;
import com.zebros.crm.auth.Principal;
import com.zebros.crm.http.Request;
import com.zebros.crm.local.LocalDynamo;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
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
 * What SnapStart's priming buys, measured locally (not a test: run it on purpose). For the API handler,
 * fresh JVMs on the deployment jar build the handler as Lambda's init does, with and without the
 * SnapStart hook, then time the first request and the warm median of the same request. Goal: the
 * first request after a primed initialisation within 2x of the warm p50. Median of three JVMs each.
 *
 * <p>Run: {@code mvn -q -f functions/pom.xml package -DskipTests && mvn -q -f functions/pom.xml exec:java
 * -Dexec.mainClass=com.zebros.crm.bench.SnapStartBenchmark}.
 */
public final class SnapStartBenchmark {
    private static final int RUNS = 3;

    private SnapStartBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.setOut(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
        var report = new java.io.PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true);
        int code = 0;
        try (LocalDynamo dynamo = new LocalDynamo()) {
            Path target = Files.isDirectory(Path.of("functions", "target")) ? Path.of("functions", "target") : Path.of("target");
            Path jar = target.resolve("zebros-functions.jar");
            if (!Files.exists(jar)) {
                throw new IllegalStateException("build the deployment jar first: mvn -q -f functions/pom.xml package -DskipTests");
            }
            String customer = seedCustomer(dynamo);
            report.println("handler       mode      init ms   first ms   warm p50 ms   first / p50");
            // The notification handler's request is an SNS publish, and no SNS server runs here; the
            // authorizer's is a token check against the realm's keys. Both are primed; only the API is measured.
            for (String handler : List.of("api")) {
                for (String mode : List.of("unprimed", "primed")) {
                    double[] medians = median(handler, mode, dynamo, customer, target);
                    report.printf("%-13s %-9s %7.0f %10.2f %13.2f %13.1f%n", handler, mode, medians[0], medians[1],
                            medians[2], medians[1] / medians[2]);
                }
            }
        } catch (Exception e) {
            e.printStackTrace(report);
            code = 1;
        }
        Runtime.getRuntime().halt(code);
    }

    private static String seedCustomer(LocalDynamo dynamo) {
        System.setProperty("aws.accessKeyId", "local");
        System.setProperty("aws.secretAccessKey", "local");
        Service service = Service.fromEnvironment(dynamo.environment());
        var created = service.handle(new Request("POST", "/v1/customers", Map.of(), Map.of(), Map.of(),
                "{\"name\":\"Probe Customer\"}", new Principal("bench", "probe", Set.of(Principal.ADMIN)), "seed"));
        return created.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
    }

    private static double[] median(String handler, String mode, LocalDynamo dynamo, String customer, Path target)
            throws Exception {
        List<double[]> runs = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", target.resolve("zebros-functions.jar").toAbsolutePath() + File.pathSeparator
                            + target.resolve("test-classes").toAbsolutePath(),
                    SnapStartProbe.class.getName(), handler, mode);
            Map<String, String> env = new HashMap<>(dynamo.environment());
            env.put("AWS_ACCESS_KEY_ID", "local");
            env.put("AWS_SECRET_ACCESS_KEY", "local");
            env.put("PROBE_CUSTOMER", customer);
            builder.environment().putAll(env);
            builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
            Process process = builder.start();
            String line;
            try (BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
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
