package com.zebros.platform.compute;

import com.pulumi.aws.cloudwatch.EventRule;
import com.pulumi.aws.cloudwatch.EventRuleArgs;
import com.pulumi.aws.cloudwatch.EventTarget;
import com.pulumi.aws.cloudwatch.EventTargetArgs;
import com.pulumi.aws.sfn.StateMachine;
import com.pulumi.aws.sfn.StateMachineArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.zebros.platform.CanonicalJson;
import com.zebros.platform.StackContext;
import com.zebros.platform.config.CrmTable;
import com.zebros.platform.data.TableSet;
import com.zebros.platform.iam.PolicyDocument;
import com.zebros.platform.iam.ServiceRole;
import java.util.List;
import java.util.Map;

/**
 * The backstop of JobSlots: a job execution that is stopped, times out or fails outside its own flow never
 * gives its slot back, so Step Functions' status-change event for it (sent to the default event bus) starts a
 * small Express workflow that does. Event: https://docs.aws.amazon.com/step-functions/latest/dg/cw-events.html
 */
final class SlotRelease {

    SlotRelease(String name, StackContext stack, Output<String> jobStateMachineArn, TableSet tables,
                CustomResourceOptions options) {
        var naming = stack.naming();
        var role = new ServiceRole(name, naming.physical("jobs-slot-release"), "states.amazonaws.com", new PolicyDocument()
                .allow("ReleaseSlot", List.of("dynamodb:UpdateItem"), List.of(tables.tableArn(CrmTable.JOBS)))
                .allow("ReleaseSlotKey", List.of("kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey"), List.of(tables.keyArn())),
                options);
        var release = new StateMachine(name, StateMachineArgs.builder()
                .name(naming.physical("jobs-slot-release"))
                .type("EXPRESS")
                .roleArn(role.arn())
                .definition(tables.tableName(CrmTable.JOBS).applyValue(JobSlots::releaseDefinition))
                .build(), CustomResourceOptions.merge(options, CustomResourceOptions.builder().dependsOn(role.policy()).build()));

        var rule = new EventRule(name, EventRuleArgs.builder()
                .name(naming.physical("jobs-slot-release"))
                .description("Job executions that ended without giving their slot back")
                .eventPattern(jobStateMachineArn.applyValue(SlotRelease::pattern))
                .build(), options);
        var invoke = new ServiceRole(name + "-events", naming.physical("jobs-slot-events"), "events.amazonaws.com",
                new PolicyDocument().allow("StartRelease", List.of("states:StartExecution"), List.of(release.arn())), options);
        new EventTarget(name, EventTargetArgs.builder()
                .rule(rule.name())
                .arn(release.arn())
                .roleArn(invoke.arn())
                .build(), options);
    }

    static String pattern(String stateMachineArn) {
        return CanonicalJson.write(Map.of(
                "source", List.of("aws.states"),
                "detail-type", List.of("Step Functions Execution Status Change"),
                "detail", Map.of("stateMachineArn", List.of(stateMachineArn),
                        "status", List.of("ABORTED", "TIMED_OUT", "FAILED"))));
    }
}
