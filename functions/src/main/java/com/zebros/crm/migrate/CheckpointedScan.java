package com.zebros.crm.migrate;

import com.zebros.crm.store.Store;
import com.zebros.crm.store.Table;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * A migration's pass over a whole table: consistent scan pages of {@link #PAGE} items from the migration's last
 * checkpoint, the position checkpointed after each page, until the table ends (the migration is then done) or
 * the budget is spent (the next run goes on from there). At least one page per run, so every run progresses.
 */
final class CheckpointedScan {
    static final int PAGE = 100;

    private CheckpointedScan() {}

    /** Hands each item to {@code migrate}; true when the table's end was reached. */
    static boolean run(
            Store store,
            MigrationState state,
            String migration,
            Table table,
            Duration budget,
            Consumer<Map<String, AttributeValue>> migrate) {
        long deadline = System.nanoTime() + budget.toNanos();
        Map<String, AttributeValue> start = state.resumeFrom(migration).orElse(null);
        do {
            var request = ScanRequest.builder()
                    .tableName(store.name(table))
                    .consistentRead(true)
                    .limit(PAGE);
            if (start != null) {
                request.exclusiveStartKey(start);
            }
            ScanResponse page = store.client().scan(request.build());
            page.items().forEach(migrate);
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            state.checkpoint(migration, start);
        } while (start != null && System.nanoTime() < deadline);
        return start == null;
    }
}
