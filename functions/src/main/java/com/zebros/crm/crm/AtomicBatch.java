package com.zebros.crm.crm;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.zebros.crm.http.ApiException;
import com.zebros.crm.http.Request;
import com.zebros.crm.http.Response;
import com.zebros.crm.store.Reference;
import com.zebros.crm.store.Store;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * A batch with {@code "atomic": true}: every record written, or none. All records are prepared first, each as its
 * single request would write it (a create's item, an update's patched item at the version read, an upsert's either,
 * with references, history entry and claim), and every problem of every record is one 400 with nothing written; then
 * one DynamoDB transaction holds all their writes. A transaction holds at most 100 writes and names an item once
 * (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TransactWriteItems.html), so a batch that needs
 * more, names one item twice or repeats a unique value is a 400 before anything is sent; a condition refused when it
 * runs (an item changed or deleted since it was read, a customer gone, a unique value taken) is a 409 naming the
 * record, with nothing written.
 */
final class AtomicBatch {
    private final Resource resource;

    AtomicBatch(Resource resource) {
        this.resource = resource;
    }

    /** One record's write, prepared: the item as stored after it, and what the transaction holds for it. */
    private record Planned(
            String id,
            boolean created,
            boolean keyed,
            Map<String, AttributeValue> item,
            TransactWriteItem write,
            List<Reference> references,
            List<TransactWriteItem> alongside) {}

    Response write(Request batch, Batch.Mode mode, List<JsonObject> records) {
        String tenant = batch.principal().tenantId();
        List<Planned> planned = new ArrayList<>();
        List<ApiException.FieldError> errors = new ArrayList<>();
        Map<String, Integer> items = new HashMap<>();
        Map<String, Integer> uniqueValues = new HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            try {
                Planned record = plan(batch, mode, i, records.get(i));
                planned.add(record);
                Integer sameItem = items.putIfAbsent(record.id(), i);
                if (sameItem != null) {
                    errors.add(new ApiException.FieldError(
                            "records[" + i + "]",
                            "is the same " + resource.type().name() + " as records[" + sameItem
                                    + "]: a transaction writes an item once"));
                }
                int index = i;
                resource.uniqueField().filter(record.item()::containsKey).ifPresent(field -> {
                    Integer first = uniqueValues.putIfAbsent(
                            record.item().get(field).s().trim().toLowerCase(Locale.ROOT), index);
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
        List<TransactWriteItem> writes = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        Set<String> checked = new HashSet<>();
        for (int i = 0; i < planned.size(); i++) {
            Planned record = planned.get(i);
            writes.add(record.write());
            owners.add(i);
            for (Reference reference : record.references()) {
                if (checked.add(reference.table() + "#" + reference.id())) {
                    writes.add(resource.store().referenceCheck(tenant, reference));
                    owners.add(i);
                }
            }
            for (TransactWriteItem write : record.alongside()) {
                writes.add(write);
                owners.add(i);
            }
        }
        if (writes.size() > Batch.MAX_TRANSACTION_WRITES) {
            throw ApiException.invalid(List.of(new ApiException.FieldError(
                    "records",
                    "an all-or-nothing batch of these " + records.size() + " records needs " + writes.size()
                            + " writes in one transaction, and DynamoDB takes at most "
                            + Batch.MAX_TRANSACTION_WRITES + ": send fewer records")));
        }
        // Under an Idempotency-Key a create's id comes from the key: if the first one exists, an earlier attempt's
        // transaction wrote the whole batch and failed before it could answer. Answer with what it wrote.
        boolean writtenBefore = mode == Batch.Mode.CREATE
                && planned.get(0).keyed()
                && resource.store()
                        .get(resource.type().table(), tenant, planned.get(0).id())
                        .isPresent();
        if (!writtenBefore) {
            try {
                resource.store().transactWrite(writes);
            } catch (TransactionCanceledException e) {
                throw refusal(e, owners);
            }
        }
        return Response.json(200, summary(mode, tenant, planned, writtenBefore));
    }

    /** What the record's own request would write, prepared; a create, an update or (an upsert) either. */
    private Planned plan(Request batch, Batch.Mode mode, int index, JsonObject record) {
        return switch (mode) {
            case CREATE -> created(resource.prepareCreate(Batch.recordRequest(batch, index, record)));
            case UPDATE -> {
                JsonObject patch = record.deepCopy();
                Batch.Target target = Batch.Target.of(patch);
                yield updated(resource.prepareUpdate(
                        Batch.recordRequest(batch, index, patch),
                        target.id(),
                        target.version(),
                        resource.mergePatch(patch)));
            }
            case UPSERT -> {
                String value = Batch.upsertValue(resource, record);
                Request request = Batch.recordRequest(batch, index, record);
                Optional<String> holder = resource.holderOf(batch.principal().tenantId(), value);
                yield holder.isPresent()
                        ? updated(resource.prepareUpdate(
                                request, holder.get(), OptionalLong.empty(), resource.mergePatch(record)))
                        : created(resource.prepareCreate(request));
            }
        };
    }

    private Planned created(Resource.Prepared create) {
        Map<String, AttributeValue> item = new HashMap<>(create.item());
        item.putIfAbsent(Store.VERSION, AttributeValue.fromN("1"));
        return new Planned(
                create.id(),
                true,
                create.keyed(),
                item,
                resource.store().newItemPut(resource.type().table(), create.item()),
                create.references(),
                create.alongside());
    }

    /** An update at the version read (or the record's {@code version}: a stale one is refused when it runs). */
    private Planned updated(Resource.Update update) {
        if (update.expected() != update.current()) {
            throw ApiException.invalid(List.of(new ApiException.FieldError(
                    "version",
                    "the " + resource.type().name() + " is at version " + update.current() + ", not "
                            + update.expected() + ": read it again")));
        }
        Map<String, AttributeValue> item = new HashMap<>(update.item());
        item.put(Store.VERSION, AttributeValue.fromN(String.valueOf(update.expected() + 1)));
        return new Planned(
                update.id(),
                false,
                false,
                item,
                resource.store().replacingPut(resource.type().table(), update.item(), update.expected()),
                update.references(),
                update.alongside());
    }

    /** Each record's result as the record-by-record batch gives it: 201 and the item created, 200 and the item updated. */
    private Map<String, Object> summary(Batch.Mode mode, String tenant, List<Planned> planned, boolean writtenBefore) {
        List<Map<String, Object>> results = new ArrayList<>();
        for (int i = 0; i < planned.size(); i++) {
            Planned record = planned.get(i);
            Map<String, AttributeValue> item = writtenBefore
                    ? resource.store()
                            .get(resource.type().table(), tenant, record.id())
                            .orElseThrow(
                                    () -> ApiException.conflict("a record this Idempotency-Key created was deleted "
                                            + "since; send the batch with a new key"))
                    : record.item();
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("index", i);
            result.put("status", record.created() ? 201 : 200);
            result.put("item", JsonParser.parseString(com.zebros.crm.http.Json.write(resource.view(item))));
            results.add(result);
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("mode", mode.name().toLowerCase(Locale.ROOT));
        summary.put("atomic", true);
        summary.put("succeeded", results.size());
        summary.put("failed", 0);
        summary.put("results", results);
        return summary;
    }

    /** A transaction DynamoDB cancelled: a conflict to send again, or a 409 naming each record whose condition failed. */
    private static ApiException refusal(TransactionCanceledException e, List<Integer> owners) {
        List<CancellationReason> reasons = e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
        List<ApiException.FieldError> errors = new ArrayList<>();
        for (int w = 0; w < reasons.size() && w < owners.size(); w++) {
            String code = reasons.get(w).code();
            if ("TransactionConflict".equals(code)) {
                return ApiException.conflict(
                        "another change to the same items was in flight; no record was written, send the batch again");
            }
            if ("ConditionalCheckFailed".equals(code)) {
                errors.add(new ApiException.FieldError(
                        "records[" + owners.get(w) + "]",
                        "refused by its condition (its item changed or is gone since it was read, an item it refers "
                                + "to is gone, or its unique value or id is another item's): no record was written"));
            }
        }
        if (errors.isEmpty()) {
            return new ApiException(
                    409, "Conflict", "DynamoDB cancelled the batch; no record was written", List.of(), Map.of());
        }
        return new ApiException(409, "Conflict", "no record was written", errors, Map.of());
    }
}
