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
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.zebros.platform.NamedOutputs;
import com.zebros.platform.StackContext;
import com.zebros.platform.ZebrosComponent;
import com.zebros.platform.config.CrmTable;
import com.zebros.platform.config.PhaseTable;
import com.zebros.platform.config.TaskSize;
import com.zebros.platform.config.WorkerKind;
import com.zebros.platform.data.FileStore;
import com.zebros.platform.data.TableSet;
import com.zebros.platform.iam.PolicyDocument;
import com.zebros.platform.iam.ServiceRole;
import com.zebros.platform.images.ContainerImages;
import com.zebros.platform.naming.Naming;
import com.zebros.platform.network.Network;
import com.zebros.platform.network.SecurityRule;
import com.zebros.platform.ops.LogGroups;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The seeds' "API Gateway → Step Functions → Fargate" path. The API puts a job (report, import,
 * export, analytics) on the job queue, the seeds' report queue; an EventBridge pipe starts one
 * execution of the job state machine per message; the state machine picks the worker by kind.
 *
 * <p>Phase 0 runs every job as its own Fargate task ({@code ecs:runTask.sync}): nothing idles.
 * From phase 1 reports go to a pool of report workers scaled by the phase table (the seeds'
 * "Fargate ASG"); imports, exports and analytics stay one task per job, sized by the phase's tier.
 */
public final class Workflows extends ZebrosComponent {
    private final Queue jobQueue;
    private final Queue jobDeadLetters;
    private final StateMachine stateMachine;
    private final Map<WorkerKind, WorkerTask> workers = new EnumMap<>(WorkerKind.class);
    private final Optional<QueueProcessingService> reportPool;

    /**
     * How jobs run, decided by the caller.
     *
     * @param taskSizes       each kind's task size
     * @param onSpot          the kinds whose one-task jobs run on Fargate Spot
     * @param reportPool      the report workers' pool and its scaling, from the phase that adds it; without it,
     *                        reports run one task per job like the other kinds
     * @param jobTasksPerKind how many one-task jobs of a kind run at once; the rest wait their turn
     * @param capacityCeiling the units a second each provisioned table and its indexes together reach at most at the
     *                        phase (auto-scaling's maximum), of which a worker takes its share; empty when on-demand
     */
    public record Jobs(
            Map<WorkerKind, TaskSize> taskSizes,
            Set<WorkerKind> onSpot,
            Optional<QueueProcessingService.Scaling> reportPool,
            int jobTasksPerKind,
            Map<CrmTable, Double> capacityCeiling) {
        public Jobs {
            if (!taskSizes.keySet().containsAll(EnumSet.allOf(WorkerKind.class))) {
                throw new IllegalArgumentException("every worker kind needs a task size, got " + taskSizes.keySet());
            }
            if (jobTasksPerKind < 1) {
                throw new IllegalArgumentException(
                        "at least one job of a kind must be able to run, was " + jobTasksPerKind);
            }
            taskSizes = Map.copyOf(taskSizes);
            onSpot = Set.copyOf(onSpot);
            capacityCeiling = Map.copyOf(capacityCeiling);
        }

        public static Jobs forPhase(PhaseTable phases) {
            Map<WorkerKind, TaskSize> sizes = new EnumMap<>(WorkerKind.class);
            Set<WorkerKind> spot = EnumSet.noneOf(WorkerKind.class);
            for (WorkerKind kind : WorkerKind.values()) {
                sizes.put(kind, phases.workerTaskSize(kind));
                if (phases.workerOnSpot(kind)) {
                    spot.add(kind);
                }
            }
            Optional<QueueProcessingService.Scaling> pool = phases.reportWorkerPool()
                    ? Optional.of(QueueProcessingService.Scaling.forReports(phases))
                    : Optional.empty();
            Map<CrmTable, Double> ceiling = new java.util.LinkedHashMap<>();
            if (phases.dynamoProvisioned()) {
                for (CrmTable table : CrmTable.values()) {
                    if (table.capacity().isPresent()) {
                        ceiling.put(
                                table,
                                phases.tableCapacity(table).max()
                                        + table.indexes().size()
                                                * phases.indexCapacity(table).max());
                    }
                }
            }
            return new Jobs(sizes, spot, pool, phases.jobTasksPerKind(), ceiling);
        }
    }

    private final Jobs jobs;

    /**
     * What the workflows use (the network the tasks run in, the cluster, the images and the stores jobs touch), and
     * the jobs a phase runs.
     */
    public record Args(
            Network network,
            ContainerCluster cluster,
            ContainerImages images,
            TableSet tables,
            FileStore files,
            Jobs jobs) {}

    public Workflows(String name, StackContext stack, Args args) {
        super("zebros:compute:Workflows", name, stack);
        this.jobs = args.jobs();
        Network network = args.network();
        TableSet tables = args.tables();
        var naming = stack.naming();
        boolean pooledReports = jobs.reportPool().isPresent();

        var jobQueues = QueueWithDeadLetters.of("job-queue", "job-dead-letters", 60, 5)
                .retainedFor(4 * 24 * 3600)
                .create(naming, child());
        jobQueue = jobQueues.queue();
        jobDeadLetters = jobQueues.deadLetters();

        var workerGroup = workerGroup(name, network);

        for (WorkerKind kind : WorkerKind.values()) {
            boolean pooled = kind == WorkerKind.REPORT && pooledReports;
            workers.put(
                    kind,
                    new WorkerTask(
                            stack,
                            new WorkerTask.Args(
                                    kind,
                                    jobs.taskSizes().get(kind),
                                    args.images(),
                                    tables,
                                    args.files(),
                                    pooled,
                                    jobs.capacityCeiling()),
                            child()));
        }
        Output<List<String>> subnets = Output.all(network.appSubnetIds());
        WorkerTask reports = workers.get(WorkerKind.REPORT);
        reportPool = jobs.reportPool()
                .map(scaling -> new QueueProcessingService(
                        stack,
                        new QueueProcessingService.Args(
                                reports.kind().image(),
                                new FargatePlacement(
                                        args.cluster(), reports.taskDefinitionArn(), subnets, workerGroup.id()),
                                scaling),
                        child()));

        var logGroup = LogGroups.create(name + "-logs", "/zebros/" + stack.stackName() + "/workflows", stack, child());
        var role = new ServiceRole(
                name + "-jobs",
                naming.physical("jobs-workflow"),
                "states.amazonaws.com",
                stateMachinePermissions(stack, args.cluster(), tables),
                child());

        Output<String> definition = definition(stack, args.cluster(), subnets, workerGroup.id(), tables, pooledReports);
        stateMachine = new StateMachine(
                name + "-jobs",
                StateMachineArgs.builder()
                        .name(naming.physical(WorkerTask.STATE_MACHINE))
                        .type("STANDARD")
                        .roleArn(role.arn())
                        .definition(definition)
                        .loggingConfiguration(StateMachineLoggingConfigurationArgs.builder()
                                .level("ERROR")
                                .includeExecutionData(false)
                                .logDestination(logGroup.arn().applyValue(arn -> arn + ":*"))
                                .build())
                        .tracingConfiguration(StateMachineTracingConfigurationArgs.builder()
                                .enabled(true)
                                .build())
                        .build(),
                CustomResourceOptions.builder()
                        .parent(this)
                        .provider(stack.provider())
                        .dependsOn(role.policy())
                        .build());

        List<String> kinds =
                java.util.Arrays.stream(WorkerKind.values()).map(WorkerKind::id).toList();
        new SlotRelease(name + "-slot-release", stack, stateMachine.arn(), tables, kinds, child());

        jobPipe(name, naming);

        registerOutputs(Map.of("stateMachineArn", stateMachine.arn(), "jobQueueUrl", jobQueue.url()));
    }

    /** The workers' security group: nothing comes in, HTTPS goes out. */
    private SecurityGroup workerGroup(String name, Network network) {
        var group = new SecurityGroup(
                name + "-workers",
                SecurityGroupArgs.builder()
                        .name(stack.naming().physical("workers"))
                        .description("Fargate workers: no inbound; HTTPS out to AWS APIs")
                        .vpcId(network.vpcId())
                        .build(),
                child());
        SecurityRule.create(
                group.id(),
                List.of(SecurityRule.outToRange(
                        name + "-workers-https",
                        443,
                        SecurityRule.anywhere(),
                        "AWS APIs over HTTPS (NAT and gateway endpoints)")),
                child());
        return group;
    }

    /** The state machine's definition: each kind run as its own task, or sent to the report pool's queue. */
    private Output<String> definition(
            StackContext stack,
            ContainerCluster cluster,
            Output<List<String>> subnets,
            Output<String> securityGroup,
            TableSet tables,
            boolean pooledReports) {
        Map<String, Output<String>> taskArns = new LinkedHashMap<>();
        for (WorkerKind kind : WorkerKind.values()) {
            taskArns.put(kind.id(), workers.get(kind).taskDefinitionArn());
        }
        return new NamedOutputs()
                .put("cluster", cluster.arn())
                .put("subnets", subnets)
                .put("securityGroup", securityGroup)
                .put("jobsTable", tables.tableName(CrmTable.JOBS))
                .put(
                        "poolQueue",
                        reportPool.map(QueueProcessingService::queueUrl).orElse(Output.of("")))
                .putAll("task", taskArns)
                .apply(v -> definition(pooledReports, v));
    }

    private String definition(boolean pooledReports, NamedOutputs.Values resolved) {
        Map<WorkerKind, JobStateMachine.Runner> runners = new LinkedHashMap<>();
        for (WorkerKind kind : WorkerKind.values()) {
            boolean pooled = kind == WorkerKind.REPORT && pooledReports;
            runners.put(
                    kind,
                    pooled
                            ? new JobStateMachine.SendToPool(resolved.string("poolQueue"))
                            : new JobStateMachine.RunTask(
                                    resolved.strings("task").get(kind.id()),
                                    workers.get(kind).containerName(),
                                    jobs.onSpot().contains(kind)));
        }
        var network = new JobStateMachine.Network(
                resolved.string("cluster"), resolved.list("subnets"), List.of(resolved.string("securityGroup")));
        return JobStateMachine.definition(
                network, runners, resolved.string("jobsTable"), jobs.jobTasksPerKind(), stack.region());
    }

    /** The EventBridge pipe that starts one workflow per message on the job queue. */
    private void jobPipe(String name, Naming naming) {
        PolicyDocument pipePermissions = new PolicyDocument()
                .allow(
                        "ReadJobQueue",
                        List.of("sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"),
                        List.of(jobQueue.arn()))
                .allow("StartJob", List.of("states:StartExecution"), List.of(stateMachine.arn()));
        var pipeRole = new ServiceRole(
                name + "-pipe", naming.physical("jobs-pipe"), "pipes.amazonaws.com", pipePermissions, child());
        new Pipe(
                name + "-jobs",
                PipeArgs.builder()
                        .name(naming.physical("jobs"))
                        .description("One job workflow per message on the job queue")
                        .roleArn(pipeRole.arn())
                        .source(jobQueue.arn())
                        .sourceParameters(PipeSourceParametersArgs.builder()
                                .sqsQueueParameters(PipeSourceParametersSqsQueueParametersArgs.builder()
                                        .batchSize(1)
                                        .build())
                                .build())
                        .target(stateMachine.arn())
                        .targetParameters(PipeTargetParametersArgs.builder()
                                .inputTemplate("{\"tenantId\": <$.body.tenantId>, \"jobId\": <$.body.jobId>, "
                                        + "\"kind\": <$.body.kind>, \"parameters\": <$.body.parameters>}")
                                .stepFunctionStateMachineParameters(
                                        PipeTargetParametersStepFunctionStateMachineParametersArgs.builder()
                                                .invocationType("FIRE_AND_FORGET")
                                                .build())
                                .build())
                        .build(),
                CustomResourceOptions.builder()
                        .parent(this)
                        .provider(stack.provider())
                        .dependsOn(pipeRole.policy())
                        .build());
    }

    /**
     * https://docs.aws.amazon.com/step-functions/latest/dg/ecs-iam.html: run and watch the worker tasks, manage the
     * EventBridge rule {@code .sync} uses, pass only the workers' roles; send to the pool's queue; record failures on
     * the job.
     */
    private PolicyDocument stateMachinePermissions(StackContext stack, ContainerCluster cluster, TableSet tables) {
        Output<String> account = stack.accountId();
        String region = stack.region();
        List<Output<String>> taskFamilies = new ArrayList<>();
        List<Output<String>> roles = new ArrayList<>();
        for (WorkerTask worker : workers.values()) {
            taskFamilies.add(Output.format("arn:aws:ecs:%s:%s:task-definition/%s:*", region, account, worker.family()));
            roles.addAll(worker.roleArns());
        }
        PolicyDocument policy = new PolicyDocument()
                .allowWhen(
                        "RunWorkers",
                        List.of("ecs:RunTask"),
                        taskFamilies,
                        cluster.arn().applyValue(arn -> Map.of("ArnEquals", Map.of("ecs:cluster", arn))))
                .allow(
                        "WatchWorkers",
                        List.of("ecs:StopTask", "ecs:DescribeTasks"),
                        List.of(account.applyValue(a -> "arn:aws:ecs:" + region + ":" + a + ":task/*")))
                .allow(
                        "SyncRule",
                        List.of("events:PutTargets", "events:PutRule", "events:DescribeRule"),
                        List.of(account.applyValue(a ->
                                "arn:aws:events:" + region + ":" + a + ":rule/StepFunctionsGetEventsForECSTaskRule")))
                .allow(
                        "PassWorkerRoles",
                        List.of("iam:PassRole"),
                        roles,
                        Map.of("StringEquals", Map.of("iam:PassedToService", "ecs-tasks.amazonaws.com")))
                .allow("RecordFailure", List.of("dynamodb:UpdateItem"), List.of(tables.tableArn(CrmTable.JOBS)));
        if (reportPool.isPresent()) {
            policy.allow(
                    "SendToPool",
                    List.of("sqs:SendMessage"),
                    List.of(reportPool.get().queueArn()));
        }
        policy.allow(
                "RecordFailureKey",
                List.of("kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey"),
                List.of(tables.keyArn()));
        // CloudWatch Logs delivery and X-Ray accept no resource narrower than "*" (AWS documents
        // these actions as not supporting resource-level permissions).
        policy.allowOnAnyResource(
                "VendedLogs",
                List.of(
                        "logs:CreateLogDelivery",
                        "logs:GetLogDelivery",
                        "logs:UpdateLogDelivery",
                        "logs:DeleteLogDelivery",
                        "logs:ListLogDeliveries",
                        "logs:PutResourcePolicy",
                        "logs:DescribeResourcePolicies",
                        "logs:DescribeLogGroups"));
        policy.allowOnAnyResource(
                "Tracing",
                List.of(
                        "xray:PutTraceSegments",
                        "xray:PutTelemetryRecords",
                        "xray:GetSamplingRules",
                        "xray:GetSamplingTargets"));
        return policy;
    }

    public Output<String> jobQueueUrl() {
        return jobQueue.url();
    }

    public Output<String> jobQueueArn() {
        return jobQueue.arn();
    }

    public Output<String> jobQueueName() {
        return jobQueue.name();
    }

    /** Where a job message lands that no execution could start after five receives. */
    public Output<String> jobDeadLetterQueueName() {
        return jobDeadLetters.name();
    }

    public Output<String> stateMachineArn() {
        return stateMachine.arn();
    }

    /** The report workers' pool, from phase 1. */
    public Optional<QueueProcessingService> reportPool() {
        return reportPool;
    }

    public WorkerTask worker(WorkerKind kind) {
        return workers.get(kind);
    }
}
