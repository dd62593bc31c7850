package com.zebros.platform.ops;

import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.resources.CustomResourceOptions;
import com.zebros.platform.StackContext;

/**
 * Log groups with the phase's retention, encrypted with the stack's operations key, created by us so
 * nothing logs forever or in plain storage by default.
 */
public final class LogGroups {
    private LogGroups() {
    }

    public static LogGroup create(String name, String logGroupName, StackContext stack, CustomResourceOptions options) {
        return new LogGroup(name, LogGroupArgs.builder()
                .name(logGroupName)
                .retentionInDays(stack.phases().logRetentionDays())
                .kmsKeyId(stack.opsKeyArn())
                .build(), options);
    }
}
