package com.zebros.crm.obs;

import com.zebros.crm.http.Json;
import com.zebros.crm.store.Table;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * The seeds' phase signals that only the data can tell: how many customer records and opportunities the stack
 * holds and how much CRM data (the tables' bytes), read from DescribeTable and written as embedded metrics under
 * {@code ZebrosCRM}, by stack: {@code Customers}, {@code Opportunities}, {@code CrmDataBytes}, and each table's
 * {@code ItemCount} and {@code TableSizeBytes}. DynamoDB refreshes these two figures about every six hours
 * (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TableDescription.html), which is plenty for
 * signals that move over weeks; the hourly schedule only bounds how late a crossing is seen.
 */
public final class PhaseSignals {
    private final DynamoDbClient dynamo;
    private final Map<Table, String> tables;
    private final String stack;
    private final Clock clock;

    public PhaseSignals(DynamoDbClient dynamo, Map<Table, String> tables, String stack, Clock clock) {
        this.dynamo = dynamo;
        this.tables = tables;
        this.stack = stack;
        this.clock = clock;
    }

    /** Reads every table and writes one record per table and one for the stack; returns the stack's figures. */
    public Map<String, Long> measure(PrintStream out) {
        long bytes = 0;
        Map<Table, Long> items = new LinkedHashMap<>();
        for (Map.Entry<Table, String> table : tables.entrySet()) {
            TableDescription description =
                    dynamo.describeTable(b -> b.tableName(table.getValue())).table();
            long count = description.itemCount() == null ? 0 : description.itemCount();
            long size = description.tableSizeBytes() == null ? 0 : description.tableSizeBytes();
            items.put(table.getKey(), count);
            bytes += size;
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("Table", table.getKey().id());
            values.put("ItemCount", count);
            values.put("TableSizeBytes", size);
            out.println(
                    record(List.of("Stack", "Table"), Map.of("ItemCount", "Count", "TableSizeBytes", "Bytes"), values));
        }
        Map<String, Long> signals = new LinkedHashMap<>();
        signals.put("Customers", items.getOrDefault(Table.CUSTOMERS, 0L));
        signals.put("Opportunities", items.getOrDefault(Table.OPPORTUNITIES, 0L));
        signals.put("CrmDataBytes", bytes);
        out.println(record(
                List.of("Stack"),
                Map.of("Customers", "Count", "Opportunities", "Count", "CrmDataBytes", "Bytes"),
                new LinkedHashMap<>(signals)));
        return signals;
    }

    private String record(List<String> dimensions, Map<String, String> units, Map<String, Object> values) {
        List<Map<String, String>> metrics = new ArrayList<>();
        units.forEach((name, unit) -> metrics.add(Map.of("Name", name, "Unit", unit)));
        Map<String, Object> record = new LinkedHashMap<>();
        record.put(
                "_aws",
                Map.of(
                        "Timestamp",
                        clock.millis(),
                        "CloudWatchMetrics",
                        List.of(Map.of(
                                "Namespace",
                                Metrics.NAMESPACE,
                                "Dimensions",
                                List.of(dimensions),
                                "Metrics",
                                metrics))));
        record.put("Stack", stack);
        record.putAll(values);
        return Json.write(record);
    }
}
