package com.zebros.worker.importer;

import com.zebros.crm.store.Store;
import com.zebros.crm.store.Table;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Writes imported items in batches (25 a request, DynamoDB's limit), leaving alone any that already
 * exist: a batch write cannot be conditional, so the ids of each batch are read first (100 a
 * request). Items an earlier attempt wrote, and that a user may have edited since, are never
 * overwritten. Unprocessed keys and items (throttling) are retried with back-off.
 */
final class ItemWriter {
    static final int READ_BATCH = 100;
    private static final int WRITE_BATCH = 25;
    private static final int ATTEMPTS = 10;

    private final DynamoDbClient dynamo;
    private final Store store;

    ItemWriter(DynamoDbClient dynamo, Store store) {
        this.dynamo = dynamo;
        this.store = store;
    }

    /** The ids of {@code ids} that exist in {@code table} (at most {@link #READ_BATCH} ids). */
    Set<String> existing(Table table, String tenant, List<String> ids) {
        Set<String> found = new HashSet<>();
        if (ids.isEmpty()) {
            return found;
        }
        String name = store.name(table);
        List<Map<String, AttributeValue>> keys = ids.stream().distinct().map(id -> Store.key(table, tenant, id)).toList();
        Map<String, KeysAndAttributes> request = Map.of(name, KeysAndAttributes.builder().keys(keys).consistentRead(true)
                .projectionExpression("#id").expressionAttributeNames(Map.of("#id", table.idAttribute())).build());
        for (int attempt = 1; !request.isEmpty(); attempt++) {
            var response = dynamo.batchGetItem(BatchGetItemRequest.builder().requestItems(request).build());
            response.responses().getOrDefault(name, List.of()).forEach(item -> found.add(item.get(table.idAttribute()).s()));
            request = response.unprocessedKeys();
            backOff(request.isEmpty(), attempt, "reading");
        }
        return found;
    }

    /** Writes those of {@code items} whose ids do not exist yet; the number written. */
    int writeMissing(Table table, String tenant, List<Map<String, AttributeValue>> items) {
        Set<String> present = existing(table, tenant, items.stream().map(i -> i.get(table.idAttribute()).s()).toList());
        List<WriteRequest> writes = new ArrayList<>();
        for (Map<String, AttributeValue> item : items) {
            if (!present.contains(item.get(table.idAttribute()).s())) {
                writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
            }
        }
        String name = store.name(table);
        for (int from = 0; from < writes.size(); from += WRITE_BATCH) {
            Map<String, List<WriteRequest>> request = Map.of(name, writes.subList(from, Math.min(from + WRITE_BATCH, writes.size())));
            for (int attempt = 1; !request.isEmpty(); attempt++) {
                request = dynamo.batchWriteItem(BatchWriteItemRequest.builder().requestItems(request).build()).unprocessedItems();
                backOff(request.isEmpty(), attempt, "writing");
            }
        }
        return writes.size();
    }

    private static void backOff(boolean done, int attempt, String what) {
        if (done) {
            return;
        }
        if (attempt >= ATTEMPTS) {
            throw new IllegalStateException("DynamoDB kept throttling the import while " + what + " after " + ATTEMPTS
                    + " attempts; the job is retried from its checkpoint");
        }
        try {
            Thread.sleep(Math.min(5_000L, 50L << attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + what, e);
        }
    }
}
