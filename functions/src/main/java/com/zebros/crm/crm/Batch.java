package com.zebros.crm.crm;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.zebros.crm.http.ApiException;
import com.zebros.crm.http.Json;
import com.zebros.crm.http.Request;
import com.zebros.crm.http.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code POST /v1/{customers,contacts}/batch}: up to {@link #MAX_RECORDS} records created, updated or upserted in
 * one request, each through the same path as its single request (validation, references, history, the unique
 * field's claim), each with its own result; one record's refusal does not stop the others. An upsert finds the
 * record by the type's unique field (a contact's e-mail, a customer's domain): it patches the item holding the
 * value, or creates one; two racing upserts of one value end as one create and one update, because the create
 * that loses the claim finds the winner and patches it. Under an {@code Idempotency-Key} the whole batch is
 * answered once and replayed, and a create's id comes from the key and its position, so a batch retried after a
 * failure halfway creates nothing twice. A failure of the data store is not one record's refusal: it fails the whole
 * batch (503, and the key's claim given back), because a write the client gave up on can still land; only the
 * retry under the same key then answers for every record.
 */
final class Batch {
    static final int MAX_RECORDS = 100;
    /** The most writes DynamoDB takes in one transaction. */
    static final int MAX_TRANSACTION_WRITES = 100;

    private static final int UPSERT_ATTEMPTS = 3;

    enum Mode {
        CREATE,
        UPDATE,
        UPSERT
    }

    private final Resource resource;
    private final Idempotency idempotency;

    Batch(Resource resource, Idempotency idempotency) {
        this.resource = resource;
        this.idempotency = idempotency;
    }

    Response handle(Request request) {
        request.allowOnly(Set.of());
        JsonObject body = Json.object(request.body());
        Mode mode = mode(body);
        List<JsonObject> records = records(body);
        if (atomic(body)) {
            return idempotency.run(request, () -> new AtomicBatch(resource).write(request, mode, records));
        }
        return idempotency.run(request, () -> {
            List<Map<String, Object>> results = new ArrayList<>();
            int failed = 0;
            for (int i = 0; i < records.size(); i++) {
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("index", i);
                Response answer = one(request, mode, i, records.get(i));
                result.put("status", answer.status());
                result.put(answer.status() < 300 ? "item" : "problem", JsonParser.parseString(answer.body()));
                failed += answer.status() < 300 ? 0 : 1;
                results.add(result);
            }
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("mode", mode.name().toLowerCase(Locale.ROOT));
            summary.put("succeeded", records.size() - failed);
            summary.put("failed", failed);
            summary.put("results", results);
            return Response.json(200, summary);
        });
    }

    /** One record's answer: what its single request would have answered, a refusal as its problem document. */
    private Response one(Request batch, Mode mode, int index, JsonObject record) {
        try {
            return switch (mode) {
                case CREATE -> resource.createNow(recordRequest(batch, index, record));
                case UPDATE -> update(batch, index, record);
                case UPSERT -> upsert(batch, index, record);
            };
        } catch (ApiException refused) {
            return Response.problem(refused);
        }
    }

    /** An update: the record's {@code id}, optionally its {@code version} (as If-Match), the rest a merge patch. */
    private Response update(Request batch, int index, JsonObject record) {
        JsonObject patch = record.deepCopy();
        Target target = Target.of(patch);
        Request request = recordRequest(batch, index, patch);
        if (target.version().isEmpty()) {
            return resource.patchLatest(request, target.id(), patch);
        }
        Map<String, String> headers = new HashMap<>(request.headers());
        headers.put("If-Match", "\"" + target.version().getAsLong() + "\"");
        return resource.patch(
                new Request(
                        "PATCH",
                        request.path(),
                        Map.of(),
                        Map.of(),
                        headers,
                        patch.toString(),
                        batch.principal(),
                        batch.requestId()),
                target.id());
    }

    /** The unique value an upsert record finds its item by; a 400 naming the field without it. */
    static String upsertValue(Resource resource, JsonObject record) {
        String field = resource.uniqueField().orElseThrow();
        JsonElement value = record.get(field);
        if (value == null || !value.isJsonPrimitive() || value.getAsString().isBlank()) {
            throw ApiException.invalid(List.of(new ApiException.FieldError(
                    field, "an upsert finds its " + resource.type().name() + " by " + field + ": it is required")));
        }
        return value.getAsString();
    }

    /** The item an update record names ({@code id}) and the version it was read at ({@code version}, optional). */
    record Target(String id, java.util.OptionalLong version) {
        /** Takes {@code id} and {@code version} out of {@code patch}, leaving the merge patch. */
        static Target of(JsonObject patch) {
            JsonElement id = patch.remove("id");
            JsonElement version = patch.remove("version");
            if (id == null || !id.isJsonPrimitive() || !Field.isId(id.getAsString())) {
                throw ApiException.invalid(List.of(new ApiException.FieldError("id", "an update names the item's id")));
            }
            if (version == null || version.isJsonNull()) {
                return new Target(id.getAsString(), java.util.OptionalLong.empty());
            }
            try {
                return new Target(id.getAsString(), java.util.OptionalLong.of(Long.parseLong(version.getAsString())));
            } catch (NumberFormatException | UnsupportedOperationException | IllegalStateException e) {
                throw ApiException.invalid(
                        List.of(new ApiException.FieldError("version", "must be the item's version, such as 3")));
            }
        }
    }

    /** An upsert: the item holding the record's unique value, patched; else a new item; else (lost a race) the winner, patched. */
    private Response upsert(Request batch, int index, JsonObject record) {
        String value = upsertValue(resource, record);
        String tenant = batch.principal().tenantId();
        Request request = recordRequest(batch, index, record);
        for (int attempt = 1; ; attempt++) {
            Optional<String> holder = resource.holderOf(tenant, value);
            if (holder.isPresent()) {
                return resource.patchLatest(request, holder.get(), record);
            }
            try {
                return resource.createNow(request);
            } catch (ApiException e) {
                if (e.status() != 409 || attempt == UPSERT_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** Record {@code index} as a request of its own: the batch's caller, key and id, a path of its own (its created id's). */
    static Request recordRequest(Request batch, int index, JsonObject record) {
        Map<String, String> headers = new HashMap<>();
        batch.header("Idempotency-Key").ifPresent(key -> headers.put("Idempotency-Key", key));
        return new Request(
                "POST",
                batch.path() + "/" + index,
                Map.of(),
                Map.of(),
                headers,
                record.toString(),
                batch.principal(),
                batch.requestId());
    }

    private static boolean atomic(JsonObject body) {
        JsonElement atomic = body.get("atomic");
        if (atomic == null) {
            return false;
        }
        if (!atomic.isJsonPrimitive() || !atomic.getAsJsonPrimitive().isBoolean()) {
            throw ApiException.invalid(List.of(new ApiException.FieldError("atomic", "must be true or false")));
        }
        return atomic.getAsBoolean();
    }

    private static Mode mode(JsonObject body) {
        JsonElement mode = body.get("mode");
        if (mode != null && mode.isJsonPrimitive()) {
            for (Mode m : Mode.values()) {
                if (m.name().toLowerCase(Locale.ROOT).equals(mode.getAsString())) {
                    return m;
                }
            }
        }
        throw ApiException.invalid(
                List.of(new ApiException.FieldError("mode", "must be one of create, update, upsert")));
    }

    private static List<JsonObject> records(JsonObject body) {
        for (String name : body.keySet()) {
            if (!Set.of("mode", "records", "atomic").contains(name)) {
                throw ApiException.invalid(List.of(new ApiException.FieldError(
                        name, "is not a member of a batch; " + "a batch has mode, records and optionally atomic")));
            }
        }
        JsonElement records = body.get("records");
        if (records == null
                || !records.isJsonArray()
                || records.getAsJsonArray().isEmpty()
                || records.getAsJsonArray().size() > MAX_RECORDS) {
            throw ApiException.invalid(List.of(
                    new ApiException.FieldError("records", "must be an array of 1 to " + MAX_RECORDS + " objects")));
        }
        List<JsonObject> list = new ArrayList<>();
        for (int i = 0; i < records.getAsJsonArray().size(); i++) {
            JsonElement record = records.getAsJsonArray().get(i);
            if (!record.isJsonObject()) {
                throw ApiException.invalid(
                        List.of(new ApiException.FieldError("records[" + i + "]", "must be an object")));
            }
            list.add(record.getAsJsonObject());
        }
        return list;
    }
}
