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
import com.zebros.platform.config.PhaseTable.CacheMode;
import com.zebros.platform.iam.PolicyDocument;
import com.zebros.platform.network.Network;
import com.zebros.platform.network.SecurityRule;
import java.util.List;
import java.util.Map;

/**
 * The seeds' ElastiCache for sessions and hot items: phase 2 a two-node replication group with
 * automatic failover across AZs (docs/aws-constraints.md EC-01); phase 3 cluster mode (EC-02). TLS and encryption at rest
 * are on from creation, since both force a new group later (docs/aws-constraints.md EC-04); the AUTH token is a config
 * secret kept in Secrets Manager for the functions to read.
 *
 * <p>Phase 2 to 3 is two deployments: {@code clusterMode: compatible}, then {@code enabled} (docs/aws-constraints.md EC-03).
 * {@code promote} writes {@code zebros:redisClusterMode: compatible} for the first and removes it for the second.
 */
public final class SessionCache extends ZebrosComponent {
    public static final int PORT = 6379;
    public static final String ENGINE_VERSION = "7.1";

    private final SecurityGroup securityGroup;
    private final ReplicationGroup group;
    private final Secret token;
    private final boolean clusterEndpoint;

    public SessionCache(String name, StackContext stack, Network network) {
        super("zebros:cache:SessionCache", name, stack);
        var naming = stack.naming();
        CacheMode mode = stack.phases().cacheMode();
        boolean compatibleStep = mode == CacheMode.CLUSTER && stack.settings().redisCompatibleStep();
        boolean cluster = mode == CacheMode.CLUSTER && !compatibleStep;
        clusterEndpoint = cluster;

        securityGroup = new SecurityGroup(name + "-sg", SecurityGroupArgs.builder()
                .name(naming.physical("sessions"))
                .description("Redis: TLS from the CRM functions only")
                .vpcId(network.vpcId())
                .build(), child());
        var subnets = new SubnetGroup(name + "-subnets", SubnetGroupArgs.builder()
                .name(naming.physical("sessions"))
                .description("Data subnets of the Zebros CRM VPC")
                .subnetIds(Output.all(network.dataSubnetIds()))
                .build(), child());
        token = new StoredSecret(name + "-token", "zebros/" + stack.settings().stack() + "/redis-auth",
                "Redis AUTH token, read by the CRM functions", null, stack.settings().redisAuthToken().reveal(),
                stack.settings().deletionProtection()).create(child(), child());

        var args = ReplicationGroupArgs.builder()
                .replicationGroupId(naming.physical("sessions"))
                .description("Zebros CRM sessions and hot items")
                .engine("redis")
                .engineVersion(ENGINE_VERSION)
                .nodeType(stack.phases().redisNodeType())
                .port(PORT)
                .subnetGroupName(subnets.name())
                .securityGroupIds(securityGroup.id().applyValue(List::of))
                .automaticFailoverEnabled(true)
                .multiAzEnabled(true)
                // AWS-managed keys: a customer key of its own would be a stateful resource that a step
                // down from phase 2 deletes, for a cache whose content rebuilds itself.
                .atRestEncryptionEnabled(true)
                .transitEncryptionEnabled(true)
                .authToken(Output.ofSecret(stack.settings().redisAuthToken().reveal()))
                .authTokenUpdateStrategy("SET")
                .snapshotRetentionLimit(1)
                .applyImmediately(true);
        if (cluster) {
            args.clusterMode("enabled")
                    .parameterGroupName("default.redis7.cluster.on")
                    .numNodeGroups(stack.phases().redisShards())
                    .replicasPerNodeGroup(1);
        } else {
            args.clusterMode(compatibleStep ? "compatible" : "disabled")
                    .parameterGroupName(compatibleStep ? "default.redis7.cluster.on" : "default.redis7")
                    .numCacheClusters(mode == CacheMode.CLUSTER ? 2 : stack.phases().redisNodes());
        }
        group = new ReplicationGroup(name, args.build(), StatefulOptions.cache(this, stack.provider()));
        registerOutputs(Map.of("endpoint", endpoint()));
    }

    public void allowClient(String name, Output<String> clientSecurityGroupId) {
        SecurityRule.create(securityGroup.id(), List.of(SecurityRule.inFrom(name, PORT, clientSecurityGroupId,
                "Redis over TLS from " + name)), child());
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
