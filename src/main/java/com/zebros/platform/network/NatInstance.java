package com.zebros.platform.network;

import com.pulumi.aws.ec2.Ec2Functions;
import com.pulumi.aws.ec2.Instance;
import com.pulumi.aws.ec2.InstanceArgs;
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.ec2.inputs.GetAmiArgs;
import com.pulumi.aws.ec2.inputs.GetAmiFilterArgs;
import com.pulumi.aws.ec2.inputs.InstanceMaintenanceOptionsArgs;
import com.pulumi.aws.ec2.inputs.InstanceMetadataOptionsArgs;
import com.pulumi.aws.ec2.inputs.InstanceRootBlockDeviceArgs;
import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import com.zebros.platform.StackContext;
import java.util.List;

/**
 * The private subnets' way out in phases 0 and 1: a t4g.nano instance that forwards and masquerades,
 * about $7 a month with its address against $36.50 for a NAT gateway and its address, which is the
 * largest idle cost after the seeds' floor (Aurora, one Keycloak task, one load balancer). Tasks stay
 * private. It is one instance in one AZ, like a single NAT gateway would be, with EC2 auto-recovery;
 * phase 2 replaces it by a NAT gateway per AZ.
 */
final class NatInstance {
    static final String INSTANCE_TYPE = "t4g.nano";

    /** Amazon Linux 2023: forward, and masquerade everything leaving through the instance's interface. */
    static final String USER_DATA = """
            #!/bin/bash
            set -euo pipefail
            dnf install -y iptables-services
            echo 'net.ipv4.ip_forward = 1' > /etc/sysctl.d/90-nat.conf
            sysctl --system
            interface=$(ip route show default | awk '{print $5}')
            iptables -t nat -A POSTROUTING -o "$interface" -j MASQUERADE
            iptables -F FORWARD
            service iptables save
            systemctl enable --now iptables
            """;

    private final Instance instance;

    /**
     * @param vpcId        the VPC it forwards for
     * @param vpcCidr      the addresses it accepts traffic from
     * @param publicSubnet where it runs, with a public address
     */
    record Args(Output<String> vpcId, String vpcCidr, Output<String> publicSubnet) {}

    NatInstance(String name, StackContext stack, Args args, Resource parent) {
        Output<String> vpcId = args.vpcId();
        String vpcCidr = args.vpcCidr();
        Output<String> publicSubnet = args.publicSubnet();
        var options = CustomResourceOptions.builder()
                .parent(parent)
                .provider(stack.provider())
                .build();
        var security = new SecurityGroup(
                name + "-sg",
                SecurityGroupArgs.builder()
                        .name(stack.naming().physical("nat"))
                        .description("NAT instance: anything from inside the VPC, out to the internet")
                        .vpcId(vpcId)
                        .build(),
                options);
        SecurityRule.create(
                security.id(),
                List.of(
                        SecurityRule.allFromRange(name + "-from-vpc", Output.of(vpcCidr), "traffic to forward"),
                        SecurityRule.allToRange(name + "-out", SecurityRule.anywhere(), "forwarded traffic")),
                options);
        Output<String> ami = Ec2Functions.getAmi(
                        GetAmiArgs.builder()
                                .owners("amazon")
                                .mostRecent(true)
                                .filters(GetAmiFilterArgs.builder()
                                        .name("name")
                                        .values("al2023-ami-2023.*-kernel-*-arm64")
                                        .build())
                                .build(),
                        InvokeOptions.builder().provider(stack.provider()).build())
                .applyValue(result -> result.id());
        instance = new Instance(
                name,
                InstanceArgs.builder()
                        .ami(ami)
                        .instanceType(INSTANCE_TYPE)
                        .subnetId(publicSubnet)
                        .associatePublicIpAddress(true)
                        .sourceDestCheck(false)
                        .vpcSecurityGroupIds(security.id().applyValue(List::of))
                        .userData(USER_DATA)
                        .metadataOptions(InstanceMetadataOptionsArgs.builder()
                                .httpTokens("required")
                                .httpEndpoint("enabled")
                                .build())
                        .rootBlockDevice(InstanceRootBlockDeviceArgs.builder()
                                .encrypted(true)
                                .volumeType("gp3")
                                .volumeSize(8)
                                .build())
                        .maintenanceOptions(InstanceMaintenanceOptionsArgs.builder()
                                .autoRecovery("default")
                                .build())
                        .tags(java.util.Map.of("Name", stack.naming().physical("nat")))
                        .build(),
                CustomResourceOptions.builder()
                        .parent(parent)
                        .provider(stack.provider())
                        // A newer AMI must not replace a working router on the next deployment.
                        .ignoreChanges(List.of("ami"))
                        .build());
    }

    Output<String> networkInterfaceId() {
        return instance.primaryNetworkInterfaceId();
    }
}
