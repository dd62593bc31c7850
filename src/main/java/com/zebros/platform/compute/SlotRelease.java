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
 * The backstop and the audit of JobSlots. A job execution that is stopped, times out or fails never gives its slot
 * back itself, so Step Functions' status-change event for it (sent to the default event bus) starts a small Express
 * workflow that does, and marks the job FAILED if it was still queued or running. Event:
 * https://docs.aws.amazon.com/step-functions/latest/dg/cw-events.html. Should that event or that workflow be lost, the
 * audit, on a schedule, gives back every slot whose execution is no longer running.
 */
final class SlotRelease {

    SlotRelease(
            String name,
            StackContext stack,
            Output<String> jobStateMachineArn,
            TableSet tables,
            List<String> slottedKinds,
            CustomResourceOptions options) {
        var naming = stack.naming();
        var role = new ServiceRole(
                name,
                naming.physical("jobs-slot-release"),
                "states.amazonaws.com",
                new PolicyDocument()
                        .allow("ReleaseSlot", List.of("dynamodb:UpdateItem"), List.of(tables.tableArn(CrmTable.JOBS)))
                        .allow(
                                "ReleaseSlotKey",
                                List.of("kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey"),
                                List.of(tables.keyArn())),
                options);
        String region = stack.region();
        var release = new StateMachine(
                name,
                StateMachineArgs.builder()
                        .name(naming.physical("jobs-slot-release"))
                        .type("EXPRESS")
                        .roleArn(role.arn())
                        .definition(tables.tableName(CrmTable.JOBS)
                                .applyValue(table -> JobSlots.releaseDefinition(table, region)))
                        .build(),
                CustomResourceOptions.merge(
                        options,
                        CustomResourceOptions.builder().dependsOn(role.policy()).build()));
        audit(name + "-audit", stack, jobStateMachineArn, tables, slottedKinds, options);

        var rule = new EventRule(
                name,
                EventRuleArgs.builder()
                        .name(naming.physical("jobs-slot-release"))
                        .description("Job executions that ended without giving their slot back")
                        .eventPattern(jobStateMachineArn.applyValue(SlotRelease::pattern))
                        .build(),
                options);
        var invoke = new ServiceRole(
                name + "-events",
                naming.physical("jobs-slot-events"),
                "events.amazonaws.com",
                new PolicyDocument().allow("StartRelease", List.of("states:StartExecution"), List.of(release.arn())),
                options);
        new EventTarget(
                name,
                EventTargetArgs.builder()
                        .rule(rule.name())
                        .arn(release.arn())
                        .roleArn(invoke.arn())
                        .build(),
                options);
    }

    /** The scheduled audit: a Standard workflow (it waits on Step Functions' answers) every few minutes. */
    private static void audit(
            String name,
            StackContext stack,
            Output<String> jobStateMachineArn,
            TableSet tables,
            List<String> kinds,
            CustomResourceOptions options) {
        var naming = stack.naming();
        Output<String> executions = jobStateMachineArn.applyValue(SlotRelease::executionArnPrefix);
        var role = new ServiceRole(
                name,
                naming.physical("jobs-slot-audit"),
                "states.amazonaws.com",
                new PolicyDocument()
                        .allow(
                                "AuditSlots",
                                List.of("dynamodb:GetItem", "dynamodb:UpdateItem"),
                                List.of(tables.tableArn(CrmTable.JOBS)))
                        .allow(
                                "AuditSlotsKey",
                                List.of("kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey"),
                                List.of(tables.keyArn()))
                        .allow(
                                "DescribeJobExecutions",
                                List.of("states:DescribeExecution"),
                                List.of(executions.applyValue(prefix -> prefix + "*"))),
                options);
        var audit = new StateMachine(
                name,
                StateMachineArgs.builder()
                        .name(naming.physical("jobs-slot-audit"))
                        .type("STANDARD")
                        .roleArn(role.arn())
                        .definition(Output.tuple(tables.tableName(CrmTable.JOBS), executions)
                                .applyValue(t -> JobSlots.auditDefinition(t.t1, stack.region(), kinds, t.t2)))
                        .build(),
                CustomResourceOptions.merge(
                        options,
                        CustomResourceOptions.builder().dependsOn(role.policy()).build()));
        var rule = new EventRule(
                name,
                EventRuleArgs.builder()
                        .name(naming.physical("jobs-slot-audit"))
                        .description("Gives back job slots of executions that ended, every " + JobSlots.AUDIT_MINUTES
                                + " minutes")
                        .scheduleExpression(JobSlots.AUDIT_SCHEDULE)
                        .build(),
                options);
        var invoke = new ServiceRole(
                name + "-events",
                naming.physical("jobs-audit-events"),
                "events.amazonaws.com",
                new PolicyDocument().allow("StartAudit", List.of("states:StartExecution"), List.of(audit.arn())),
                options);
        new EventTarget(
                name,
                EventTargetArgs.builder()
                        .rule(rule.name())
                        .arn(audit.arn())
                        .roleArn(invoke.arn())
                        .build(),
                options);
    }

    /** The ARN of the state machine's executions without their name: {@code ...:execution:<machine>:}. */
    static String executionArnPrefix(String stateMachineArn) {
        return stateMachineArn.replace(":stateMachine:", ":execution:") + ":";
    }

    static String pattern(String stateMachineArn) {
        return CanonicalJson.write(Map.of(
                "source", List.of("aws.states"),
                "detail-type", List.of("Step Functions Execution Status Change"),
                "detail",
                        Map.of(
                                "stateMachineArn",
                                List.of(stateMachineArn),
                                "status",
                                List.of("ABORTED", "TIMED_OUT", "FAILED"))));
    }
}
