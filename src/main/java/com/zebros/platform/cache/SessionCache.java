package com.zebros.platform.cache;

import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.elasticache.ReplicationGroup;
import com.pulumi.aws.elasticache.ReplicationGroupArgs;
import com.pulumi.aws.elasticache.SubnetGroup;
import com.pulumi.aws.elasticache.SubnetGroupArgs;
import com.pulumi.aws.secretsmanager.Secret;
import com.pulumi.core.Output;
import com.zebros.platform.StackContext;
import com.zebros.platform.StatefulOptions;
import com.zebros.platform.StoredSecret;
import com.zebros.platform.ZebrosComponent;
import com.zebros.platform.config.PhaseTable;
import com.zebros.platform.config.PhaseTable.CacheMode;
import com.zebros.platform.config.RedisClusterMode;
import com.zebros.platform.config.StackSettings;
import com.zebros.platform.iam.PolicyDocument;
import com.zebros.platform.network.Network;
import com.zebros.platform.network.SecurityRule;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The seeds' ElastiCache for sessions and hot items: phase 2 a two-node replication group with
 * automatic failover across AZs
 * (https://github.com/hashicorp/terraform-provider-aws/blob/main/internal/service/elasticache/replication_group.go);
 * phase 3 cluster mode (https://www.pulumi.com/registry/packages/aws/api-docs/elasticache/replicationgroup/). TLS and
 * encryption at rest are on from creation, since both force a new group later
 * (https://github.com/hashicorp/terraform-provider-aws/blob/main/internal/service/elasticache/replication_group.go);
 * the AUTH token is a config secret kept in Secrets Manager for the functions to read.
 *
 * <p>Phase 2 to 3 is two deployments: {@code clusterMode: compatible}, then {@code enabled}
 * (https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/modify-cluster-mode.html). {@code promote} writes {@code
 * zebros:redisClusterMode: compatible} for the first and removes it for the second.
 */
public final class SessionCache extends ZebrosComponent {
    public static final int PORT = 6379;
    public static final String ENGINE_VERSION = "7.1";

    private final SecurityGroup securityGroup;
    private final ReplicationGroup group;
    private final Secret token;
    private final boolean clusterEndpoint;

    /**
     * How the group is laid out.
     *
     * @param clusterMode    ElastiCache's cluster mode: {@code disabled}, {@code compatible} (the first of the two
     *                       deployments into cluster mode) or {@code enabled}
     * @param nodes          the nodes of a group that is not in cluster mode (a primary and replicas)
     * @param shards         the shards in cluster mode, each with one replica
     */
    public record Layout(String clusterMode, int nodes, int shards) {
        public boolean clustered() {
            return clusterMode.equals("enabled");
        }

        /** Cluster mode's parameter group from the compatible step on. */
        String parameterGroup() {
            return clusterMode.equals("disabled") ? "default.redis7" : "default.redis7.cluster.on";
        }

        /**
         * The phase's layout. Into cluster mode is two deployments, and there is no way back
         * (https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/modify-cluster-mode.html): while {@code
         * zebros:redisClusterMode} says {@code compatible}, the group keeps two nodes in compatible mode; when it says
         * {@code enabled} below phase 3 (a step down), the group stays in cluster mode with one shard of a primary
         * and a replica, the two nodes of phase 2.
         */
        public static Layout forPhase(PhaseTable phases, RedisClusterMode mode) {
            if (phases.cacheMode() != CacheMode.CLUSTER) {
                return mode == RedisClusterMode.KEPT
                        ? new Layout("enabled", 0, 1)
                        : new Layout("disabled", phases.redisNodes(), 0);
            }
            return mode == RedisClusterMode.COMPATIBLE
                    ? new Layout("compatible", 2, 0)
                    : new Layout("enabled", 0, phases.redisShards());
        }
    }

    /**
     * What the cache needs, and nothing else.
     *
     * @param network            the VPC whose data subnets the nodes live in
     * @param layout             the group's layout
     * @param nodeType           the node type
     * @param authToken          the AUTH token (a config secret)
     * @param tokenSecretName    the Secrets Manager name the functions read the token from
     * @param deletionProtection whether the token's secret survives a stack's removal
     */
    public record Args(
            Network network,
            Layout layout,
            String nodeType,
            com.zebros.platform.config.Secret authToken,
            String tokenSecretName,
            boolean deletionProtection) {
        /** The stack's cache at its phase. */
        public static Args of(StackSettings settings, Network network) {
            return new Args(
                    network,
                    Layout.forPhase(settings.phases(), settings.redisClusterMode()),
                    settings.phases().redisNodeType(),
                    settings.redisAuthToken(),
                    "zebros/" + settings.stack() + "/redis-auth",
                    settings.deletionProtection());
        }
    }

    public SessionCache(String name, StackContext stack, Args cache) {
        super("zebros:cache:SessionCache", name, stack);
        Network network = cache.network();
        var naming = stack.naming();
        Layout layout = cache.layout();
        clusterEndpoint = layout.clustered();

        securityGroup = new SecurityGroup(
                name + "-sg",
                SecurityGroupArgs.builder()
                        .name(naming.physical("sessions"))
                        .description("Redis: TLS from the CRM functions only")
                        .vpcId(network.vpcId())
                        .build(),
                child());
        var subnets = new SubnetGroup(
                name + "-subnets",
                SubnetGroupArgs.builder()
                        .name(naming.physical("sessions"))
                        .description("Data subnets of the Zebros CRM VPC")
                        .subnetIds(Output.all(network.dataSubnetIds()))
                        .build(),
                child());
        token = new StoredSecret(
                        name + "-token",
                        cache.tokenSecretName(),
                        "Redis AUTH token, read by the CRM functions",
                        Optional.empty(),
                        cache.authToken().reveal(),
                        cache.deletionProtection())
                .create(child(), child());

        var args = ReplicationGroupArgs.builder()
                .replicationGroupId(naming.physical("sessions"))
                .description("Zebros CRM sessions and hot items")
                .engine("redis")
                .engineVersion(ENGINE_VERSION)
                .nodeType(cache.nodeType())
                .port(PORT)
                .subnetGroupName(subnets.name())
                .securityGroupIds(securityGroup.id().applyValue(List::of))
                .automaticFailoverEnabled(true)
                .multiAzEnabled(true)
                // AWS-managed keys: a customer key of its own would be a stateful resource that a step
                // down from phase 2 deletes, for a cache whose content rebuilds itself.
                .atRestEncryptionEnabled(true)
                .transitEncryptionEnabled(true)
                .authToken(Output.ofSecret(cache.authToken().reveal()))
                .authTokenUpdateStrategy("SET")
                .snapshotRetentionLimit(1)
                .applyImmediately(true);
        args.clusterMode(layout.clusterMode()).parameterGroupName(layout.parameterGroup());
        if (layout.clustered()) {
            args.numNodeGroups(layout.shards()).replicasPerNodeGroup(1);
        } else {
            args.numCacheClusters(layout.nodes());
        }
        group = new ReplicationGroup(name, args.build(), StatefulOptions.cache(this, stack.provider()));
        registerOutputs(Map.of("endpoint", endpoint()));
    }

    public void allowClient(String name, Output<String> clientSecurityGroupId) {
        SecurityRule.create(
                securityGroup.id(),
                List.of(SecurityRule.inFrom(name, PORT, clientSecurityGroupId, "Redis over TLS from " + name)),
                child());
    }

    /** Whether the functions must use a cluster client (the configuration endpoint, several shards). */
    public boolean clusterMode() {
        return clusterEndpoint;
    }

    /** {@code rediss://host:port}: the configuration endpoint in cluster mode, else the primary. */
    public Output<String> endpoint() {
        Output<String> host = clusterEndpoint ? group.configurationEndpointAddress() : group.primaryEndpointAddress();
        return host.applyValue(h -> "rediss://" + h + ":" + PORT);
    }

    public void grantReadToken(PolicyDocument policy) {
        policy.allow("ReadRedisToken", List.of("secretsmanager:GetSecretValue"), List.of(token.arn()));
    }

    public Output<String> tokenSecretArn() {
        return token.arn();
    }
}
