package com.zebros.platform.ops;

import com.zebros.platform.CanonicalJson;
import com.zebros.platform.config.ConfigProblem;
import com.zebros.platform.config.FunctionGroup;
import com.zebros.platform.config.InvalidStackConfigException;
import com.zebros.platform.config.PhaseSetting;
import com.zebros.platform.config.StackSettings;
import com.zebros.platform.naming.Naming;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One Power Tuning run of one function group: the state machine's input (README-INPUT-OUTPUT.md of the
 * application) with a payload that reads and never writes, and the commands that start it and carry its answer
 * into the phase table. API groups get an API Gateway proxy event of one of their GET routes, as the authorizer
 * would have let it through for a tuning tenant; ids in paths name nothing, so the function answers 404 after its
 * reads (put real ids of a tuning tenant in for a representative run).
 */
public final class PowerTuningRun {
    /** The tenant the tuning payloads read as: the API's id rule, owning no data unless someone gives it some. */
    public static final String TENANT = "power-tuning";

    static final int INVOCATIONS = 50;

    private PowerTuningRun() {}

    /** The GET path each API group is tuned on. */
    static final Map<FunctionGroup, String> PATHS = Map.of(
            FunctionGroup.CUSTOMERS, "/v1/customers",
            FunctionGroup.CONTACTS, "/v1/customers/" + TENANT + "/contacts",
            FunctionGroup.OPPORTUNITIES, "/v1/pipeline",
            FunctionGroup.ACTIVITIES, "/v1/customers/" + TENANT + "/timeline",
            FunctionGroup.REPORTING, "/v1/reports/" + TENANT,
            FunctionGroup.ANALYTICS, "/v1/analyses/" + TENANT);

    public static Object payload(FunctionGroup group, String region) {
        return switch (group) {
            case NOTIFICATION, WEBHOOKS -> Map.of("Records", List.of());
            case SIGNALS, MIGRATIONS -> Map.of();
            // Any API id will do: the authorizer answers for the whole stage of whatever API the ARN names.
            case AUTHORIZER ->
                Map.of(
                        "type",
                        "TOKEN",
                        "authorizationToken",
                        "Bearer ${TOKEN}",
                        "methodArn",
                        "arn:aws:execute-api:" + region + ":${account}:tuning/live/GET/v1/customers");
            default ->
                Map.of(
                        "httpMethod",
                        "GET",
                        "path",
                        PATHS.get(group),
                        "headers",
                        Map.of(),
                        "requestContext",
                        Map.of(
                                "requestId",
                                TENANT,
                                "authorizer",
                                Map.of("tenantId", TENANT, "subject", TENANT, "roles", "crm-user")));
        };
    }

    /** The execution input, {@code ${account}} (and {@code ${TOKEN}} for the authorizer) left for the shell. */
    public static String input(StackSettings settings, FunctionGroup group) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put(
                "lambdaARN",
                "arn:aws:lambda:" + settings.region() + ":${account}:function:"
                        + new Naming(settings.stack(), settings.region()).physical(group.id()));
        input.put("powerValues", List.of(128, 256, 512, 1024, 1536, 2048, 3008));
        input.put("num", INVOCATIONS);
        input.put("payload", payload(group, settings.region()));
        input.put("parallelInvocation", false);
        input.put("strategy", "balanced");
        return CanonicalJson.write(input);
    }

    /**
     * The commands for the group named {@code groupId} of a stack with Power Tuning; a group that does not exist or a
     * phase without the application is a usage error naming what to do.
     */
    public static String commands(StackSettings settings, String groupId) {
        String groups = java.util.Arrays.stream(FunctionGroup.values())
                .map(FunctionGroup::id)
                .collect(java.util.stream.Collectors.joining(", "));
        FunctionGroup group = FunctionGroup.parse(groupId)
                .orElseThrow(() -> new InvalidStackConfigException(
                        "--group",
                        List.of(new ConfigProblem(
                                "--group",
                                "\"" + groupId + "\"",
                                "one of " + groups,
                                "power-tuning --stack " + settings.stack() + " --group customers"))));
        if (!settings.phases().hasPowerTuning()) {
            throw new InvalidStackConfigException(
                    settings.stack(),
                    List.of(new ConfigProblem(
                            "zebros:phase",
                            String.valueOf(settings.phase()),
                            "phase 2 or 3, where Lambda Power Tuning is deployed (unless"
                                    + " zebros:overrides sets powerTuning=0)",
                            "promote --stack " + settings.stack() + " --to 2")));
        }
        return commands(settings, group);
    }

    /** The shell commands: start the run, wait for it, and set the answer as the group's memory override. */
    public static String commands(StackSettings settings, FunctionGroup group) {
        String stack = settings.stack();
        String note = group == FunctionGroup.AUTHORIZER
                ? "# The authorizer needs a real token: TOKEN=<an access token of a tuning user of the zebros realm>\n"
                : "";
        return note
                + "account=$(aws sts get-caller-identity --query Account --output text)\n"
                + "execution=$(aws stepfunctions start-execution --region " + settings.region()
                + " --state-machine-arn \"$(pulumi stack output powerTuningStateMachineArn -s " + stack + ")\" \\\n"
                + "  --input \"$(cat <<EOF\n" + input(settings, group)
                + "\nEOF\n)\" --query executionArn --output text)\n"
                + "until [ \"$(aws stepfunctions describe-execution --region " + settings.region()
                + " --execution-arn \"$execution\" --query status --output text)\" != RUNNING ]; do sleep 10; done\n"
                + "power=$(aws stepfunctions describe-execution --region " + settings.region()
                + " --execution-arn \"$execution\" --query output --output text | jq -r .results.power)\n"
                + "# Carry the answer into the phase table as an override (append it at the next free index), then deploy:\n"
                + "pulumi config set --path \"zebros:overrides[<next index>]\" \""
                + PhaseSetting.LAMBDA_MEMORY_MB.key(group) + "=$power\" -s "
                + stack + "\n"
                + "pulumi up -s " + stack + "\n";
    }
}
