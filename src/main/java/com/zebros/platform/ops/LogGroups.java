package com.zebros.platform.ops;

import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.zebros.platform.StackContext;

/**
 * Log groups with the phase's retention, encrypted with the stack's operations key, created by us so
 * nothing logs forever or in plain storage by default.
 */
public final class LogGroups {
    private LogGroups() {}

    public static LogGroup create(String name, String logGroupName, StackContext stack, CustomResourceOptions options) {
        return create(name, Output.of(logGroupName), stack, options);
    }

    /** A log group whose name is known only once another resource exists (a service's log group named after an id). */
    public static LogGroup create(
            String name, Output<String> logGroupName, StackContext stack, CustomResourceOptions options) {
        return new LogGroup(
                name,
                LogGroupArgs.builder()
                        .name(logGroupName)
                        .retentionInDays(stack.logRetentionDays())
                        .kmsKeyId(stack.opsKeyArn())
                        .build(),
                options);
    }
}
