package com.zebros.platform.edge;

import com.pulumi.aws.wafv2.WebAclArgs;
import com.pulumi.aws.wafv2.WebAclAssociation;
import com.pulumi.aws.wafv2.WebAclAssociationArgs;
import com.pulumi.aws.wafv2.inputs.WebAclDefaultActionAllowArgs;
import com.pulumi.aws.wafv2.inputs.WebAclDefaultActionArgs;
import com.pulumi.aws.wafv2.inputs.WebAclVisibilityConfigArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;

/**
 * A WAFv2 web ACL. REGIONAL ones protect this region's REST stage and auth load balancer through
 * associations (https://docs.aws.amazon.com/waf/latest/developerguide/how-aws-waf-works-resources.html); the CLOUDFRONT
 * one lives in us-east-1 and is named by the distributions themselves
 * (https://docs.aws.amazon.com/waf/latest/developerguide/how-aws-waf-works-resources.html), never associated.
 */
public final class WebAcl {
    private final com.pulumi.aws.wafv2.WebAcl acl;
    private final String name;
    private final CustomResourceOptions options;

    public WebAcl(
            String name, String physicalName, String scope, Output<String> rulesJson, CustomResourceOptions options) {
        this.name = name;
        this.options = options;
        acl = new com.pulumi.aws.wafv2.WebAcl(
                name,
                WebAclArgs.builder()
                        .name(physicalName)
                        .scope(scope)
                        .description("Zebros CRM " + scope.toLowerCase() + " protection")
                        .defaultAction(WebAclDefaultActionArgs.builder()
                                .allow(WebAclDefaultActionAllowArgs.builder().build())
                                .build())
                        .ruleJson(rulesJson)
                        .visibilityConfig(WebAclVisibilityConfigArgs.builder()
                                .cloudwatchMetricsEnabled(true)
                                .sampledRequestsEnabled(true)
                                .metricName(physicalName)
                                .build())
                        .build(),
                options);
    }

    public void protect(String suffix, Output<String> resourceArn) {
        new WebAclAssociation(
                name + "-" + suffix,
                WebAclAssociationArgs.builder()
                        .webAclArn(acl.arn())
                        .resourceArn(resourceArn)
                        .build(),
                options);
    }

    public Output<String> arn() {
        return acl.arn();
    }
}
