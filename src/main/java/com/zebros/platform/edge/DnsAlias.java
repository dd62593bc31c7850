package com.zebros.platform.edge;

import com.pulumi.aws.route53.Record;
import com.pulumi.aws.route53.RecordArgs;
import com.pulumi.aws.route53.inputs.RecordAliasArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;

/**
 * Route 53 alias targets and the plain A records that use them, built once. A regional target (a load balancer,
 * an API Gateway regional domain) evaluates its health, so Route 53 stops answering with a dead region; a
 * CloudFront distribution never does (https://docs.aws.amazon.com/Route53/latest/APIReference/API_AliasTarget.html).
 */
public final class DnsAlias {
    private DnsAlias() {}

    /** A regional endpoint, its health evaluated. */
    public static RecordAliasArgs regional(Output<String> dnsName, Output<String> zoneId) {
        return RecordAliasArgs.builder()
                .name(dnsName)
                .zoneId(zoneId)
                .evaluateTargetHealth(true)
                .build();
    }

    /** A CloudFront distribution named by its domain (the secondary reads the primary's). */
    public static RecordAliasArgs cloudFront(Output<String> distributionDomain) {
        return RecordAliasArgs.builder()
                .name(distributionDomain)
                .zoneId(Cdn.CLOUDFRONT_ZONE)
                .evaluateTargetHealth(false)
                .build();
    }

    /** An A record of {@code host} in the hosted zone {@code zoneId}, aliased to {@code target}. */
    public static Record record(
            String name, String zoneId, String host, RecordAliasArgs target, CustomResourceOptions options) {
        return new Record(
                name,
                RecordArgs.builder()
                        .zoneId(zoneId)
                        .name(host)
                        .type("A")
                        .aliases(target)
                        .build(),
                options);
    }
}
