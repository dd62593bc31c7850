package com.zebros.crm.scale;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.zebros.crm.local.LocalDynamo;
import com.zebros.crm.store.Table;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Why README gives the write units of a transaction by DynamoDB's rules and not CostPerRequestTest's figures:
 * DynamoDB Local reports a transaction's units per table, not per item. DynamoDB bills two units per item per KB
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/transaction-apis.html#transaction-capacity-handling):
 * one small put would be 2, two would be 4. If DynamoDB Local ever counts per item, this test fails and the README's
 * figures can come from the measurement again.
 */
class LocalTransactionUnitsTest {
    @Test
    void dynamoDbLocalReportsOneAndTwoPutsToATableAlike() {
        try (LocalDynamo dynamo = new LocalDynamo()) {
            String jobs = dynamo.names().get(Table.JOBS);
            double one = units(dynamo, List.of(put(jobs, "a")));
            double two = units(dynamo, List.of(put(jobs, "b"), put(jobs, "c")));
            assertEquals(4.0, one);
            assertEquals(one, two, "two puts report what one does");
        }
    }

    private static TransactWriteItem put(String table, String id) {
        return TransactWriteItem.builder()
                .put(Put.builder()
                        .tableName(table)
                        .item(Map.of("tenantId", AttributeValue.fromS("t"), "jobId", AttributeValue.fromS(id)))
                        .build())
                .build();
    }

    private static double units(LocalDynamo dynamo, List<TransactWriteItem> writes) {
        return dynamo
                .client()
                .transactWriteItems(b -> b.transactItems(writes).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL))
                .consumedCapacity()
                .stream()
                .mapToDouble(ConsumedCapacity::capacityUnits)
                .sum();
    }
}
