package com.zebros.worker.bench;

import com.zebros.crm.scale.TierData;
import com.zebros.worker.local.JobFixtures;
import com.zebros.worker.local.LocalAws;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The workers at the largest tenant the tier issue names (TierData's "10x tier 3": 100,000 customers,
 * 300,000 contacts, 20,000 opportunities, 1,000,000 activities, skewed as a sales team's data is),
 * against DynamoDB Local (in this JVM) and S3Mock, each worker in a JVM of its own whose heap is capped
 * at 75% of its phase-3 task memory, as the task definition's MaxRAMPercentage sets it (import and
 * export 2 GB → 1536 MB, report 1 GB → 768 MB, analytics 8 GB → 6144 MB). An import of 100,000 more
 * customers into that tenant, then the export of all its customers, both reports and the analysis.
 * Prints rows per second, peak memory and the DynamoDB capacity each job consumed against its budget
 * (CapacityBudget). Not a test: a figure to read, on the machine at hand.
 */
public final class WorkerBenchmark {
    static final int ROWS = Integer.getInteger("rows", 100_000);
    static final int SIZE = Integer.getInteger("size", TierData.SIZES.size() - 1);

    private WorkerBenchmark() {}

    public static void main(String[] args) throws Exception {
        System.out.println("starting DynamoDB Local, the API and S3Mock ...");
        LocalAws.environment();

        TierData.Size size = TierData.SIZES.get(SIZE);
        String tenant = "bench-" + size.name().replace(' ', '-') + "-" + System.currentTimeMillis();
        System.out.printf("writing a %s tenant: %,d items ...%n", size.name(), size.items());
        long seeding = System.nanoTime();
        new TierData(LocalAws.dynamo().client(), LocalAws.dynamo().names()).write(tenant, size, 24);
        System.out.printf("  written in %.0f s%n", (System.nanoTime() - seeding) / 1e9);

        StringBuilder csv = new StringBuilder("name,email,phone,industry,website\n");
        for (int i = 0; i < ROWS; i++) {
            // One row in a hundred has a bad e-mail: the error report is part of the work measured.
            String email = i % 100 == 99 ? "not-an-email" : "contact" + i + "@customer" + i + ".example.com";
            csv.append("Imported ")
                    .append(i)
                    .append(" GmbH,")
                    .append(email)
                    .append(",+49 30 ")
                    .append(1_000_000 + i)
                    .append(",Industry ")
                    .append(i % 40)
                    .append(",https://customer")
                    .append(i)
                    .append(".example.com\n");
        }
        byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);
        int imported = ROWS - ROWS / 100;

        List<String> table = new ArrayList<>();
        table.add(run("import", JobFixtures.importing(tenant, "customers", file), "1536m", ROWS));
        table.add(run("export", JobFixtures.export(tenant, "customers"), "1536m", size.customers() + imported));
        table.add(run("report", JobFixtures.report(tenant, "pipeline"), "768m", size.opportunities()));
        table.add(run("report", JobFixtures.report(tenant, "activity-summary"), "768m", size.activities()));
        table.add(run("analytics", JobFixtures.analytics(tenant), "6144m", size.opportunities() + size.activities()));

        System.out.println();
        System.out.printf(
                "%-22s %9s %9s %10s %12s %12s %10s%n",
                "job", "rows", "seconds", "rows/s", "peak heap MB", "peak RSS MB", "heap cap");
        table.forEach(System.out::println);
        System.out.printf(
                "%nimport file: %.1f MB, %d rows (1%% rejected to the error report)%n", file.length / 1e6, ROWS);
        System.exit(0);
    }

    record Result(int exit, double seconds, long heapMb, long rssMb) {}

    private static String run(String worker, String job, String heap, int rows)
            throws IOException, InterruptedException {
        String name = worker
                + (job.contains("activity-summary") ? " activities" : job.contains("pipeline") ? " pipeline" : "");
        Result r = measure(worker, job, heap);
        return String.format(
                "%-22s %9d %9.1f %10.0f %12d %12d %10s%s",
                name,
                rows,
                r.seconds(),
                rows / r.seconds(),
                r.heapMb(),
                r.rssMb(),
                heap,
                r.exit() == 0 ? "" : "  FAILED (exit " + r.exit() + ")");
    }

    private static Result measure(String worker, String job, String heap) throws IOException, InterruptedException {
        System.out.println("running the " + worker + " worker (-Xmx" + heap + ") ...");
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(
                        java,
                        "-Xmx" + heap,
                        "-XX:-UsePerfData",
                        "-cp",
                        System.getProperty("java.class.path"),
                        MeasuredRun.class.getName(),
                        worker,
                        job)
                .redirectErrorStream(true);
        builder.environment().putAll(LocalAws.environment());
        Process process = builder.start();
        Result result = null;
        List<String> tail = new ArrayList<>();
        java.util.ArrayDeque<String> last = new java.util.ArrayDeque<>();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith(MeasuredRun.MARK)) {
                    String[] f = line.substring(MeasuredRun.MARK.length()).split(" ");
                    result = new Result(
                            Integer.parseInt(f[0]),
                            Double.parseDouble(f[1]),
                            Long.parseLong(f[2]),
                            Long.parseLong(f[3]));
                } else if (line.contains("job done") || line.contains("capacity used") || line.contains("ERROR")) {
                    tail.add(line);
                }
                last.addLast(line);
                if (last.size() > 40) {
                    last.removeFirst();
                }
            }
        }
        process.waitFor();
        tail.forEach(System.out::println);
        if (result == null) {
            last.forEach(System.out::println);
            throw new IllegalStateException(
                    "the " + worker + " worker's JVM ended without a measurement (its last lines above)");
        }
        return result;
    }
}
