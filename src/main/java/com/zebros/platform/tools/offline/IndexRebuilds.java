package com.zebros.platform.tools.offline;

import com.zebros.platform.AwsTypes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a plan change costs a table's indexes: DynamoDB cannot change an existing global secondary index's
 * projection, so a changed projection (type or included attributes) means the index is deleted and created
 * again, rebuilt from the whole table, and queries on it fail until it is ACTIVE. Read from the two plans'
 * table inputs, so it holds for any change, not only the phases'.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GSI.OnlineOps.html
 */
public final class IndexRebuilds {
    private static final String TABLE = AwsTypes.DYNAMODB_TABLE;

    private IndexRebuilds() {}

    /** One warning per index whose projection differs between {@code before} and {@code after}. */
    public static List<String> between(Plan before, Plan after) {
        List<String> warnings = new ArrayList<>();
        for (PlannedResource table : after.ofType(TABLE)) {
            before.find(TABLE, table.name()).ifPresent(old -> {
                Map<String, Map<String, Object>> was = indexes(old);
                indexes(table).forEach((index, now) -> {
                    Map<String, Object> then = was.get(index);
                    if (then != null && !Objects.equals(projection(then), projection(now))) {
                        warnings.add("index " + index + " of table " + table.name() + " changes its projection ("
                                + projection(then) + " → " + projection(now)
                                + "): DynamoDB rebuilds it from the whole table,"
                                + " and every query on it fails until it is ACTIVE again; promote in a quiet window and"
                                + " watch it with aws dynamodb describe-table");
                    }
                });
            });
        }
        return warnings;
    }

    private static Map<String, Map<String, Object>> indexes(PlannedResource table) {
        Map<String, Map<String, Object>> byName = new LinkedHashMap<>();
        for (Object index : PlanInputs.list(table.inputs().get("globalSecondaryIndexes"))) {
            Map<String, Object> gsi = PlanInputs.map(index);
            byName.put(String.valueOf(gsi.get("name")), gsi);
        }
        return byName;
    }

    private static String projection(Map<String, Object> index) {
        Object included = index.get("nonKeyAttributes");
        return index.get("projectionType") + (included == null ? "" : " " + included);
    }
}
