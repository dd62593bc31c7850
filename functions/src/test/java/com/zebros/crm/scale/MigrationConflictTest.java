package com.zebros.crm.scale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zebros.crm.crm.Entities;
import com.zebros.crm.crm.UniqueClaims;
import com.zebros.crm.local.LocalDynamo;
import com.zebros.crm.migrate.ListKeysMigration;
import com.zebros.crm.migrate.MigrationState;
import com.zebros.crm.migrate.UniqueClaimsMigration;
import com.zebros.crm.store.Store;
import com.zebros.crm.store.Table;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * A migration's conditional update loses to a write made between its scan and its update (made just before the
 * migration's UpdateItem is sent, on the same DynamoDB Local): the migration reads the item again and goes on from
 * what that write left. After the API's PATCH (the real service) it finds the keys the API derived and changes
 * nothing; after an old function version's write (no list keys) it derives them from that write, at its version.
 * The e-mail claims' migration likewise claims the e-mail the contact has after such a write.
 */
class MigrationConflictTest {
    private static final String TENANT = "conflicted";

    @Test
    void anItemTheApiWritesUnderTheScanKeepsTheApisWrite() {
        try (ServiceOnLocalDynamo api = new ServiceOnLocalDynamo()) {
            String id = "cus_" + "7".repeat(32);
            Map<String, AttributeValue> legacy = new HashMap<>(Store.key(Table.CUSTOMERS, TENANT, id));
            legacy.put("name", AttributeValue.fromS("Old name"));
            legacy.put("nameKey", AttributeValue.fromS("old name#" + id));
            legacy.put("createdAt", AttributeValue.fromS("2025-01-01T00:00:00Z"));
            legacy.put("updatedAt", AttributeValue.fromS("2025-01-01T00:00:00Z"));
            legacy.put(Store.VERSION, AttributeValue.fromN("1"));
            api.store
                    .client()
                    .putItem(b -> b.tableName(api.store.name(Table.CUSTOMERS)).item(legacy));

            AtomicInteger updatesSent = new AtomicInteger();
            ExecutionInterceptor apiWritesFirst = new ExecutionInterceptor() {
                @Override
                public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                    if (context.request() instanceof UpdateItemRequest && updatesSent.getAndIncrement() == 0) {
                        var patched = api.call(
                                TENANT,
                                "PATCH",
                                "/v1/customers/" + id,
                                Map.of(),
                                "{\"name\": \"New name\"}",
                                "If-Match",
                                "\"1\"");
                        assertEquals(200, patched.status(), patched.body());
                    }
                }
            };
            Store store = new Store(racing(api, apiWritesFirst), api.dynamo.names());

            var run =
                    new ListKeysMigration(store, new MigrationState(store), Table.CUSTOMERS).run(Duration.ofMinutes(1));

            assertEquals(new ListKeysMigration.Run(1, 0, 0, true), run, "read again: the API had derived the keys");
            assertEquals(1, updatesSent.get(), "one conditional update, refused; none after the read");
            var item = api.store.get(Table.CUSTOMERS, TENANT, id).orElseThrow();
            assertEquals("New name", item.get("name").s());
            assertEquals("2", item.get(Store.VERSION).n(), "the API's version, not one the migration added");
            assertEquals("new name#" + id, item.get("nameKey").s());
            assertTrue(item.containsKey("createdKey") && item.containsKey("updatedKey"), item.toString());
            var listed = api.call(TENANT, "GET", "/v1/customers", Map.of("sort", "updatedAt"), null);
            assertEquals(200, listed.status(), listed.body());
            assertTrue(listed.body().contains("New name"), listed.body());
        }
    }

    /**
     * During a rollout an old function version still writes items in the old form (no list keys): such a write under
     * the scan makes the migration read the item again and derive the keys from what that write left, at its version.
     */
    @Test
    void anItemAnOldVersionRewritesUnderTheScanGetsKeysFromThatWrite() {
        try (ServiceOnLocalDynamo api = new ServiceOnLocalDynamo()) {
            String id = "cus_" + "8".repeat(32);
            api.store
                    .client()
                    .putItem(b -> b.tableName(api.store.name(Table.CUSTOMERS)).item(oldForm(id, "First", 1)));
            AtomicInteger updatesSent = new AtomicInteger();
            ExecutionInterceptor oldVersionWritesFirst = new ExecutionInterceptor() {
                @Override
                public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                    if (context.request() instanceof UpdateItemRequest && updatesSent.getAndIncrement() == 0) {
                        api.store
                                .client()
                                .putItem(b -> b.tableName(api.store.name(Table.CUSTOMERS))
                                        .item(oldForm(id, "Second", 2)));
                    }
                }
            };
            Store store = new Store(racing(api, oldVersionWritesFirst), api.dynamo.names());

            var run =
                    new ListKeysMigration(store, new MigrationState(store), Table.CUSTOMERS).run(Duration.ofMinutes(1));

            assertEquals(new ListKeysMigration.Run(1, 1, 0, true), run);
            assertEquals(2, updatesSent.get(), "refused at version 1, sent again at version 2");
            var item = api.store.get(Table.CUSTOMERS, TENANT, id).orElseThrow();
            assertEquals("Second", item.get("name").s());
            assertEquals("2", item.get(Store.VERSION).n(), "keys only: the version stays the old write's");
            assertEquals("second#" + id, item.get("nameKey").s());
            assertTrue(item.containsKey("createdKey") && item.containsKey("updatedKey"), item.toString());
        }
    }

    /**
     * The e-mail claims' migration: an old function version changes the contact's e-mail (without a claim) between
     * the scan and the migration's transaction, whose version check then cancels it; the migration reads the contact
     * again and claims the e-mail it has now, not the one it scanned.
     */
    @Test
    void aContactRewrittenUnderTheClaimsScanHasItsNewEmailClaimed() {
        try (ServiceOnLocalDynamo api = new ServiceOnLocalDynamo()) {
            String id = "con_" + "9".repeat(32);
            api.store
                    .client()
                    .putItem(b ->
                            b.tableName(api.store.name(Table.CONTACTS)).item(oldContact(id, "first@old.example", 1)));
            AtomicInteger transactionsSent = new AtomicInteger();
            ExecutionInterceptor oldVersionWritesFirst = new ExecutionInterceptor() {
                @Override
                public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                    if (context.request() instanceof TransactWriteItemsRequest
                            && transactionsSent.getAndIncrement() == 0) {
                        api.store
                                .client()
                                .putItem(b -> b.tableName(api.store.name(Table.CONTACTS))
                                        .item(oldContact(id, "second@old.example", 2)));
                    }
                }
            };
            Store store = new Store(racing(api, oldVersionWritesFirst), api.dynamo.names());

            var run = new UniqueClaimsMigration(store, new MigrationState(store)).run(Duration.ofMinutes(1));

            assertEquals(new UniqueClaimsMigration.Run(1, 1, 0, true), run);
            assertEquals(2, transactionsSent.get(), "cancelled at version 1, sent again at version 2");
            UniqueClaims claims = UniqueClaims.of(api.store, Entities.CONTACT).orElseThrow();
            assertEquals(java.util.Optional.of(id), claims.holder(TENANT, "second@old.example"));
            assertEquals(
                    java.util.Optional.empty(), claims.holder(TENANT, "first@old.example"), "the old e-mail is free");
        }
    }

    /** A contact as a version before claims wrote it: no claim of its e-mail. */
    private static Map<String, AttributeValue> oldContact(String id, String email, int version) {
        Map<String, AttributeValue> item = new HashMap<>(Store.key(Table.CONTACTS, TENANT, id));
        item.put("customerId", AttributeValue.fromS("cus_old"));
        item.put("firstName", AttributeValue.fromS("Old"));
        item.put("lastName", AttributeValue.fromS("Contact"));
        item.put("email", AttributeValue.fromS(email));
        item.put(Store.VERSION, AttributeValue.fromN(String.valueOf(version)));
        return item;
    }

    /** A customer as a version before the list indexes wrote it: a name key only. */
    private static Map<String, AttributeValue> oldForm(String id, String name, int version) {
        Map<String, AttributeValue> item = new HashMap<>(Store.key(Table.CUSTOMERS, TENANT, id));
        item.put("name", AttributeValue.fromS(name));
        item.put("nameKey", AttributeValue.fromS(name.toLowerCase() + "#" + id));
        item.put("createdAt", AttributeValue.fromS("2025-01-01T00:00:00Z"));
        item.put("updatedAt", AttributeValue.fromS("2025-01-0" + version + "T00:00:00Z"));
        item.put(Store.VERSION, AttributeValue.fromN(String.valueOf(version)));
        return item;
    }

    /** A client of the test's DynamoDB Local whose calls pass {@code interceptor} first. */
    private static DynamoDbClient racing(ServiceOnLocalDynamo api, ExecutionInterceptor interceptor) {
        return DynamoDbClient.builder()
                .endpointOverride(URI.create(api.dynamo.endpoint()))
                .region(Region.US_EAST_1)
                .credentialsProvider(LocalDynamo.credentials())
                .httpClient(UrlConnectionHttpClient.builder().build())
                .overrideConfiguration(c -> c.addExecutionInterceptor(interceptor))
                .build();
    }
}
