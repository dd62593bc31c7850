package com.zebros.platform.auth;

import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.lb.Listener;
import com.pulumi.aws.lb.ListenerArgs;
import com.pulumi.aws.lb.LoadBalancer;
import com.pulumi.aws.lb.LoadBalancerArgs;
import com.pulumi.aws.lb.TargetGroup;
import com.pulumi.aws.lb.TargetGroupArgs;
import com.pulumi.aws.lb.inputs.ListenerDefaultActionArgs;
import com.pulumi.aws.lb.inputs.ListenerDefaultActionRedirectArgs;
import com.pulumi.aws.lb.inputs.TargetGroupHealthCheckArgs;
import com.pulumi.aws.route53.inputs.RecordAliasArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import com.zebros.platform.StackContext;
import com.zebros.platform.ZebrosComponent;
import com.zebros.platform.config.RoleDecisions;
import com.zebros.platform.edge.DnsAlias;
import com.zebros.platform.edge.ValidatedCertificate;
import com.zebros.platform.network.Network;
import com.zebros.platform.network.SecurityRule;
import java.util.List;
import java.util.Map;

/**
 * The seeds' "AuthLB": an internet-facing ALB that ends TLS for Keycloak. HTTPS only with a TLS 1.3
 * policy (port 80 just redirects), invalid headers dropped, and the target health check on
 * Keycloak's management port 9000, which is never routed publicly (https://www.keycloak.org/server/reverseproxy).
 */
public final class KeycloakLoadBalancer extends ZebrosComponent {
    public static final int HTTP_PORT = 8080;
    public static final int MANAGEMENT_PORT = 9000;
    public static final String TLS_POLICY = "ELBSecurityPolicy-TLS13-1-2-2021-06";

    private final SecurityGroup securityGroup;
    private final LoadBalancer loadBalancer;
    private final TargetGroup targetGroup;
    private final Listener httpsListener;

    /**
     * Which names the load balancer answers besides its region's own.
     *
     * @param failoverOrigin in a region pair: the origin name both regions serve behind CloudFront
     *                       ({@code auth-origin.<domain>}), on the certificate
     */
    public record Names(boolean failoverOrigin) {
        public static Names of(RoleDecisions decisions) {
            return new Names(decisions.inRegionPair());
        }
    }

    /**
     * @param network the VPC whose public subnets the load balancer spans
     * @param names   the names it answers
     */
    public record Args(Network network, Names names) {}

    public KeycloakLoadBalancer(String name, StackContext stack, Args args, ComponentResourceOptions options) {
        super("zebros:auth:KeycloakLoadBalancer", name, stack, options);
        Network network = args.network();
        var naming = stack.naming();

        securityGroup = new SecurityGroup(
                name + "-sg",
                SecurityGroupArgs.builder()
                        .name(naming.physical("auth-alb"))
                        .description("Keycloak load balancer: HTTPS from anywhere")
                        .vpcId(network.vpcId())
                        .build(),
                child());
        SecurityRule.create(
                securityGroup.id(),
                List.of(
                        SecurityRule.inFromRange(name + "-in-443-v4", 443, SecurityRule.anywhere(), "HTTPS"),
                        SecurityRule.inFromRange(
                                name + "-in-80-v4", 80, SecurityRule.anywhere(), "HTTP, redirected to HTTPS")),
                child());

        loadBalancer = new LoadBalancer(
                name,
                LoadBalancerArgs.builder()
                        .name(naming.physical("auth"))
                        .loadBalancerType("application")
                        .internal(false)
                        .securityGroups(securityGroup.id().applyValue(List::of))
                        .subnets(Output.all(network.publicSubnetIds()))
                        .dropInvalidHeaderFields(true)
                        .enableDeletionProtection(stack.deletionProtection())
                        .idleTimeout(60)
                        .build(),
                child());

        targetGroup = keycloakTargets(name, network);

        List<String> names = args.names().failoverOrigin()
                ? List.of(stack.dns().authHost(), regionalHost(stack), originHost(stack))
                : List.of(stack.dns().authHost(), regionalHost(stack));
        var certificate = new ValidatedCertificate(
                name + "-certificate", names, stack.dns().hostedZoneId(), child());

        httpsListener = listeners(name, certificate);

        // The region's own name: what health checks probe, never the shared failover name
        // (https://docs.aws.amazon.com/apigateway/latest/developerguide/dns-failover.html).
        DnsAlias.record(name + "-regional", stack.dns().hostedZoneId(), regionalHost(stack), alias(), child());
        // The shared auth name is the edge's: Edge points it here while a standalone stack has no CloudFront.
        registerOutputs(Map.of("dnsName", loadBalancer.dnsName()));
    }

    /** Keycloak's tasks by IP, health-checked on the management port's readiness endpoint. */
    private TargetGroup keycloakTargets(String name, Network network) {
        var naming = stack.naming();
        return new TargetGroup(
                name + "-keycloak",
                TargetGroupArgs.builder()
                        .name(naming.physical("kc"))
                        .port(HTTP_PORT)
                        .protocol("HTTP")
                        .targetType("ip")
                        .vpcId(network.vpcId())
                        .deregistrationDelay(30)
                        .healthCheck(TargetGroupHealthCheckArgs.builder()
                                .enabled(true)
                                .port(String.valueOf(MANAGEMENT_PORT))
                                .protocol("HTTP")
                                .path("/health/ready")
                                .matcher("200")
                                .interval(15)
                                .healthyThreshold(2)
                                .unhealthyThreshold(3)
                                .build())
                        .build(),
                child());
    }

    /** HTTPS to Keycloak with the stack's certificate; HTTP only redirects. Answers the HTTPS listener. */
    private Listener listeners(String name, ValidatedCertificate certificate) {
        var https = new Listener(
                name + "-https",
                ListenerArgs.builder()
                        .loadBalancerArn(loadBalancer.arn())
                        .port(443)
                        .protocol("HTTPS")
                        .sslPolicy(TLS_POLICY)
                        .certificateArn(certificate.validatedArn())
                        .defaultActions(ListenerDefaultActionArgs.builder()
                                .type("forward")
                                .targetGroupArn(targetGroup.arn())
                                .build())
                        .build(),
                child());
        new Listener(
                name + "-http",
                ListenerArgs.builder()
                        .loadBalancerArn(loadBalancer.arn())
                        .port(80)
                        .protocol("HTTP")
                        .defaultActions(ListenerDefaultActionArgs.builder()
                                .type("redirect")
                                .redirect(ListenerDefaultActionRedirectArgs.builder()
                                        .protocol("HTTPS")
                                        .port("443")
                                        .statusCode("HTTP_301")
                                        .build())
                                .build())
                        .build(),
                child());
        return https;
    }

    /**
     * In a region pair, the failover name CloudFront's auth origin uses
     * (https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/RequestAndResponseBehaviorOriginGroups.html).
     */
    public static String originHost(StackContext stack) {
        return "auth-origin." + stack.dns().domain();
    }

    public static String regionalHost(StackContext stack) {
        return "auth-" + stack.region() + "." + stack.dns().domain();
    }

    /** Lets the ALB reach the tasks on the traffic and management ports, and only those. */
    public void allowTargets(String name, Output<String> taskSecurityGroupId) {
        SecurityRule.create(
                securityGroup.id(),
                List.of(
                        SecurityRule.outTo(
                                name + "-out-" + HTTP_PORT,
                                HTTP_PORT,
                                taskSecurityGroupId,
                                "to Keycloak on " + HTTP_PORT),
                        SecurityRule.outTo(
                                name + "-out-" + MANAGEMENT_PORT,
                                MANAGEMENT_PORT,
                                taskSecurityGroupId,
                                "to Keycloak on " + MANAGEMENT_PORT)),
                child());
    }

    public Output<String> securityGroupId() {
        return securityGroup.id();
    }

    public Output<String> targetGroupArn() {
        return targetGroup.arn();
    }

    public Output<String> dnsName() {
        return loadBalancer.dnsName();
    }

    public RecordAliasArgs alias() {
        return DnsAlias.regional(loadBalancer.dnsName(), loadBalancer.zoneId());
    }

    public Output<String> zoneId() {
        return loadBalancer.zoneId();
    }

    public Output<String> arn() {
        return loadBalancer.arn();
    }

    public Listener httpsListener() {
        return httpsListener;
    }
}
