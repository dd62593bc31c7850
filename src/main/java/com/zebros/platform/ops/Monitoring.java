package com.zebros.platform.ops;

import com.pulumi.aws.cloudwatch.Dashboard;
import com.pulumi.aws.cloudwatch.DashboardArgs;
import com.pulumi.aws.sns.Topic;
import com.pulumi.aws.sns.TopicArgs;
import com.pulumi.aws.sns.TopicSubscription;
import com.pulumi.aws.sns.TopicSubscriptionArgs;
import com.pulumi.core.Output;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The seeds' "Monitoring for scale" and "Scaling triggers": one dashboard with every metric of the
 * monitoring list, and an alarm for every trigger, to an encrypted SNS topic that mails the on-call
 * address from config. Where AWS can act on a trigger (Fargate, DynamoDB, provisioned concurrency),
 * target tracking at 70 % already does; the alarm says a person should look.
 */
public final class Monitoring extends ZebrosComponent {
    private final Topic alarms;
    private final Dashboard dashboard;

    /**
     * The metric names the stack watches, resolved; what the dashboard and alarms are built from.
     * {@code activeUsers} is the metric math expression of distinct users per period; {@code workerFamilies} the
     * task definition family of each kind of worker, by kind; {@code stack} the dimension of the phase signals.
     */
    public record Watched(String region, String apiName, String stage, Map<String, String> functions,
                          Map<String, String> tables, String clusterName, String keycloakService, String poolService,
                          String jobQueue, String poolQueue, String stateMachineArn, String bucket, String activeUsers,
                          Map<String, String> workerFamilies, String stack, String auroraCluster) {
    }

    /** The components the dashboard and the alarms watch. */
    public record Monitored(RestApi api, CrmFunctions functions, TableSet tables, ContainerCluster cluster,
                            Keycloak keycloak, Workflows workflows, FileStore files) {
    }

    /**
     * @param monitored  what the dashboard and the alarms watch
     * @param thresholds where each alarm fires, by phase
     * @param alarmEmail the on-call address the alarm topic mails ({@code zebros:alarmEmail}); none, no subscription
     */
    public record Args(Monitored monitored, Alarms.Thresholds thresholds, Optional<String> alarmEmail) {
    }

    public Monitoring(String name, StackContext stack, Args args) {
        super("zebros:ops:Monitoring", name, stack);
        Monitored monitored = args.monitored();
        RestApi api = monitored.api();
        alarms = new Topic(name + "-alarms", TopicArgs.builder()
                .name(stack.naming().physical("alarms"))
                .kmsMasterKeyId(stack.opsKeyArn())
                .build(), child());
        args.alarmEmail().ifPresent(email -> new TopicSubscription(name + "-oncall", TopicSubscriptionArgs.builder()
                .topic(alarms.arn()).protocol("email").endpoint(email).build(), child()));

        var activeUsers = new ActiveUsers(name + "-active-users", stack.naming().physical("active-users"),
                api.accessLogGroupName(), child());
        Output<Watched> watched = watched(stack, monitored, activeUsers.uniqueUsers());
        dashboard = new Dashboard(name + "-dashboard", DashboardArgs.builder()
                .dashboardName(stack.naming().physical("crm"))
                .dashboardBody(watched.applyValue(DashboardBody::render))
                .build(), child());
        new Alarms(name, stack, new Alarms.Args(args.thresholds(), watched, alarms.arn()), this);
        registerOutputs(Map.of("alarmTopicArn", alarms.arn()));
    }

    private static Output<Watched> watched(StackContext stack, Monitored monitored, String activeUsers) {
        var functions = monitored.functions();
        var tables = monitored.tables();
        var workflows = monitored.workflows();
        List<Output<String>> functionNames = new ArrayList<>();
        for (FunctionGroup g : FunctionGroup.values()) {
            functionNames.add(functions.function(g).functionName());
        }
        List<Output<String>> tableNames = new ArrayList<>();
        for (CrmTable t : CrmTable.values()) {
            tableNames.add(tables.tableName(t));
        }
        Output<String> poolService = workflows.reportPool().map(p -> p.service().name()).orElse(Output.of(""));
        Output<String> poolQueue = workflows.reportPool().map(p -> p.queueName()).orElse(Output.of(""));
        var first = Output.tuple(monitored.api().apiName(), Output.all(functionNames), Output.all(tableNames),
                monitored.cluster().name(), monitored.keycloak().service().name(), poolService);
        List<Output<String>> families = new ArrayList<>();
        for (WorkerKind kind : WorkerKind.values()) {
            families.add(workflows.worker(kind).family());
        }
        var second = Output.tuple(workflows.jobQueueName(), poolQueue, workflows.stateMachineArn(),
                monitored.files().bucketName(), Output.all(families));
        return Output.tuple(first, second).applyValue(t -> {
            Map<String, String> fns = new LinkedHashMap<>();
            for (FunctionGroup g : FunctionGroup.values()) {
                fns.put(g.id(), t.t1.t2.get(g.ordinal()));
            }
            Map<String, String> tbl = new LinkedHashMap<>();
            for (CrmTable c : CrmTable.values()) {
                tbl.put(c.id(), t.t1.t3.get(c.ordinal()));
            }
            return new Watched(stack.region(), t.t1.t1, RestApi.STAGE, fns, tbl, t.t1.t4, t.t1.t5, t.t1.t6,
                    t.t2.t1, t.t2.t2, t.t2.t3, t.t2.t4, activeUsers, byKind(t.t2.t5), stack.stackName(),
                    AuthDatabase.clusterIdentifier(stack));
        });
    }

    private static Map<String, String> byKind(List<String> families) {
        Map<String, String> byKind = new LinkedHashMap<>();
        for (WorkerKind kind : WorkerKind.values()) {
            byKind.put(kind.id(), families.get(kind.ordinal()));
        }
        return byKind;
    }

    public Output<String> alarmTopicArn() {
        return alarms.arn();
    }
}
