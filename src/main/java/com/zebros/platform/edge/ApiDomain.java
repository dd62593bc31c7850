package com.zebros.platform.edge;

import com.pulumi.aws.apigateway.BasePathMapping;
import com.pulumi.aws.apigateway.BasePathMappingArgs;
import com.pulumi.aws.apigateway.DomainName;
import com.pulumi.aws.apigateway.DomainNameArgs;
import com.pulumi.aws.apigateway.inputs.DomainNameEndpointConfigurationArgs;
import com.pulumi.aws.route53.inputs.RecordAliasArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import com.zebros.platform.StackContext;
import com.zebros.platform.ZebrosComponent;
import java.util.List;
import java.util.Map;

/**
 * The API's custom domain (phase 2): regional custom domains for the shared name
 * ({@code api.<domain>}) and the region's own name ({@code api-<region>.<domain>}, what health checks
 * probe), with a certificate in the API's region
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-regional-api-custom-domain-create.html) and
 * TLS 1.2.
 */
public final class ApiDomain extends ZebrosComponent {
    private final DomainName shared;
    private final DomainName regional;
    private final DomainName origin;

    /**
     * @param api            the REST API the names map to
     * @param failoverOrigin whether the stack is in a region pair, where CloudFront's origin is a failover name
     *                       both regions serve, so the API needs that name too
     */
    public record Args(RestApi api, boolean failoverOrigin) {}

    public ApiDomain(String name, StackContext stack, Args args, ComponentResourceOptions options) {
        super("zebros:edge:ApiDomain", name, stack, options);
        RestApi api = args.api();
        String regionalHost = regionalHost(stack);
        boolean global = args.failoverOrigin();
        List<String> names = global
                ? List.of(stack.dns().apiHost(), regionalHost, originHost(stack))
                : List.of(stack.dns().apiHost(), regionalHost);
        var certificate = new ValidatedCertificate(
                name + "-certificate", names, stack.dns().hostedZoneId(), child());
        shared = domain(name + "-shared", stack.dns().apiHost(), certificate, api);
        regional = domain(name + "-regional", regionalHost, certificate, api);
        // In a region pair, CloudFront's origin is a failover name served by both regions
        // (https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/RequestAndResponseBehaviorOriginGroups.html).
        origin = global ? domain(name + "-origin", originHost(stack), certificate, api) : null;
        DnsAlias.record(name + "-regional", stack.dns().hostedZoneId(), regionalHost, alias(regional), child());
        registerOutputs(Map.of("regionalHost", Output.of(regionalHost)));
    }

    private DomainName domain(String name, String host, ValidatedCertificate certificate, RestApi api) {
        var domain = new DomainName(
                name,
                DomainNameArgs.builder()
                        .domainName(host)
                        .regionalCertificateArn(certificate.validatedArn())
                        .endpointConfiguration(DomainNameEndpointConfigurationArgs.builder()
                                .types("REGIONAL")
                                .build())
                        .securityPolicy("TLS_1_2")
                        .build(),
                child());
        new BasePathMapping(
                name + "-mapping",
                BasePathMappingArgs.builder()
                        .domainName(domain.domainName())
                        .restApi(api.apiId())
                        .stageName(RestApi.STAGE)
                        .build(),
                child());
        return domain;
    }

    public static String regionalHost(StackContext stack) {
        return "api-" + stack.region() + "." + stack.dns().domain();
    }

    public static String originHost(StackContext stack) {
        return "api-origin." + stack.dns().domain();
    }

    /** The alias target of the shared name: the regional endpoint of {@code api.<domain>}. */
    public RecordAliasArgs sharedAlias() {
        return alias(shared);
    }

    /** The alias target of the origin name (region pairs only). */
    public RecordAliasArgs originAlias() {
        return alias(origin);
    }

    private static RecordAliasArgs alias(DomainName domain) {
        return DnsAlias.regional(domain.regionalDomainName(), domain.regionalZoneId());
    }
}
