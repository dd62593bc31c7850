package com.zebros.platform;

import com.pulumi.Context;
import com.pulumi.aws.AwsFunctions;
import com.pulumi.aws.Provider;
import com.pulumi.aws.ProviderArgs;
import com.pulumi.aws.inputs.GetAvailabilityZonesArgs;
import com.pulumi.aws.inputs.GetCallerIdentityArgs;
import com.pulumi.aws.inputs.ProviderDefaultTagsArgs;
import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOptions;
import com.zebros.platform.auth.AuthDatabase;
import com.zebros.platform.auth.Keycloak;
import com.zebros.platform.compute.ContainerCluster;
import com.zebros.platform.compute.CrmFunctions;
import com.zebros.platform.compute.Workflows;
import com.zebros.platform.cache.SessionCache;
import com.zebros.platform.config.CrmTable;
import com.zebros.platform.config.PhaseTable;
import com.zebros.platform.data.Dax;
import java.util.Optional;
import com.zebros.platform.config.StackSettings;
import com.zebros.platform.data.CrmTables;
import com.zebros.platform.data.FileStore;
import com.zebros.platform.edge.Edge;
import com.zebros.platform.edge.RestApi;
import com.zebros.platform.images.ContainerImages;
import com.zebros.platform.naming.Naming;
import com.zebros.platform.network.Network;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The regional stack: every component of the seeds' diagrams, wired, and the outputs a platform
 * team uses. The same code runs under {@code pulumi up}, under the offline plan and in tests; it
 * takes its settings already validated, so bad config never reaches a resource.
 */
public final class ZebrosStack {

    private ZebrosStack() {
    }

    private static Map<String, String> tags(StackSettings settings) {
        return Map.of("zebros:project", settings.project(), "zebros:stack", settings.stack(), "managed-by", "pulumi");
    }

    public static void define(Context ctx, StackSettings settings) {
        var provider = new Provider("aws-" + settings.region(), ProviderArgs.builder()
                .region(settings.region())
                .defaultTags(ProviderDefaultTagsArgs.builder().tags(tags(settings)).build())
                .build());
        var invoke = InvokeOptions.builder().provider(provider).build();
        Output<String> accountId = AwsFunctions.getCallerIdentity(GetCallerIdentityArgs.builder().build(), invoke)
                .applyValue(identity -> identity.accountId());
        var zones = AwsFunctions.getAvailabilityZones(GetAvailabilityZonesArgs.builder().state("available").build(), invoke)
                .applyValue(result -> result.names());
        var stack = new StackContext(settings, settings.phases(), provider,
                new Naming(settings.stack(), settings.region()), accountId, zones);

        var network = new Network("network", stack);
        var images = new ContainerImages("images", stack);
        var tables = new CrmTables("tables", stack);
        var files = new FileStore("files", stack);
        var cluster = new ContainerCluster("containers", stack);
        var database = new AuthDatabase("auth-db", stack, network);
        var keycloak = new Keycloak("keycloak", stack, network, cluster, images, database);
        var workflows = new Workflows("workflows", stack, network, cluster, images, tables, files);
        Optional<Dax> dax = stack.phases().hasDax() ? Optional.of(new Dax("dax", stack, network, tables)) : Optional.empty();
        Optional<SessionCache> cache = stack.phases().cacheMode() != PhaseTable.CacheMode.NONE
                ? Optional.of(new SessionCache("sessions", stack, network)) : Optional.empty();
        var functions = new CrmFunctions("functions", stack, network, tables, files, workflows, dax, cache,
                keycloak.issuer());
        functions.securityGroupId().ifPresent(sg -> {
            dax.ifPresent(d -> d.allowClient("functions-to-dax", sg));
            cache.ifPresent(c -> c.allowClient("functions-to-redis", sg));
        });
        var api = new RestApi("api", stack, functions);
        // CloudFront's certificate and web ACL live in us-east-1 whatever the stack's region (CF-01, CF-02).
        Optional<Provider> edgeProvider = stack.phases().hasCloudFront()
                ? Optional.of(new Provider("aws-edge", ProviderArgs.builder().region("us-east-1")
                        .defaultTags(ProviderDefaultTagsArgs.builder().tags(tags(settings)).build()).build()))
                : Optional.empty();
        new Edge("edge", stack, api, keycloak, edgeProvider);

        ctx.export("phase", Output.of(settings.phase()));
        ctx.export("role", Output.of(settings.role().configValue()));
        ctx.export("region", Output.of(settings.region()));
        ctx.export("apiUrl", api.url());
        ctx.export("authUrl", Output.of(keycloak.url()));
        ctx.export("tokenIssuer", Output.of(keycloak.issuer()));
        Map<String, Output<String>> tableNames = new LinkedHashMap<>();
        tables.tableNames().forEach((t, name) -> tableNames.put(t.id(), name));
        ctx.export("tableNames", Output.all(tableNames.values().stream().toList()).applyValue(names -> {
            Map<String, String> out = new LinkedHashMap<>();
            int i = 0;
            for (CrmTable t : CrmTable.values()) {
                out.put(t.id(), names.get(i++));
            }
            return out;
        }));
        ctx.export("bucketName", files.bucketName());
        ctx.export("stateMachineArn", workflows.stateMachineArn());
        ctx.export("jobQueueUrl", workflows.jobQueueUrl());
        ctx.export("authClusterIdentifier", database.cluster().clusterIdentifier());
        ctx.export("vpcId", network.vpcId());
    }
}
