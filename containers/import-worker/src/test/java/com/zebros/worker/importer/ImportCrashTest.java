package com.zebros.worker.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.zebros.crm.http.Json;
import com.zebros.crm.store.Store;
import com.zebros.crm.store.Table;
import com.zebros.worker.local.JobFixtures;
import com.zebros.worker.local.LocalAws;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A real crash: the import worker runs in a JVM of its own and is killed (SIGKILL, as when Fargate
 * loses the task) once it has checkpointed (its first checkpoint); a second attempt must finish the import with every row
 * exactly once: the chunks the first finished are answered from their first answers, the one it died in is
 * written again once its key's lease has run out, its rows written before found by their ids.
 */
class ImportCrashTest {
    /** Three checkpoints' worth: each row is a transaction of its item, history entry and claim, paced by the budget. */
    private static final int ROWS = 3_000;

    @Test
    void anImportKilledMidwayResumesFromItsCheckpointWithoutDuplicates() throws Exception {
        String tenant = "imp-crash";
        StringBuilder csv = new StringBuilder("name,email,industry\n");
        for (int i = 0; i < ROWS; i++) {
            csv.append("Crash Test ").append(i).append(",c").append(i).append("@example.com,Testing\n");
        }
        String job = JobFixtures.importing(tenant, "customers", csv.toString().getBytes(StandardCharsets.UTF_8));
        String id = Json.object(job).get("jobId").getAsString();

        ProcessBuilder builder = new ProcessBuilder(
                        javaBinary(), "-cp", System.getProperty("java.class.path"), ImportWorker.class.getName(), job)
                .redirectErrorStream(true)
                .redirectOutput(File.createTempFile("import", ".log"));
        builder.environment().putAll(LocalAws.environment());
        Process worker = builder.start();
        long checkpoint = awaitCheckpoint(tenant, id, worker);
        worker.destroyForcibly().waitFor();

        int written = ImportWorkerTest.countCustomers(tenant);
        assertTrue(
                written >= checkpoint - 1 && written < ROWS,
                "killed midway: " + written + " rows written, checkpoint " + checkpoint);
        assertEquals("RUNNING", job(tenant, id).get("status").s(), "a killed worker leaves its job running");

        assertEquals(0, JobFixtures.run(new ImportWorker(), job), "the retry finishes the import");

        assertEquals(ROWS, ImportWorkerTest.countCustomers(tenant));
        Set<String> names = new HashSet<>();
        LocalAws.store()
                .forEach(
                        Table.CUSTOMERS,
                        null,
                        Table.TENANT,
                        tenant,
                        List.of("name"),
                        item -> names.add(item.get("name").s()));
        assertEquals(ROWS, names.size(), "every row once, none twice");
        JsonObject summary = JobFixtures.status(tenant, "imports", job).getAsJsonObject("summary");
        assertEquals(ROWS, summary.get("imported").getAsInt());
        assertEquals(checkpoint, summary.get("resumedAfterLine").getAsLong());
        long before = summary.get("writtenBefore").getAsLong();
        assertTrue(
                before >= checkpoint - 1 && before <= written && before % 100 == 0,
                "every chunk the killed attempt finished was answered from its first answer, not written again: "
                        + before + " of " + written + " rows, checkpoint " + checkpoint);
        assertEquals("2", job(tenant, id).get("attempts").n());
    }

    private static long awaitCheckpoint(String tenant, String id, Process worker) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            assertTrue(
                    worker.isAlive(),
                    "the worker ended before it could be killed; its exit status "
                            + (worker.isAlive() ? "" : worker.exitValue()));
            AttributeValue checkpoint = job(tenant, id).get("checkpoint");
            if (checkpoint != null && Long.parseLong(checkpoint.n()) >= ImportWorker.CHECKPOINT_EVERY) {
                return Long.parseLong(checkpoint.n());
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the worker never checkpointed");
    }

    private static Map<String, AttributeValue> job(String tenant, String id) {
        return LocalAws.dynamo()
                .client()
                .getItem(r -> r.tableName(LocalAws.dynamo().names().get(Table.JOBS))
                        .key(Store.key(Table.JOBS, tenant, id))
                        .consistentRead(true))
                .item();
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command().orElse("java");
    }
}
