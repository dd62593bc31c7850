package com.zebros.crm.store;

import com.zebros.crm.http.ApiException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Every read and write of CRM items. Every key starts with the caller's tenant, so no call here can
 * reach another tenant's item; every write is conditional on the version the caller read, so no
 * update is lost under concurrent writers.
 */
public final class Store {
    public static final String VERSION = "version";
    /** The condition of a write at a version read: the item exists and is still at {@code :expected}. */
    private static final String AT_VERSION = "attribute_exists(#id) AND #v = :expected";

    /** Tries of a transaction DynamoDB cancels for a conflict. */
    public static final int CONFLICT_ATTEMPTS = 5;

    private final DynamoDbClient dynamo;
    private final DynamoDbClient reader;
    private final Map<Table, String> names;

    public Store(DynamoDbClient dynamo, Map<Table, String> names) {
        this(dynamo, dynamo, names);
    }

    /**
     * @param reader where eventually consistent reads and queries go: DAX from phase 2, else DynamoDB.
     *               Writes and the consistent reads before a write always go to DynamoDB.
     */
    public Store(DynamoDbClient dynamo, DynamoDbClient reader, Map<Table, String> names) {
        this.dynamo = dynamo;
        this.reader = reader;
        this.names = names.isEmpty() ? new EnumMap<>(Table.class) : new EnumMap<>(names);
    }

    /**
     * Where an eventually consistent read of {@code table} goes: DAX caches the CRM's item tables only (the
     * program grants its role those and not the jobs table, whose items change as they are read).
     */
    private DynamoDbClient readerOf(Table table) {
        return table == Table.JOBS ? dynamo : reader;
    }

    public static Map<Table, String> namesFrom(Map<String, String> environment) {
        Map<Table, String> names = new EnumMap<>(Table.class);
        for (Table t : Table.values()) {
            String name = environment.get(t.environmentVariable());
            if (name == null || name.isBlank()) {
                throw new IllegalStateException("the environment has no " + t.environmentVariable()
                        + " (the stack sets it to the table's name)");
            }
            names.put(t, name);
        }
        return names;
    }

    public String name(Table table) {
        return names.get(table);
    }

    public static Map<String, AttributeValue> key(Table table, String tenant, String id) {
        return Map.of(Table.TENANT, AttributeValue.fromS(tenant), table.idAttribute(), AttributeValue.fromS(id));
    }

    public Optional<Map<String, AttributeValue>> get(Table table, String tenant, String id) {
        var response = dynamo.getItem(GetItemRequest.builder()
                .tableName(name(table))
                .key(key(table, tenant, id))
                .consistentRead(true)
                .build());
        return response.hasItem() && !response.item().isEmpty() ? Optional.of(response.item()) : Optional.empty();
    }

    /** Reads one absent key from every table in a single request: what the health check needs to know. */
    public void probe() {
        Map<String, software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes> keys = new HashMap<>();
        for (Table table : Table.values()) {
            keys.put(
                    name(table),
                    software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes.builder()
                            .keys(key(table, "health-check", "health-check"))
                            .build());
        }
        dynamo.batchGetItem(b -> b.requestItems(keys));
    }

    /** An eventually consistent read, served by DAX where the stack has one. */
    public Optional<Map<String, AttributeValue>> read(Table table, String tenant, String id) {
        var response = readerOf(table)
                .getItem(GetItemRequest.builder()
                        .tableName(name(table))
                        .key(key(table, tenant, id))
                        .build());
        return response.hasItem() && !response.item().isEmpty() ? Optional.of(response.item()) : Optional.empty();
    }

    /** Writes a new item at version 1; false when an item with that key already exists. */
    public boolean create(Table table, Map<String, AttributeValue> item) {
        Map<String, AttributeValue> versioned = new HashMap<>(item);
        versioned.put(VERSION, AttributeValue.fromN("1"));
        try {
            dynamo.putItem(PutItemRequest.builder()
                    .tableName(name(table))
                    .item(versioned)
                    .conditionExpression("attribute_not_exists(#id)")
                    .expressionAttributeNames(Map.of("#id", table.idAttribute()))
                    .build());
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /**
     * Writes a new item at version 1 if every reference holds at that moment (one transaction); false
     * when an item with that key already exists; a reference that does not hold is a 400 naming its field.
     */
    public boolean create(Table table, Map<String, AttributeValue> item, List<Reference> references) {
        return create(table, item, references, List.of());
    }

    /** {@link #create(Table, Map, List)} with {@code alongside} written in the same transaction (totals the item changes). */
    public boolean create(
            Table table,
            Map<String, AttributeValue> item,
            List<Reference> references,
            List<TransactWriteItem> alongside) {
        if (references.isEmpty() && alongside.isEmpty()) {
            return create(table, item);
        }
        // A restored item comes back at the version it names (its history's next); a new one is at version 1.
        Optional<Map<String, AttributeValue>> refused =
                transact(item.get(Table.TENANT).s(), references, newItemPut(table, item), alongside);
        return refused.isEmpty();
    }

    /**
     * Replaces an item if it is still at {@code expectedVersion}; the stored item moves to the next
     * version. A missing item is a 404; a newer one a 412 that names the current version.
     */
    public Map<String, AttributeValue> replace(Table table, Map<String, AttributeValue> item, long expectedVersion) {
        return replace(table, item, expectedVersion, List.of());
    }

    /** {@link #replace(Table, Map, long)} if every reference holds at that moment too (one transaction). */
    public Map<String, AttributeValue> replace(
            Table table, Map<String, AttributeValue> item, long expectedVersion, List<Reference> references) {
        return replace(table, item, expectedVersion, references, List.of());
    }

    /** {@link #replace(Table, Map, long, List)} with {@code alongside} written in the same transaction. */
    public Map<String, AttributeValue> replace(
            Table table,
            Map<String, AttributeValue> item,
            long expectedVersion,
            List<Reference> references,
            List<TransactWriteItem> alongside) {
        Map<String, AttributeValue> next = new HashMap<>(item);
        next.put(VERSION, AttributeValue.fromN(String.valueOf(expectedVersion + 1)));
        String condition = AT_VERSION;
        Map<String, String> names = Map.of("#id", table.idAttribute(), "#v", VERSION);
        Map<String, AttributeValue> values = Map.of(":expected", AttributeValue.fromN(String.valueOf(expectedVersion)));
        if (!references.isEmpty() || !alongside.isEmpty()) {
            transact(item.get(Table.TENANT).s(), references, replacingPut(table, item, expectedVersion), alongside)
                    .ifPresent(old -> {
                        throw stale(old, table);
                    });
            return next;
        }
        try {
            dynamo.putItem(PutItemRequest.builder()
                    .tableName(name(table))
                    .item(next)
                    .conditionExpression(condition)
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                    .build());
            return next;
        } catch (ConditionalCheckFailedException e) {
            throw stale(e.hasItem() ? e.item() : Map.of(), table);
        }
    }

    /**
     * A transaction, tried again while DynamoDB cancels it for meeting another transaction on one of its items
     * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/transaction-apis.html, "Transaction conflict
     * handling"): a cancelled transaction changed nothing, so it is safe to send again. Every opportunity write
     * of a tenant also updates the tenant's pipeline totals item, so concurrent writes of one tenant meet there;
     * {@link #CONFLICT_ATTEMPTS} tries with jittered, doubling waits (from 5-10 ms up to 40-80 ms, at most 150 ms in all) before the
     * cancellation reaches the caller.
     */
    public void transactWrite(List<TransactWriteItem> writes) {
        for (int attempt = 1; ; attempt++) {
            try {
                dynamo.transactWriteItems(b -> b.transactItems(writes));
                return;
            } catch (TransactionCanceledException e) {
                if (!conflicted(e) || attempt == CONFLICT_ATTEMPTS) {
                    throw e;
                }
                long wait = 10L << (attempt - 1);
                try {
                    Thread.sleep(wait / 2
                            + java.util.concurrent.ThreadLocalRandom.current().nextLong(wait / 2 + 1));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private static boolean conflicted(TransactionCanceledException e) {
        return e.hasCancellationReasons()
                && e.cancellationReasons().stream().anyMatch(r -> "TransactionConflict".equals(r.code()));
    }

    /** The condition check that {@code reference} holds, for a transaction. */
    public TransactWriteItem referenceCheck(String tenant, Reference reference) {
        var check = ConditionCheck.builder()
                .tableName(name(reference.table()))
                .key(key(reference.table(), tenant, reference.id()))
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD);
        if (reference.customerId() == null) {
            check.conditionExpression("attribute_exists(#id)")
                    .expressionAttributeNames(Map.of("#id", reference.table().idAttribute()));
        } else {
            check.conditionExpression("attribute_exists(#id) AND #c = :c")
                    .expressionAttributeNames(Map.of("#id", reference.table().idAttribute(), "#c", "customerId"))
                    .expressionAttributeValues(Map.of(":c", AttributeValue.fromS(reference.customerId())));
        }
        return TransactWriteItem.builder().conditionCheck(check.build()).build();
    }

    /**
     * The put of {@code item} at the version after {@code expectedVersion}, on the condition that it is still at that
     * version, for a transaction (what {@link #replace} writes).
     */
    public TransactWriteItem replacingPut(Table table, Map<String, AttributeValue> item, long expectedVersion) {
        Map<String, AttributeValue> next = new HashMap<>(item);
        next.put(VERSION, AttributeValue.fromN(String.valueOf(expectedVersion + 1)));
        return TransactWriteItem.builder()
                .put(Put.builder()
                        .tableName(name(table))
                        .item(next)
                        .conditionExpression(AT_VERSION)
                        .expressionAttributeNames(Map.of("#id", table.idAttribute(), "#v", VERSION))
                        .expressionAttributeValues(
                                Map.of(":expected", AttributeValue.fromN(String.valueOf(expectedVersion))))
                        // The item found, when the version is not the one expected: a 412 names its version.
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                        .build())
                .build();
    }

    /** The put of a new item at version 1, on the condition that its key is free, for a transaction. */
    public TransactWriteItem newItemPut(Table table, Map<String, AttributeValue> item) {
        Map<String, AttributeValue> versioned = new HashMap<>(item);
        versioned.putIfAbsent(VERSION, AttributeValue.fromN("1"));
        return TransactWriteItem.builder()
                .put(Put.builder()
                        .tableName(name(table))
                        .item(versioned)
                        .conditionExpression("attribute_not_exists(#id)")
                        .expressionAttributeNames(Map.of("#id", table.idAttribute()))
                        .build())
                .build();
    }

    /**
     * The references' condition checks and {@code put} in one transaction
     * (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TransactWriteItems.html).
     * Empty when it was written; the item the put's own condition found (empty map: none) when only
     * that failed. A failed reference is a 400 naming each failed field; a conflicting transaction on
     * the same items a 409 to retry; a failed condition of an alongside write an {@link AlongsideRefused}.
     */
    private Optional<Map<String, AttributeValue>> transact(
            String tenant, List<Reference> references, TransactWriteItem own, List<TransactWriteItem> alongside) {
        List<TransactWriteItem> writes = new java.util.ArrayList<>();
        for (Reference reference : references) {
            writes.add(referenceCheck(tenant, reference));
        }
        writes.add(own);
        writes.addAll(alongside);
        try {
            transactWrite(writes);
            return Optional.empty();
        } catch (TransactionCanceledException e) {
            List<CancellationReason> reasons = e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
            if (conflicted(e)) {
                throw ApiException.conflict("another change to the same items was in flight; send the request again");
            }
            if (reasons.size() != writes.size()) {
                throw e;
            }
            List<ApiException.FieldError> errors = new java.util.ArrayList<>();
            for (int i = 0; i < references.size(); i++) {
                if ("ConditionalCheckFailed".equals(reasons.get(i).code())) {
                    Reference reference = references.get(i);
                    boolean exists =
                            reasons.get(i).hasItem() && !reasons.get(i).item().isEmpty();
                    errors.add(new ApiException.FieldError(
                            reference.field(),
                            exists
                                    ? "is a " + reference.noun() + " of another customer; it must be of customer "
                                            + reference.customerId()
                                    : "no " + reference.noun() + " " + reference.id()));
                }
            }
            if (!errors.isEmpty()) {
                throw ApiException.invalid(errors);
            }
            CancellationReason ownReason = reasons.get(references.size());
            if ("ConditionalCheckFailed".equals(ownReason.code())) {
                return Optional.of(ownReason.hasItem() ? ownReason.item() : Map.of());
            }
            for (int i = references.size() + 1; i < reasons.size(); i++) {
                if ("ConditionalCheckFailed".equals(reasons.get(i).code())) {
                    throw new AlongsideRefused(
                            i - references.size() - 1,
                            reasons.get(i).hasItem() ? reasons.get(i).item() : Map.of());
                }
            }
            throw e;
        }
    }

    /** Deletes an item, if {@code expectedVersion} is given only while it is still at that version. */
    public void delete(Table table, String tenant, String id, Optional<Long> expectedVersion) {
        delete(table, tenant, id, expectedVersion, List.of());
    }

    /** {@link #delete(Table, String, String, Optional)} with {@code alongside} written in the same transaction. */
    public void delete(
            Table table, String tenant, String id, Optional<Long> expectedVersion, List<TransactWriteItem> alongside) {
        if (!alongside.isEmpty()) {
            var delete = software.amazon.awssdk.services.dynamodb.model.Delete.builder()
                    .tableName(name(table))
                    .key(key(table, tenant, id))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD);
            if (expectedVersion.isPresent()) {
                delete.conditionExpression(AT_VERSION)
                        .expressionAttributeNames(Map.of("#id", table.idAttribute(), "#v", VERSION))
                        .expressionAttributeValues(
                                Map.of(":expected", AttributeValue.fromN(String.valueOf(expectedVersion.get()))));
            } else {
                delete.conditionExpression("attribute_exists(#id)")
                        .expressionAttributeNames(Map.of("#id", table.idAttribute()));
            }
            transact(
                            tenant,
                            List.of(),
                            TransactWriteItem.builder().delete(delete.build()).build(),
                            alongside)
                    .ifPresent(old -> {
                        throw stale(old, table);
                    });
            return;
        }
        var request = DeleteItemRequest.builder()
                .tableName(name(table))
                .key(key(table, tenant, id))
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD);
        if (expectedVersion.isPresent()) {
            request.conditionExpression(AT_VERSION)
                    .expressionAttributeNames(Map.of("#id", table.idAttribute(), "#v", VERSION))
                    .expressionAttributeValues(
                            Map.of(":expected", AttributeValue.fromN(String.valueOf(expectedVersion.get()))));
        } else {
            request.conditionExpression("attribute_exists(#id)")
                    .expressionAttributeNames(Map.of("#id", table.idAttribute()));
        }
        try {
            dynamo.deleteItem(request.build());
        } catch (ConditionalCheckFailedException e) {
            throw stale(e.hasItem() ? e.item() : Map.of(), table);
        }
    }

    /** Whether a partition of an index holds any item: one key read, however many there are. */
    public boolean any(Table table, String index, String partitionAttribute, String value) {
        return dynamo.query(QueryRequest.builder()
                                .tableName(name(table))
                                .indexName(index)
                                .keyConditionExpression("#p = :p")
                                .expressionAttributeNames(Map.of("#p", partitionAttribute, "#id", table.idAttribute()))
                                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(value)))
                                .projectionExpression("#id")
                                .limit(1)
                                .build())
                        .count()
                > 0;
    }

    private static ApiException stale(Map<String, AttributeValue> found, Table table) {
        if (found.isEmpty()) {
            return ApiException.notFound("the " + table.id() + " item");
        }
        return ApiException.preconditionFailed(Long.parseLong(found.get(VERSION).n()));
    }

    /**
     * One page of {@code partitionValue} in the base table ({@code index} null) or an index, in key
     * order or reversed, optionally with a sort-key prefix.
     */
    public Page query(
            Table table,
            String index,
            String partitionAttribute,
            String partitionValue,
            String sortAttribute,
            String sortPrefix,
            boolean newestFirst,
            int limit,
            String cursor,
            String tenant) {
        return query(
                table,
                index,
                partitionAttribute,
                partitionValue,
                sortAttribute,
                KeyRange.prefix(sortPrefix),
                newestFirst,
                limit,
                cursor,
                tenant);
    }

    /**
     * One page of the keys of {@code range} in {@code partitionValue} of the base table ({@code index} null) or an
     * index, in key order or reversed. The cursor is bound to all of it: another partition, range or order is a 400.
     */
    public Page query(
            Table table,
            String index,
            String partitionAttribute,
            String partitionValue,
            String sortAttribute,
            KeyRange range,
            boolean descending,
            int limit,
            String cursor,
            String tenant) {
        String scope = String.join(
                "\n",
                table.id(),
                String.valueOf(index),
                partitionAttribute,
                partitionValue,
                range.scope(),
                descending ? "newest-first" : "key-order");
        Set<String> keys = new LinkedHashSet<>(List.of(Table.TENANT, table.idAttribute(), partitionAttribute));
        if (sortAttribute != null) {
            keys.add(sortAttribute);
        }
        Map<String, AttributeValue> start = cursor == null ? null : Cursor.decode(cursor, keys, tenant, scope);
        if (range.isEmpty()) {
            return new Page(List.of(), null);
        }
        Map<String, String> names = new HashMap<>(Map.of("#p", partitionAttribute));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":p", AttributeValue.fromS(partitionValue)));
        String condition = "#p = :p";
        if (!range.condition().isEmpty()) {
            names.put("#s", sortAttribute);
            condition += " AND " + range.condition();
            putIfSet(values, ":s", range.prefix());
            putIfSet(values, ":lo", range.low());
            putIfSet(values, ":hi", range.high());
        }
        var request = QueryRequest.builder()
                .tableName(name(table))
                .keyConditionExpression(condition)
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .scanIndexForward(!descending)
                .limit(limit);
        if (index != null) {
            request.indexName(index);
        }
        if (start != null) {
            request.exclusiveStartKey(start);
        }
        QueryResponse response;
        try {
            response = readerOf(table).query(request.build());
        } catch (DynamoDbException e) {
            if (cursor != null
                    && "ValidationException"
                            .equals(
                                    e.awsErrorDetails() == null
                                            ? null
                                            : e.awsErrorDetails().errorCode())) {
                // A start key outside this query's key condition: the scope check above should have caught it.
                throw ApiException.badRequest("the cursor does not fit this listing; page it from its start");
            }
            throw e;
        }
        String next =
                response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                        ? Cursor.encode(response.lastEvaluatedKey(), scope)
                        : null;
        return new Page(response.items(), next);
    }

    private static void putIfSet(Map<String, AttributeValue> values, String name, String value) {
        if (value != null) {
            values.put(name, AttributeValue.fromS(value));
        }
    }

    /** Every item of a partition (of the base table when {@code index} is null), projected to {@code projection}. */
    public List<Map<String, AttributeValue>> all(
            Table table, String index, String partitionAttribute, String value, List<String> projection) {
        List<Map<String, AttributeValue>> items = new java.util.ArrayList<>();
        forEach(table, index, partitionAttribute, value, projection, items::add);
        return items;
    }

    /**
     * Hands every item of a partition to {@code consumer}, page by page in key order, so a worker can
     * go through a tenant's 100,000 items holding one page. An empty {@code projection} reads whole items.
     */
    public void forEach(
            Table table,
            String index,
            String partitionAttribute,
            String value,
            List<String> projection,
            java.util.function.Consumer<Map<String, AttributeValue>> consumer) {
        Map<String, AttributeValue> start = null;
        Map<String, String> names = new HashMap<>(Map.of("#p", partitionAttribute));
        StringBuilder projectionExpression = new StringBuilder();
        for (int i = 0; i < projection.size(); i++) {
            names.put("#a" + i, projection.get(i));
            projectionExpression.append(i == 0 ? "" : ",").append("#a").append(i);
        }
        do {
            var request = QueryRequest.builder()
                    .tableName(name(table))
                    .indexName(index)
                    .keyConditionExpression("#p = :p")
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(value)));
            if (!projection.isEmpty()) {
                request.select(Select.SPECIFIC_ATTRIBUTES).projectionExpression(projectionExpression.toString());
            }
            if (start != null) {
                request.exclusiveStartKey(start);
            }
            QueryResponse response = readerOf(table).query(request.build());
            response.items().forEach(consumer);
            start = response.hasLastEvaluatedKey()
                            && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey()
                    : null;
        } while (start != null);
    }

    public DynamoDbClient client() {
        return dynamo;
    }
}
