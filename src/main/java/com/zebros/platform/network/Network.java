package com.zebros.platform.network;

import com.pulumi.aws.ec2.Eip;
import com.pulumi.aws.ec2.EipArgs;
import com.pulumi.aws.ec2.InternetGateway;
import com.pulumi.aws.ec2.InternetGatewayArgs;
import com.pulumi.aws.ec2.NatGateway;
import com.pulumi.aws.ec2.NatGatewayArgs;
import com.pulumi.aws.ec2.RouteTable;
import com.pulumi.aws.ec2.RouteTableArgs;
import com.pulumi.aws.ec2.RouteTableAssociation;
import com.pulumi.aws.ec2.RouteTableAssociationArgs;
import com.pulumi.aws.ec2.Subnet;
import com.pulumi.aws.ec2.SubnetArgs;
import com.pulumi.aws.ec2.Vpc;
import com.pulumi.aws.ec2.VpcArgs;
import com.pulumi.aws.ec2.VpcEndpoint;
import com.pulumi.aws.ec2.VpcEndpointArgs;
import com.pulumi.aws.ec2.inputs.RouteTableRouteArgs;
import com.pulumi.core.Output;
import com.zebros.platform.StackContext;
import com.zebros.platform.ZebrosComponent;
import com.zebros.platform.config.PhaseSetting;
import com.zebros.platform.config.StackSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The VPC: three tiers of subnets over three availability zones.
 * <ul>
 *   <li>public: the load balancer and the NAT gateway;</li>
 *   <li>app: Fargate tasks (Keycloak, workers), private, egress through NAT;</li>
 *   <li>data: Aurora, DAX, Redis, private with no route out at all.</li>
 * </ul>
 *
 * <p>Egress for the private tasks. DynamoDB and S3 go through gateway endpoints, which cost
 * nothing. The rest (ECR API and Docker registry, CloudWatch Logs, Secrets Manager, SQS, KMS, Step
 * Functions) would need six interface endpoints at about $0.01 per AZ-hour each: $43.80 a month in
 * one AZ, $87.60 in two. One NAT gateway costs $32.85 a month ($0.045 an hour) plus $3.65 for its
 * public address and $0.045 per GB. A t4g.nano NAT instance costs about $7 with its address and
 * disk, and image layers, the bulk of the traffic, come from S3 through the free gateway either way.
 * So phases 0 and 1 use the NAT instance (the cheapest option that keeps tasks private, and no idle
 * NAT gateway); phase 2 moves to a managed NAT gateway per AZ (the phase table's natGateways), so an
 * AZ outage does not cut every task's egress.
 */
public final class Network extends ZebrosComponent {
    private final Vpc vpc;
    private final List<Subnet> publicSubnets = new ArrayList<>();
    private final List<Subnet> appSubnets = new ArrayList<>();
    private final List<Subnet> dataSubnets = new ArrayList<>();

    /**
     * What the network needs, and nothing else.
     *
     * @param vpcCidr     the VPC's /16, of the form 10.N.0.0/16 (the stack's {@code zebros:vpcCidr})
     * @param natGateways NAT gateways, one per zone up to three; 0 routes the app tier through one NAT instance
     */
    public record Args(String vpcCidr, int natGateways) {
        public Args {
            if (!vpcCidr.matches("10\\.\\d{1,3}\\.0\\.0/16")) {
                throw new IllegalArgumentException("the VPC's range must be of the form 10.N.0.0/16, was " + vpcCidr);
            }
            natGateways = Math.min(natGateways, StackContext.ZONE_COUNT);
        }

        /** The stack's network at its phase. */
        public static Args of(StackSettings settings) {
            return new Args(settings.vpcCidr(), settings.phases().intValue(PhaseSetting.NAT_GATEWAYS));
        }

        /** The first two octets, e.g. {@code 10.40}: the subnets' /20s are cut from it. */
        String prefix() {
            return vpcCidr.substring(0, vpcCidr.indexOf(".0.0/"));
        }
    }

    private final Args args;

    public Network(String name, StackContext stack, Args args) {
        super("zebros:network:Network", name, stack);
        this.args = args;
        String cidrPrefix = args.prefix();

        vpc = new Vpc(
                name + "-vpc",
                VpcArgs.builder()
                        .cidrBlock(args.vpcCidr())
                        .enableDnsHostnames(true)
                        .enableDnsSupport(true)
                        .tags(tags(stack.naming().physical("vpc")))
                        .build(),
                child());

        var igw = new InternetGateway(
                name + "-igw",
                InternetGatewayArgs.builder()
                        .vpcId(vpc.id())
                        .tags(tags(stack.naming().physical("igw")))
                        .build(),
                child());
        var publicRoutes = new RouteTable(
                name + "-public",
                RouteTableArgs.builder()
                        .vpcId(vpc.id())
                        .routes(RouteTableRouteArgs.builder()
                                .cidrBlock("0.0.0.0/0")
                                .gatewayId(igw.id())
                                .build())
                        .tags(tags(stack.naming().physical("public")))
                        .build(),
                child());

        subnets(name, cidrPrefix, publicRoutes);
        List<Output<String>> privateRouteTables = privateRouteTables(name, outboundRoutes(name, igw));
        gatewayEndpoints(name, privateRouteTables);
        registerOutputs(Map.of("vpcId", vpc.id()));
    }

    /** Three /20 subnets per zone: public at .0-.47, app at .64-.111, data at .128-.175 of the /16. */
    private void subnets(String name, String cidrPrefix, RouteTable publicRoutes) {
        for (int az = 0; az < StackContext.ZONE_COUNT; az++) {
            publicSubnets.add(subnet(name + "-public-" + az, cidrPrefix + "." + (az * 16) + ".0/20", az, true));
            appSubnets.add(subnet(name + "-app-" + az, cidrPrefix + "." + (64 + az * 16) + ".0/20", az, false));
            dataSubnets.add(subnet(name + "-data-" + az, cidrPrefix + "." + (128 + az * 16) + ".0/20", az, false));
            new RouteTableAssociation(
                    name + "-public-" + az,
                    RouteTableAssociationArgs.builder()
                            .subnetId(publicSubnets.get(az).id())
                            .routeTableId(publicRoutes.id())
                            .build(),
                    child());
        }
    }

    /** The app tier's way out per zone: the phase's NAT gateways, or one NAT instance when it has none. */
    private IntFunction<RouteTableRouteArgs> outboundRoutes(String name, InternetGateway igw) {
        int natCount = args.natGateways();
        if (natCount == 0) {
            var natInstance = new NatInstance(
                    name + "-nat-instance",
                    stack,
                    new NatInstance.Args(
                            vpc.id(), args.vpcCidr(), publicSubnets.get(0).id()),
                    this);
            return az -> RouteTableRouteArgs.builder()
                    .cidrBlock("0.0.0.0/0")
                    .networkInterfaceId(natInstance.networkInterfaceId())
                    .build();
        }
        List<NatGateway> nats = new ArrayList<>();
        for (int i = 0; i < natCount; i++) {
            var eip = new Eip(
                    name + "-nat-" + i,
                    EipArgs.builder()
                            .domain("vpc")
                            .tags(tags(stack.naming().physical("nat-" + i)))
                            .build(),
                    child());
            nats.add(new NatGateway(
                    name + "-nat-" + i,
                    NatGatewayArgs.builder()
                            .allocationId(eip.id())
                            .subnetId(publicSubnets.get(i).id())
                            .tags(tags(stack.naming().physical("nat-" + i)))
                            .build(),
                    childAfter(igw)));
        }
        return az -> RouteTableRouteArgs.builder()
                .cidrBlock("0.0.0.0/0")
                .natGatewayId(nats.get(az % natCount).id())
                .build();
    }

    /** A route table per app subnet with its way out, and one for the data tier with none. */
    private List<Output<String>> privateRouteTables(String name, IntFunction<RouteTableRouteArgs> outbound) {
        List<Output<String>> tables = new ArrayList<>();
        for (int az = 0; az < StackContext.ZONE_COUNT; az++) {
            var appRoutes = new RouteTable(
                    name + "-app-" + az,
                    RouteTableArgs.builder()
                            .vpcId(vpc.id())
                            .routes(outbound.apply(az))
                            .tags(tags(stack.naming().physical("app-" + az)))
                            .build(),
                    child());
            new RouteTableAssociation(
                    name + "-app-" + az,
                    RouteTableAssociationArgs.builder()
                            .subnetId(appSubnets.get(az).id())
                            .routeTableId(appRoutes.id())
                            .build(),
                    child());
            tables.add(appRoutes.id());
        }
        // The data tier has no route out: databases and caches only answer the app tier.
        var dataRoutes = new RouteTable(
                name + "-data",
                RouteTableArgs.builder()
                        .vpcId(vpc.id())
                        .tags(tags(stack.naming().physical("data")))
                        .build(),
                child());
        for (int az = 0; az < StackContext.ZONE_COUNT; az++) {
            new RouteTableAssociation(
                    name + "-data-" + az,
                    RouteTableAssociationArgs.builder()
                            .subnetId(dataSubnets.get(az).id())
                            .routeTableId(dataRoutes.id())
                            .build(),
                    child());
        }
        tables.add(dataRoutes.id());
        return tables;
    }

    /** DynamoDB and S3 reached through gateway endpoints on the private route tables, not the NAT. */
    private void gatewayEndpoints(String name, List<Output<String>> privateRouteTables) {
        for (String service : List.of("dynamodb", "s3")) {
            new VpcEndpoint(
                    name + "-" + service,
                    VpcEndpointArgs.builder()
                            .vpcId(vpc.id())
                            .serviceName("com.amazonaws." + stack.region() + "." + service)
                            .vpcEndpointType("Gateway")
                            .routeTableIds(Output.all(privateRouteTables))
                            .tags(tags(stack.naming().physical(service)))
                            .build(),
                    child());
        }
    }

    private Subnet subnet(String logicalName, String cidr, int az, boolean isPublic) {
        return new Subnet(
                logicalName,
                SubnetArgs.builder()
                        .vpcId(vpc.id())
                        .cidrBlock(cidr)
                        .availabilityZone(stack.zone(az))
                        .mapPublicIpOnLaunch(false)
                        .tags(tags(stack.naming().physical(logicalName.substring(logicalName.indexOf('-') + 1))))
                        .build(),
                child());
    }

    private static Map<String, String> tags(String name) {
        return Map.of("Name", name);
    }

    public Output<String> vpcId() {
        return vpc.id();
    }

    public Output<String> vpcCidr() {
        return vpc.cidrBlock();
    }

    public List<Output<String>> publicSubnetIds() {
        return ids(publicSubnets);
    }

    public List<Output<String>> appSubnetIds() {
        return ids(appSubnets);
    }

    public List<Output<String>> dataSubnetIds() {
        return ids(dataSubnets);
    }

    private static List<Output<String>> ids(List<Subnet> subnets) {
        return subnets.stream().map(Subnet::id).toList();
    }
}
