package com.zebros.crm.migrate;

import com.zebros.crm.store.Store;
import com.zebros.crm.store.Table;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Where each data migration stands, one item per migration in the jobs table under the platform's own
 * partition ({@code #platform}, which no tenant id can be): where its scan got to, and whether it has
 * gone through the whole table. A migration once done stays done, so a function remembers it and
 * reads no more.
 */
public final class MigrationState {
    /** The jobs table's partition of the platform's own items: a tenant id is letters, digits, '_' and '-' only. */
    public static final String PARTITION = "#platform";

    private static final String DONE = "done";
    private static final String LAST_KEY = "lastKey";

    private final Store store;
    private final Set<String> done = ConcurrentHashMap.newKeySet();

    public MigrationState(Store store) {
        this.store = store;
    }

    private static String id(String migration) {
        return "migration#" + migration;
    }

    /** Whether {@code migration} has gone through the whole table. */
    public boolean isDone(String migration) {
        if (done.contains(migration)) {
            return true;
        }
        boolean finished = store.get(Table.JOBS, PARTITION, id(migration))
                .map(item -> item.containsKey(DONE)
                        && Boolean.TRUE.equals(item.get(DONE).bool()))
                .orElse(false);
        if (finished) {
            done.add(migration);
        }
        return finished;
    }

    /** Where the scan of a migration that is not done should go on from; empty to start at the beginning. */
    Optional<Map<String, AttributeValue>> resumeFrom(String migration) {
        return store.get(Table.JOBS, PARTITION, id(migration))
                .filter(item -> item.containsKey(LAST_KEY))
                .map(item -> item.get(LAST_KEY).m());
    }

    /** Records how far the scan got ({@code lastKey}), or that it is done (null). */
    void checkpoint(String migration, Map<String, AttributeValue> lastKey) {
        Map<String, AttributeValue> item = new HashMap<>(Store.key(Table.JOBS, PARTITION, id(migration)));
        item.put("kind", AttributeValue.fromS("migration"));
        if (lastKey == null) {
            item.put(DONE, AttributeValue.fromBool(true));
            done.add(migration);
        } else {
            item.put(LAST_KEY, AttributeValue.fromM(lastKey));
        }
        store.client().putItem(b -> b.tableName(store.name(Table.JOBS)).item(item));
    }
}
