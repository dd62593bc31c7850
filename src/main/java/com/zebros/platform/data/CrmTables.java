package com.zebros.platform.data;

import com.pulumi.aws.Provider;
import com.pulumi.aws.dynamodb.Table;
import com.pulumi.aws.dynamodb.TableArgs;
import com.pulumi.aws.dynamodb.TableReplica;
import com.pulumi.aws.dynamodb.TableReplicaArgs;
import com.pulumi.aws.dynamodb.inputs.TableAttributeArgs;
import com.pulumi.aws.dynamodb.inputs.TableGlobalSecondaryIndexArgs;
import com.pulumi.aws.dynamodb.inputs.TablePointInTimeRecoveryArgs;
import com.pulumi.aws.dynamodb.inputs.TableServerSideEncryptionArgs;
import com.pulumi.aws.dynamodb.inputs.TableTtlArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.Resource;
import com.zebros.platform.StackContext;
import com.zebros.platform.StatefulOptions;
import com.zebros.platform.ZebrosComponent;
import com.zebros.platform.config.CrmTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The CRM's DynamoDB tables, owned by a standalone or primary stack. A primary's tables are global
 * tables (2019.11.21): each has a {@code TableReplica} in the peer region with its own key, point-in-
 * time recovery and deletion protection. Replicas are separate resources, not inline {@code replicas},
 * so that a provisioned table's replica waits for its write auto-scaling
 * (https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/dynamodb_table_replica,
 * https://github.com/hashicorp/terraform-provider-aws/issues/13097).
 *
 * <p>Every table is KMS-encrypted with the stack's own key, point-in-time recovery, TTL on
 * temporary items, deletion protection outside throw-away stacks, and streams with new and old
 * images from day one. Streams feed the notification function now and are what a global table
 * needs later (https://github.com/hashicorp/terraform-provider-aws/issues/43625), so turning a stack global never has
 * to touch them.
 */
public final class CrmTables extends ZebrosComponent implements TableSet {
    public static final String BILLING_ON_DEMAND = "PAY_PER_REQUEST";
    public static final String BILLING_PROVISIONED = "PROVISIONED";

    private final EncryptionKey key;
    private final EncryptionKey replicaKey;
    private final Map<CrmTable, Table> tables = new java.util.LinkedHashMap<>();

    private final TableCapacity capacity;

    /**
     * @param peerProvider the peer region's provider when this stack is a primary: its tables become
     * global tables with a replica there, encrypted with a key of that region
     * (https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/dynamodb_table)
     * @param capacity     each table's capacity mode and ranges at the phase
     */
    public record Args(Optional<Provider> peerProvider, TableCapacity capacity) {}

    public CrmTables(String name, StackContext stack, Args args) {
        super("zebros:data:CrmTables", name, stack);
        Optional<Provider> peerProvider = args.peerProvider();
        this.capacity = args.capacity();
        key = new EncryptionKey(
                name + "-key",
                EncryptionKey.Args.of(
                        stack.naming().physical("tables"),
                        "Zebros CRM tables of stack " + stack.stackName(),
                        stack.deletionProtection()),
                this,
                stack.provider());
        replicaKey = peerProvider
                .map(peer -> new EncryptionKey(
                        name + "-replica-key",
                        EncryptionKey.Args.of(
                                stack.naming().physical("tables-replica"),
                                "Zebros CRM table replicas of stack " + stack.stackName(),
                                stack.deletionProtection()),
                        this,
                        peer))
                .orElse(null);
        for (CrmTable schema : CrmTable.values()) {
            tables.put(schema, table(schema, peerProvider));
        }
        Map<String, Output<?>> outputs = new LinkedHashMap<>();
        tables.forEach((t, table) -> outputs.put(t.id(), table.name()));
        registerOutputs(outputs);
    }

    private Table table(CrmTable schema, Optional<Provider> peerProvider) {
        boolean provisioned = capacity.provisioned(schema);
        var args = TableArgs.builder()
                .name(stack.naming().physical(schema.id()))
                .hashKey(schema.hashKey())
                .rangeKey(schema.rangeKey())
                .attributes(schema.keyAttributes().stream()
                        .map(a -> TableAttributeArgs.builder().name(a).type("S").build())
                        .toList())
                .billingMode(provisioned ? BILLING_PROVISIONED : BILLING_ON_DEMAND)
                .streamEnabled(true)
                .streamViewType("NEW_AND_OLD_IMAGES")
                .ttl(TableTtlArgs.builder()
                        .attributeName(CrmTable.TTL_ATTRIBUTE)
                        .enabled(true)
                        .build())
                .pointInTimeRecovery(
                        TablePointInTimeRecoveryArgs.builder().enabled(true).build())
                .serverSideEncryption(TableServerSideEncryptionArgs.builder()
                        .enabled(true)
                        .kmsKeyArn(key.arn())
                        .build())
                .deletionProtectionEnabled(stack.deletionProtection());
        List<TableGlobalSecondaryIndexArgs> indexes = new ArrayList<>();
        for (CrmTable.Index index : schema.indexes()) {
            var gsi = TableGlobalSecondaryIndexArgs.builder()
                    .name(index.name())
                    .hashKey(index.hashKey())
                    .rangeKey(index.rangeKey())
                    // Every index serves an API list route that answers whole items (CrmApi), so each projects
                    // everything: a narrower projection would turn each listed item into a second read.
                    .projectionType("ALL");
            if (provisioned) {
                int min = capacity.index(schema).minInt();
                gsi.readCapacity(min).writeCapacity(min);
            }
            indexes.add(gsi.build());
        }
        args.globalSecondaryIndexes(indexes);
        if (provisioned) {
            int min = capacity.table(schema).minInt();
            args.readCapacity(min).writeCapacity(min);
        }
        var table = new Table(
                schema.id(),
                args.build(),
                StatefulOptions.table(
                        stack.deletionProtection(), this, stack.provider(), provisioned, peerProvider.isPresent()));
        // Write scaling on table and indexes is also what a provisioned global table needs before a
        // replica can be added (https://github.com/hashicorp/terraform-provider-aws/issues/13097).
        List<Resource> writeScaling = provisioned
                ? TableAutoScaling.register(schema, schema.id(), table.name(), capacity, child())
                : List.of();
        peerProvider.ifPresent(peer -> new TableReplica(
                schema.id() + "-replica",
                TableReplicaArgs.builder()
                        .globalTableArn(table.arn())
                        .kmsKeyArn(replicaKey.arn())
                        .pointInTimeRecovery(true)
                        .deletionProtectionEnabled(stack.deletionProtection())
                        .build(),
                StatefulOptions.tableReplica(stack.deletionProtection(), this, peer, writeScaling)));
        return table;
    }

    public Table table(CrmTable table) {
        return tables.get(table);
    }

    @Override
    public Output<String> tableName(CrmTable table) {
        return tables.get(table).name();
    }

    public Map<CrmTable, Output<String>> tableNames() {
        Map<CrmTable, Output<String>> names = new java.util.LinkedHashMap<>();
        tables.forEach((t, table) -> names.put(t, table.name()));
        return names;
    }

    public EncryptionKey key() {
        return key;
    }

    @Override
    public Output<String> tableArn(CrmTable table) {
        return tables.get(table).arn();
    }

    @Override
    public Output<String> streamArn(CrmTable table) {
        return tables.get(table).streamArn();
    }

    @Override
    public Output<String> keyArn() {
        return key.arn();
    }

    /** The key that encrypts the replicas in the peer region (primary only). */
    public Optional<Output<String>> replicaKeyArn() {
        return Optional.ofNullable(replicaKey).map(EncryptionKey::arn);
    }
}
