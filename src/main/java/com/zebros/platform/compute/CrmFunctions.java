package com.zebros.platform.compute;

import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.lambda.EventSourceMapping;
import com.pulumi.aws.lambda.EventSourceMappingArgs;
import com.pulumi.aws.sns.Topic;
import com.pulumi.aws.sns.TopicArgs;
import com.pulumi.core.Output;
import com.zebros.platform.NamedOutputs;
import com.zebros.platform.StackContext;
import com.zebros.platform.ZebrosComponent;
import com.zebros.platform.cache.SessionCache;
import com.zebros.platform.config.CrmTable;
import com.zebros.platform.config.FunctionGroup;
import com.zebros.platform.config.PhaseTable;
import com.zebros.platform.config.RoleDecisions;
import com.zebros.platform.data.Dax;
import com.zebros.platform.data.FileStore;
import com.zebros.platform.data.TableSet;
import com.zebros.platform.iam.PolicyDocument;
import com.zebros.platform.network.Network;
import com.zebros.platform.network.SecurityRule;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The CRM API's functions, one per group of the phase table, each granted only what its routes
 * touch. The notification function reads the opportunities stream and publishes stage changes to
 * the notifications topic.
 */
public final class CrmFunctions extends ZebrosComponent {
    /**
     * A delivery's receives before it moves to the dead letters: with the webhooks function's backoff (10 s,
     * doubling, at most 15 minutes) the last of 20 comes about 3 h 20 min after the first (WebhooksTest sums the waits).
     */
    static final int WEBHOOK_RECEIVES = 20;

    private final EventSourceMapping stageChanges;
    private final EventSourceMapping recordEvents;
    private final com.pulumi.aws.sqs.Queue webhookDeliveries;
    private final com.pulumi.aws.sqs.Queue webhookDeadLetters;
    private final Map<FunctionGroup, CrmFunction> functions = new EnumMap<>(FunctionGroup.class);
    private final Topic notifications;

    private final Optional<CrmFunction.VpcPlacement> vpc;

    /**
     * What the functions use (the network they join from phase 2, the stores they read and write, the workflows they
     * start, the caches, and the realm whose tokens they accept), and how they are deployed.
     */
    public record Args(
            Network network,
            TableSet tables,
            FileStore files,
            Workflows workflows,
            Optional<Dax> dax,
            Optional<SessionCache> cache,
            String issuer,
            Deployment deployment) {}

    /**
     * @param sizes               each group's function
     * @param phase               the stack's phase, which the functions read ({@code STACK_PHASE})
     * @param notifiesFromStreams whether the stage-change mapping runs: only the active region notifies, a
     *                            secondary's mapping waits, disabled, for a failover (the runbook enables it)
     */
    public record Deployment(Map<FunctionGroup, CrmFunction.Size> sizes, int phase, boolean notifiesFromStreams) {
        public Deployment {
            if (!sizes.keySet().equals(java.util.EnumSet.allOf(FunctionGroup.class))) {
                throw new IllegalArgumentException("every function group needs its size, had " + sizes.keySet());
            }
        }

        /** Each group's function at the stack's phase, and whether its role notifies. */
        public static Deployment forStack(PhaseTable phases, RoleDecisions decisions, String artifact) {
            Map<FunctionGroup, CrmFunction.Size> sizes = new EnumMap<>(FunctionGroup.class);
            for (FunctionGroup group : FunctionGroup.values()) {
                sizes.put(group, CrmFunction.Size.forPhase(group, phases, artifact));
            }
            return new Deployment(sizes, phases.phase(), decisions.notifiesFromStreams());
        }
    }

    public CrmFunctions(String name, StackContext stack, Args args) {
        super("zebros:compute:CrmFunctions", name, stack);
        TableSet tables = args.tables();
        Deployment deployment = args.deployment();
        vpc = vpcPlacement(
                name,
                stack,
                args.network(),
                args.dax().isPresent() || args.cache().isPresent());
        notifications = new Topic(
                "notifications",
                TopicArgs.builder()
                        .name(stack.naming().physical("notifications"))
                        .kmsMasterKeyId("alias/aws/sns")
                        .build(),
                child());

        // SQS asks for a visibility timeout of at least six times the function's timeout on a Lambda event source
        // (https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-configure.html).
        var webhookQueues = QueueWithDeadLetters.of(
                        "webhook-deliveries",
                        "webhook-dead-letters",
                        6 * CrmFunction.timeoutSeconds(FunctionGroup.WEBHOOKS),
                        WEBHOOK_RECEIVES)
                .firstInFirstOut()
                .create(stack.naming(), child());
        webhookDeliveries = webhookQueues.queue();
        webhookDeadLetters = webhookQueues.deadLetters();

        // Resolved once for all the functions: each reads the same names.
        Output<Map<String, String>> environment = NamedOutputs.resolve(environment(stack, args));

        var grants = new FunctionPermissions(
                tables, args.files(), args.workflows(), notifications.arn(), webhookDeliveries.arn());
        for (FunctionGroup group : FunctionGroup.values()) {
            PolicyDocument permissions = grants.of(group);
            boolean servesRequests =
                    group.kind() == FunctionGroup.Kind.API || group.kind() == FunctionGroup.Kind.PROCESSING;
            if (servesRequests && group != FunctionGroup.AUTHORIZER) {
                args.dax().ifPresent(d -> d.grantAccess(permissions));
                args.cache().ifPresent(c -> c.grantReadToken(permissions));
            }
            functions.put(
                    group,
                    new CrmFunction(
                            group.id(),
                            stack,
                            new CrmFunction.Args(group, deployment.sizes().get(group), permissions, environment, vpc),
                            childComponent()));
        }

        stageChanges = streamMapping(tables, STAGE_CHANGES, deployment.notifiesFromStreams());
        recordEvents = streamMapping(tables, RECORD_EVENTS, deployment.notifiesFromStreams());
        webhookDeliveryMapping();

        new HourlySchedule(
                "phase-signals",
                stack.naming().physical("phase-signals"),
                functions.get(FunctionGroup.SIGNALS),
                child());
        new HourlySchedule(
                "migrations", stack.naming().physical("migrations"), functions.get(FunctionGroup.MIGRATIONS), child());

        Map<String, Output<?>> outputs = new LinkedHashMap<>();
        functions.forEach((g, f) -> outputs.put(g.id(), f.functionName()));
        registerOutputs(outputs);
    }

    /** From phase 2 DAX and Redis live only inside the VPC, so the functions do too, in a group of their own. */
    private Optional<CrmFunction.VpcPlacement> vpcPlacement(
            String name, StackContext stack, Network network, boolean inVpc) {
        if (!inVpc) {
            return Optional.empty();
        }
        var securityGroup = new SecurityGroup(
                name + "-sg",
                SecurityGroupArgs.builder()
                        .name(stack.naming().physical("functions"))
                        .description("CRM functions: no inbound; HTTPS out, DAX and Redis inside the VPC")
                        .vpcId(network.vpcId())
                        .build(),
                child());
        // EC2 allows only a-z, A-Z, 0-9, spaces and ._-:/()#,@[]+=&;{}!$* in descriptions: no apostrophe
        // (the preflight's ec2:AuthorizeSecurityGroupEgress IpRanges[].Description rule).
        SecurityRule.create(
                securityGroup.id(),
                List.of(
                        SecurityRule.outToRange(
                                name + "-https",
                                443,
                                SecurityRule.anywhere(),
                                "AWS APIs and the Keycloak signing keys over HTTPS"),
                        SecurityRule.outToRange(
                                name + "-to-" + Dax.TLS_PORT,
                                Dax.TLS_PORT,
                                network.vpcCidr(),
                                "caches in the data subnets"),
                        SecurityRule.outToRange(
                                name + "-to-" + SessionCache.PORT,
                                SessionCache.PORT,
                                network.vpcCidr(),
                                "caches in the data subnets")),
                child());
        return Optional.of(new CrmFunction.VpcPlacement(Output.all(network.appSubnetIds()), securityGroup.id()));
    }

    /** What every function reads from its environment: table, bucket, queue and topic names, the realm, the caches. */
    private Map<String, Output<String>> environment(StackContext stack, Args args) {
        Map<String, Output<String>> environment = new LinkedHashMap<>();
        for (CrmTable t : CrmTable.values()) {
            environment.put(t.environmentVariable(), args.tables().tableName(t));
        }
        environment.put("FILES_BUCKET", args.files().bucketName());
        environment.put("JOB_QUEUE_URL", args.workflows().jobQueueUrl());
        environment.put("NOTIFICATIONS_TOPIC_ARN", notifications.arn());
        environment.put("WEBHOOK_QUEUE_URL", webhookDeliveries.url());
        environment.put("TOKEN_ISSUER", Output.of(args.issuer()));
        environment.put("TOKEN_AUDIENCE", Output.of("zebros-api"));
        args.dax().ifPresent(d -> environment.put("DAX_ENDPOINT", d.endpoint()));
        args.cache().ifPresent(c -> {
            environment.put("REDIS_ENDPOINT", c.endpoint());
            environment.put("REDIS_TOKEN_SECRET_ARN", c.tokenSecretArn());
            environment.put("REDIS_CLUSTER_MODE", Output.of(c.clusterMode() ? "enabled" : "disabled"));
        });
        environment.put(
                "STACK_PHASE", Output.of(String.valueOf(args.deployment().phase())));
        environment.put("STACK_NAME", Output.of(stack.stackName()));
        environment.put("POWERTOOLS_SERVICE_NAME", Output.of("zebros-crm"));
        // A JIT that stops at C1 starts a JVM fastest, which is what a Lambda cold start pays for.
        environment.put("JAVA_TOOL_OPTIONS", Output.of("-XX:+TieredCompilation -XX:TieredStopAtLevel=1"));
        return environment;
    }

    /**
     * A function reading one table's stream, through Lambda's filter
     * (https://docs.aws.amazon.com/lambda/latest/dg/invocation-eventfiltering.html).
     *
     * @param windowSeconds how long Lambda gathers a batch
     * @param retries       the tries of a failing batch (each failing record is reported alone)
     * @param filter        the records the function gets
     */
    private record StreamSource(
            String name, CrmTable table, FunctionGroup group, int windowSeconds, int retries, String filter) {}

    /** Only updates can change a stage; inserts and removals never notify. */
    private static final StreamSource STAGE_CHANGES = new StreamSource(
            "opportunity-stage-changes",
            CrmTable.OPPORTUNITIES,
            FunctionGroup.NOTIFICATION,
            5,
            5,
            "{\"eventName\":[\"MODIFY\"]}");

    /**
     * The history entries inserted on the jobs table's stream (each item change writes one), by key prefix: what the
     * webhooks function turns into events.
     */
    private static final StreamSource RECORD_EVENTS = new StreamSource(
            "record-events",
            CrmTable.JOBS,
            FunctionGroup.WEBHOOKS,
            1,
            10,
            "{\"eventName\":[\"INSERT\"],\"dynamodb\":{\"Keys\":{\"jobId\":{\"S\":[{\"prefix\":\"#history#\"}]}}}}");

    /**
     * {@code source}'s mapping, enabled in the active region only: a secondary's stream carries the same replicated
     * changes, so it would notify, or send every webhook event, a second time; the runbook enables it on a failover.
     */
    private EventSourceMapping streamMapping(TableSet tables, StreamSource source, boolean activeRegion) {
        return new EventSourceMapping(
                source.name(),
                EventSourceMappingArgs.builder()
                        .eventSourceArn(tables.streamArn(source.table()))
                        .functionName(functions.get(source.group()).aliasArn())
                        .startingPosition("LATEST")
                        .enabled(activeRegion)
                        .batchSize(100)
                        .maximumBatchingWindowInSeconds(source.windowSeconds())
                        .bisectBatchOnFunctionError(true)
                        .maximumRetryAttempts(source.retries())
                        .functionResponseTypes("ReportBatchItemFailures")
                        .filterCriteria(com.pulumi.aws.lambda.inputs.EventSourceMappingFilterCriteriaArgs.builder()
                                .filters(
                                        com.pulumi.aws.lambda.inputs.EventSourceMappingFilterCriteriaFilterArgs
                                                .builder()
                                                .pattern(source.filter())
                                                .build())
                                .build())
                        .build(),
                child());
    }

    /** The delivery queue's messages to the webhooks function, ten at a time, failures reported one by one. */
    private void webhookDeliveryMapping() {
        new EventSourceMapping(
                "webhook-deliveries",
                EventSourceMappingArgs.builder()
                        .eventSourceArn(webhookDeliveries.arn())
                        .functionName(functions.get(FunctionGroup.WEBHOOKS).aliasArn())
                        .batchSize(10)
                        .functionResponseTypes("ReportBatchItemFailures")
                        .build(),
                child());
    }

    /** Where a webhook delivery lands after its last try: the endpoint never took it. */
    public Output<String> webhookDeadLetterQueueName() {
        return webhookDeadLetters.name();
    }

    /** The notification function's stream mapping (its id is the UUID the runbook enables or disables). */
    public Output<String> stageChangeMappingId() {
        return stageChanges.id();
    }

    /** The webhooks function's stream mapping (the runbook enables it where the active region moves). */
    public Output<String> recordEventMappingId() {
        return recordEvents.id();
    }

    /** The functions' security group once they run in the VPC. */
    public Optional<Output<String>> securityGroupId() {
        return vpc.map(CrmFunction.VpcPlacement::securityGroupId);
    }

    public CrmFunction function(FunctionGroup group) {
        return functions.get(group);
    }
}
