package com.zebros.platform.edge;

import com.pulumi.aws.Provider;
import com.pulumi.aws.route53.Record;
import com.pulumi.aws.route53.RecordArgs;
import com.pulumi.aws.route53.inputs.RecordAliasArgs;
import com.pulumi.core.Output;
import com.zebros.platform.StackContext;
import com.zebros.platform.ZebrosComponent;
import com.zebros.platform.auth.Keycloak;
import com.zebros.platform.auth.KeycloakLoadBalancer;
import java.util.Map;
import java.util.Optional;

/**
 * The public entry points as the phase grows them. Phase 2: the API's custom domain and a regional
 * web ACL (AWS managed rules and a rate limit per IP) on the REST stage and the auth load balancer.
 * Phase 3: CloudFront in front of both, with its own web ACL at the edge; the regional ACL then also
 * refuses whatever did not come through CloudFront. A standalone stack points the shared names at
 * the outermost layer; the global layer's failover records take that job in a region pair.
 */
public final class Edge extends ZebrosComponent {
    private ApiDomain domain;
    private Cdn cdn;

    public Edge(String name, StackContext stack, RestApi api, Keycloak keycloak, Optional<Provider> edgeProvider) {
        super("zebros:edge:Edge", name, stack);
        var phases = stack.phases();
        var settings = stack.settings();
        if (phases.hasCustomApiDomainAndWaf()) {
            domain = new ApiDomain(name + "-api-domain", stack, api, childComponent());
            WebAclRules rules = new WebAclRules(stack.naming().physical("regional"));
            if (phases.hasCloudFront()) {
                rules.requireOriginHeader(OriginSecret.derive(settings));
            }
            rules.managedGroups().rateLimitPerIp(phases.wafRequestsPerIpPer5Min());
            var acl = new WebAcl(name + "-waf", stack.naming().physical("regional"), "REGIONAL",
                    Output.of(rules.toJson()), child());
            acl.protect("api", api.stageArn());
            acl.protect("auth", keycloak.loadBalancer().arn());
        }
        if (phases.hasCloudFront()) {
            cdn = new Cdn(name + "-cdn", stack, edgeProvider.orElseThrow(), api.originHost(),
                    KeycloakLoadBalancer.regionalHost(stack), childComponent());
        }
        if (!settings.role().isGlobal()) {
            sharedRecord(name + "-api", settings.apiHost(), apiAlias());
            if (cdn != null) {
                sharedRecord(name + "-auth", settings.authHost(), cdn.authAlias());
            }
        }
        registerOutputs(Map.of());
    }

    /** Where {@code api.<domain>} points: CloudFront, else the custom domain, else nothing yet. */
    private RecordAliasArgs apiAlias() {
        if (cdn != null) {
            return cdn.apiAlias();
        }
        return domain == null ? null : domain.sharedAlias();
    }

    private void sharedRecord(String name, String host, RecordAliasArgs alias) {
        if (alias == null) {
            return;
        }
        new Record(name, RecordArgs.builder()
                .zoneId(stack.settings().hostedZoneId())
                .name(host)
                .type("A")
                .aliases(alias)
                .build(), child());
    }
}
