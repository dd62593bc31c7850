package com.zebros.platform.edge;

import com.pulumi.aws.Provider;
import com.pulumi.aws.route53.inputs.RecordAliasArgs;
import com.pulumi.core.Output;
import com.zebros.platform.StackContext;
import com.zebros.platform.ZebrosComponent;
import com.zebros.platform.auth.Keycloak;
import com.zebros.platform.auth.KeycloakLoadBalancer;
import com.zebros.platform.config.PhaseTable;
import com.zebros.platform.global.PrimaryOutputs;
import com.zebros.platform.global.PrimaryStack;
import java.util.Map;
import java.util.Optional;

/**
 * The public entry points as the phase and the role grow them. Phase 2: the API's custom domain and
 * a regional web ACL (AWS managed rules and a rate limit per IP) on the REST stage and the auth load
 * balancer. Phase 3: CloudFront in front of both, with its own web ACL at the edge; the regional ACL
 * then also refuses whatever did not come through CloudFront. A standalone stack points the shared
 * names at the outermost layer; in a region pair each stack writes its half of the failover records,
 * and the API has its custom domains from phase 0, because failover records need a regional target.
 */
public final class Edge extends ZebrosComponent {
    private Cdn cdn;
    private Failover failover;

    /**
     * The layers in front of the API and Keycloak, by phase.
     *
     * @param regionalWaf         a regional web ACL on the stage and the load balancer (with the API's own names)
     * @param cloudFront          CloudFront in front of both, where the stack owns it ({@code RoleDecisions})
     * @param wafRequestsPerIpPer5Min the web ACLs' rate limit per IP
     */
    public record Layers(boolean regionalWaf, boolean cloudFront, int wafRequestsPerIpPer5Min) {
        public static Layers forPhase(PhaseTable phases) {
            return new Layers(phases.hasCustomApiDomainAndWaf(), phases.hasCloudFront(),
                    phases.hasCustomApiDomainAndWaf() ? phases.wafRequestsPerIpPer5Min() : 0);
        }
    }

    /**
     * What the edge fronts and where it runs.
     *
     * @param api          the REST API
     * @param keycloak     Keycloak and its load balancer
     * @param edgeProvider the us-east-1 provider, where the stack owns CloudFront
     * @param primary      the primary, in a secondary: its distributions' names
     */
    public record Wiring(RestApi api, Keycloak keycloak, Optional<Provider> edgeProvider, Optional<PrimaryStack> primary) {
    }

    public Edge(String name, StackContext stack, Wiring wiring, Layers layers) {
        super("zebros:edge:Edge", name, stack);
        RestApi api = wiring.api();
        Keycloak keycloak = wiring.keycloak();
        Optional<Provider> edgeProvider = wiring.edgeProvider();
        Optional<PrimaryStack> primary = wiring.primary();
        var decisions = stack.decisions();
        ApiDomain domain = decisions.hasApiDomain()
                ? new ApiDomain(name + "-api-domain", stack, api, childComponent()) : null;
        if (layers.regionalWaf()) {
            String metricPrefix = stack.naming().physical("regional");
            int ratePerIp = layers.wafRequestsPerIpPer5Min();
            Output<String> rules = layers.cloudFront()
                    ? new OriginHeaderPattern(name + "-origin-header", stack, child()).arn()
                            .applyValue(patternSet -> regionalRules(metricPrefix, ratePerIp, Optional.of(patternSet)))
                    : Output.of(regionalRules(metricPrefix, ratePerIp, Optional.empty()));
            var acl = new WebAcl(name + "-waf", stack.naming().physical("regional"), "REGIONAL", rules, child());
            acl.protect("api", api.stageArn());
            acl.protect("auth", keycloak.loadBalancer().arn());
        }
        if (decisions.ownsCloudFront()) {
            // One distribution per name, owned by the primary: the same alias cannot sit on two (docs/aws-constraints.md#R53-05).
            cdn = decisions.cloudFrontThroughFailoverOrigins()
                    ? new Cdn(name + "-cdn", stack, new Cdn.Args(edgeProvider.orElseThrow(),
                            Output.of(ApiDomain.originHost(stack)), "", KeycloakLoadBalancer.originHost(stack),
                            layers.wafRequestsPerIpPer5Min()), childComponent())
                    : new Cdn(name + "-cdn", stack, new Cdn.Args(edgeProvider.orElseThrow(), api.originHost(),
                            "/" + RestApi.STAGE, KeycloakLoadBalancer.regionalHost(stack),
                            layers.wafRequestsPerIpPer5Min()), childComponent());
        }
        if (decisions.inRegionPair()) {
            RecordAliasArgs apiEdge = null;
            RecordAliasArgs authEdge = null;
            if (layers.cloudFront()) {
                apiEdge = cdn != null ? cdn.apiAlias()
                        : Failover.cloudFrontAlias(primary.orElseThrow().string(PrimaryOutputs.API_DISTRIBUTION_DOMAIN));
                authEdge = cdn != null ? cdn.authAlias()
                        : Failover.cloudFrontAlias(primary.orElseThrow().string(PrimaryOutputs.AUTH_DISTRIBUTION_DOMAIN));
            }
            failover = new Failover(name + "-failover", stack,
                    new Failover.Args(domain, keycloak.loadBalancer(), apiEdge, authEdge), childComponent());
        } else {
            RecordAliasArgs apiAlias = cdn != null ? cdn.apiAlias() : domain == null ? null : domain.sharedAlias();
            if (apiAlias != null) {
                sharedRecord(name + "-api", stack.dns().apiHost(), apiAlias);
            }
            if (cdn != null) {
                sharedRecord(name + "-auth", stack.dns().authHost(), cdn.authAlias());
            }
        }
        registerOutputs(Map.of());
    }

    /** Behind CloudFront (an origin-header pattern set given) the regional ACL limits the forwarded client address. */
    private static String regionalRules(String metricPrefix, int ratePerIp, Optional<String> originHeaderPatternSet) {
        var rules = new WebAclRules(metricPrefix);
        originHeaderPatternSet.ifPresent(rules::requireOriginHeader);
        rules.managedGroups();
        if (originHeaderPatternSet.isPresent()) {
            rules.rateLimitPerForwardedIp(ratePerIp);
        } else {
            rules.rateLimitPerIp(ratePerIp);
        }
        return rules.toJson();
    }

    private void sharedRecord(String name, String host, RecordAliasArgs alias) {
        DnsAlias.record(name, stack.dns().hostedZoneId(), host, alias, child());
    }

    /** The failover records and health checks of a region pair's stack. */
    public Optional<Failover> failover() {
        return Optional.ofNullable(failover);
    }

    public Optional<Cdn> cdn() {
        return Optional.ofNullable(cdn);
    }
}
