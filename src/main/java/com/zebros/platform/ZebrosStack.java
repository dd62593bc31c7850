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
import com.zebros.platform.auth.AuroraGlobalRole;
import com.zebros.platform.auth.AuthDatabase;
import com.zebros.platform.auth.Keycloak;
import com.zebros.platform.auth.KeycloakLoadBalancer;
import com.zebros.platform.cache.SessionCache;
import com.zebros.platform.compute.ContainerCluster;
import com.zebros.platform.compute.CrmFunctions;
import com.zebros.platform.compute.Workflows;
import com.zebros.platform.config.Feature;
import com.zebros.platform.config.PhaseTable;
import com.zebros.platform.config.Role;
import com.zebros.platform.config.RoleDecisions;
import com.zebros.platform.config.StackSettings;
import com.zebros.platform.data.CrmTables;
import com.zebros.platform.data.CrossRegionReplication;
import com.zebros.platform.data.Dax;
import com.zebros.platform.data.FileStore;
import com.zebros.platform.data.ReplicaTables;
import com.zebros.platform.data.TableCapacity;
import com.zebros.platform.data.TableSet;
import com.zebros.platform.edge.Edge;
import com.zebros.platform.edge.OriginSecret;
import com.zebros.platform.edge.RestApi;
import com.zebros.platform.global.PasswordFingerprint;
import com.zebros.platform.global.PrimaryStack;
import com.zebros.platform.images.ContainerImages;
import com.zebros.platform.naming.Naming;
import com.zebros.platform.network.Network;
import com.zebros.platform.ops.Alarms;
import com.zebros.platform.ops.Monitoring;
import com.zebros.platform.ops.OpsKey;
import com.zebros.platform.ops.PowerTuning;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The regional stack: every component of the seeds' diagrams, wired by role, and the outputs a
 * platform team (and a secondary stack) uses. The same code runs under {@code pulumi up}, under the
 * offline plan and in tests; it takes its settings already validated, so bad config never reaches a
 * resource.
 */
public final class ZebrosStack {

    private ZebrosStack() {}

    public static void define(Context ctx, StackSettings settings) {
        PhaseTable phases = settings.phases();
        RoleDecisions decisions = new RoleDecisions(settings.role(), phases);
        Optional<CompletableFuture<String>> fingerprint = fingerprint(settings);
        Optional<PrimaryStack> primary = primary(ctx, settings);

        var provider = provider("aws-" + settings.region(), settings.region(), settings);
        Optional<Provider> peer = settings.peerRegion().map(region -> provider("aws-" + region, region, settings));
        var stack = stackContext(settings, provider);
        var exports = new StackExports(ctx, settings, stack);
        exports.fingerprint(fingerprint);

        var network = new Network("network", stack, Network.Args.of(settings));
        exports.network(network);
        var images = new ContainerImages("images", stack, new ContainerImages.Args(settings.imageTag()));
        var stores = stores(stack, settings, decisions, primary, peer);
        TableSet tables = stores.tables();
        FileStore files = stores.files();
        exports.stores(tables, stores.ownTables(), files);
        var cluster = new ContainerCluster("containers", stack);
        exports.cluster(cluster);
        var database = new AuthDatabase(
                "auth-db",
                stack,
                new AuthDatabase.Args(
                        network,
                        primary,
                        settings.dbMasterPassword(),
                        AuthDatabase.Size.forPhase(phases),
                        AuroraGlobalRole.of(decisions)));
        exports.database(database);
        var keycloak = new Keycloak(
                "keycloak",
                stack,
                new Keycloak.Args(
                        network,
                        cluster,
                        images,
                        database,
                        settings.keycloakAdminPassword(),
                        Keycloak.Size.forPhase(phases, decisions),
                        KeycloakLoadBalancer.Names.of(decisions)));
        exports.keycloak(keycloak);
        var workflows = new Workflows(
                "workflows",
                stack,
                new Workflows.Args(network, cluster, images, tables, files, Workflows.Jobs.forPhase(phases)));
        exports.workflows(workflows);
        var caches = caches(stack, settings, network, tables);
        var functions = new CrmFunctions(
                "functions",
                stack,
                new CrmFunctions.Args(
                        network,
                        tables,
                        files,
                        workflows,
                        caches.dax(),
                        caches.sessions(),
                        keycloak.issuer(),
                        CrmFunctions.Deployment.forStack(phases, decisions, settings.functionsArtifact())));
        exports.functions(functions);
        functions.securityGroupId().ifPresent(sg -> {
            caches.dax().ifPresent(d -> d.allowClient("functions-to-dax", sg));
            caches.sessions().ifPresent(c -> c.allowClient("functions-to-redis", sg));
        });
        var api = new RestApi("api", stack, new RestApi.Args(functions, RestApi.Throttling.forPhase(phases)));
        exports.api(api);
        // CloudFront's certificate and web ACL live in us-east-1 whatever the stack's region
        // (https://docs.aws.amazon.com/acm/latest/userguide/acm-regions.html,
        // https://docs.aws.amazon.com/waf/latest/developerguide/how-aws-waf-works-resources.html).
        Optional<Provider> edgeProvider = decisions.ownsCloudFront()
                ? Optional.of(provider("aws-edge", "us-east-1", settings))
                : Optional.empty();
        var edge = new Edge(
                "edge",
                stack,
                new Edge.Args(
                        api,
                        keycloak,
                        edgeProvider,
                        primary,
                        OriginSecret.of(settings),
                        Edge.Layers.forStack(phases, decisions)));
        exports.edge(edge);
        var monitoring = new Monitoring(
                "monitoring",
                stack,
                new Monitoring.Args(
                        api,
                        functions,
                        tables,
                        cluster,
                        keycloak,
                        workflows,
                        files,
                        Alarms.Thresholds.forPhase(phases),
                        settings.alarmEmail()));
        exports.monitoring(monitoring);
        Optional<PowerTuning> powerTuning =
                phases.hasPowerTuning() ? Optional.of(new PowerTuning("power-tuning", stack)) : Optional.empty();

        exports.powerTuning(powerTuning);
    }

    /** The tables and files; {@code ownTables} is empty in a secondary, whose tables are the primary's replicas. */
    private record Stores(Optional<CrmTables> ownTables, TableSet tables, FileStore files) {}

    /**
     * The CRM tables (the stack's own, global with a replica in the peer region when it is a primary, or the
     * primary's replicas in a secondary), the file store, and in a secondary the replication of the primary's files.
     */
    private static Stores stores(
            StackContext stack,
            StackSettings settings,
            RoleDecisions decisions,
            Optional<PrimaryStack> primary,
            Optional<Provider> peer) {
        var capacity = TableCapacity.forPhase(settings.phases());
        Optional<CrmTables> ownTables = decisions.declaresTables()
                ? Optional.of(new CrmTables("tables", stack, new CrmTables.Args(peer, capacity)))
                : Optional.empty();
        TableSet tables = ownTables.isPresent()
                ? ownTables.get()
                : new ReplicaTables("tables", stack, new ReplicaTables.Args(primary.orElseThrow(), capacity));
        var files = new FileStore("files", stack, FileStore.Args.forPhase(settings.phases()));
        primary.ifPresent(p -> new CrossRegionReplication(
                "replication", stack, new CrossRegionReplication.Args(files, p, peer.orElseThrow())));
        return new Stores(ownTables, tables, files);
    }

    /** The caches a phase adds in front of the tables (DAX) and for hot items and sessions (Redis). */
    private record Caches(Optional<Dax> dax, Optional<SessionCache> sessions) {}

    private static Caches caches(StackContext stack, StackSettings settings, Network network, TableSet tables) {
        PhaseTable phases = settings.phases();
        Optional<Dax> dax = phases.has(Feature.DAX)
                ? Optional.of(new Dax("dax", stack, new Dax.Args(network, tables, Dax.Size.forPhase(phases))))
                : Optional.empty();
        Optional<SessionCache> sessions = phases.cacheMode() != PhaseTable.CacheMode.NONE
                ? Optional.of(new SessionCache("sessions", stack, SessionCache.Args.of(settings, network)))
                : Optional.empty();
        return new Caches(dax, sessions);
    }

    /**
     * The primary's password fingerprint, a deliberately slow hash (PasswordFingerprint): worked out
     * beside the registrations instead of after them.
     */
    private static Optional<CompletableFuture<String>> fingerprint(StackSettings settings) {
        return settings.role() != Role.PRIMARY
                ? Optional.empty()
                : Optional.of(CompletableFuture.supplyAsync(
                        () -> PasswordFingerprint.of(settings.dbMasterPassword().reveal(), settings.domain())));
    }

    /** A secondary checks its primary before it registers anything of its own. */
    private static Optional<PrimaryStack> primary(Context ctx, StackSettings settings) {
        Optional<PrimaryStack> primary =
                settings.role() == Role.SECONDARY ? Optional.of(new PrimaryStack(settings)) : Optional.empty();
        primary.flatMap(PrimaryStack::phase)
                .filter(p -> p != settings.phase())
                .ifPresent(p -> ctx.log()
                        .warn("the secondary is at phase " + settings.phase() + " but its primary is at phase " + p
                                + ": after a failover the secondary carries the load at its own phase's size"));
        return primary;
    }

    /** Where every component is built: the stack's names, the region's provider, account, zones, ops key. */
    private static StackContext stackContext(StackSettings settings, Provider provider) {
        var invoke = InvokeOptions.builder().provider(provider).build();
        Output<String> accountId = AwsFunctions.getCallerIdentity(
                        GetCallerIdentityArgs.builder().build(), invoke)
                .applyValue(identity -> identity.accountId());
        var zones = AwsFunctions.getAvailabilityZones(
                        GetAvailabilityZonesArgs.builder().state("available").build(), invoke)
                .applyValue(result -> result.names());
        var naming = new Naming(settings.stack(), settings.region());
        var opsKey = new OpsKey(
                "ops-key",
                new OpsKey.Args(
                        naming.physical("ops"), settings.region(), accountId, settings.deletionProtection(), provider));
        var dns = new StackContext.Dns(
                settings.hostedZoneId(), settings.domain(), settings.apiHost(), settings.authHost());
        return new StackContext(
                settings.stack(),
                settings.region(),
                dns,
                settings.deletionProtection(),
                provider,
                naming,
                accountId,
                zones,
                opsKey.arn(),
                settings.phases().logRetentionDays());
    }

    private static Provider provider(String name, String region, StackSettings settings) {
        return new Provider(
                name,
                ProviderArgs.builder()
                        .region(region)
                        .defaultTags(ProviderDefaultTagsArgs.builder()
                                .tags(Map.of(
                                        "zebros:project", settings.project(),
                                        "zebros:stack", settings.stack(),
                                        "managed-by", "pulumi"))
                                .build())
                        .build());
    }
}
