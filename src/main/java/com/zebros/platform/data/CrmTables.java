package com.zebros.platform.data;

import com.pulumi.aws.dynamodb.Table;
import com.pulumi.aws.dynamodb.TableArgs;
import com.pulumi.aws.dynamodb.inputs.TableAttributeArgs;
import com.pulumi.aws.dynamodb.inputs.TableGlobalSecondaryIndexArgs;
import com.pulumi.aws.dynamodb.inputs.TablePointInTimeRecoveryArgs;
import com.pulumi.aws.dynamodb.inputs.TableServerSideEncryptionArgs;
import com.pulumi.aws.dynamodb.inputs.TableTtlArgs;
import com.pulumi.core.Output;
import com.zebros.platform.StackContext;
import com.zebros.platform.StatefulOptions;
import com.zebros.platform.ZebrosComponent;
import com.zebros.platform.config.CrmTable;
import com.zebros.platform.iam.PolicyDocument;
import com.zebros.platform.ops.AutoScaling;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CRM's DynamoDB tables: KMS-encrypted with the stack's own key, point-in-time recovery, TTL on
 * temporary items, deletion protection outside throw-away stacks, and streams with new and old
 * images from day one. Streams feed the notification function now and are what a global table
 * needs later (DDB-01), so turning a stack global never has to touch them.
 */
public final class CrmTables extends ZebrosComponent {
    public static final String BILLING_ON_DEMAND = "PAY_PER_REQUEST";
    public static final String BILLING_PROVISIONED = "PROVISIONED";

    private final EncryptionKey key;
    private final Map<CrmTable, Table> tables = new EnumMap<>(CrmTable.class);

    public CrmTables(String name, StackContext stack) {
        super("zebros:data:CrmTables", name, stack);
        key = new EncryptionKey(name + "-key", stack.naming().physical("tables"),
                "Zebros CRM tables of stack " + stack.settings().stack(), this, stack.provider());
        for (TableSchema schema : CrmSchema.TABLES) {
            tables.put(schema.table(), table(schema));
        }
        Map<String, Output<?>> outputs = new LinkedHashMap<>();
        tables.forEach((t, table) -> outputs.put(t.id(), table.name()));
        registerOutputs(outputs);
    }

    private Table table(TableSchema schema) {
        boolean provisioned = schema.table().scaledByPhase() && stack.phases().dynamoProvisioned();
        var args = TableArgs.builder()
                .name(stack.naming().physical(schema.table().id()))
                .hashKey(schema.hashKey())
                .rangeKey(schema.rangeKey())
                .attributes(schema.keyAttributes().stream()
                        .map(a -> TableAttributeArgs.builder().name(a).type("S").build()).toList())
                .billingMode(provisioned ? BILLING_PROVISIONED : BILLING_ON_DEMAND)
                .streamEnabled(true)
                .streamViewType("NEW_AND_OLD_IMAGES")
                .ttl(TableTtlArgs.builder().attributeName(TableSchema.TTL_ATTRIBUTE).enabled(true).build())
                .pointInTimeRecovery(TablePointInTimeRecoveryArgs.builder().enabled(true).build())
                .serverSideEncryption(TableServerSideEncryptionArgs.builder().enabled(true).kmsKeyArn(key.arn()).build())
                .deletionProtectionEnabled(stack.settings().deletionProtection());
        List<TableGlobalSecondaryIndexArgs> indexes = new ArrayList<>();
        for (TableSchema.IndexSchema index : schema.indexes()) {
            var gsi = TableGlobalSecondaryIndexArgs.builder()
                    .name(index.name())
                    .hashKey(index.hashKey())
                    .rangeKey(index.rangeKey())
                    .projectionType("ALL");
            if (provisioned) {
                int min = stack.phases().tableCapacity(schema.table()).minInt();
                gsi.readCapacity(min).writeCapacity(min);
            }
            indexes.add(gsi.build());
        }
        args.globalSecondaryIndexes(indexes);
        if (provisioned) {
            int min = stack.phases().tableCapacity(schema.table()).minInt();
            args.readCapacity(min).writeCapacity(min);
        }
        var table = new Table(schema.table().id(), args.build(),
                StatefulOptions.table(this, stack.provider(), provisioned));
        if (provisioned) {
            autoScale(schema, table);
        }
        return table;
    }

    /**
     * Reads and writes of the table and of every index, each held at the phase's target utilisation
     * between the seed's minimum and maximum. Write scaling on table and indexes is also what a
     * provisioned global table needs before a replica can be added (DDB-04).
     */
    private void autoScale(TableSchema schema, Table table) {
        var range = stack.phases().tableCapacity(schema.table());
        double target = stack.phases().scalingTargetPercent();
        Output<String> tableResource = table.name().applyValue(n -> "table/" + n);
        for (String unit : List.of("Read", "Write")) {
            String id = schema.table().id() + "-" + unit.toLowerCase();
            AutoScaling.target(id, "dynamodb", tableResource, "dynamodb:table:" + unit + "CapacityUnits", range, child())
                    .track("target", "DynamoDB" + unit + "CapacityUtilization", target);
            for (TableSchema.IndexSchema index : schema.indexes()) {
                String indexId = schema.table().id() + "-" + index.name() + "-" + unit.toLowerCase();
                AutoScaling.target(indexId, "dynamodb",
                                tableResource.applyValue(r -> r + "/index/" + index.name()),
                                "dynamodb:index:" + unit + "CapacityUnits", range, child())
                        .track("target", "DynamoDB" + unit + "CapacityUtilization", target);
            }
        }
    }

    public Table table(CrmTable table) {
        return tables.get(table);
    }

    public Output<String> tableName(CrmTable table) {
        return tables.get(table).name();
    }

    public Map<CrmTable, Output<String>> tableNames() {
        Map<CrmTable, Output<String>> names = new EnumMap<>(CrmTable.class);
        tables.forEach((t, table) -> names.put(t, table.name()));
        return names;
    }

    public EncryptionKey key() {
        return key;
    }

    /** Read access to {@code which} tables and their indexes. */
    public void grantRead(PolicyDocument policy, String sid, List<CrmTable> which) {
        policy.allow(sid, List.of("dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query",
                "dynamodb:ConditionCheckItem", "dynamodb:DescribeTable"), arnsWithIndexes(which));
        key.grantDecrypt(policy, sid + "Key");
    }

    /** Read and write access to {@code which} tables and their indexes (no table administration). */
    public void grantReadWrite(PolicyDocument policy, String sid, List<CrmTable> which) {
        policy.allow(sid, List.of("dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query",
                "dynamodb:ConditionCheckItem", "dynamodb:DescribeTable", "dynamodb:PutItem",
                "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:BatchWriteItem"), arnsWithIndexes(which));
        key.grantEncryptDecrypt(policy, sid + "Key");
    }

    /** What an event source mapping needs to read {@code table}'s stream. */
    public void grantStreamRead(PolicyDocument policy, String sid, CrmTable table) {
        policy.allow(sid, List.of("dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator"),
                List.of(tables.get(table).streamArn()));
        policy.allow(sid + "List", List.of("dynamodb:ListStreams"),
                List.of(tables.get(table).arn().applyValue(arn -> arn + "/stream/*")));
        key.grantDecrypt(policy, sid + "Key");
    }

    private List<Output<String>> arnsWithIndexes(List<CrmTable> which) {
        List<Output<String>> arns = new ArrayList<>();
        for (CrmTable t : which) {
            arns.add(tables.get(t).arn());
            arns.add(tables.get(t).arn().applyValue(arn -> arn + "/index/*"));
        }
        return arns;
    }
}
