package com.zebros.platform;

import com.pulumi.Context;
import com.pulumi.core.Output;
import com.zebros.platform.auth.AuthDatabase;
import com.zebros.platform.auth.Keycloak;
import com.zebros.platform.compute.ContainerCluster;
import com.zebros.platform.compute.CrmFunctions;
import com.zebros.platform.compute.Workflows;
import com.zebros.platform.config.CrmTable;
import com.zebros.platform.config.StackSettings;
import com.zebros.platform.data.CrmTables;
import com.zebros.platform.data.FileStore;
import com.zebros.platform.data.TableSet;
import com.zebros.platform.edge.Edge;
import com.zebros.platform.edge.RestApi;
import com.zebros.platform.global.PrimaryOutputs;
import com.zebros.platform.global.RunbookOutputs;
import com.zebros.platform.network.Network;
import com.zebros.platform.ops.Monitoring;
import com.zebros.platform.ops.PowerTuning;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The stack's outputs: what a platform team reads, what the runbook command needs, and what a
 * secondary reads of its primary ({@link PrimaryOutputs}, {@link RunbookOutputs}).
 */
final class StackExports {
    private StackExports() {}

    /** The components of one regional stack, as {@link ZebrosStack} built them; {@code ownTables} is empty in a secondary. */
    record Built(
            Network network,
            TableSet tables,
            Optional<CrmTables> ownTables,
            FileStore files,
            ContainerCluster cluster,
            AuthDatabase database,
            Keycloak keycloak,
            Workflows workflows,
            CrmFunctions functions,
            RestApi api,
            Edge edge,
            Monitoring monitoring,
            Optional<PowerTuning> powerTuning) {}

    static void export(
            Context ctx,
            StackSettings settings,
            StackContext stack,
            Optional<CompletableFuture<String>> fingerprint,
            Built built) {
        ctx.export(PrimaryOutputs.PHASE, Output.of(settings.phase()));
        ctx.export(PrimaryOutputs.ROLE, Output.of(settings.role().configValue()));
        ctx.export(PrimaryOutputs.REGION, Output.of(settings.region()));
        ctx.export(PrimaryOutputs.PEER_REGION, Output.of(settings.peerRegion().orElse("")));
        ctx.export("apiUrl", built.api().url());
        ctx.export("authUrl", Output.of(built.keycloak().url()));
        ctx.export("tokenIssuer", Output.of(built.keycloak().issuer()));
        ctx.export(PrimaryOutputs.TABLE_NAMES, tableNames(built.tables()));
        ctx.export(PrimaryOutputs.BUCKET_NAME, built.files().bucketName());
        ctx.export(PrimaryOutputs.BUCKET_ARN, built.files().bucketArn());
        ctx.export(PrimaryOutputs.FILES_KEY_ARN, built.files().key().arn());
        ctx.export("stateMachineArn", built.workflows().stateMachineArn());
        ctx.export("jobQueueUrl", built.workflows().jobQueueUrl());
        ctx.export("authClusterIdentifier", built.database().cluster().clusterIdentifier());
        ctx.export("dbWriterEndpoint", built.database().writerEndpoint());
        ctx.export("vpcId", built.network().vpcId());
        ctx.export("alarmTopicArn", built.monitoring().alarmTopicArn());
        // What the runbook command needs: every identifier of a switchover, failover or failback.
        ctx.export(RunbookOutputs.AUTH_CLUSTER_ARN, built.database().cluster().arn());
        ctx.export(RunbookOutputs.AUTH_CLUSTER_SPEC, built.database().memberSpec());
        ctx.export(RunbookOutputs.STACK, Output.of(settings.stack()));
        ctx.export(RunbookOutputs.ECS_CLUSTER, built.cluster().name());
        ctx.export(RunbookOutputs.KEYCLOAK_SERVICE, Output.of(stack.naming().physical("keycloak")));
        ctx.export(RunbookOutputs.KEYCLOAK_MIN_TASKS, Output.of((int)
                settings.phases().keycloakTasks().min()));
        ctx.export(RunbookOutputs.KEYCLOAK_MAX_TASKS, Output.of((int)
                settings.phases().keycloakTasks().max()));
        ctx.export(RunbookOutputs.NOTIFICATION_MAPPING, built.functions().stageChangeMappingId());
        ctx.export(RunbookOutputs.RECORD_EVENTS_MAPPING, built.functions().recordEventMappingId());
        ctx.export(RunbookOutputs.API_HOST, Output.of(settings.apiHost()));
        built.edge().failover().ifPresent(f -> {
            ctx.export(RunbookOutputs.API_HEALTH_CHECK, f.apiHealthCheckId());
            ctx.export(RunbookOutputs.AUTH_HEALTH_CHECK, f.authHealthCheckId());
        });
        fingerprint.ifPresent(hash -> ctx.export(PrimaryOutputs.DB_PASSWORD_FINGERPRINT, Output.of(hash)));
        built.ownTables()
                .flatMap(CrmTables::replicaKeyArn)
                .ifPresent(arn -> ctx.export(PrimaryOutputs.TABLES_REPLICA_KEY_ARN, arn));
        built.database().globalCluster().ifPresent(global -> {
            ctx.export(PrimaryOutputs.GLOBAL_CLUSTER, global.globalClusterIdentifier());
            ctx.export(PrimaryOutputs.GLOBAL_WRITER_ENDPOINT, global.endpoint());
        });
        built.powerTuning().ifPresent(tuner -> ctx.export("powerTuningStateMachineArn", tuner.stateMachineArn()));
        built.edge().cdn().ifPresent(cdn -> {
            ctx.export(PrimaryOutputs.API_DISTRIBUTION_DOMAIN, cdn.apiDomain());
            ctx.export(PrimaryOutputs.AUTH_DISTRIBUTION_DOMAIN, cdn.authDomain());
        });
    }

    private static Output<Map<String, String>> tableNames(TableSet tables) {
        Map<String, Output<String>> names = new LinkedHashMap<>();
        for (CrmTable t : CrmTable.values()) {
            names.put(t.id(), tables.tableName(t));
        }
        return NamedOutputs.resolve(names);
    }
}
