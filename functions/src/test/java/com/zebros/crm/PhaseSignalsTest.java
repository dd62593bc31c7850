package com.zebros.crm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.zebros.crm.http.Json;
import com.zebros.crm.lambda.PhaseSignalsHandler;
import com.zebros.crm.local.LocalDynamo;
import com.zebros.crm.obs.PhaseSignals;
import com.zebros.crm.store.Table;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The phase signals read from DynamoDB Local's tables, with the program's schema, as the hourly function reads them. */
class PhaseSignalsTest {

    @Test
    void customersOpportunitiesAndDataVolumeAreMeasuredPerStack() {
        try (LocalDynamo local = new LocalDynamo()) {
            var dynamo = local.client();
            for (int i = 0; i < 12; i++) {
                dynamo.putItem(b -> b.tableName(local.names().get(Table.CUSTOMERS))
                        .item(Map.of(
                                "tenantId",
                                AttributeValue.fromS("signals"),
                                "customerId",
                                AttributeValue.fromS("c" + Math.random()),
                                "name",
                                AttributeValue.fromS("x".repeat(100)))));
            }
            for (int i = 0; i < 3; i++) {
                dynamo.putItem(b -> b.tableName(local.names().get(Table.OPPORTUNITIES))
                        .item(Map.of(
                                "tenantId",
                                AttributeValue.fromS("signals"),
                                "opportunityId",
                                AttributeValue.fromS("o" + Math.random()))));
            }
            var out = new ByteArrayOutputStream();
            var handler =
                    new PhaseSignalsHandler(new PhaseSignals(dynamo, local.names(), "prod-us", Clock.systemUTC()));
            var stdout = System.out;
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            Map<String, Long> measured;
            try {
                measured = handler.handleRequest(Map.of("source", "aws.scheduler"), null);
            } finally {
                System.setOut(stdout);
            }
            assertEquals(12L, measured.get("Customers"));
            assertEquals(3L, measured.get("Opportunities"));
            assertTrue(measured.get("CrmDataBytes") > 12 * 100, "at least the names written: " + measured);

            List<JsonObject> records = out.toString(StandardCharsets.UTF_8)
                    .lines()
                    .map(Json::object)
                    .toList();
            assertEquals(Table.values().length + 1, records.size(), "one record per table and one for the stack");
            JsonObject stack = records.get(records.size() - 1);
            assertEquals("prod-us", stack.get("Stack").getAsString());
            assertEquals(12, stack.get("Customers").getAsLong());
            var definition = stack.getAsJsonObject("_aws")
                    .getAsJsonArray("CloudWatchMetrics")
                    .get(0)
                    .getAsJsonObject();
            assertEquals("ZebrosCRM", definition.get("Namespace").getAsString());
            assertEquals("[[\"Stack\"]]", definition.get("Dimensions").toString());
            JsonObject customers = records.stream()
                    .filter(r ->
                            "customers".equals(r.has("Table") ? r.get("Table").getAsString() : ""))
                    .findFirst()
                    .orElseThrow();
            assertEquals(12, customers.get("ItemCount").getAsLong());
            assertTrue(customers.get("TableSizeBytes").getAsLong() > 0);
        }
    }
}
