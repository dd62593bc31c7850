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
 * secondary reads of its primary ({@link PrimaryOutputs}, {@link RunbookOutputs}). {@link ZebrosStack} hands each
 * component here as it builds it; every output's name and value is in this one file.
 */
final class StackExports {
    private final Context ctx;

    /** The outputs the settings decide: the stack's place in its region pair and what the runbook reads of it. */
    StackExports(Context ctx, StackSettings settings, StackContext stack) {
        this.ctx = ctx;
        ctx.export(PrimaryOutputs.PHASE, Output.of(settings.phase()));
        ctx.export(PrimaryOutputs.ROLE, Output.of(settings.role().configValue()));
        ctx.export(PrimaryOutputs.REGION, Output.of(settings.region()));
        ctx.export(PrimaryOutputs.PEER_REGION, Output.of(settings.peerRegion().orElse("")));
        ctx.export(RunbookOutputs.STACK, Output.of(settings.stack()));
        ctx.export(RunbookOutputs.KEYCLOAK_SERVICE, Output.of(stack.naming().physical("keycloak")));
        ctx.export(RunbookOutputs.KEYCLOAK_MIN_TASKS, Output.of((int)
                settings.phases().keycloakTasks().min()));
        ctx.export(RunbookOutputs.KEYCLOAK_MAX_TASKS, Output.of((int)
                settings.phases().keycloakTasks().max()));
        ctx.export(RunbookOutputs.API_HOST, Output.of(settings.apiHost()));
    }

    /** The primary's password fingerprint, which its secondary holds its own password to. */
    void fingerprint(Optional<CompletableFuture<String>> fingerprint) {
        fingerprint.ifPresent(hash -> ctx.export(PrimaryOutputs.DB_PASSWORD_FINGERPRINT, Output.of(hash)));
    }

    void network(Network network) {
        ctx.export("vpcId", network.vpcId());
    }

    /** The tables (the stack's own or, in a secondary, the primary's replicas) and the file store. */
    void stores(TableSet tables, Optional<CrmTables> ownTables, FileStore files) {
        ctx.export(PrimaryOutputs.TABLE_NAMES, tableNames(tables));
        ctx.export(PrimaryOutputs.BUCKET_NAME, files.bucketName());
        ctx.export(PrimaryOutputs.BUCKET_ARN, files.bucketArn());
        ctx.export(PrimaryOutputs.FILES_KEY_ARN, files.key().arn());
        ownTables
                .flatMap(CrmTables::replicaKeyArn)
                .ifPresent(arn -> ctx.export(PrimaryOutputs.TABLES_REPLICA_KEY_ARN, arn));
    }

    void cluster(ContainerCluster cluster) {
        ctx.export(RunbookOutputs.ECS_CLUSTER, cluster.name());
    }

    void database(AuthDatabase database) {
        ctx.export("authClusterIdentifier", database.cluster().clusterIdentifier());
        ctx.export("dbWriterEndpoint", database.writerEndpoint());
        ctx.export(RunbookOutputs.AUTH_CLUSTER_ARN, database.cluster().arn());
        ctx.export(RunbookOutputs.AUTH_CLUSTER_SPEC, database.memberSpec());
        database.globalCluster().ifPresent(global -> {
            ctx.export(PrimaryOutputs.GLOBAL_CLUSTER, global.globalClusterIdentifier());
            ctx.export(PrimaryOutputs.GLOBAL_WRITER_ENDPOINT, global.endpoint());
        });
    }

    void keycloak(Keycloak keycloak) {
        ctx.export("authUrl", Output.of(keycloak.url()));
        ctx.export("tokenIssuer", Output.of(keycloak.issuer()));
    }

    void workflows(Workflows workflows) {
        ctx.export("stateMachineArn", workflows.stateMachineArn());
        ctx.export("jobQueueUrl", workflows.jobQueueUrl());
    }

    /** The two stream mappings the runbook enables in the region that takes over. */
    void functions(CrmFunctions functions) {
        ctx.export(RunbookOutputs.NOTIFICATION_MAPPING, functions.stageChangeMappingId());
        ctx.export(RunbookOutputs.RECORD_EVENTS_MAPPING, functions.recordEventMappingId());
    }

    void api(RestApi api) {
        ctx.export("apiUrl", api.url());
    }

    /** The failover's health checks (the runbook reads them) and the distributions' domains. */
    void edge(Edge edge) {
        edge.failover().ifPresent(f -> {
            ctx.export(RunbookOutputs.API_HEALTH_CHECK, f.apiHealthCheckId());
            ctx.export(RunbookOutputs.AUTH_HEALTH_CHECK, f.authHealthCheckId());
        });
        edge.cdn().ifPresent(cdn -> {
            ctx.export(PrimaryOutputs.API_DISTRIBUTION_DOMAIN, cdn.apiDomain());
            ctx.export(PrimaryOutputs.AUTH_DISTRIBUTION_DOMAIN, cdn.authDomain());
        });
    }

    void monitoring(Monitoring monitoring) {
        ctx.export("alarmTopicArn", monitoring.alarmTopicArn());
    }

    void powerTuning(Optional<PowerTuning> powerTuning) {
        powerTuning.ifPresent(tuner -> ctx.export("powerTuningStateMachineArn", tuner.stateMachineArn()));
    }

    private static Output<Map<String, String>> tableNames(TableSet tables) {
        Map<String, Output<String>> names = new LinkedHashMap<>();
        for (CrmTable t : CrmTable.values()) {
            names.put(t.id(), tables.tableName(t));
        }
        return NamedOutputs.resolve(names);
    }
}
