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
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

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
            if (mode != Mode.CREATE) {
                throw ApiException.invalid(List.of(new ApiException.FieldError(
                        "atomic",
                        "all-or-nothing is for create batches; an update or upsert batch answers record by record")));
            }
            return idempotency.run(request, () -> atomicCreate(request, records));
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
        JsonElement id = patch.remove("id");
        JsonElement version = patch.remove("version");
        if (id == null || !id.isJsonPrimitive() || !Field.isId(id.getAsString())) {
            throw ApiException.invalid(List.of(new ApiException.FieldError("id", "an update names the item's id")));
        }
        Request request = recordRequest(batch, index, patch);
        if (version == null || version.isJsonNull()) {
            return resource.patchLatest(request, id.getAsString(), patch);
        }
        Map<String, String> headers = new HashMap<>(request.headers());
        headers.put("If-Match", "\"" + version.getAsString() + "\"");
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
                id.getAsString());
    }

    /** An upsert: the item holding the record's unique value, patched; else a new item; else (lost a race) the winner, patched. */
    private Response upsert(Request batch, int index, JsonObject record) {
        String field = resource.uniqueField().orElseThrow();
        JsonElement value = record.get(field);
        if (value == null || !value.isJsonPrimitive() || value.getAsString().isBlank()) {
            throw ApiException.invalid(List.of(new ApiException.FieldError(
                    field, "an upsert finds its " + resource.type().name() + " by " + field + ": it is required")));
        }
        String tenant = batch.principal().tenantId();
        Request request = recordRequest(batch, index, record);
        for (int attempt = 1; ; attempt++) {
            Optional<String> holder = resource.holderOf(tenant, value.getAsString());
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
    private static Request recordRequest(Request batch, int index, JsonObject record) {
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

    /**
     * All of the records created, or none: every record validated first (every problem of every record in one 400,
     * nothing written), then one DynamoDB transaction with each record's item, its references' checks (one per item
     * referred to) and its history entry and claim, so a refused condition writes nothing at all. A transaction holds
     * at most 100 writes and names an item once
     * (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TransactWriteItems.html), so a batch that
     * needs more, or repeats a unique value, is a 400 before anything is sent.
     */
    private Response atomicCreate(Request batch, List<JsonObject> records) {
        String tenant = batch.principal().tenantId();
        List<Resource.Prepared> prepared = new ArrayList<>();
        List<ApiException.FieldError> errors = new ArrayList<>();
        Map<String, Integer> uniqueValues = new HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            try {
                Resource.Prepared create = resource.prepareCreate(recordRequest(batch, i, records.get(i)));
                prepared.add(create);
                int index = i;
                resource.uniqueField().filter(create.item()::containsKey).ifPresent(field -> {
                    Integer first = uniqueValues.putIfAbsent(
                            create.item().get(field).s().trim().toLowerCase(Locale.ROOT), index);
                    if (first != null) {
                        errors.add(new ApiException.FieldError(
                                "records[" + index + "]." + field, "repeats records[" + first + "]'s"));
                    }
                });
            } catch (ApiException refused) {
                if (refused.errors().isEmpty()) {
                    errors.add(new ApiException.FieldError("records[" + i + "]", refused.getMessage()));
                }
                int record = i;
                refused.errors()
                        .forEach(e -> errors.add(
                                new ApiException.FieldError("records[" + record + "]." + e.field(), e.message())));
            }
        }
        if (!errors.isEmpty()) {
            throw new ApiException(
                    400,
                    "Invalid request",
                    "no record was written: " + errors.size() + " problem(s)",
                    errors,
                    Map.of());
        }
        List<software.amazon.awssdk.services.dynamodb.model.TransactWriteItem> writes = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        Set<String> checked = new java.util.HashSet<>();
        for (int i = 0; i < prepared.size(); i++) {
            Resource.Prepared create = prepared.get(i);
            writes.add(resource.store().newItemPut(resource.type().table(), create.item()));
            owners.add(i);
            for (var reference : create.references()) {
                if (checked.add(reference.table() + "#" + reference.id())) {
                    writes.add(resource.store().referenceCheck(tenant, reference));
                    owners.add(i);
                }
            }
            for (var write : create.alongside()) {
                writes.add(write);
                owners.add(i);
            }
        }
        if (writes.size() > MAX_TRANSACTION_WRITES) {
            throw ApiException.invalid(List.of(new ApiException.FieldError(
                    "records",
                    "an all-or-nothing batch of these "
                            + records.size() + " records needs " + writes.size()
                            + " writes in one transaction, and DynamoDB takes at most "
                            + MAX_TRANSACTION_WRITES + ": send fewer records")));
        }
        // Under an Idempotency-Key the ids come from the key: if the first one exists, an earlier attempt's transaction
        // wrote the whole batch and failed before it could answer. Answer with what it wrote.
        boolean writtenBefore = prepared.get(0).keyed()
                && resource.store()
                        .get(resource.type().table(), tenant, prepared.get(0).id())
                        .isPresent();
        if (!writtenBefore) {
            try {
                resource.store().transactWrite(writes);
            } catch (software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException e) {
                throw refusal(e, owners);
            }
        }
        List<Map<String, Object>> results = new ArrayList<>();
        for (int i = 0; i < prepared.size(); i++) {
            Map<String, AttributeValue> item = new HashMap<>(
                    writtenBefore
                            ? resource.store()
                                    .get(
                                            resource.type().table(),
                                            tenant,
                                            prepared.get(i).id())
                                    .orElseThrow(
                                            () -> ApiException.conflict(
                                                    "a record this Idempotency-Key created was deleted since; send the batch with a new key"))
                            : prepared.get(i).item());
            item.putIfAbsent(com.zebros.crm.store.Store.VERSION, AttributeValue.fromN("1"));
            Response answer = resource.createdResponse(item);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("index", i);
            result.put("status", answer.status());
            result.put("item", JsonParser.parseString(answer.body()));
            results.add(result);
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("mode", "create");
        summary.put("atomic", true);
        summary.put("succeeded", results.size());
        summary.put("failed", 0);
        summary.put("results", results);
        return Response.json(200, summary);
    }

    /** Why DynamoDB cancelled the whole batch, naming the record whose condition failed. */
    private static ApiException refusal(
            software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException e, List<Integer> owners) {
        var reasons = e.hasCancellationReasons()
                ? e.cancellationReasons()
                : List.<software.amazon.awssdk.services.dynamodb.model.CancellationReason>of();
        List<ApiException.FieldError> errors = new ArrayList<>();
        for (int w = 0; w < reasons.size() && w < owners.size(); w++) {
            String code = reasons.get(w).code();
            if ("TransactionConflict".equals(code)) {
                return ApiException.conflict(
                        "another change to the same items was in flight; no record was written, send the batch again");
            }
            if ("ConditionalCheckFailed".equals(code)) {
                int record = owners.get(w);
                errors.add(new ApiException.FieldError(
                        "records[" + record + "]",
                        "refused by its condition (an item it refers "
                                + "to is gone, or its unique value or id is another item's): no record was written"));
            }
        }
        if (errors.isEmpty()) {
            return new ApiException(
                    409, "Conflict", "DynamoDB cancelled the batch; no record was written", List.of(), Map.of());
        }
        return new ApiException(409, "Conflict", "no record was written", errors, Map.of());
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
