package com.zebros.crm.migrate;

import com.zebros.crm.crm.PipelineTotals;
import com.zebros.crm.store.Store;
import com.zebros.crm.store.Table;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Counts every opportunity written before the pipeline's totals existed into its tenant's totals, once:
 * a scan of the opportunities table, page by page, each opportunity not yet {@code counted} marked and
 * added to the totals in one transaction (conditional on it still being uncounted at the version read,
 * so an API write in between is never counted twice: it either counted the item itself or made this
 * condition fail, and the item is read again). Marking moves the item's version on (its ETag), as any
 * change does, so a client's stale If-Match is refused rather than racing the count.
 *
 * <p>The scan's position is checkpointed after each page ({@link MigrationState}), so a run that runs out
 * of time (the hourly migrations function has a budget) is continued by the next; after the last page it
 * is done, and from then on the pipeline reads the totals.
 */
public final class PipelineTotalsMigration {
    public static final String NAME = "pipeline-totals";

    private final Store store;
    private final MigrationState state;

    public PipelineTotalsMigration(Store store, MigrationState state) {
        this.store = store;
        this.state = state;
    }

    /** What one run did. */
    public record Run(long scanned, long counted, boolean done) {}

    /** Goes on from the last checkpoint until the table is done or {@code budget} is spent. */
    public Run run(Duration budget) {
        if (state.isDone(NAME)) {
            return new Run(0, 0, true);
        }
        long[] counts = new long[2];
        boolean done = CheckpointedScan.run(store, state, NAME, Table.OPPORTUNITIES, budget, item -> {
            counts[0]++;
            if (!item.containsKey(PipelineTotals.COUNTED) && count(item)) {
                counts[1]++;
            }
        });
        return new Run(counts[0], counts[1], done);
    }

    /** Counts one opportunity unless someone else did first; true when this run counted it. */
    private boolean count(Map<String, AttributeValue> seen) {
        Map<String, AttributeValue> item = seen;
        for (int attempt = 0; attempt < 5; attempt++) {
            String tenant = item.get(Table.TENANT).s();
            List<TransactWriteItem> writes = new ArrayList<>();
            writes.add(TransactWriteItem.builder()
                    .update(Update.builder()
                            .tableName(store.name(Table.OPPORTUNITIES))
                            .key(Store.key(
                                    Table.OPPORTUNITIES,
                                    tenant,
                                    item.get("opportunityId").s()))
                            .updateExpression("SET #counted = :true ADD #v :one")
                            .conditionExpression(
                                    "attribute_exists(opportunityId) AND attribute_not_exists(#counted) AND #v = :seen")
                            .expressionAttributeNames(Map.of("#counted", PipelineTotals.COUNTED, "#v", Store.VERSION))
                            .expressionAttributeValues(Map.of(
                                    ":true",
                                    AttributeValue.fromBool(true),
                                    ":one",
                                    AttributeValue.fromN("1"),
                                    ":seen",
                                    item.get(Store.VERSION)))
                            .build())
                    .build());
            Map<String, AttributeValue> marked = new java.util.HashMap<>(item);
            marked.put(PipelineTotals.COUNTED, AttributeValue.fromBool(true));
            PipelineTotals.change(store, tenant, Map.of(), marked).ifPresent(writes::add);
            try {
                store.transactWrite(writes);
                return true;
            } catch (TransactionCanceledException e) {
                // Changed since the scan read it: read it again; gone or counted by now means there is nothing to do.
                Optional<Map<String, AttributeValue>> now = store.get(
                        Table.OPPORTUNITIES, tenant, item.get("opportunityId").s());
                if (now.isEmpty() || now.get().containsKey(PipelineTotals.COUNTED)) {
                    return false;
                }
                item = now.get();
            }
        }
        throw new IllegalStateException("the opportunity "
                + item.get("opportunityId").s() + " kept changing under the " + "migration; the next run counts it");
    }
}
