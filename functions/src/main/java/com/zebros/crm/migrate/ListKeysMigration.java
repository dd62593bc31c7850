package com.zebros.crm.migrate;

import com.zebros.crm.crm.EntityType;
import com.zebros.crm.crm.Items;
import com.zebros.crm.store.Store;
import com.zebros.crm.store.Table;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Brings the index keys of items written before a key existed, or before it took its present form, up to date: a
 * scan of one table, page by page, each item's keys derived again ({@link EntityType#deriveKeys}) and, where they
 * differ, set (and keys no longer derived removed) by an update conditional on the version read. Neither the
 * version nor any field changes, so no client sees a change and no history entry or webhook event is written; an
 * item the API wrote in between is read again and has its keys already.
 *
 * <p>One migration per table ({@link #name}): customers and opportunities gained list indexes (ListAccess marks
 * them; their listings answer 503 until it is done), activities' time keys became fixed-width. Checkpointed after
 * each page ({@link CheckpointedScan}).
 */
public final class ListKeysMigration {
    /** The tables whose items' keys changed, in the order the migrations function runs them. */
    public static final List<Table> TABLES = List.of(Table.CUSTOMERS, Table.OPPORTUNITIES, Table.ACTIVITIES);

    private final Store store;
    private final MigrationState state;
    private final Table table;
    private final EntityType type;

    public ListKeysMigration(Store store, MigrationState state, Table table) {
        this.store = store;
        this.state = state;
        this.table = table;
        this.type = Items.typeOf(table);
    }

    /** The migration of {@code table}'s keys, as MigrationState knows it. */
    public static String name(Table table) {
        return "list-keys-" + table.id();
    }

    /** What one run did; {@code skipped}: items whose keys cannot be derived, which no API write leaves (left as they are). */
    public record Run(long scanned, long updated, long skipped, boolean done) {}

    /** Goes on from the last checkpoint until the table is done or {@code budget} is spent. */
    public Run run(Duration budget) {
        if (state.isDone(name(table))) {
            return new Run(0, 0, 0, true);
        }
        long[] counts = new long[3];
        boolean done = CheckpointedScan.run(store, state, name(table), table, budget, item -> {
            counts[0]++;
            switch (update(item)) {
                case UPDATED -> counts[1]++;
                case SKIPPED -> counts[2]++;
                default -> {}
            }
        });
        return new Run(counts[0], counts[1], counts[2], done);
    }

    private enum Outcome {
        UPDATED,
        UNCHANGED,
        SKIPPED
    }

    /** Sets the item's keys as they are derived now; unchanged when they were so already (or it is gone). */
    private Outcome update(Map<String, AttributeValue> seen) {
        Map<String, AttributeValue> item = seen;
        for (int attempt = 0; attempt < 5; attempt++) {
            Optional<Map<String, AttributeValue>> fresh = derived(item);
            if (fresh.isEmpty()) {
                return Outcome.SKIPPED;
            }
            Map<String, AttributeValue> derived = fresh.get();
            List<String> sets = new ArrayList<>();
            List<String> removes = new ArrayList<>();
            Map<String, String> names = new HashMap<>(Map.of("#v", Store.VERSION));
            Map<String, AttributeValue> values = new HashMap<>(Map.of(":seen", item.get(Store.VERSION)));
            List<String> attributes = type.derivedAttributes();
            for (int i = 0; i < attributes.size(); i++) {
                String attribute = attributes.get(i);
                AttributeValue now = derived.get(attribute);
                if (now != null && !now.equals(item.get(attribute))) {
                    names.put("#k" + i, attribute);
                    values.put(":k" + i, now);
                    sets.add("#k" + i + " = :k" + i);
                } else if (now == null && item.containsKey(attribute)) {
                    names.put("#k" + i, attribute);
                    removes.add("#k" + i);
                }
            }
            if (sets.isEmpty() && removes.isEmpty()) {
                return Outcome.UNCHANGED;
            }
            String update = (sets.isEmpty() ? "" : "SET " + String.join(", ", sets))
                    + (removes.isEmpty() ? "" : " REMOVE " + String.join(", ", removes));
            String tenant = item.get(Table.TENANT).s();
            String id = item.get(table.idAttribute()).s();
            try {
                store.client()
                        .updateItem(b -> b.tableName(store.name(table))
                                .key(Store.key(table, tenant, id))
                                .updateExpression(update.trim())
                                .conditionExpression("#v = :seen")
                                .expressionAttributeNames(names)
                                .expressionAttributeValues(values));
                return Outcome.UPDATED;
            } catch (ConditionalCheckFailedException e) {
                // Written (or deleted) since the scan: read it again; an API write derived its keys already.
                Optional<Map<String, AttributeValue>> now = store.get(table, tenant, id);
                if (now.isEmpty()) {
                    return Outcome.UNCHANGED;
                }
                item = now.get();
            }
        }
        throw new IllegalStateException(
                "the " + type.name() + " " + seen.get(table.idAttribute()).s()
                        + " kept changing under the migration; the next run updates its keys");
    }

    /**
     * The item with its keys derived anew from its fields alone; empty when a field a key needs is missing or not of
     * its form, which the API's validation never lets through (an item put by hand): such an item is counted, not fixed.
     */
    private Optional<Map<String, AttributeValue>> derived(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> fresh = new HashMap<>(item);
        type.derivedAttributes().forEach(fresh::remove);
        try {
            type.deriveKeys(
                    item.get(Table.TENANT).s(), item.get(table.idAttribute()).s(), fresh);
        } catch (NullPointerException | java.time.DateTimeException | ArithmeticException | NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.of(fresh);
    }
}
