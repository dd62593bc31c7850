package com.zebros.platform.data;

import com.pulumi.aws.dynamodb.DynamodbFunctions;
import com.pulumi.aws.dynamodb.inputs.GetTableArgs;
import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOptions;
import com.zebros.platform.StackContext;
import com.zebros.platform.ZebrosComponent;
import com.zebros.platform.config.CrmTable;
import com.zebros.platform.global.PrimaryOutputs;
import com.zebros.platform.global.PrimaryStack;
import java.util.Map;

/**
 * A secondary's tables: the replicas the primary's global tables keep in this region. The secondary
 * never declares a table (https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/dynamodb_table);
 * it reads names and the replica key from the primary, reaches the replicas by ARN in its own region, and owns their
 * auto-scaling targets when the phase provisions capacity, with the same ranges as the primary
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/V2globaltables_reqs_bestpractices.html).
 */
public final class ReplicaTables extends ZebrosComponent implements TableSet {
    private final PrimaryStack primary;
    private final Output<Map<String, String>> names;

    /**
     * @param primary  the primary stack, whose global tables keep the replicas
     * @param capacity the replicas' auto-scaling ranges, the primary's at the same phase
     */
    public record Args(PrimaryStack primary, TableCapacity capacity) {}

    public ReplicaTables(String name, StackContext stack, Args args) {
        super("zebros:data:ReplicaTables", name, stack);
        PrimaryStack primary = args.primary();
        TableCapacity capacity = args.capacity();
        this.primary = primary;
        this.names = primary.tableNames();
        for (CrmTable schema : CrmTable.values()) {
            if (capacity.provisioned(schema)) {
                TableAutoScaling.register(schema, schema.id() + "-replica", tableName(schema), capacity, child());
            }
        }
        registerOutputs(Map.of());
    }

    @Override
    public Output<String> tableName(CrmTable table) {
        return names.applyValue(all -> {
            String physical = all.get(table.id());
            if (physical == null) {
                throw new IllegalStateException(
                        "the primary exports no table " + table.id() + "; deploy the primary first");
            }
            return physical;
        });
    }

    @Override
    public Output<String> tableArn(CrmTable table) {
        String region = stack.region();
        return Output.format("arn:aws:dynamodb:%s:%s:table/%s", region, stack.accountId(), tableName(table));
    }

    /**
     * The replica's own stream in this region, never the primary's
     * (https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/dynamodb_table).
     */
    @Override
    public Output<String> streamArn(CrmTable table) {
        return tableName(table)
                .apply(physical -> DynamodbFunctions.getTable(
                                GetTableArgs.builder().name(physical).build(),
                                InvokeOptions.builder()
                                        .provider(stack.provider())
                                        .build())
                        .applyValue(result -> result.streamArn()));
    }

    @Override
    public Output<String> keyArn() {
        return primary.string(PrimaryOutputs.TABLES_REPLICA_KEY_ARN);
    }
}
