package com.zebros.platform.data;

import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import com.zebros.platform.config.CrmTable;
import com.zebros.platform.ops.AutoScaling;
import java.util.ArrayList;
import java.util.List;

/**
 * Read and write auto-scaling of one table and each of its indexes, held at the phase's target
 * utilisation between the seed's minimum and maximum (each index between its own, PhaseDefaults): the same for a primary's tables and for a
 * secondary's replicas, whose write settings must match
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/V2globaltables_reqs_bestpractices.html).
 */
final class TableAutoScaling {
    private TableAutoScaling() {}

    /**
     * @param namePrefix the logical-name prefix of the targets, e.g. {@code customers} or {@code customers-replica}
     * @return the write policies, which a provisioned replica must wait for
     * (https://github.com/hashicorp/terraform-provider-aws/issues/13097)
     */
    static List<Resource> register(
            CrmTable schema,
            String namePrefix,
            Output<String> tableName,
            TableCapacity capacity,
            CustomResourceOptions options) {
        List<Resource> writePolicies = new ArrayList<>();
        var range = capacity.table(schema);
        var indexRange = capacity.index(schema);
        double target = capacity.targetPercent();
        Output<String> table = tableName.applyValue(n -> "table/" + n);
        for (String unit : List.of("Read", "Write")) {
            String suffix = "-" + unit.toLowerCase();
            var policy = AutoScaling.target(
                            namePrefix + suffix,
                            "dynamodb",
                            table,
                            "dynamodb:table:" + unit + "CapacityUnits",
                            range,
                            options)
                    .track("target", "DynamoDB" + unit + "CapacityUtilization", target);
            if (unit.equals("Write")) {
                writePolicies.add(policy);
            }
            for (CrmTable.Index index : schema.indexes()) {
                var indexPolicy = AutoScaling.target(
                                indexName(schema, namePrefix, index) + suffix,
                                "dynamodb",
                                table.applyValue(r -> r + "/index/" + index.name()),
                                "dynamodb:index:" + unit + "CapacityUnits",
                                indexRange,
                                options)
                        .track("target", "DynamoDB" + unit + "CapacityUtilization", target);
                if (unit.equals("Write")) {
                    writePolicies.add(indexPolicy);
                }
            }
        }
        return writePolicies;
    }

    /** {@code customers-byName} for a table, {@code customers-byName-replica} for its replica. */
    private static String indexName(CrmTable schema, String namePrefix, CrmTable.Index index) {
        String table = schema.id();
        return table + "-" + index.name() + namePrefix.substring(table.length());
    }
}
