package com.zebros.worker.bench;

import com.zebros.crm.crm.Entities;
import com.zebros.crm.crm.Items;
import com.zebros.crm.store.Store;
import com.zebros.crm.store.Table;
import com.zebros.worker.local.CrmData;
import com.zebros.worker.local.JobFixtures;
import com.zebros.worker.local.LocalAws;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The workers on 100,000 rows each, against DynamoDB Local (in this JVM) and S3Mock, each worker in
 * a JVM of its own whose heap is capped at 75% of its phase-3 task memory, as the task definition's
 * MaxRAMPercentage sets it (import and export 2 GB → 1536 MB, report 1 GB → 768 MB, analytics 8 GB
 * → 6144 MB). The export reads the imported customers; the analysis the report's opportunities.
 * Prints rows per second and peak memory. Not a test: a figure to read, on the machine at hand.
 */
public final class WorkerBenchmark {
    static final int ROWS = Integer.getInteger("rows", 100_000);

    private WorkerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println("starting DynamoDB Local, the API and S3Mock ...");
        LocalAws.environment();

        String importTenant = "bench-import-" + System.currentTimeMillis();
        StringBuilder csv = new StringBuilder("name,email,phone,industry,website\n");
        for (int i = 0; i < ROWS; i++) {
            // One row in a hundred has a bad e-mail: the error report is part of the work measured.
            String email = i % 100 == 99 ? "not-an-email" : "contact" + i + "@customer" + i + ".example.com";
            csv.append("Customer ").append(i).append(" GmbH,").append(email).append(",+49 30 ").append(1_000_000 + i)
                    .append(",Industry ").append(i % 40).append(",https://customer").append(i).append(".example.com\n");
        }
        byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);
        String importJob = JobFixtures.importing(importTenant, "customers", file);
        Result imported = measure("import", importJob, "1536m");

        String reportTenant = "bench-report-" + System.currentTimeMillis();
        System.out.println("writing " + ROWS + " opportunities for the report ...");
        long seeding = System.nanoTime();
        seedOpportunities(reportTenant);
        System.out.printf("  seeded in %.0f s%n", (System.nanoTime() - seeding) / 1e9);
        Result reported = measure("report", JobFixtures.report(reportTenant, "pipeline"), "768m");
        // The import's customers, exported; the report's opportunities, analysed.
        Result exported = measure("export", JobFixtures.export(importTenant, "customers"), "1536m");
        Result analysed = measure("analytics", JobFixtures.analytics(reportTenant), "6144m");

        System.out.println();
        System.out.printf("%-9s %9s %9s %10s %12s %12s %10s%n", "worker", "rows", "seconds", "rows/s", "peak heap MB",
                "peak RSS MB", "heap cap");
        print("import", ROWS, imported, "1536m");
        print("report", ROWS, reported, "768m");
        print("export", ROWS - ROWS / 100, exported, "1536m");
        print("analytics", ROWS, analysed, "6144m");
        System.out.printf("%nimport file: %.1f MB, %d rows (1%% rejected to the error report)%n", file.length / 1e6, ROWS);
        System.exit(0);
    }

    record Result(int exit, double seconds, long heapMb, long rssMb) {
    }

    private static void print(String name, int rows, Result r, String cap) {
        System.out.printf("%-9s %9d %9.1f %10.0f %12d %12d %10s%s%n", name, rows, r.seconds(), rows / r.seconds(), r.heapMb(),
                r.rssMb(), cap, r.exit() == 0 ? "" : "  FAILED (exit " + r.exit() + ")");
    }

    private static Result measure(String worker, String job, String heap) throws IOException, InterruptedException {
        System.out.println("running the " + worker + " worker (-Xmx" + heap + ") ...");
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx" + heap, "-XX:-UsePerfData", "-cp",
                System.getProperty("java.class.path"), MeasuredRun.class.getName(), worker, job).redirectErrorStream(true);
        builder.environment().putAll(LocalAws.environment());
        Process process = builder.start();
        Result result = null;
        List<String> tail = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith(MeasuredRun.MARK)) {
                    String[] f = line.substring(MeasuredRun.MARK.length()).split(" ");
                    result = new Result(Integer.parseInt(f[0]), Double.parseDouble(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]));
                } else if (line.contains("job done") || line.contains("ERROR") || line.contains("rejected")) {
                    tail.add(line);
                }
            }
        }
        process.waitFor();
        tail.forEach(System.out::println);
        if (result == null) {
            throw new IllegalStateException("the " + worker + " worker's JVM ended without a measurement");
        }
        return result;
    }

    /**
     * The report's opportunities in the API's item model, 25 a batch, one request at a time (DynamoDB
     * Local serialises its SQLite anyway, and concurrent batches make it crawl).
     */
    private static void seedOpportunities(String tenant) {
        String table = LocalAws.dynamo().names().get(Table.OPPORTUNITIES);
        List<String> customers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            customers.add(CrmData.customer(tenant, "Benchmark Customer " + i));
        }
        String[] stages = {"prospecting", "qualification", "proposal", "negotiation", "closed-won", "closed-lost"};
        String now = Instant.now().toString();
        for (int from = 0; from < ROWS; from += 25) {
            List<WriteRequest> batch = new ArrayList<>();
            for (int i = from; i < Math.min(from + 25, ROWS); i++) {
                Map<String, AttributeValue> fields = new HashMap<>();
                fields.put("customerId", AttributeValue.fromS(customers.get(i % customers.size())));
                fields.put("name", AttributeValue.fromS("Opportunity " + i));
                fields.put("amount", AttributeValue.fromM(Map.of("value", AttributeValue.fromN(String.valueOf(1000 + i % 5000)),
                        "currency", AttributeValue.fromS(i % 3 == 0 ? "USD" : "EUR"))));
                fields.put("stage", AttributeValue.fromS(stages[i % stages.length]));
                fields.put("expectedCloseDate", AttributeValue.fromS(LocalDate.of(2027, 1, 1).plusDays(i % 365).toString()));
                fields.put("ownerId", AttributeValue.fromS("owner-" + i % 50));
                Map<String, AttributeValue> item = Items.created(Entities.OPPORTUNITY, tenant, String.format("opp_%032d", i),
                        fields, now);
                item.put(Store.VERSION, AttributeValue.fromN("1"));
                batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
            }
            Map<String, List<WriteRequest>> unprocessed = Map.of(table, batch);
            while (!unprocessed.isEmpty()) {
                unprocessed = LocalAws.dynamo().client().batchWriteItem(BatchWriteItemRequest.builder()
                        .requestItems(unprocessed).build()).unprocessedItems();
            }
        }
    }
}
