package com.zebros.platform.edge;

import com.pulumi.aws.Provider;
import com.pulumi.aws.route53.inputs.RecordAliasArgs;
import com.pulumi.core.Alias;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.zebros.platform.StackContext;
import com.zebros.platform.ZebrosComponent;
import com.zebros.platform.auth.Keycloak;
import com.zebros.platform.auth.KeycloakLoadBalancer;
import com.zebros.platform.config.Feature;
import com.zebros.platform.config.PhaseTable;
import com.zebros.platform.config.RoleDecisions;
import com.zebros.platform.global.PrimaryOutputs;
import com.zebros.platform.global.PrimaryStack;
import java.util.List;
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
    private final Optional<Cdn> cdn;
    private final Optional<Failover> failover;

    /** How this stack's CloudFront distributions reach the regions, where it builds them. */
    public enum Distributions {
        /** None here: no CloudFront at this phase, or the primary's serves the pair. */
        NONE,
        /** A standalone's: straight to the stage and the load balancer. */
        TO_REGION,
        /** The primary's: to the origin names that fail over between the regions. */
        TO_FAILOVER_ORIGINS
    }

    /**
     * The layers a phase and the role put in front of the API and Keycloak.
     *
     * @param regionalWaf             a regional web ACL on the stage and the load balancer (with the API's own names)
     * @param cloudFront              CloudFront answers the shared names (this stack's or the primary's)
     * @param wafRequestsPerIpPer5Min the web ACLs' rate limit per IP
     * @param apiDomain               the API has custom domains of its own
     * @param distributions           whether this stack builds the distributions, and where they send requests
     * @param failoverRouting         in a region pair, this stack's failover routing value; empty in a standalone,
     *                                which points the shared names straight at its outermost layer
     */
    public record Layers(
            boolean regionalWaf,
            boolean cloudFront,
            int wafRequestsPerIpPer5Min,
            boolean apiDomain,
            Distributions distributions,
            Optional<String> failoverRouting) {
        public static Layers forStack(PhaseTable phases, RoleDecisions decisions) {
            Distributions distributions = !decisions.ownsCloudFront()
                    ? Distributions.NONE
                    : decisions.cloudFrontThroughFailoverOrigins()
                            ? Distributions.TO_FAILOVER_ORIGINS
                            : Distributions.TO_REGION;
            boolean regionalWaf = phases.has(Feature.CUSTOM_API_DOMAIN_AND_WAF);
            Optional<String> failoverRouting =
                    decisions.inRegionPair() ? Optional.of(decisions.failoverRecordRole()) : Optional.empty();
            return new Layers(
                    regionalWaf,
                    phases.has(Feature.CLOUDFRONT),
                    regionalWaf ? phases.wafRequestsPerIpPer5Min() : 0,
                    decisions.hasApiDomain(),
                    distributions,
                    failoverRouting);
        }
    }

    /**
     * What the edge fronts, where it runs, and the layers in front of it.
     *
     * @param api          the REST API
     * @param keycloak     Keycloak and its load balancer
     * @param edgeProvider the us-east-1 provider, where the stack owns CloudFront
     * @param primary      the primary, in a secondary: its distributions' names
     * @param originSecret the header CloudFront adds and the regional web ACL requires ({@link OriginSecret})
     */
    public record Args(
            RestApi api,
            Keycloak keycloak,
            Optional<Provider> edgeProvider,
            Optional<PrimaryStack> primary,
            Output<String> originSecret,
            Layers layers) {}

    public Edge(String name, StackContext stack, Args args) {
        super("zebros:edge:Edge", name, stack);
        Layers layers = args.layers();
        RestApi api = args.api();
        Keycloak keycloak = args.keycloak();
        Optional<ApiDomain> domain = layers.apiDomain()
                ? Optional.of(new ApiDomain(
                        name + "-api-domain",
                        stack,
                        new ApiDomain.Args(api, layers.failoverRouting().isPresent()),
                        childComponent()))
                : Optional.empty();
        if (layers.regionalWaf()) {
            regionalAcl(name, args);
        }
        cdn = layers.distributions() != Distributions.NONE ? Optional.of(distributions(name, args)) : Optional.empty();
        if (layers.failoverRouting().isPresent()) {
            failover = Optional.of(new Failover(
                    name + "-failover",
                    stack,
                    new Failover.Args(
                            domain.orElseThrow(),
                            keycloak.loadBalancer(),
                            edgeAliases(args, cdn),
                            layers.failoverRouting().get()),
                    childComponent()));
        } else {
            failover = Optional.empty();
            Optional<RecordAliasArgs> apiAlias = cdn.map(Cdn::apiAlias).or(() -> domain.map(ApiDomain::sharedAlias));
            apiAlias.ifPresent(alias -> sharedRecord(name + "-api", stack.dns().apiHost(), alias, child()));
            sharedAuthRecord(name, keycloak.loadBalancer(), cdn);
        }
        registerOutputs(Map.of());
    }

    /** The regional web ACL on the stage and the load balancer; behind CloudFront it also requires the origin header. */
    private void regionalAcl(String name, Args args) {
        Layers layers = args.layers();
        String metricPrefix = stack.naming().physical("regional");
        int ratePerIp = layers.wafRequestsPerIpPer5Min();
        Output<String> rules = layers.cloudFront()
                ? new OriginHeaderPattern(name + "-origin-header", stack, args.originSecret(), child())
                        .arn()
                        .applyValue(patternSet -> regionalRules(metricPrefix, ratePerIp, Optional.of(patternSet)))
                : Output.of(regionalRules(metricPrefix, ratePerIp, Optional.empty()));
        var acl = new WebAcl(name + "-waf", stack.naming().physical("regional"), "REGIONAL", rules, child());
        acl.protect("api", args.api().stageArn());
        acl.protect("auth", args.keycloak().loadBalancer().arn());
    }

    /**
     * The distributions, where this stack owns them: one per name, owned by the primary in a pair, because the same
     * alias cannot sit on two (https://docs.aws.amazon.com/Route53/latest/APIReference/API_AliasTarget.html).
     */
    private Cdn distributions(String name, Args args) {
        Layers layers = args.layers();
        Provider edgeProvider = args.edgeProvider().orElseThrow();
        return layers.distributions() == Distributions.TO_FAILOVER_ORIGINS
                ? new Cdn(
                        name + "-cdn",
                        stack,
                        new Cdn.Args(
                                edgeProvider,
                                Output.of(ApiDomain.originHost(stack)),
                                "",
                                KeycloakLoadBalancer.originHost(stack),
                                layers.wafRequestsPerIpPer5Min(),
                                args.originSecret()),
                        childComponent())
                : new Cdn(
                        name + "-cdn",
                        stack,
                        new Cdn.Args(
                                edgeProvider,
                                args.api().originHost(),
                                "/" + RestApi.STAGE,
                                KeycloakLoadBalancer.regionalHost(stack),
                                layers.wafRequestsPerIpPer5Min(),
                                args.originSecret()),
                        childComponent());
    }

    /** Where a pair's shared names point once the phase has CloudFront: this stack's distributions or the primary's. */
    private Optional<Failover.EdgeAliases> edgeAliases(Args args, Optional<Cdn> cdn) {
        Layers layers = args.layers();
        if (!layers.cloudFront()) {
            return Optional.empty();
        }
        if (cdn.isPresent()) {
            return Optional.of(
                    new Failover.EdgeAliases(cdn.get().apiAlias(), cdn.get().authAlias()));
        }
        PrimaryStack primary = args.primary().orElseThrow();
        return Optional.of(new Failover.EdgeAliases(
                Failover.cloudFrontAlias(primary.string(PrimaryOutputs.API_DISTRIBUTION_DOMAIN)),
                Failover.cloudFrontAlias(primary.string(PrimaryOutputs.AUTH_DISTRIBUTION_DOMAIN))));
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

    private void sharedRecord(String name, String host, RecordAliasArgs alias, CustomResourceOptions options) {
        DnsAlias.record(name, stack.dns().hostedZoneId(), host, alias, options);
    }

    /**
     * The shared auth name of a standalone stack: Keycloak's load balancer until CloudFront arrives, then CloudFront.
     * One record in every phase, so a promotion updates its target in place: Route 53 keeps one record of a name and
     * type in a zone, and a second resource creating it while the first still exists fails
     * (https://docs.aws.amazon.com/Route53/latest/APIReference/API_ChangeResourceRecordSets.html). Before this, the
     * load balancer's component held the record until phase 3; the alias carries a stack deployed then
     * (https://www.pulumi.com/docs/iac/concepts/options/aliases/).
     */
    private void sharedAuthRecord(String name, KeycloakLoadBalancer loadBalancer, Optional<Cdn> cdn) {
        RecordAliasArgs target = cdn.map(Cdn::authAlias).orElseGet(loadBalancer::alias);
        // parent before name: pulumi-java 1.36.1's Alias.Builder.parent refuses a builder whose name is already set.
        var formerPlace = Alias.builder()
                .parent(loadBalancer)
                .name(loadBalancer.pulumiResourceName() + "-shared")
                .build();
        sharedRecord(
                name + "-auth",
                stack.dns().authHost(),
                target,
                CustomResourceOptions.builder()
                        .parent(this)
                        .provider(stack.provider())
                        .aliases(List.of(Output.of(formerPlace)))
                        .build());
    }

    /** The failover records and health checks of a region pair's stack. */
    public Optional<Failover> failover() {
        return failover;
    }

    public Optional<Cdn> cdn() {
        return cdn;
    }
}
