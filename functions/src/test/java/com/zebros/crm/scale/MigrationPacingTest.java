package com.zebros.crm.scale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zebros.crm.lambda.MigrationsHandler;
import com.zebros.crm.local.LocalDynamo;
import com.zebros.crm.obs.CapacityBudget;
import com.zebros.crm.obs.VirtualTime;
import com.zebros.crm.store.Store;
import com.zebros.crm.store.Table;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The migrations function as Lambda builds it from its environment reads and writes within the workers' capacity
 * budget: every unit its calls consume is paid by waiting at the rate DescribeTable gives the table (on DynamoDB
 * Local's on-demand tables, a quarter of a new on-demand table's throughput), and its log line says so. The clock
 * is virtual: the waits are counted, not slept.
 */
class MigrationPacingTest {
    private static final int CUSTOMERS = 150;

    @Test
    void theListKeysMigrationPaysEveryUnitItConsumesByWaiting() {
        System.setProperty("aws.accessKeyId", "local");
        System.setProperty("aws.secretAccessKey", "local");
        try (LocalDynamo dynamo = new LocalDynamo()) {
            Store store = new Store(dynamo.client(), dynamo.names());
            for (int i = 0; i < CUSTOMERS; i++) {
                // As the API stored a customer before the list indexes: a name key only.
                String id = "cus_" + String.format("%032d", i);
                Map<String, AttributeValue> item = new HashMap<>(Store.key(Table.CUSTOMERS, "paced", id));
                item.put("name", AttributeValue.fromS("Old " + i));
                item.put("nameKey", AttributeValue.fromS("old " + i + "#" + id));
                item.put("createdAt", AttributeValue.fromS("2025-01-01T00:00:00Z"));
                item.put("updatedAt", AttributeValue.fromS("2025-01-01T00:00:00Z"));
                item.put(Store.VERSION, AttributeValue.fromN("1"));
                store.client()
                        .putItem(b -> b.tableName(store.name(Table.CUSTOMERS)).item(item));
            }
            VirtualTime time = new VirtualTime();
            Map<String, Object> result =
                    new MigrationsHandler(dynamo.environment(), time).handleRequest(Map.of(), null);

            @SuppressWarnings("unchecked")
            Map<String, Object> customers = (Map<String, Object>) result.get("list-keys-customers");
            assertEquals(CUSTOMERS, ((Number) customers.get("updated")).intValue(), result.toString());
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> capacity = (List<Map<String, Object>>) result.get("capacity");
            Map<String, Object> writes = capacity.stream()
                    .filter(u -> u.get("table").equals(store.name(Table.CUSTOMERS))
                            && u.get("kind").equals("writes"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("the customers' writes were paced: " + capacity));
            double units = ((Number) writes.get("units")).doubleValue();
            double rate = ((Number) writes.get("budgetPerSecond")).doubleValue();
            assertEquals(CapacityBudget.ON_DEMAND_WRITES, rate, "DynamoDB Local's tables are on demand");
            // Each update writes the item and the index keys it adds (DynamoDB Local reports the indexes' units too).
            assertTrue(units >= CUSTOMERS, "at least a unit per updated item: " + units);
            double waitedSeconds = time.waitedSeconds();
            double allReads = capacity.stream()
                    .filter(u -> u.get("kind").equals("reads"))
                    .mapToDouble(u ->
                            ((Number) u.get("units")).doubleValue() / ((Number) u.get("budgetPerSecond")).doubleValue())
                    .sum();
            double allWrites = capacity.stream()
                    .filter(u -> u.get("kind").equals("writes"))
                    .mapToDouble(u ->
                            ((Number) u.get("units")).doubleValue() / ((Number) u.get("budgetPerSecond")).doubleValue())
                    .sum();
            // No burst: the waits add up to every table's units over its rate, less at most the last call's, which
            // was paid by a wait nobody needed to sit out.
            assertTrue(waitedSeconds <= allReads + allWrites + 1e-6, waitedSeconds + " <= " + (allReads + allWrites));
            // At least the customers' writes, less their last call's units (an update with its index keys: under 10).
            assertTrue(waitedSeconds >= (units - 10) / rate, "the customers' writes alone: " + waitedSeconds);
            assertTrue(waitedSeconds > 0.1, units + " units waited " + waitedSeconds + " s");
        }
    }
}
