package com.zebros.platform.edge;

import com.pulumi.aws.apigateway.Account;
import com.pulumi.aws.apigateway.AccountArgs;
import com.pulumi.aws.apigateway.Authorizer;
import com.pulumi.aws.apigateway.AuthorizerArgs;
import com.pulumi.aws.apigateway.Deployment;
import com.pulumi.aws.apigateway.DeploymentArgs;
import com.pulumi.aws.apigateway.Integration;
import com.pulumi.aws.apigateway.IntegrationArgs;
import com.pulumi.aws.apigateway.Method;
import com.pulumi.aws.apigateway.MethodArgs;
import com.pulumi.aws.apigateway.MethodSettings;
import com.pulumi.aws.apigateway.MethodSettingsArgs;
import com.pulumi.aws.apigateway.Resource;
import com.pulumi.aws.apigateway.ResourceArgs;
import com.pulumi.aws.apigateway.Stage;
import com.pulumi.aws.apigateway.StageArgs;
import com.pulumi.aws.apigateway.inputs.MethodSettingsSettingsArgs;
import com.pulumi.aws.apigateway.inputs.RestApiEndpointConfigurationArgs;
import com.pulumi.aws.apigateway.inputs.StageAccessLogSettingsArgs;
import com.pulumi.aws.iam.RolePolicyAttachment;
import com.pulumi.aws.iam.RolePolicyAttachmentArgs;
import com.pulumi.aws.lambda.Permission;
import com.pulumi.aws.lambda.PermissionArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.zebros.platform.StackContext;
import com.zebros.platform.ZebrosComponent;
import com.zebros.platform.compute.CrmFunction;
import com.zebros.platform.compute.CrmFunctions;
import com.zebros.platform.config.FunctionGroup;
import com.zebros.platform.config.PhaseTable;
import com.zebros.platform.iam.PolicyDocument;
import com.zebros.platform.iam.ServiceRole;
import com.zebros.platform.ops.LogGroups;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CRM's REST API. REST rather than HTTP because only REST stages take a regional WAF web ACL
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-control-access-aws-waf.html), which the
 * seeds add in phase 2; REST has no native JWT authorizer, so a Lambda authorizer verifies Keycloak's tokens
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-vs-rest.html). Every integration targets a
 * function's {@code live} alias so SnapStart applies (https://docs.aws.amazon.com/lambda/latest/dg/snapstart.html). The
 * stage logs every request as JSON and is throttled to the phase's limits.
 */
public final class RestApi extends ZebrosComponent {
    public static final String STAGE = "live";

    private final com.pulumi.aws.apigateway.RestApi api;
    private final Stage stage;

    /**
     * The stage's throttling, the same in both regions because the secondary takes all traffic after a
     * failover, and well inside the account's 10,000 requests per second
     * (https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html).
     *
     * @param ratePerSecond steady requests per second
     * @param burst         the burst above it
     */
    public record Throttling(int ratePerSecond, int burst) {
        public Throttling {
            if (ratePerSecond < 1 || ratePerSecond > 10000 || burst < 1 || burst > 5000) {
                throw new IllegalArgumentException(
                        "API throttling is 1-10000 requests per second with a burst of 1-5000, was " + ratePerSecond
                                + "/" + burst);
            }
        }

        public static Throttling forPhase(PhaseTable phases) {
            return new Throttling(phases.apiRateLimit(), phases.apiBurstLimit());
        }
    }

    private final Throttling throttling;

    /**
     * @param functions  the functions behind the routes and the authorizer
     * @param throttling the stage's rate and burst limits
     */
    public record Args(CrmFunctions functions, Throttling throttling) {}

    public RestApi(String name, StackContext stack, Args args) {
        super("zebros:edge:RestApi", name, stack);
        CrmFunctions functions = args.functions();
        this.throttling = args.throttling();
        var naming = stack.naming();
        api = new com.pulumi.aws.apigateway.RestApi(
                name,
                com.pulumi.aws.apigateway.RestApiArgs.builder()
                        .name(naming.physical("api"))
                        .description("Zebros CRM API, stack " + stack.stackName())
                        .endpointConfiguration(RestApiEndpointConfigurationArgs.builder()
                                .types("REGIONAL")
                                .build())
                        .minimumCompressionSize("1024")
                        .build(),
                child());

        var authorizer = authorizer(name, functions);
        List<com.pulumi.resources.Resource> wiring = routes(functions, authorizer);
        wiring.addAll(GatewayResponses.create(name, api.id(), child()));
        for (FunctionGroup group : servedGroups()) {
            permitInvoke(name + "-" + group.id() + "-invoke", functions.function(group), "/*/*/*");
        }

        var deployment = new Deployment(
                name + "-deployment",
                DeploymentArgs.builder()
                        .restApi(api.id())
                        .description("Routes " + routesHash())
                        // A new deployment whenever the routes change; the stage then moves to it.
                        .triggers(
                                Map.of("routes", routesHash(), "gatewayResponses", sha256(GatewayResponses.DEFINITION)))
                        .build(),
                CustomResourceOptions.builder()
                        .parent(this)
                        .provider(stack.provider())
                        .dependsOn(wiring)
                        .build());

        stage = stage(name, stack, deployment);

        registerOutputs(Map.of("url", url()));
    }

    /** Keycloak's tokens checked by the authorizer function; a verified token's policy is cached per token. */
    private Authorizer authorizer(String name, CrmFunctions functions) {
        CrmFunction authorizerFunction = functions.function(FunctionGroup.AUTHORIZER);
        var authorizer = new Authorizer(
                name + "-authorizer",
                AuthorizerArgs.builder()
                        .restApi(api.id())
                        .name("keycloak-jwt")
                        .type("TOKEN")
                        .authorizerUri(authorizerFunction.aliasInvokeArn())
                        .identitySource("method.request.header.Authorization")
                        .identityValidationExpression("^Bearer [-0-9A-Za-z._~+/]+=*$")
                        // A verified token's policy is cached per token for five minutes.
                        .authorizerResultTtlInSeconds(300)
                        .build(),
                child());
        permitInvoke(name + "-authorizer-invoke", authorizerFunction, "/authorizers/*");
        return authorizer;
    }

    /** A method and its Lambda proxy integration per route of the OpenAPI document; answers what the deployment waits for. */
    private List<com.pulumi.resources.Resource> routes(CrmFunctions functions, Authorizer authorizer) {
        Map<String, Output<String>> resourceIds = new LinkedHashMap<>();
        resourceIds.put("", api.rootResourceId());
        List<com.pulumi.resources.Resource> wiring = new ArrayList<>();
        for (ApiRoutes.Route route : ApiRoutes.ROUTES) {
            Output<String> resourceId = resource(route.path(), resourceIds);
            var methodArgs = MethodArgs.builder()
                    .restApi(api.id())
                    .resourceId(resourceId)
                    .httpMethod(route.method())
                    .authorization(route.authorized() ? "CUSTOM" : "NONE");
            if (route.authorized()) {
                methodArgs.authorizerId(authorizer.id());
            }
            var method = new Method(
                    ApiRoutes.logicalName(route.path()) + "-" + route.method().toLowerCase(),
                    methodArgs.build(),
                    child());
            var integration = new Integration(
                    ApiRoutes.logicalName(route.path()) + "-integration",
                    IntegrationArgs.builder()
                            .restApi(api.id())
                            .resourceId(resourceId)
                            .httpMethod(method.httpMethod())
                            .type("AWS_PROXY")
                            .integrationHttpMethod("POST")
                            .uri(functions.function(route.group()).aliasInvokeArn())
                            .timeoutMilliseconds(29000)
                            .build(),
                    child());
            wiring.add(method);
            wiring.add(integration);
        }
        return wiring;
    }

    /** The stage: access logs, X-Ray, execution logs to a group the stack made first, the phase's throttling. */
    private Stage stage(String name, StackContext stack, Deployment deployment) {
        var accessLogs = LogGroups.create(name + "-access-logs", accessLogGroupName(), stack, child());
        var account = apiGatewayLoggingRole(name, stack);
        // API Gateway writes execution logs (loggingLevel below) to this group, creating it without retention or
        // encryption unless it exists first; so the stack creates it before the stage, with the phase's retention.
        // The name is API Gateway's own:
        // https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-logging.html
        var executionLogs = LogGroups.create(
                name + "-execution-logs",
                api.id().applyValue(id -> "API-Gateway-Execution-Logs_" + id + "/" + STAGE),
                stack,
                child());
        var stage = new Stage(
                name + "-stage",
                StageArgs.builder()
                        .restApi(api.id())
                        .deployment(deployment.id())
                        .stageName(STAGE)
                        .xrayTracingEnabled(true)
                        .accessLogSettings(StageAccessLogSettingsArgs.builder()
                                .destinationArn(accessLogs.arn())
                                .format(ACCESS_LOG_FORMAT)
                                .build())
                        .build(),
                childAfter(account, executionLogs));
        new MethodSettings(
                name + "-settings",
                MethodSettingsArgs.builder()
                        .restApi(api.id())
                        .stageName(stage.stageName())
                        .methodPath("*/*")
                        .settings(MethodSettingsSettingsArgs.builder()
                                .metricsEnabled(true)
                                .loggingLevel("ERROR")
                                .dataTraceEnabled(false)
                                .throttlingRateLimit((double) throttling.ratePerSecond())
                                .throttlingBurstLimit(throttling.burst())
                                .build())
                        .build(),
                child());
        return stage;
    }

    /** One JSON line per request: what the seeds' per-endpoint latency and error rate are read from. */
    static final String ACCESS_LOG_FORMAT =
            "{\"requestId\":\"$context.requestId\",\"ip\":\"$context.identity.sourceIp\","
                    + "\"method\":\"$context.httpMethod\",\"resource\":\"$context.resourcePath\",\"status\":\"$context.status\","
                    + "\"latencyMs\":\"$context.responseLatency\",\"integrationLatencyMs\":\"$context.integrationLatency\","
                    + "\"tenant\":\"$context.authorizer.tenantId\",\"user\":\"$context.authorizer.principalId\","
                    + "\"error\":\"$context.error.message\"}";

    /** The access log's group: what the active-users rule reads. */
    public String accessLogGroupName() {
        return "/zebros/" + stack.stackName() + "/api-access";
    }

    /**
     * API Gateway writes execution logs through one role per account and region. Two stacks in one
     * region both set it; the setting is idempotent and outlives either stack.
     */
    private Account apiGatewayLoggingRole(String name, StackContext stack) {
        var role = new ServiceRole(
                name + "-cloudwatch",
                stack.naming().physical("apigateway-logs"),
                "apigateway.amazonaws.com",
                new PolicyDocument(),
                child());
        var attachment = new RolePolicyAttachment(
                name + "-cloudwatch",
                RolePolicyAttachmentArgs.builder()
                        .role(role.name())
                        .policyArn("arn:aws:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs")
                        .build(),
                child());
        return new Account(
                name + "-account",
                AccountArgs.builder().cloudwatchRoleArn(role.arn()).build(),
                childAfter(attachment));
    }

    private Output<String> resource(String path, Map<String, Output<String>> ids) {
        if (ids.containsKey(path)) {
            return ids.get(path);
        }
        int slash = path.lastIndexOf('/');
        Output<String> parentId = resource(path.substring(0, slash), ids);
        var resource = new Resource(
                ApiRoutes.logicalName(path),
                ResourceArgs.builder()
                        .restApi(api.id())
                        .parentId(parentId)
                        .pathPart(path.substring(slash + 1))
                        .build(),
                child());
        ids.put(path, resource.id());
        return resource.id();
    }

    private void permitInvoke(String name, CrmFunction function, String sourcePath) {
        new Permission(
                name,
                PermissionArgs.builder()
                        .action("lambda:InvokeFunction")
                        .function(function.functionName())
                        .qualifier(CrmFunction.ALIAS)
                        .principal("apigateway.amazonaws.com")
                        .sourceArn(api.executionArn().applyValue(arn -> arn + sourcePath))
                        .build(),
                child());
    }

    private static List<FunctionGroup> servedGroups() {
        return ApiRoutes.ROUTES.stream().map(ApiRoutes.Route::group).distinct().toList();
    }

    static String routesHash() {
        StringBuilder all = new StringBuilder();
        for (ApiRoutes.Route r : ApiRoutes.ROUTES) {
            all.append(r.method())
                    .append(' ')
                    .append(r.path())
                    .append(' ')
                    .append(r.group())
                    .append(' ')
                    .append(r.authorized())
                    .append('\n');
        }
        return sha256(all.toString());
    }

    /** 16 hex digits of SHA-256: a deployment trigger that changes exactly when its text does. */
    static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The stage's base URL; paths start with /v1. */
    public Output<String> url() {
        return stage.invokeUrl();
    }

    /** The execute-api host CloudFront forwards to. */
    public Output<String> originHost() {
        return api.id().applyValue(id -> id + ".execute-api." + stack.region() + ".amazonaws.com");
    }

    public Output<String> stageArn() {
        return stage.arn();
    }

    public Output<String> apiName() {
        return api.name();
    }

    public Output<String> apiId() {
        return api.id();
    }
}
