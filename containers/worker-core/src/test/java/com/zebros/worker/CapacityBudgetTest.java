package com.zebros.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.zebros.crm.local.LocalDynamo;
import com.zebros.crm.obs.CapacityBudget;
import com.zebros.crm.obs.VirtualTime;
import com.zebros.worker.local.LocalAws;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * A worker stays within its share of a table's capacity: its client pays each call's consumed units, as
 * DynamoDB Local reports them, from the table's budget (DescribeTable's provisioned units, the phase's
 * ceiling), and waits. The waits run on a virtual clock, so the test measures the pacing exactly and takes
 * no real time for it.
 */
class CapacityBudgetTest {
    private final DynamoDbClient plain = LocalAws.dynamo().client();

    @Test
    void eachCallIsPaidByWaitingItsUnitsOverTheRate() {
        var bucket = new CapacityBudget.Bucket(0);
        assertEquals(1_000_000_000L, bucket.pay(10, 10, 0), "ten units at ten a second: one second");
        assertEquals(1_500_000_000L, bucket.pay(5, 10, 0), "five more before the first was paid: 1.5 s");
        assertEquals(500_000_000L, bucket.pay(5, 10, 1_500_000_000L), "after the wait, only its own half second");
        assertEquals(300_000_000L, bucket.pay(3, 10, 60_000_000_000L), "an idle minute saves nothing up: no burst");
    }

    @Test
    void writesToAProvisionedTableGoAtHalfItsCapacity() {
        String table = provisionedTable(20);
        VirtualTime time = new VirtualTime();
        var budget = new CapacityBudget(
                name -> CapacityBudget.of(
                        plain.describeTable(b -> b.tableName(name)).table(), Optional.empty()),
                time);
        DynamoDbClient budgeted = budgeted(budget);

        long start = time.nanoTime();
        for (int batch = 0; batch < 4; batch++) {
            List<WriteRequest> writes = batchOf(batch, 25);
            budgeted.batchWriteItem(b -> b.requestItems(Map.of(table, writes)));
        }
        double seconds = (time.nanoTime() - start) / 1e9;

        CapacityBudget.Usage writes = budget.usage().get(0);
        assertEquals(
                new CapacityBudget.Usage(table, "writes", 100, 25, 10),
                writes,
                "100 units, one batch's 25 in any second, at half of 20 provisioned");
        assertEquals(10.0, seconds, 1e-6, "100 one-unit writes at 10 a second");
    }

    @Test
    void readsArePacedAndTheBudgetFollowsAutoScalingUpToHalfTheCeiling() {
        String table = provisionedTable(20);
        unbudgetedWrites(table, 4);
        VirtualTime time = new VirtualTime();
        var budget = new CapacityBudget(
                name -> CapacityBudget.of(
                        plain.describeTable(b -> b.tableName(name)).table(), Optional.of(400.0)),
                time);
        DynamoDbClient budgeted = budgeted(budget);

        budgeted.scan(b -> b.tableName(table)); // not a call the budget paces: workers query
        long start = time.nanoTime();
        var query = budgeted.query(b -> b.tableName(table)
                .keyConditionExpression("k = :k")
                .expressionAttributeValues(Map.of(":k", AttributeValue.fromS("0-0"))));
        assertEquals(1, query.count());
        assertEquals(
                0.5 / 18,
                (time.nanoTime() - start) / 1e9,
                1e-6,
                "half a unit (eventually consistent) at 90 % of the 20 provisioned now: above auto-scaling's 70 % target");

        // Auto-scaling raises the table to 100, then to its ceiling of 400; each a minute later the worker follows.
        plain.updateTable(b -> b.tableName(table)
                .provisionedThroughput(p -> p.readCapacityUnits(100L).writeCapacityUnits(100L)));
        time.now += CapacityBudget.REFRESH.toNanos() + 1;
        budgeted.getItem(b ->
                b.tableName(table).key(Map.of("k", AttributeValue.fromS("0-1"))).consistentRead(true));
        assertEquals(90, budget.usage().get(0).budgetPerSecond(), "90 % of 100");
        plain.updateTable(b -> b.tableName(table)
                .provisionedThroughput(p -> p.readCapacityUnits(400L).writeCapacityUnits(400L)));
        time.now += CapacityBudget.REFRESH.toNanos() + 1;
        start = time.nanoTime();
        budgeted.getItem(b ->
                b.tableName(table).key(Map.of("k", AttributeValue.fromS("0-1"))).consistentRead(true));
        assertEquals(
                1.0 / 200,
                (time.nanoTime() - start) / 1e9,
                1e-6,
                "one unit at half of the 400 ceiling: the API keeps the rest");
        assertEquals(200, budget.usage().get(0).budgetPerSecond());
    }

    @Test
    void aTablesIndexesCountWithIt() {
        String table = "budget-" + System.nanoTime();
        plain.createTable(b -> b.tableName(table)
                .billingMode(BillingMode.PROVISIONED)
                .provisionedThroughput(p -> p.readCapacityUnits(20L).writeCapacityUnits(20L))
                .attributeDefinitions(
                        AttributeDefinition.builder()
                                .attributeName("k")
                                .attributeType(ScalarAttributeType.S)
                                .build(),
                        AttributeDefinition.builder()
                                .attributeName("g")
                                .attributeType(ScalarAttributeType.S)
                                .build())
                .keySchema(KeySchemaElement.builder()
                        .attributeName("k")
                        .keyType(KeyType.HASH)
                        .build())
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder()
                        .indexName("byG")
                        .keySchema(KeySchemaElement.builder()
                                .attributeName("g")
                                .keyType(KeyType.HASH)
                                .build())
                        .projection(Projection.builder()
                                .projectionType(ProjectionType.ALL)
                                .build())
                        .provisionedThroughput(p -> p.readCapacityUnits(10L).writeCapacityUnits(10L))
                        .build()));
        var described = plain.describeTable(b -> b.tableName(table)).table();
        assertEquals(
                new CapacityBudget.Rates(15, 15),
                CapacityBudget.of(described, Optional.empty()),
                "half of the table's 20 and its index's 10: a call's consumed units count both");
        assertEquals(
                new CapacityBudget.Rates(27, 27),
                CapacityBudget.of(described, Optional.of(200.0)),
                "90 % of the 30 provisioned now, below half the ceiling");
    }

    @Test
    void onDemandTablesGetAQuarterOfANewTablesThroughput() {
        String table = "budget-" + System.nanoTime();
        plain.createTable(b -> b.tableName(table)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder()
                        .attributeName("k")
                        .attributeType(ScalarAttributeType.S)
                        .build())
                .keySchema(KeySchemaElement.builder()
                        .attributeName("k")
                        .keyType(KeyType.HASH)
                        .build()));
        assertEquals(
                new CapacityBudget.Rates(3_000, 1_000),
                CapacityBudget.of(plain.describeTable(b -> b.tableName(table)).table(), Optional.of(500.0)));
    }

    private String provisionedTable(long units) {
        String table = "budget-" + System.nanoTime();
        plain.createTable(b -> b.tableName(table)
                .billingMode(BillingMode.PROVISIONED)
                .provisionedThroughput(p -> p.readCapacityUnits(units).writeCapacityUnits(units))
                .attributeDefinitions(AttributeDefinition.builder()
                        .attributeName("k")
                        .attributeType(ScalarAttributeType.S)
                        .build())
                .keySchema(KeySchemaElement.builder()
                        .attributeName("k")
                        .keyType(KeyType.HASH)
                        .build()));
        return table;
    }

    private void unbudgetedWrites(String table, int batches) {
        for (int batch = 0; batch < batches; batch++) {
            List<WriteRequest> writes = batchOf(batch, 25);
            plain.batchWriteItem(b -> b.requestItems(Map.of(table, writes)));
        }
    }

    private static List<WriteRequest> batchOf(int batch, int size) {
        List<WriteRequest> writes = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            String key = batch + "-" + i;
            writes.add(WriteRequest.builder()
                    .putRequest(PutRequest.builder()
                            .item(Map.of("k", AttributeValue.fromS(key)))
                            .build())
                    .build());
        }
        return writes;
    }

    private static DynamoDbClient budgeted(CapacityBudget budget) {
        return DynamoDbClient.builder()
                .endpointOverride(URI.create(LocalAws.dynamo().endpoint()))
                .region(Region.US_EAST_1)
                .credentialsProvider(LocalDynamo.credentials())
                .httpClient(UrlConnectionHttpClient.builder().build())
                .overrideConfiguration(c -> c.addExecutionInterceptor(budget))
                .build();
    }
}
