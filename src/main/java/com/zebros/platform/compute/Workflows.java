package com.zebros.platform.compute;

import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.pipes.Pipe;
import com.pulumi.aws.pipes.PipeArgs;
import com.pulumi.aws.pipes.inputs.PipeSourceParametersArgs;
import com.pulumi.aws.pipes.inputs.PipeSourceParametersSqsQueueParametersArgs;
import com.pulumi.aws.pipes.inputs.PipeTargetParametersArgs;
import com.pulumi.aws.pipes.inputs.PipeTargetParametersStepFunctionStateMachineParametersArgs;
import com.pulumi.aws.sfn.StateMachine;
import com.pulumi.aws.sfn.StateMachineArgs;
import com.pulumi.aws.sfn.inputs.StateMachineLoggingConfigurationArgs;
import com.pulumi.aws.sfn.inputs.StateMachineTracingConfigurationArgs;
import com.pulumi.aws.sqs.Queue;
import com.pulumi.aws.sqs.QueueArgs;
import com.pulumi.aws.vpc.SecurityGroupEgressRule;
import com.pulumi.aws.vpc.SecurityGroupEgressRuleArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.zebros.platform.StackContext;
import com.zebros.platform.ZebrosComponent;
import com.zebros.platform.config.CrmTable;
import com.zebros.platform.config.WorkerKind;
import com.zebros.platform.data.CrmTables;
import com.zebros.platform.data.FileStore;
import com.zebros.platform.iam.PolicyDocument;
import com.zebros.platform.iam.ServiceRole;
import com.zebros.platform.images.ContainerImages;
import com.zebros.platform.network.Network;
import com.zebros.platform.ops.LogGroups;
import java.util.List;
import java.util.Map;

/**
 * The seeds' "API Gateway → Step Functions → Fargate" path for reports. The reporting function puts
 * a job on the report queue; an EventBridge pipe starts one state-machine execution per message;
 * the state machine runs the report worker as a Fargate task and waits for it. The queue buffers
 * bursts and its depth is the seeds' "report queue > 10" signal.
 */
public final class Workflows extends ZebrosComponent {
    private final Queue reportQueue;
    private final Queue deadLetters;
    private final StateMachine reportStateMachine;
    private final WorkerTask reportWorker;
    private final SecurityGroup workers;

    public Workflows(String name, StackContext stack, Network network, ContainerCluster cluster,
                     ContainerImages images, CrmTables tables, FileStore files) {
        super("zebros:compute:Workflows", name, stack);
        var naming = stack.naming();

        deadLetters = new Queue("report-dead-letters", QueueArgs.builder()
                .name(naming.physical("report-dead-letters"))
                .sqsManagedSseEnabled(true)
                .messageRetentionSeconds(14 * 24 * 3600)
                .build(), child());
        reportQueue = new Queue("report-queue", QueueArgs.builder()
                .name(naming.physical("report-queue"))
                .sqsManagedSseEnabled(true)
                .visibilityTimeoutSeconds(60)
                .messageRetentionSeconds(4 * 24 * 3600)
                .redrivePolicy(deadLetters.arn().applyValue(arn ->
                        "{\"deadLetterTargetArn\":\"" + arn + "\",\"maxReceiveCount\":5}"))
                .build(), child());

        workers = new SecurityGroup(name + "-workers", SecurityGroupArgs.builder()
                .name(naming.physical("workers"))
                .description("Fargate workers: no inbound; HTTPS out to AWS APIs")
                .vpcId(network.vpcId())
                .build(), child());
        new SecurityGroupEgressRule(name + "-workers-https", SecurityGroupEgressRuleArgs.builder()
                .securityGroupId(workers.id()).cidrIpv4("0.0.0.0/0").ipProtocol("tcp").fromPort(443).toPort(443)
                .description("AWS APIs over HTTPS (NAT and gateway endpoints)").build(), child());

        reportWorker = new WorkerTask(WorkerKind.REPORT, stack, images, tables, files, child());

        var logGroup = LogGroups.create(name + "-logs", "/zebros/" + stack.settings().stack() + "/workflows", stack, child());
        var role = new ServiceRole(name + "-report", naming.physical("report-workflow"), "states.amazonaws.com",
                stateMachinePermissions(stack, cluster, reportWorker, tables), child());

        Output<String> definition = Output.tuple(cluster.arn(), reportWorker.taskDefinitionArn(),
                Output.all(network.appSubnetIds()), workers.id(), tables.tableName(CrmTable.JOBS))
                .applyValue(t -> ReportStateMachine.definition("Zebros CRM report: run the report worker, record failures",
                        new ReportStateMachine.Target(t.t1, t.t2, reportWorker.containerName(), t.t3, List.of(t.t4), t.t5,
                                stack.phases().workerOnSpot(WorkerKind.REPORT))));
        reportStateMachine = new StateMachine(name + "-report", StateMachineArgs.builder()
                .name(naming.physical("report"))
                .type("STANDARD")
                .roleArn(role.arn())
                .definition(definition)
                .loggingConfiguration(StateMachineLoggingConfigurationArgs.builder()
                        .level("ERROR")
                        .includeExecutionData(false)
                        .logDestination(logGroup.arn().applyValue(arn -> arn + ":*"))
                        .build())
                .tracingConfiguration(StateMachineTracingConfigurationArgs.builder().enabled(true).build())
                .build(), CustomResourceOptions.builder().parent(this).provider(stack.provider())
                        .dependsOn(role.policy()).build());

        PolicyDocument pipePermissions = new PolicyDocument()
                .allow("ReadReportQueue", List.of("sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"),
                        List.of(reportQueue.arn()))
                .allow("StartReport", List.of("states:StartExecution"), List.of(reportStateMachine.arn()));
        var pipeRole = new ServiceRole(name + "-pipe", naming.physical("report-pipe"), "pipes.amazonaws.com",
                pipePermissions, child());
        new Pipe(name + "-report", PipeArgs.builder()
                .name(naming.physical("report"))
                .description("One report workflow per message on the report queue")
                .roleArn(pipeRole.arn())
                .source(reportQueue.arn())
                .sourceParameters(PipeSourceParametersArgs.builder()
                        .sqsQueueParameters(PipeSourceParametersSqsQueueParametersArgs.builder().batchSize(1).build())
                        .build())
                .target(reportStateMachine.arn())
                .targetParameters(PipeTargetParametersArgs.builder()
                        .inputTemplate("{\"tenantId\": <$.body.tenantId>, \"jobId\": <$.body.jobId>, "
                                + "\"kind\": <$.body.kind>, \"parameters\": <$.body.parameters>}")
                        .stepFunctionStateMachineParameters(PipeTargetParametersStepFunctionStateMachineParametersArgs
                                .builder().invocationType("FIRE_AND_FORGET").build())
                        .build())
                .build(), CustomResourceOptions.builder().parent(this).provider(stack.provider())
                        .dependsOn(pipeRole.policy()).build());

        registerOutputs(Map.of("reportStateMachineArn", reportStateMachine.arn(), "reportQueueUrl", reportQueue.url()));
    }

    /** SFN-01: run and watch the task, manage the EventBridge rule `.sync` uses, pass only the worker's roles. */
    private static PolicyDocument stateMachinePermissions(StackContext stack, ContainerCluster cluster,
                                                          WorkerTask worker, CrmTables tables) {
        Output<String> account = stack.accountId();
        String region = stack.region();
        PolicyDocument policy = new PolicyDocument()
                .allowWhen("RunWorker", List.of("ecs:RunTask"), List.of(Output.tuple(worker.family(), account)
                                .applyValue(t -> "arn:aws:ecs:" + region + ":" + t.t2 + ":task-definition/" + t.t1 + ":*")),
                        cluster.arn().applyValue(arn -> Map.of("ArnEquals", Map.of("ecs:cluster", arn))))
                .allow("WatchWorker", List.of("ecs:StopTask", "ecs:DescribeTasks"),
                        List.of(account.applyValue(a -> "arn:aws:ecs:" + region + ":" + a + ":task/*")))
                .allow("SyncRule", List.of("events:PutTargets", "events:PutRule", "events:DescribeRule"),
                        List.of(account.applyValue(a -> "arn:aws:events:" + region + ":" + a
                                + ":rule/StepFunctionsGetEventsForECSTaskRule")))
                .allow("PassWorkerRoles", List.of("iam:PassRole"), worker.roleArns(),
                        Map.of("StringEquals", Map.of("iam:PassedToService", "ecs-tasks.amazonaws.com")))
                .allow("RecordFailure", List.of("dynamodb:UpdateItem"), List.of(tables.table(CrmTable.JOBS).arn()));
        tables.key().grantEncryptDecrypt(policy, "RecordFailureKey");
        // CloudWatch Logs delivery and X-Ray accept no resource narrower than "*" (AWS documents
        // these actions as not supporting resource-level permissions).
        policy.allowOnAnyResource("VendedLogs", List.of("logs:CreateLogDelivery", "logs:GetLogDelivery",
                "logs:UpdateLogDelivery", "logs:DeleteLogDelivery", "logs:ListLogDeliveries",
                "logs:PutResourcePolicy", "logs:DescribeResourcePolicies", "logs:DescribeLogGroups"));
        policy.allowOnAnyResource("Tracing", List.of("xray:PutTraceSegments", "xray:PutTelemetryRecords",
                "xray:GetSamplingRules", "xray:GetSamplingTargets"));
        return policy;
    }

    public Output<String> reportQueueUrl() {
        return reportQueue.url();
    }

    public Output<String> reportQueueArn() {
        return reportQueue.arn();
    }

    public Output<String> reportQueueName() {
        return reportQueue.name();
    }

    public Output<String> reportStateMachineArn() {
        return reportStateMachine.arn();
    }

    public WorkerTask reportWorker() {
        return reportWorker;
    }
}
