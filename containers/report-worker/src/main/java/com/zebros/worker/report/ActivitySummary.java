package com.zebros.worker.report;

import com.zebros.crm.store.Store;
import com.zebros.crm.store.Table;
import com.zebros.worker.CsvWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Activities per owner and type: how many, the first and the last. One pass over the tenant's
 * activities, projected to the four attributes it needs; memory grows with owners × types, not rows.
 * An activity's time is when it occurred, else when it is due, else when it was recorded.
 */
final class ActivitySummary {
    static final List<String> COLUMNS = List.of("ownerId", "type", "count", "firstAt", "lastAt");

    private static final class Tally {
        long count;
        String first;
        String last;

        void add(String at) {
            count++;
            if (first == null || at.compareTo(first) < 0) {
                first = at;
            }
            if (last == null || at.compareTo(last) > 0) {
                last = at;
            }
        }
    }

    private final Store store;
    private final String tenant;

    ActivitySummary(Store store, String tenant) {
        this.store = store;
        this.tenant = tenant;
    }

    Map<String, Object> write(CsvWriter csv) {
        Map<String, Map<String, Tally>> byOwner = new TreeMap<>();
        long[] activities = {0};
        store.forEach(
                Table.ACTIVITIES,
                null,
                Table.TENANT,
                tenant,
                List.of("ownerId", "type", "occurredAt", "dueAt", "createdAt"),
                item -> {
                    byOwner.computeIfAbsent(item.get("ownerId").s(), o -> new TreeMap<>())
                            .computeIfAbsent(item.get("type").s(), t -> new Tally())
                            .add(when(item));
                    activities[0]++;
                });
        csv.row(COLUMNS);
        byOwner.forEach((owner, types) -> types.forEach(
                (type, tally) -> csv.row(owner, type, String.valueOf(tally.count), tally.first, tally.last)));
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("activities", activities[0]);
        summary.put("owners", byOwner.size());
        summary.put("rows", byOwner.values().stream().mapToLong(Map::size).sum());
        return summary;
    }

    private static String when(Map<String, AttributeValue> item) {
        for (String attribute : List.of("occurredAt", "dueAt", "createdAt")) {
            if (item.containsKey(attribute)) {
                return item.get(attribute).s();
            }
        }
        return "";
    }
}
