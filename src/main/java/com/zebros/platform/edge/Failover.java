package com.zebros.platform.edge;

import com.pulumi.aws.route53.HealthCheck;
import com.pulumi.aws.route53.HealthCheckArgs;
import com.pulumi.aws.route53.Record;
import com.pulumi.aws.route53.RecordArgs;
import com.pulumi.aws.route53.inputs.RecordAliasArgs;
import com.pulumi.aws.route53.inputs.RecordFailoverRoutingPolicyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import com.zebros.platform.StackContext;
import com.zebros.platform.ZebrosComponent;
import com.zebros.platform.auth.Keycloak;
import com.zebros.platform.auth.KeycloakLoadBalancer;
import java.util.Map;
import java.util.Optional;

/**
 * This region's half of the Route 53 failover pair. Health checks probe the region's own names
 * ({@code api-<region>}, {@code auth-<region>}), never the shared names, which follow DNS to whichever
 * region is active (https://docs.aws.amazon.com/apigateway/latest/developerguide/dns-failover.html). Each stack writes
 * its own record of each pair, PRIMARY or SECONDARY by role, with its region as the set identifier
 * (https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/resource-record-sets-values-failover-alias.html), and the
 * health check on it (https://docs.aws.amazon.com/apigateway/latest/developerguide/dns-failover.html).
 *
 * <p>Below phase 3 the shared names fail over between the regions' endpoints. In phase 3 CloudFront
 * (owned by the primary) answers the shared names in both records, and the failover moves behind it,
 * to the origin names {@code api-origin} and {@code auth-origin}
 * (https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/RequestAndResponseBehaviorOriginGroups.html:
 * origin groups would retry only GET, HEAD and OPTIONS).
 */
public final class Failover extends ZebrosComponent {
    public static final String API_HEALTH_PATH = "/v1/health";
    public static final String AUTH_HEALTH_PATH = "/realms/" + Keycloak.REALM + "/.well-known/openid-configuration";
    private final HealthCheck apiHealth;
    private final HealthCheck authHealth;
    private final String routing;

    /**
     * What the failover records point at.
     *
     * @param api      the API's regional and origin names
     * @param auth     Keycloak's load balancer
     * @param edge     the distributions' aliases once the phase has CloudFront: the shared names point there and
     *                 the failover moves behind them to the origin names; empty, the shared names fail over
     *                 between the regions themselves
     * @param routing  this stack's failover routing value, {@code PRIMARY} or {@code SECONDARY}: the primary's
     *                 answer while it is healthy
     */
    public record Args(ApiDomain api, KeycloakLoadBalancer auth, Optional<EdgeAliases> edge, String routing) {
        public Args {
            if (!routing.equals("PRIMARY") && !routing.equals("SECONDARY")) {
                throw new IllegalArgumentException("a failover record is PRIMARY or SECONDARY, not " + routing);
            }
        }
    }

    /** The alias records of the API's and Keycloak's CloudFront distributions. */
    public record EdgeAliases(RecordAliasArgs api, RecordAliasArgs auth) {}

    public Failover(String name, StackContext stack, Args args, ComponentResourceOptions options) {
        super("zebros:edge:Failover", name, stack, options);
        ApiDomain api = args.api();
        KeycloakLoadBalancer auth = args.auth();
        routing = args.routing();
        apiHealth = healthCheck(name + "-api-health", ApiDomain.regionalHost(stack), API_HEALTH_PATH);
        authHealth = healthCheck(name + "-auth-health", KeycloakLoadBalancer.regionalHost(stack), AUTH_HEALTH_PATH);
        Optional<EdgeAliases> edge = args.edge();
        record(name + "-api", stack.dns().apiHost(), edge.map(EdgeAliases::api).orElse(api.sharedAlias()), apiHealth);
        record(
                name + "-auth",
                stack.dns().authHost(),
                edge.map(EdgeAliases::auth).orElse(auth.alias()),
                authHealth);
        if (edge.isPresent()) {
            record(name + "-api-origin", ApiDomain.originHost(stack), api.originAlias(), apiHealth);
            record(name + "-auth-origin", KeycloakLoadBalancer.originHost(stack), auth.alias(), authHealth);
        }
        registerOutputs(Map.of("apiHealthCheckId", apiHealth.id(), "authHealthCheckId", authHealth.id()));
    }

    /** This region's API health check, which the runbook inverts to move traffic away. */
    public Output<String> apiHealthCheckId() {
        return apiHealth.id();
    }

    public Output<String> authHealthCheckId() {
        return authHealth.id();
    }

    private HealthCheck healthCheck(String name, String host, String path) {
        return new HealthCheck(
                name,
                HealthCheckArgs.builder()
                        .type("HTTPS")
                        .fqdn(host)
                        .port(443)
                        .resourcePath(path)
                        .enableSni(true)
                        .failureThreshold(3)
                        .requestInterval(30)
                        .measureLatency(true)
                        .referenceName(name.length() > 28 ? name.substring(0, 28) : name)
                        .tags(Map.of("Name", host + path))
                        .build(),
                child());
    }

    private void record(String name, String host, RecordAliasArgs alias, HealthCheck health) {
        new Record(
                name,
                RecordArgs.builder()
                        .zoneId(stack.dns().hostedZoneId())
                        .name(host)
                        .type("A")
                        .setIdentifier(stack.region())
                        .failoverRoutingPolicies(RecordFailoverRoutingPolicyArgs.builder()
                                .type(routing)
                                .build())
                        .healthCheckId(health.id())
                        .aliases(alias)
                        .build(),
                child());
    }

    /** An alias to a CloudFront distribution named by its domain (the secondary reads the primary's). */
    public static RecordAliasArgs cloudFrontAlias(Output<String> distributionDomain) {
        return DnsAlias.cloudFront(distributionDomain);
    }
}
