package com.zebros.platform.compute;

import com.pulumi.aws.cloudwatch.EventRule;
import com.pulumi.aws.cloudwatch.EventRuleArgs;
import com.pulumi.aws.cloudwatch.EventTarget;
import com.pulumi.aws.cloudwatch.EventTargetArgs;
import com.pulumi.aws.lambda.Permission;
import com.pulumi.aws.lambda.PermissionArgs;
import com.pulumi.resources.CustomResourceOptions;

/**
 * Invokes a function's live alias once an hour from an EventBridge schedule rule, which Lambda lets in through a
 * resource policy naming that rule. Schedule expressions:
 * https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-scheduled-rule-pattern.html
 */
final class HourlySchedule {
    static final String EXPRESSION = "rate(1 hour)";

    HourlySchedule(String name, String physicalName, CrmFunction function, CustomResourceOptions options) {
        var rule = new EventRule(
                name,
                EventRuleArgs.builder()
                        .name(physicalName)
                        .description("Runs " + function.group().id() + " every hour")
                        .scheduleExpression(EXPRESSION)
                        .build(),
                options);
        new Permission(
                name + "-invoke",
                PermissionArgs.builder()
                        .action("lambda:InvokeFunction")
                        .function(function.functionName())
                        .qualifier(CrmFunction.ALIAS)
                        .principal("events.amazonaws.com")
                        .sourceArn(rule.arn())
                        .build(),
                options);
        new EventTarget(
                name,
                EventTargetArgs.builder()
                        .rule(rule.name())
                        .arn(function.aliasArn())
                        .build(),
                options);
    }
}
