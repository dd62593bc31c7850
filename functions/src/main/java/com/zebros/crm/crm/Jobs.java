package com.zebros.crm.crm;

import com.google.gson.JsonObject;
import com.zebros.crm.http.ApiException;
import com.zebros.crm.http.Json;
import com.zebros.crm.http.Request;
import com.zebros.crm.http.Response;
import com.zebros.crm.store.Store;
import com.zebros.crm.store.Table;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Reports, imports, exports and analyses: asynchronous jobs. A job is an item of the jobs table (kept 30 days)
 * and a message on the job queue; the workers update the item, and a finished job's file is handed
 * out as a link that expires in 15 minutes. Imports first hand out an upload link; the import starts
 * when the client says the file is there.
 */
public final class Jobs {
    public static final Set<String> REPORT_TYPES = Set.of("pipeline", "activity-summary");
    public static final Set<String> ENTITIES = Set.of("customers", "contacts");
    /** How an import writes its rows: as new items, or as upserts by the unique field (Batch). */
    public static final Set<String> IMPORT_MODES = Set.of("create", "upsert");
    /** A job's id: its kind's prefix (report, import, export, analysis) and 32 hex digits. */
    public static final String JOB_ID = "(rep|imp|exp|ana)_[0-9a-f]{32}";

    static final Duration LINK_LIFETIME = Duration.ofMinutes(15);
    static final Duration JOB_LIFETIME = Duration.ofDays(30);

    private final Store store;
    private final JobQueue queue;
    private final S3Presigner presigner;
    private final String bucket;
    private final Clock clock;
    private final Idempotency idempotency;

    public Jobs(Store store, JobQueue queue, S3Presigner presigner, String bucket, Clock clock) {
        this.store = store;
        this.queue = queue;
        this.presigner = presigner;
        this.bucket = bucket;
        this.clock = clock;
        this.idempotency = new Idempotency(store, clock);
    }

    public Response startReport(Request request) {
        request.allowOnly(Set.of());
        return idempotency.run(request, () -> {
            JsonObject body = Json.object(request.body());
            String type = choice(body, "type", REPORT_TYPES);
            Map<String, Object> parameters = new LinkedHashMap<>();
            parameters.put("type", type);
            Map<String, AttributeValue> job = newJob(request, "report", "rep", parameters);
            return queued(job, request, forget(job));
        });
    }

    public Response startExport(Request request) {
        request.allowOnly(Set.of());
        return idempotency.run(request, () -> {
            String entity = choice(Json.object(request.body()), "entity", ENTITIES);
            Map<String, AttributeValue> job = newJob(request, "export", "exp", Map.of("entity", entity));
            return queued(job, request, forget(job));
        });
    }

    /** Win rate, cycle time and activity per owner over the whole tenant, computed by the analytics worker. */
    public Response startAnalysis(Request request) {
        request.allowOnly(Set.of());
        return idempotency.run(request, () -> {
            // No body, or an empty object: an analysis takes no parameters.
            if (request.body() != null && !request.body().isBlank()) {
                for (String name : Json.object(request.body()).keySet()) {
                    throw ApiException.invalid(
                            List.of(new ApiException.FieldError(name, "is not a field of this job (it takes none)")));
                }
            }
            Map<String, AttributeValue> job = newJob(request, "analytics", "ana", Map.of());
            return queued(job, request, forget(job));
        });
    }

    /** An import begins with an upload link; the job waits for {@link #startImport}. */
    public Response createImport(Request request) {
        request.allowOnly(Set.of());
        return idempotency.run(request, () -> {
            JsonObject body = Json.object(request.body());
            var mode = body.remove("mode");
            if (mode != null && !(mode.isJsonPrimitive() && IMPORT_MODES.contains(mode.getAsString()))) {
                throw ApiException.invalid(List.of(new ApiException.FieldError(
                        "mode",
                        "must be one of " + new java.util.TreeSet<>(IMPORT_MODES) + " (create when not sent)")));
            }
            String entity = choice(body, "entity", ENTITIES);
            String tenant = request.principal().tenantId();
            String id = Idempotency.itemId(request, "imp")
                    .orElseGet(() -> "imp_" + UUID.randomUUID().toString().replace("-", ""));
            String key = "imports/" + tenant + "/" + id + ".csv";
            // The rows are written as the user who asked for the import: their history entries name them.
            Map<String, Object> parameters = new LinkedHashMap<>();
            parameters.put("entity", entity);
            parameters.put("sourceKey", key);
            parameters.put("mode", mode == null ? "create" : mode.getAsString());
            if (request.principal().subject() != null) {
                parameters.put("requestedBy", request.principal().subject());
            }
            Map<String, AttributeValue> job = item(tenant, id, "import", "AWAITING_UPLOAD", parameters);
            store.create(Table.JOBS, job);
            String upload = presigner
                    .presignPutObject(p -> p.signatureDuration(LINK_LIFETIME)
                            .putObjectRequest(PutObjectRequest.builder()
                                    .bucket(bucket)
                                    .key(key)
                                    .contentType("text/csv")
                                    .build()))
                    .url()
                    .toString();
            Map<String, Object> created = view(store.get(Table.JOBS, tenant, id).orElseThrow());
            created.put("uploadUrl", upload);
            return Response.json(201, created, Map.of("Location", request.path() + "/" + id));
        });
    }

    public Response startImport(Request request, String id) {
        request.allowOnly(Set.of());
        String tenant = request.principal().tenantId();
        Map<String, AttributeValue> job = load(tenant, id, "import");
        if (!job.get("status").s().equals("AWAITING_UPLOAD")) {
            throw ApiException.conflict(
                    "the import is already " + job.get("status").s());
        }
        Map<String, AttributeValue> next = new HashMap<>(job);
        next.put("status", AttributeValue.fromS("QUEUED"));
        next.put("updatedAt", AttributeValue.fromS(clock.instant().toString()));
        long version = Long.parseLong(job.get(Store.VERSION).n());
        Map<String, AttributeValue> stored = store.replace(Table.JOBS, next, version);
        // Undone, the import waits for its start again, at a version of its own, so a stale start cannot race it.
        Runnable undo = () -> store.replace(Table.JOBS, job, version + 1);
        return queued(stored, request, undo);
    }

    public Response status(Request request, String id, String kind) {
        request.allowOnly(Set.of());
        Map<String, AttributeValue> job = load(request.principal().tenantId(), id, kind);
        Map<String, Object> body = view(job);
        if (job.get("status").s().equals("DONE") && job.containsKey("resultKey")) {
            body.put(
                    "downloadUrl",
                    presigner
                            .presignGetObject(p -> p.signatureDuration(LINK_LIFETIME)
                                    .getObjectRequest(GetObjectRequest.builder()
                                            .bucket(bucket)
                                            .key(job.get("resultKey").s())
                                            .build()))
                            .url()
                            .toString());
            body.put("downloadExpiresAt", clock.instant().plus(LINK_LIFETIME).toString());
        }
        return Response.json(200, body);
    }

    /**
     * The job's item, QUEUED. Under an Idempotency-Key its id comes from the key, so the retry of a request that
     * failed after writing the job finds that job (and queues it again: the workers skip a job already done).
     */
    private Map<String, AttributeValue> newJob(
            Request request, String kind, String prefix, Map<String, Object> parameters) {
        String tenant = request.principal().tenantId();
        String id = Idempotency.itemId(request, prefix)
                .orElseGet(() -> prefix + "_" + UUID.randomUUID().toString().replace("-", ""));
        Map<String, AttributeValue> job = item(tenant, id, kind, "QUEUED", parameters);
        job.put("requestedBy", AttributeValue.fromS(request.principal().subject()));
        store.create(Table.JOBS, job);
        return store.get(Table.JOBS, tenant, id).orElseThrow();
    }

    private Map<String, AttributeValue> item(
            String tenant, String id, String kind, String status, Map<String, Object> parameters) {
        Map<String, AttributeValue> job = new HashMap<>(Store.key(Table.JOBS, tenant, id));
        job.put("kind", AttributeValue.fromS(kind));
        job.put("status", AttributeValue.fromS(status));
        job.put("parameters", AttributeValue.fromS(Json.write(parameters)));
        String now = clock.instant().toString();
        job.put("createdAt", AttributeValue.fromS(now));
        job.put("updatedAt", AttributeValue.fromS(now));
        job.put(
                "expiresAt",
                AttributeValue.fromN(
                        String.valueOf(clock.instant().plus(JOB_LIFETIME).getEpochSecond())));
        return job;
    }

    /**
     * Sends the job to the queue and answers 202. When the queue cannot take it, the job goes back to where it was
     * (a new job is deleted, an import waits for its start again) and the answer is 503 with Retry-After: no job
     * is left QUEUED that no worker will ever read.
     */
    private Response queued(Map<String, AttributeValue> job, Request request, Runnable undo) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("tenantId", job.get(Table.TENANT).s());
        message.put("jobId", job.get("jobId").s());
        message.put("kind", job.get("kind").s());
        message.put("parameters", Json.GSON.fromJson(job.get("parameters").s(), Map.class));
        boolean sent = true;
        try {
            // A job an earlier attempt of this request queued and a worker took since is not queued again.
            if ("QUEUED".equals(job.get("status").s())) {
                sent = queue.send(message);
            }
        } catch (SdkException e) {
            undo.run();
            throw new ApiException(
                    503,
                    "Service Unavailable",
                    "the job queue is unavailable, so the job was not started; send the request again shortly",
                    List.of(),
                    Map.of("Retry-After", "5"));
        }
        Map<String, Object> body = view(job);
        if (!sent) {
            body.put("note", "no job queue is configured here; the job waits until a worker reads it");
        }
        String location = request.path().matches(".*/" + JOB_ID)
                ? request.path()
                : request.path() + "/" + job.get("jobId").s();
        return Response.json(202, body, Map.of("Location", location));
    }

    /** Undoes a new job that could not be queued: deleted while it is still the version just written. */
    private Runnable forget(Map<String, AttributeValue> job) {
        return () -> store.delete(
                Table.JOBS,
                job.get(Table.TENANT).s(),
                job.get("jobId").s(),
                Optional.of(Long.parseLong(job.get(Store.VERSION).n())));
    }

    private Map<String, AttributeValue> load(String tenant, String id, String kind) {
        return store.get(Table.JOBS, tenant, id)
                .filter(j -> kind.equals(j.get("kind").s()))
                .orElseThrow(() -> ApiException.notFound("the " + kind + " " + id));
    }

    private static String choice(JsonObject body, String field, Set<String> allowed) {
        var value = body.get(field);
        if (value == null || !value.isJsonPrimitive() || !allowed.contains(value.getAsString())) {
            throw ApiException.invalid(
                    List.of(new ApiException.FieldError(field, "must be one of " + new java.util.TreeSet<>(allowed))));
        }
        for (String name : body.keySet()) {
            if (!name.equals(field)) {
                throw ApiException.invalid(List.of(new ApiException.FieldError(name, "is not a field of this job")));
            }
        }
        return value.getAsString();
    }

    static Map<String, Object> view(Map<String, AttributeValue> job) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", job.get("jobId").s());
        body.put("kind", job.get("kind").s());
        body.put("status", job.get("status").s());
        body.put("parameters", Json.GSON.fromJson(job.get("parameters").s(), Map.class));
        body.put("createdAt", job.get("createdAt").s());
        body.put("updatedAt", job.get("updatedAt").s());
        if (job.containsKey("summary")) {
            // What the worker counted: rows written, rejected, skipped; set when the job is done.
            body.put("summary", Json.GSON.fromJson(job.get("summary").s(), Map.class));
        }
        if (job.containsKey("failure")) {
            body.put("failure", job.get("failure").s());
        }
        return body;
    }
}
