package com.zebros.platform.compute;

import com.pulumi.aws.ecs.TaskDefinition;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.zebros.platform.StackContext;
import com.zebros.platform.config.CrmTable;
import com.zebros.platform.config.TaskSize;
import com.zebros.platform.config.WorkerKind;
import com.zebros.platform.data.FileStore;
import com.zebros.platform.data.TableSet;
import com.zebros.platform.iam.PolicyDocument;
import com.zebros.platform.iam.ServiceRole;
import com.zebros.platform.images.ContainerImages;
import com.zebros.platform.ops.LogGroups;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The task definition of one Fargate worker, with its two roles: the execution role pulls the
 * image and writes logs; the task role reaches only the tables and bucket prefixes the job needs.
 * The job itself arrives from Step Functions in the {@code JOB} environment variable.
 */
public final class WorkerTask {
    private final WorkerKind kind;
    private final TaskDefinition taskDefinition;
    private final ServiceRole executionRole;
    private final ServiceRole taskRole;

    /** The physical name of the job state machine, which pooled workers answer. */
    public static final String STATE_MACHINE = "jobs";

    /**
     * One kind of job's task.
     *
     * @param kind   the kind of job, which names the image, the roles and the log group
     * @param size   the task's CPU and memory at the phase
     * @param images where the image is pulled from
     * @param tables the tables the job reads and writes
     * @param files  the bucket whose prefixes the job reads and writes
     * @param pooled whether the task is a worker of the report pool, which reads its work from a queue and answers
     *               the workflow itself; otherwise Step Functions runs one task per job
     * @param capacityCeiling the units a second each provisioned table and its indexes reach at most at the phase,
     *               given to the worker as {@code TABLE_CAPACITY_CEILING} (empty when on-demand): its capacity budget
     *               takes a share of it, so a job leaves the API the rest
     */
    public record Args(
            WorkerKind kind,
            TaskSize size,
            ContainerImages images,
            TableSet tables,
            FileStore files,
            boolean pooled,
            Map<CrmTable, Double> capacityCeiling) {}

    public WorkerTask(StackContext stack, Args args, CustomResourceOptions options) {
        WorkerKind kind = args.kind();
        ContainerImages images = args.images();
        TableSet tables = args.tables();
        this.kind = kind;
        var naming = stack.naming();
        String name = kind.image();
        var logGroup = LogGroups.create(name + "-logs", "/zebros/" + stack.stackName() + "/" + name, stack, options);
        JobDurationMetric.filter(
                name + "-job-seconds", naming.physical(name + "-job-seconds"), logGroup.name(), options);

        PolicyDocument execution = new PolicyDocument();
        images.grantPull(execution, kind.image());
        execution.allow(
                "WriteLogs",
                List.of("logs:CreateLogStream", "logs:PutLogEvents"),
                List.of(logGroup.arn().applyValue(arn -> arn + ":*")));
        executionRole = new ServiceRole(
                name + "-execution",
                naming.physical(name + "-execution"),
                "ecs-tasks.amazonaws.com",
                execution,
                options);

        PolicyDocument task = new PolicyDocument();
        grantJobAccess(kind, task, tables, args.files());
        String region = stack.region();
        String queueName = naming.physical(name + "-work");
        if (args.pooled()) {
            // Names, not references: the queue and the state machine are created after this role.
            task.allow(
                    "ReadWork",
                    List.of(
                            "sqs:ReceiveMessage",
                            "sqs:DeleteMessage",
                            "sqs:ChangeMessageVisibility",
                            "sqs:GetQueueAttributes"),
                    List.of(stack.accountId().applyValue(a -> "arn:aws:sqs:" + region + ":" + a + ":" + queueName)));
            task.allow(
                    "AnswerWorkflow",
                    List.of("states:SendTaskSuccess", "states:SendTaskFailure", "states:SendTaskHeartbeat"),
                    List.of(stack.accountId()
                            .applyValue(a -> "arn:aws:states:" + region + ":" + a + ":stateMachine:"
                                    + naming.physical(STATE_MACHINE))));
        }
        taskRole = new ServiceRole(
                name + "-task", naming.physical(name + "-task"), "ecs-tasks.amazonaws.com", task, options);

        var container = new ContainerSpec(name, images.image(kind.image()))
                .env("FILES_BUCKET", args.files().bucketName());
        // Every table's name, as for the functions: the workers' settings refuse to start without any of them.
        for (CrmTable table : CrmTable.values()) {
            container.env(table.environmentVariable(), tables.tableName(table));
        }
        container
                .env("TABLE_CAPACITY_CEILING", ceiling(args.capacityCeiling()))
                .env("JAVA_TOOL_OPTIONS", "-XX:MaxRAMPercentage=75")
                .env(
                        "WORK_QUEUE_URL",
                        args.pooled()
                                ? stack.accountId()
                                        .applyValue(
                                                a -> "https://sqs." + region + ".amazonaws.com/" + a + "/" + queueName)
                                : Output.of(""))
                .logs(logGroup.name(), stack.region())
                .readOnlyRootFilesystem();

        taskDefinition = FargateTaskDefinition.create(
                name, naming.physical(name), args.size(), executionRole, taskRole, container, options);
    }

    /** {@code customers=150,contacts=250,...}: the worker's settings parser reads this form. */
    static String ceiling(Map<CrmTable, Double> ceiling) {
        return CrmTable.values().stream()
                .filter(ceiling::containsKey)
                .map(t -> t.id() + "=" + Math.round(ceiling.get(t)))
                .collect(Collectors.joining(","));
    }

    /** What each job reads and writes: reports and analytics read the CRM; imports write it. */
    private static void grantJobAccess(WorkerKind kind, PolicyDocument task, TableSet tables, FileStore files) {
        List<CrmTable> crm = CrmTable.items();
        tables.grantReadWrite(task, "Jobs", List.of(CrmTable.JOBS));
        switch (kind) {
            case IMPORT:
                tables.grantReadWrite(task, "CrmData", List.of(CrmTable.CUSTOMERS, CrmTable.CONTACTS));
                files.grantRead(task, "ReadImports", "imports/");
                files.grantReadWrite(task, "WriteImportErrors", "import-errors/");
                break;
            case EXPORT:
                tables.grantRead(task, "CrmData", crm);
                files.grantReadWrite(task, "WriteExports", "exports/");
                break;
            case ANALYTICS:
                tables.grantRead(task, "CrmData", crm);
                files.grantReadWrite(task, "WriteAnalytics", "analytics/");
                break;
            default:
                tables.grantRead(task, "CrmData", crm);
                files.grantReadWrite(task, "WriteReports", "reports/");
        }
    }

    public WorkerKind kind() {
        return kind;
    }

    public Output<String> taskDefinitionArn() {
        return taskDefinition.arn();
    }

    public Output<String> family() {
        return taskDefinition.family();
    }

    public List<Output<String>> roleArns() {
        return List.of(executionRole.arn(), taskRole.arn());
    }

    public String containerName() {
        return kind.image();
    }
}
