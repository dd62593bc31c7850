package com.zebros.platform.edge;

import com.pulumi.aws.Provider;
import com.pulumi.aws.cloudfront.Distribution;
import com.pulumi.aws.cloudfront.DistributionArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionDefaultCacheBehaviorArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionOriginArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionOriginCustomHeaderArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionOriginCustomOriginConfigArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionRestrictionsArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionRestrictionsGeoRestrictionArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionViewerCertificateArgs;
import com.pulumi.aws.route53.inputs.RecordAliasArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.zebros.platform.StackContext;
import com.zebros.platform.ZebrosComponent;
import java.util.List;
import java.util.Map;

/**
 * Phase 3: CloudFront in front of the API and of Keycloak. The certificate and the CLOUDFRONT-scope
 * web ACL live in us-east-1 whatever the stack's region
 * (https://docs.aws.amazon.com/acm/latest/userguide/acm-regions.html,
 * https://docs.aws.amazon.com/waf/latest/developerguide/how-aws-waf-works-resources.html), through a second provider.
 * The API origin forwards every viewer header but Host, Authorization included, with caching disabled
 * (https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-managed-origin-request-policies.html,
 * https://repost.aws/knowledge-center/cloudfront-authorization-header: a custom origin request policy cannot carry
 * Authorization, and a cached answer must never reach another user). Every origin request carries the edge's secret
 * header; the regional web ACL refuses requests without it, so the edge cannot be bypassed.
 */
public final class Cdn extends ZebrosComponent {
    /** AWS managed policies (CloudFront "Use managed cache/origin request policies"). */
    public static final String CACHING_DISABLED = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad";

    public static final String ALL_VIEWER_EXCEPT_HOST = "b689b0a8-53d0-40ab-baf2-68738e2966ac";
    public static final String ALL_VIEWER = "216adef6-5c7f-47e4-b989-5492eafa07d3";
    /**
     * The hosted zone of every CloudFront distribution, for alias records
     * (https://docs.aws.amazon.com/Route53/latest/APIReference/API_AliasTarget.html).
     */
    public static final String CLOUDFRONT_ZONE = "Z2FDTNDATAQYW2";

    private final Distribution api;
    private final Distribution auth;

    /**
     * Where the distributions send requests, and how the edge is guarded.
     *
     * @param edgeProvider            the us-east-1 provider CloudFront's certificate and web ACL need
     * @param apiOriginHost           the API's origin: the failover origin name in a pair, else the stage's host
     * @param apiOriginPath           the path before every API request at the origin ("/live" for a stage host)
     * @param authOriginHost          Keycloak's origin host
     * @param wafRequestsPerIpPer5Min the edge web ACL's rate limit per IP
     * @param originSecret            the header value every origin request carries ({@link OriginSecret}), a secret
     */
    public record Args(
            Provider edgeProvider,
            Output<String> apiOriginHost,
            String apiOriginPath,
            String authOriginHost,
            int wafRequestsPerIpPer5Min,
            Output<String> originSecret) {}

    public Cdn(String name, StackContext stack, Args args, ComponentResourceOptions options) {
        super("zebros:edge:Cdn", name, stack, options);
        Provider edgeProvider = args.edgeProvider();
        Output<String> apiOriginHost = args.apiOriginHost();
        String apiOriginPath = args.apiOriginPath();
        String authOriginHost = args.authOriginHost();
        int wafRequestsPerIpPer5Min = args.wafRequestsPerIpPer5Min();
        var edge = CustomResourceOptions.builder()
                .parent(this)
                .provider(edgeProvider)
                .build();
        var certificate = new ValidatedCertificate(
                name + "-certificate",
                List.of(stack.dns().apiHost(), stack.dns().authHost()),
                stack.dns().hostedZoneId(),
                edge);
        var acl = new WebAcl(
                name + "-waf",
                stack.naming().physical("edge"),
                "CLOUDFRONT",
                Output.of(new WebAclRules(stack.naming().physical("edge"))
                        .managedGroups()
                        .rateLimitPerIp(wafRequestsPerIpPer5Min)
                        .toJson()),
                edge);
        Output<String> secret = args.originSecret();
        api = distribution(
                name + "-api",
                stack.dns().apiHost(),
                apiOriginHost,
                apiOriginPath,
                ALL_VIEWER_EXCEPT_HOST,
                secret,
                certificate,
                acl);
        auth = distribution(
                name + "-auth",
                stack.dns().authHost(),
                Output.of(authOriginHost),
                "",
                ALL_VIEWER,
                secret,
                certificate,
                acl);
        registerOutputs(Map.of("apiDomain", api.domainName(), "authDomain", auth.domainName()));
    }

    private Distribution distribution(
            String name,
            String alias,
            Output<String> originHost,
            String originPath,
            String originRequestPolicy,
            Output<String> secret,
            ValidatedCertificate certificate,
            WebAcl acl) {
        return new Distribution(
                name,
                DistributionArgs.builder()
                        .enabled(true)
                        .comment("Zebros CRM " + alias)
                        .aliases(alias)
                        .httpVersion("http2and3")
                        .priceClass("PriceClass_100")
                        .webAclId(acl.arn())
                        .origins(DistributionOriginArgs.builder()
                                .originId("origin")
                                .domainName(originHost)
                                .originPath(originPath)
                                .customHeaders(DistributionOriginCustomHeaderArgs.builder()
                                        .name(OriginSecret.HEADER)
                                        .value(secret)
                                        .build())
                                .customOriginConfig(DistributionOriginCustomOriginConfigArgs.builder()
                                        .httpPort(80)
                                        .httpsPort(443)
                                        .originProtocolPolicy("https-only")
                                        .originSslProtocols("TLSv1.2")
                                        .build())
                                .build())
                        .defaultCacheBehavior(DistributionDefaultCacheBehaviorArgs.builder()
                                .targetOriginId("origin")
                                .viewerProtocolPolicy("redirect-to-https")
                                .allowedMethods("GET", "HEAD", "OPTIONS", "PUT", "POST", "PATCH", "DELETE")
                                .cachedMethods("GET", "HEAD")
                                .cachePolicyId(CACHING_DISABLED)
                                .originRequestPolicyId(originRequestPolicy)
                                .compress(true)
                                .build())
                        .viewerCertificate(DistributionViewerCertificateArgs.builder()
                                .acmCertificateArn(certificate.validatedArn())
                                .sslSupportMethod("sni-only")
                                .minimumProtocolVersion("TLSv1.2_2021")
                                .build())
                        .restrictions(DistributionRestrictionsArgs.builder()
                                .geoRestriction(DistributionRestrictionsGeoRestrictionArgs.builder()
                                        .restrictionType("none")
                                        .build())
                                .build())
                        .build(),
                child());
    }

    public Output<String> apiDomain() {
        return api.domainName();
    }

    public Output<String> authDomain() {
        return auth.domainName();
    }

    public RecordAliasArgs apiAlias() {
        return alias(api);
    }

    public RecordAliasArgs authAlias() {
        return alias(auth);
    }

    /**
     * CloudFront aliases never evaluate target health
     * (https://docs.aws.amazon.com/Route53/latest/APIReference/API_AliasTarget.html).
     */
    private static RecordAliasArgs alias(Distribution distribution) {
        return DnsAlias.cloudFront(distribution.domainName());
    }
}
