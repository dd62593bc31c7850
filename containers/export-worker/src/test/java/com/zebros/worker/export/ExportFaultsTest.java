package com.zebros.worker.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zebros.crm.http.Json;
import com.zebros.crm.local.LocalDynamo;
import com.zebros.worker.WorkerMain;
import com.zebros.worker.local.CrmData;
import com.zebros.worker.local.JobFixtures;
import com.zebros.worker.local.LocalAws;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The export worker when S3 or DynamoDB cannot be reached (an endpoint where nothing listens): the
 * attempt fails as one worth retrying (exit 1, which the job workflow retries), within seconds, the
 * job is not DONE and no file is half-written; the same job run again once the dependency answers is
 * DONE with its file.
 */
class ExportFaultsTest {
    private final ExportWorker worker = new ExportWorker();

    private static Map<String, String> with(String name, String value) {
        Map<String, String> env = new HashMap<>(LocalAws.environment());
        env.put(name, value);
        return env;
    }

    private static String deadEndpoint() throws IOException {
        return "http://127.0.0.1:" + LocalDynamo.freePort();
    }

    private static String fileOf(String tenant, String job) {
        return "exports/" + tenant + "/" + Json.object(job).get("jobId").getAsString() + ".csv.gz";
    }

    @Test
    void s3UnreachableFailsTheAttemptAndTheRetryFinishes() throws IOException {
        String tenant = "exp-faults-s3";
        CrmData.customer(tenant, "Acme");
        String job = JobFixtures.export(tenant, "customers");

        long start = System.nanoTime();
        int exit = WorkerMain.run(worker, new String[] {job}, with("S3_ENDPOINT", deadEndpoint()));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(1, exit, "a failure worth a retry");
        assertTrue(millis < 10_000, "failed within " + millis + " ms");
        var status = JobFixtures.status(tenant, "exports", job);
        assertFalse("DONE".equals(status.get("status").getAsString()));
        assertTrue(status.get("failure").getAsString().contains("retried"), status.toString());
        assertFalse(LocalAws.exists(fileOf(tenant, job)), "no file in the real bucket");

        assertEquals(0, JobFixtures.run(worker, job), "the retry, with S3 back, finishes");
        assertEquals(
                "DONE", JobFixtures.status(tenant, "exports", job).get("status").getAsString());
        assertTrue(LocalAws.gunzipped(fileOf(tenant, job)).contains("Acme"));
    }

    @Test
    void dynamoUnreachableFailsTheAttemptAndTheRetryFinishes() throws IOException {
        String tenant = "exp-faults-dynamo";
        CrmData.customer(tenant, "Globex");
        String job = JobFixtures.export(tenant, "customers");

        long start = System.nanoTime();
        int exit = WorkerMain.run(worker, new String[] {job}, with("DYNAMODB_ENDPOINT", deadEndpoint()));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(1, exit, "a failure worth a retry");
        assertTrue(millis < 10_000, "failed within " + millis + " ms");
        assertEquals(
                "QUEUED",
                JobFixtures.status(tenant, "exports", job).get("status").getAsString(),
                "nothing could be recorded: the job is as the API left it, and the workflow records the failure");
        assertFalse(LocalAws.exists(fileOf(tenant, job)));

        assertEquals(0, JobFixtures.run(worker, job));
        assertEquals(
                "DONE", JobFixtures.status(tenant, "exports", job).get("status").getAsString());
    }
}
