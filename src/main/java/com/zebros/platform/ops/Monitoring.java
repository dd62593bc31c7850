package com.zebros.platform.ops;

import com.pulumi.aws.cloudwatch.Dashboard;
import com.pulumi.aws.cloudwatch.DashboardArgs;
import com.pulumi.aws.sns.Topic;
import com.pulumi.aws.sns.TopicArgs;
import com.pulumi.aws.sns.TopicSubscription;
import com.pulumi.aws.sns.TopicSubscriptionArgs;
import com.pulumi.core.Output;
import com.zebros.platform.NamedOutputs;
import com.zebros.platform.StackContext;
import com.zebros.platform.ZebrosComponent;
import com.zebros.platform.auth.AuthDatabase;
import com.zebros.platform.auth.Keycloak;
import com.zebros.platform.compute.ContainerCluster;
import com.zebros.platform.compute.CrmFunctions;
import com.zebros.platform.compute.Workflows;
import com.zebros.platform.config.CrmTable;
import com.zebros.platform.config.FunctionGroup;
import com.zebros.platform.config.WorkerKind;
import com.zebros.platform.data.FileStore;
import com.zebros.platform.data.TableSet;
import com.zebros.platform.edge.RestApi;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The seeds' "Monitoring for scale" and "Scaling triggers": one dashboard with every metric of the
 * monitoring list, and an alarm for every trigger, to an encrypted SNS topic that mails the on-call
 * address from config. Where AWS can act on a trigger (Fargate, DynamoDB, provisioned concurrency),
 * target tracking at 70 % already does; the alarm says a person should look.
 */
public final class Monitoring extends ZebrosComponent {
    /** The keys of {@link Watched#deadLetterQueues}. */
    static final String DEAD_JOBS = "jobs";

    static final String DEAD_WEBHOOKS = "webhooks";
    static final String DEAD_REPORTS = "reports";

    private final Topic alarms;
    private final Dashboard dashboard;

    /**
     * The metric names the stack watches, resolved; what the dashboard and alarms are built from.
     * {@code activeUsers} is the metric math expression of distinct users per period; {@code workerFamilies} the
     * task definition family of each kind of worker, by kind; {@code stack} the dimension of the phase signals;
     * {@code deadLetterQueues} each dead-letter queue by what lands in it.
     */
    public record Watched(
            String region,
            String apiName,
            String stage,
            Map<String, String> functions,
            Map<String, String> tables,
            String clusterName,
            String keycloakService,
            String poolService,
            String jobQueue,
            String poolQueue,
            String stateMachineArn,
            String bucket,
            String activeUsers,
            Map<String, String> workerFamilies,
            String stack,
            String auroraCluster,
            Map<String, String> deadLetterQueues) {}

    /**
     * The components the dashboard and the alarms watch (the API to the files), where each alarm fires, and whom the
     * alarms mail.
     *
     * @param thresholds where each alarm fires, by phase
     * @param alarmEmail the on-call address the alarm topic mails ({@code zebros:alarmEmail}); none, no subscription
     */
    public record Args(
            RestApi api,
            CrmFunctions functions,
            TableSet tables,
            ContainerCluster cluster,
            Keycloak keycloak,
            Workflows workflows,
            FileStore files,
            Alarms.Thresholds thresholds,
            Optional<String> alarmEmail) {}

    public Monitoring(String name, StackContext stack, Args args) {
        super("zebros:ops:Monitoring", name, stack);
        alarms = new Topic(
                name + "-alarms",
                TopicArgs.builder()
                        .name(stack.naming().physical("alarms"))
                        .kmsMasterKeyId(stack.opsKeyArn())
                        .build(),
                child());
        args.alarmEmail()
                .ifPresent(email -> new TopicSubscription(
                        name + "-oncall",
                        TopicSubscriptionArgs.builder()
                                .topic(alarms.arn())
                                .protocol("email")
                                .endpoint(email)
                                .build(),
                        child()));

        var activeUsers = new ActiveUsers(
                name + "-active-users",
                stack.naming().physical("active-users"),
                args.api().accessLogGroupName(),
                child());
        Output<Watched> watched = watched(stack, args, activeUsers.uniqueUsers());
        dashboard = new Dashboard(
                name + "-dashboard",
                DashboardArgs.builder()
                        .dashboardName(stack.naming().physical("crm"))
                        .dashboardBody(watched.applyValue(DashboardBody::render))
                        .build(),
                child());
        new Alarms(name, stack, new Alarms.Args(args.thresholds(), watched, alarms.arn()), this);
        registerOutputs(Map.of("alarmTopicArn", alarms.arn()));
    }

    private static Output<Watched> watched(StackContext stack, Args monitored, String activeUsers) {
        var workflows = monitored.workflows();
        Map<String, Output<String>> functions = new LinkedHashMap<>();
        for (FunctionGroup g : FunctionGroup.values()) {
            functions.put(g.id(), monitored.functions().function(g).functionName());
        }
        Map<String, Output<String>> tables = new LinkedHashMap<>();
        for (CrmTable t : CrmTable.values()) {
            tables.put(t.id(), monitored.tables().tableName(t));
        }
        Map<String, Output<String>> families = new LinkedHashMap<>();
        for (WorkerKind kind : WorkerKind.values()) {
            families.put(kind.id(), workflows.worker(kind).family());
        }
        return new NamedOutputs()
                .put("api", monitored.api().apiName())
                .put("cluster", monitored.cluster().name())
                .put("keycloakService", monitored.keycloak().service().name())
                .put(
                        "poolService",
                        workflows.reportPool().map(p -> p.service().name()).orElse(Output.of("")))
                .put("jobQueue", workflows.jobQueueName())
                .put("poolQueue", workflows.reportPool().map(p -> p.queueName()).orElse(Output.of("")))
                .putAll("deadLetters", deadLetterQueues(monitored))
                .put("stateMachine", workflows.stateMachineArn())
                .put("bucket", monitored.files().bucketName())
                .putAll("function", functions)
                .putAll("table", tables)
                .putAll("family", families)
                .apply(v -> new Watched(
                        stack.region(),
                        v.string("api"),
                        RestApi.STAGE,
                        v.strings("function"),
                        v.strings("table"),
                        v.string("cluster"),
                        v.string("keycloakService"),
                        v.string("poolService"),
                        v.string("jobQueue"),
                        v.string("poolQueue"),
                        v.string("stateMachine"),
                        v.string("bucket"),
                        activeUsers,
                        v.strings("family"),
                        stack.stackName(),
                        AuthDatabase.clusterIdentifier(stack),
                        v.strings("deadLetters")));
    }

    /** Each dead-letter queue by what lands in it: jobs, webhook deliveries and, with a pool, report work. */
    private static Map<String, Output<String>> deadLetterQueues(Args monitored) {
        Map<String, Output<String>> queues = new LinkedHashMap<>();
        queues.put(DEAD_JOBS, monitored.workflows().jobDeadLetterQueueName());
        queues.put(DEAD_WEBHOOKS, monitored.functions().webhookDeadLetterQueueName());
        monitored.workflows().reportPool().ifPresent(pool -> queues.put(DEAD_REPORTS, pool.deadLetterQueueName()));
        return queues;
    }

    public Output<String> alarmTopicArn() {
        return alarms.arn();
    }
}
