package com.zebros.crm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zebros.crm.local.LocalDynamo;
import com.zebros.crm.store.Store;
import com.zebros.crm.store.Table;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Where eventually consistent reads go: the CRM's item tables to the reader (DAX from phase 2), the jobs table to
 * DynamoDB, since the program grants DAX the item tables only (PhaseMatrixTest holds that). The reader here answers
 * nothing, so a read that went to it would fail.
 */
class StoreReadersTest {
    @Test
    void jobsTableReadsGoToDynamoDbAndItemTableReadsToTheReader() throws Exception {
        try (LocalDynamo dynamo = new LocalDynamo();
                DynamoDbClient nowhere = DynamoDbClient.builder()
                        .region(Region.US_EAST_1)
                        .credentialsProvider(LocalDynamo.credentials())
                        .endpointOverride(URI.create("http://127.0.0.1:" + LocalDynamo.freePort()))
                        .overrideConfiguration(
                                c -> c.apiCallTimeout(Duration.ofSeconds(2)).retryPolicy(r -> r.numRetries(0)))
                        .build()) {
            Store store = new Store(dynamo.client(), nowhere, dynamo.names());
            dynamo.client()
                    .putItem(b -> b.tableName(dynamo.names().get(Table.JOBS))
                            .item(Map.of(
                                    "tenantId",
                                    AttributeValue.fromS("t"),
                                    "jobId",
                                    AttributeValue.fromS("#history#x#0000000001"))));
            assertTrue(store.read(Table.JOBS, "t", "#history#x#0000000001").isPresent());
            assertEquals(
                    1,
                    store.query(
                                    Table.JOBS,
                                    null,
                                    Table.TENANT,
                                    "t",
                                    Table.JOBS.idAttribute(),
                                    "#history#x#",
                                    true,
                                    10,
                                    null,
                                    "t")
                            .items()
                            .size());
            assertThrows(
                    SdkException.class,
                    () -> store.read(Table.CUSTOMERS, "t", "cus_1"),
                    "item tables go to the reader");
        }
    }
}
