package com.zebros.platform.compute;

import com.pulumi.asset.FileArchive;
import com.pulumi.aws.lambda.Alias;
import com.pulumi.aws.lambda.AliasArgs;
import com.pulumi.aws.lambda.Function;
import com.pulumi.aws.lambda.FunctionArgs;
import com.pulumi.aws.lambda.inputs.FunctionEnvironmentArgs;
import com.pulumi.aws.lambda.inputs.FunctionLoggingConfigArgs;
import com.pulumi.aws.lambda.inputs.FunctionSnapStartArgs;
import com.pulumi.aws.lambda.inputs.FunctionTracingConfigArgs;
import com.pulumi.aws.lambda.inputs.FunctionVpcConfigArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import com.zebros.platform.StackContext;
import com.zebros.platform.ZebrosComponent;
import com.zebros.platform.config.FunctionGroup;
import com.zebros.platform.config.PhaseSetting;
import com.zebros.platform.config.PhaseTable;
import com.zebros.platform.config.Range;
import com.zebros.platform.iam.PolicyDocument;
import com.zebros.platform.iam.ServiceRole;
import com.zebros.platform.ops.AutoScaling;
import com.zebros.platform.ops.LogGroups;
import java.util.List;
import java.util.Map;

/**
 * One Lambda function of the CRM API: its own least-privilege role, its own log group, a published
 * version and the {@code live} alias everything invokes.
 *
 * <p>SnapStart only works on published versions (https://docs.aws.amazon.com/lambda/latest/dg/snapstart.html), so the
 * function publishes and callers go through the alias. SnapStart and provisioned concurrency do not combine on one
 * version (https://docs.aws.amazon.com/lambda/latest/dg/snapstart.html): a function whose phase gives it provisioned
 * concurrency (the API functions in phase 3) drops SnapStart, because provisioned environments are initialised before
 * traffic and gain nothing from a snapshot; every other function keeps SnapStart, which cuts a Java cold start the
 * most.
 */
public final class CrmFunction extends ZebrosComponent {
    public static final String ALIAS = "live";
    public static final String RUNTIME = "java21";

    private final FunctionGroup group;
    private final Function function;
    private final Alias alias;

    /** Where a function runs when it must reach the VPC (DAX and Redis, from phase 2). */
    public record VpcPlacement(Output<List<String>> subnetIds, Output<String> securityGroupId) {}

    /**
     * The function's size and concurrency, and the code it runs.
     *
     * @param memoryMb            its memory
     * @param reserved            its reserved concurrency, when it is not provisioned
     * @param provisioned         its provisioned concurrency range on the alias (phase 3's API functions), which
     *                            replaces SnapStart and the reservation
     * @param utilisationPercent  the utilisation the provisioned range's scaling holds
     * @param artifact            the deployment jar
     */
    public record Size(
            int memoryMb,
            int reserved,
            java.util.Optional<Range> provisioned,
            double utilisationPercent,
            String artifact) {
        public Size {
            if (memoryMb < PhaseSetting.LAMBDA_MEMORY_MB.min() || memoryMb > PhaseSetting.LAMBDA_MEMORY_MB.max()) {
                throw new IllegalArgumentException("Lambda memory is " + (int) PhaseSetting.LAMBDA_MEMORY_MB.min()
                        + " to " + (int) PhaseSetting.LAMBDA_MEMORY_MB.max() + " MB, was " + memoryMb);
            }
        }

        /** The group's function at a phase. */
        public static Size forPhase(FunctionGroup group, PhaseTable phases, String artifact) {
            boolean provisioned = phases.usesProvisionedConcurrency(group);
            return new Size(
                    phases.lambdaMemoryMb(group),
                    provisioned ? 0 : phases.reservedConcurrency(group),
                    provisioned
                            ? java.util.Optional.of(phases.provisionedConcurrency(group))
                            : java.util.Optional.empty(),
                    phases.scalingTargetPercent(),
                    artifact);
        }
    }

    private final Size size;

    /**
     * Which group's function, its size, and what it runs with.
     *
     * @param permissions what its routes touch, and nothing more
     * @param environment the names it reads at start
     * @param vpc         where it runs when it must reach the VPC (DAX and Redis, from phase 2)
     */
    public record Args(
            FunctionGroup group,
            Size size,
            PolicyDocument permissions,
            Output<Map<String, String>> environment,
            java.util.Optional<VpcPlacement> vpc) {}

    /** @param name the group's id, which its resources' names carry too */
    public CrmFunction(String name, StackContext stack, Args args, ComponentResourceOptions options) {
        super("zebros:compute:CrmFunction", name, stack, options);
        FunctionGroup group = args.group();
        this.group = group;
        this.size = args.size();
        java.util.Optional<VpcPlacement> vpc = args.vpc();
        var naming = stack.naming();
        String functionName = naming.physical(group.id());

        var logGroup = LogGroups.create(group.id() + "-logs", "/aws/lambda/" + functionName, stack, child());
        var role = role(functionName, logGroup, args.permissions(), vpc.isPresent());
        var functionArgs = functionArgs(functionName, stack, role, logGroup, args.environment(), vpc);
        function = new Function(group.id(), functionArgs.build(), childAfter(role.policy()));
        alias = new Alias(
                group.id() + "-live",
                AliasArgs.builder()
                        .name(ALIAS)
                        .functionName(function.name())
                        .functionVersion(function.version())
                        .description("What the API, the authorizer and event sources invoke")
                        .build(),
                child());
        // Provisioned environments on the alias, kept at the target utilisation between the phase's bounds.
        size.provisioned()
                .ifPresent(range -> AutoScaling.target(
                                group.id() + "-provisioned",
                                "lambda",
                                function.name().applyValue(n -> "function:" + n + ":" + ALIAS),
                                "lambda:function:ProvisionedConcurrency",
                                range,
                                childAfter(alias))
                        .track(
                                "utilisation",
                                "LambdaProvisionedConcurrencyUtilization",
                                size.utilisationPercent() / 100.0));
        registerOutputs(Map.of("functionName", function.name()));
    }

    /** The function's role: its own log group, tracing, and the VPC's network interfaces when it runs there. */
    private ServiceRole role(
            String functionName,
            com.pulumi.aws.cloudwatch.LogGroup logGroup,
            PolicyDocument permissions,
            boolean inVpc) {
        permissions.allow(
                "WriteLogs",
                List.of("logs:CreateLogStream", "logs:PutLogEvents"),
                List.of(logGroup.arn().applyValue(arn -> arn + ":*")));
        // X-Ray accepts no resource narrower than "*".
        permissions.allowOnAnyResource("Tracing", List.of("xray:PutTraceSegments", "xray:PutTelemetryRecords"));
        if (inVpc) {
            // Lambda manages its network interfaces with actions IAM cannot scope to a resource.
            permissions.allowOnAnyResource(
                    "VpcNetworking",
                    List.of(
                            "ec2:CreateNetworkInterface",
                            "ec2:DescribeNetworkInterfaces",
                            "ec2:DeleteNetworkInterface",
                            "ec2:AssignPrivateIpAddresses",
                            "ec2:UnassignPrivateIpAddresses"));
        }
        return new ServiceRole(group.id() + "-role", functionName, "lambda.amazonaws.com", permissions, child());
    }

    /** The function's settings from the phase table: memory, SnapStart or provisioned concurrency, reservation. */
    private FunctionArgs.Builder functionArgs(
            String functionName,
            StackContext stack,
            ServiceRole role,
            com.pulumi.aws.cloudwatch.LogGroup logGroup,
            Output<Map<String, String>> environment,
            java.util.Optional<VpcPlacement> vpc) {
        var args = FunctionArgs.builder()
                .name(functionName)
                .runtime(RUNTIME)
                .handler(group.handler())
                .code(new FileArchive(size.artifact()))
                .role(role.arn())
                .memorySize(size.memoryMb())
                .timeout(timeoutSeconds(group))
                .publish(true)
                .architectures("x86_64")
                .environment(
                        FunctionEnvironmentArgs.builder().variables(environment).build())
                .tracingConfig(
                        FunctionTracingConfigArgs.builder().mode("Active").build())
                .loggingConfig(FunctionLoggingConfigArgs.builder()
                        .logFormat("JSON")
                        .logGroup(logGroup.name())
                        .applicationLogLevel("INFO")
                        .systemLogLevel("WARN")
                        .build());
        vpc.ifPresent(placement -> args.vpcConfig(FunctionVpcConfigArgs.builder()
                .subnetIds(placement.subnetIds())
                .securityGroupIds(placement.securityGroupId().applyValue(List::of))
                .build()));
        if (size.provisioned().isPresent()) {
            return args;
        }
        // SnapStart and provisioned concurrency do not combine on a version
        // (https://docs.aws.amazon.com/lambda/latest/dg/snapstart.html); a provisioned function's concurrency is
        // its provisioned range, so only the others get a reservation.
        return args.snapStart(FunctionSnapStartArgs.builder()
                        .applyOn("PublishedVersions")
                        .build())
                .reservedConcurrentExecutions(size.reserved());
    }

    /** API calls must answer inside API Gateway's 29 s; processing gets a minute. */
    static int timeoutSeconds(FunctionGroup group) {
        if (group == FunctionGroup.MIGRATIONS) {
            // Lambda's longest (https://docs.aws.amazon.com/lambda/latest/dg/configuration-timeout.html): a migration
            // checkpoints as it goes, so a longer run only means fewer hours until it is done.
            return 900;
        }
        switch (group.kind()) {
            case PROCESSING:
                return 60;
            case EVENT:
                return 30;
            case COORDINATION:
                return 60;
            default:
                return 10;
        }
    }

    public FunctionGroup group() {
        return group;
    }

    public Output<String> functionName() {
        return function.name();
    }

    public Output<String> aliasArn() {
        return alias.arn();
    }

    public Output<String> aliasInvokeArn() {
        return alias.invokeArn();
    }

    public Alias alias() {
        return alias;
    }
}
