package com.zebros.platform.data;

import com.pulumi.aws.dax.Cluster;
import com.pulumi.aws.dax.ClusterArgs;
import com.pulumi.aws.dax.ParameterGroup;
import com.pulumi.aws.dax.ParameterGroupArgs;
import com.pulumi.aws.dax.SubnetGroup;
import com.pulumi.aws.dax.SubnetGroupArgs;
import com.pulumi.aws.dax.inputs.ClusterServerSideEncryptionArgs;
import com.pulumi.aws.dax.inputs.ParameterGroupParameterArgs;
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.core.Output;
import com.zebros.platform.StackContext;
import com.zebros.platform.ZebrosComponent;
import com.zebros.platform.config.CrmTable;
import com.zebros.platform.config.PhaseTable;
import com.zebros.platform.iam.PolicyDocument;
import com.zebros.platform.iam.ServiceRole;
import com.zebros.platform.network.Network;
import com.zebros.platform.network.SecurityRule;
import java.util.List;
import java.util.Map;

/**
 * DAX in front of the CRM tables (phase 2; three nodes across AZs in phase 3). Encrypted at rest and
 * on its TLS endpoint from creation, because both force a new cluster later
 * (https://github.com/hashicorp/terraform-provider-aws/blob/main/internal/service/dax/cluster.go). Item and query
 * caches live one minute: writes replicated from the other region bypass this cluster
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/DAX.consistency.html).
 */
public final class Dax extends ZebrosComponent {
    public static final int TLS_PORT = 9111;
    public static final String TTL_MILLIS = "60000";

    private final SecurityGroup securityGroup;
    private final Cluster cluster;

    /**
     * What the cluster needs, and nothing else.
     *
     * @param nodeType the node type
     * @param nodes    the nodes, one per zone (DAX spreads them: three in phase 3)
     */
    public record Size(String nodeType, int nodes) {
        public Size {
            if (nodes < 1 || nodes > 10) {
                throw new IllegalArgumentException("a DAX cluster has 1 to 10 nodes, was " + nodes);
            }
        }

        /** The phase's cluster. */
        public static Size forPhase(PhaseTable phases) {
            return new Size(phases.daxNodeType(), phases.daxNodes());
        }
    }

    /**
     * @param network the VPC whose data subnets the nodes live in
     * @param tables  the tables the cluster caches, and nothing else
     * @param size    the cluster's nodes
     */
    public record Args(Network network, TableSet tables, Size size) {}

    public Dax(String name, StackContext stack, Args args) {
        super("zebros:data:Dax", name, stack);
        var naming = stack.naming();
        securityGroup = new SecurityGroup(
                name + "-sg",
                SecurityGroupArgs.builder()
                        .name(naming.physical("dax"))
                        .description("DAX: TLS from the CRM functions only")
                        .vpcId(args.network().vpcId())
                        .build(),
                child());
        var subnets = new SubnetGroup(
                name + "-subnets",
                SubnetGroupArgs.builder()
                        .name(naming.physical("dax"))
                        .subnetIds(Output.all(args.network().dataSubnetIds()))
                        .build(),
                child());
        var parameters = new ParameterGroup(
                name + "-params",
                ParameterGroupArgs.builder()
                        .name(naming.physical("dax"))
                        .parameters(
                                ParameterGroupParameterArgs.builder()
                                        .name("query-ttl-millis")
                                        .value(TTL_MILLIS)
                                        .build(),
                                ParameterGroupParameterArgs.builder()
                                        .name("record-ttl-millis")
                                        .value(TTL_MILLIS)
                                        .build())
                        .build(),
                child());

        PolicyDocument access = new PolicyDocument();
        args.tables().grantReadWrite(access, "CachedTables", CrmTable.items());
        var role = new ServiceRole(name + "-role", naming.physical("dax"), "dax.amazonaws.com", access, child());

        cluster = new Cluster(
                name,
                ClusterArgs.builder()
                        .clusterName(clusterName(naming, args.size().nodeType()))
                        .description("Zebros CRM item and query cache")
                        .nodeType(args.size().nodeType())
                        .replicationFactor(args.size().nodes())
                        .iamRoleArn(role.arn())
                        .subnetGroupName(subnets.name())
                        .parameterGroupName(parameters.name())
                        .securityGroupIds(securityGroup.id().applyValue(List::of))
                        .serverSideEncryption(ClusterServerSideEncryptionArgs.builder()
                                .enabled(true)
                                .build())
                        .clusterEndpointEncryptionType("TLS")
                        .build(),
                childAfter(role.policy()));
        registerOutputs(Map.of("endpoint", cluster.clusterAddress()));
    }

    /**
     * The cluster's name carries its node type: a node type cannot change in place (terraform-provider-aws
     * internal/service/dax/cluster.go marks node_type ForceNew), so a promotion that changes it replaces the cluster,
     * and DAX refuses a second cluster of the same name while the first still exists
     * (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_dax_CreateCluster.html). With the node type
     * in the name the engine creates the new cluster, points the functions at it, then deletes the old one; the new
     * cache starts empty (README, Promoting).
     */
    static String clusterName(com.zebros.platform.naming.Naming naming, String nodeType) {
        String[] parts = nodeType.split("\\.");
        String size = parts[parts.length - 1]
                .replace("small", "s")
                .replace("medium", "m")
                .replace("large", "l");
        return naming.compact("dax-" + parts[parts.length - 2] + size, 20);
    }

    public void allowClient(String name, Output<String> clientSecurityGroupId) {
        SecurityRule.create(
                securityGroup.id(),
                List.of(SecurityRule.inFrom(name, TLS_PORT, clientSecurityGroupId, "DAX over TLS from " + name)),
                child());
    }

    /** What the functions connect to: {@code daxs://<cluster address>}. */
    public Output<String> endpoint() {
        return cluster.clusterAddress().applyValue(address -> "daxs://" + address);
    }

    public void grantAccess(PolicyDocument policy) {
        policy.allow(
                "Dax",
                List.of(
                        "dax:GetItem",
                        "dax:BatchGetItem",
                        "dax:Query",
                        "dax:ConditionCheckItem",
                        "dax:PutItem",
                        "dax:UpdateItem",
                        "dax:DeleteItem",
                        "dax:BatchWriteItem"),
                List.of(cluster.arn()));
    }
}
