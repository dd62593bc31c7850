package com.zebros.worker.local;

import com.google.gson.JsonObject;
import com.zebros.crm.http.Json;
import com.zebros.crm.local.Api;
import com.zebros.worker.Worker;
import com.zebros.worker.WorkerMain;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Jobs as users start them: through the real API (its local server), which writes the job item and
 * answers with the job; the worker then gets the same message the API puts on the job queue.
 */
public final class JobFixtures {
    private JobFixtures() {}

    /** A report job started with POST /v1/reports; the JOB the worker gets. */
    public static String report(String tenant, String type) {
        return started(Api.post("/v1/reports", Api.admin(tenant), "{\"type\":\"" + type + "\"}"), tenant);
    }

    public static String export(String tenant, String entity) {
        return started(Api.post("/v1/exports", Api.admin(tenant), "{\"entity\":\"" + entity + "\"}"), tenant);
    }

    /** An import: the upload link's job, the file put where the link points, then the start. */
    public static String importing(String tenant, String entity, byte[] csv) {
        return importing(tenant, entity, null, csv);
    }

    /** An import in {@code mode} (create or upsert; null: the API's default). */
    public static String importing(String tenant, String entity, String mode, byte[] csv) {
        Api.Reply created = Api.post(
                "/v1/imports",
                Api.admin(tenant),
                "{\"entity\":\"" + entity + "\"" + (mode == null ? "" : ",\"mode\":\"" + mode + "\"") + "}");
        if (created.status() != 201) {
            throw new IllegalStateException("the API refused the import: " + created.body());
        }
        JsonObject job = created.json();
        LocalAws.put(job.getAsJsonObject("parameters").get("sourceKey").getAsString(), csv);
        return started(Api.post("/v1/imports/" + job.get("id").getAsString(), Api.admin(tenant), null), tenant);
    }

    /** An analysis started with POST /v1/analyses. */
    public static String analytics(String tenant) {
        return started(Api.post("/v1/analyses", Api.admin(tenant), null), tenant);
    }

    private static String started(Api.Reply reply, String tenant) {
        if (reply.status() != 202) {
            throw new IllegalStateException("the API did not queue the job: " + reply.status() + " " + reply.body());
        }
        JsonObject job = reply.json();
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("tenantId", tenant);
        message.put("jobId", job.get("id").getAsString());
        message.put("kind", job.get("kind").getAsString());
        message.put("parameters", Json.GSON.fromJson(job.get("parameters"), Map.class));
        return Json.write(message);
    }

    /** The job as the API shows it (GET on its collection's path). */
    public static JsonObject status(String tenant, String collection, String jobJson) {
        String id = Json.object(jobJson).get("jobId").getAsString();
        Api.Reply reply = Api.get("/v1/" + collection + "/" + id, Api.admin(tenant));
        if (reply.status() != 200) {
            throw new IllegalStateException("the API could not show the job: " + reply.body());
        }
        return reply.json();
    }

    /** Runs {@code worker} on one job as its container would, against the local servers; the exit status. */
    public static int run(Worker worker, String jobJson) {
        return WorkerMain.run(worker, new String[] {jobJson}, LocalAws.environment());
    }
}
