package com.zebros.platform.edge;

import com.pulumi.aws.wafv2.RegexPatternSet;
import com.pulumi.aws.wafv2.RegexPatternSetArgs;
import com.pulumi.aws.wafv2.inputs.RegexPatternSetRegularExpressionArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.zebros.platform.StackContext;

/**
 * The origin header's value as a regional WAF regex pattern set, the one place it is written in WAF. The
 * value is 64 hex digits (OriginSecret), so anchoring it needs no escaping. Keeping it here rather than in the
 * ACL's rules keeps the rules out of the secret: a plan shows them in full.
 */
final class OriginHeaderPattern {
    private final RegexPatternSet patternSet;

    OriginHeaderPattern(String name, StackContext stack, Output<String> originSecret, CustomResourceOptions options) {
        patternSet = new RegexPatternSet(
                name,
                RegexPatternSetArgs.builder()
                        .name(stack.naming().physical("origin-header"))
                        .description("The value CloudFront sends in " + OriginSecret.HEADER)
                        .scope("REGIONAL")
                        .regularExpressions(RegexPatternSetRegularExpressionArgs.builder()
                                .regexString(originSecret.applyValue(value -> "^" + value + "$"))
                                .build())
                        .build(),
                options);
    }

    Output<String> arn() {
        return patternSet.arn();
    }
}
