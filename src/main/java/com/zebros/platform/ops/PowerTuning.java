package com.zebros.platform.ops;

import com.pulumi.aws.serverlessrepository.CloudFormationStack;
import com.pulumi.aws.serverlessrepository.CloudFormationStackArgs;
import com.pulumi.core.Output;
import com.zebros.platform.NamedOutputs;
import com.zebros.platform.StackContext;
import com.zebros.platform.ZebrosComponent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * AWS Lambda Power Tuning, the seeds' optimisation step for Lambda: the open-source Step Functions application
 * (https://github.com/alexcasalboni/aws-lambda-power-tuning) deployed from the Serverless Application Repository
 * as a CloudFormation stack of its own. It may invoke and reconfigure only this stack's functions (its
 * {@code lambdaResource} parameter scopes its IAM policies) and keeps its logs for the phase's retention.
 * How to run it per function group and carry the result into the phase table:
 * README, "Lambda Power Tuning"; {@code power-tuning} prints the command.
 */
public final class PowerTuning extends ZebrosComponent {
    public static final String APPLICATION_ID =
            "arn:aws:serverlessrepo:us-east-1:451282441545:applications/aws-lambda-power-tuning";
    /** Pinned, so a new release of the application never arrives unreviewed with a pulumi up. */
    public static final String VERSION = "4.3.6";
    /** The application's stack output naming its state machine, as its own example reads it:
     * https://github.com/alexcasalboni/aws-lambda-power-tuning/blob/master/scripts/deploy-sar-app.yml */
    static final String STATE_MACHINE_OUTPUT = "StateMachineARN";
    /** The memory sizes tried when an execution names none: Lambda's range as the phase table uses it. */
    static final String POWER_VALUES = "128,256,512,1024,1536,2048,3008";

    private final CloudFormationStack application;

    /** The tuner's own logs are kept as long as the stack's ({@code stack.logRetentionDays()}, the phase's). */
    public PowerTuning(String name, StackContext stack) {
        super("zebros:ops:PowerTuning", name, stack);
        Map<String, Output<String>> parameters = new LinkedHashMap<>();
        parameters.put(
                "lambdaResource",
                stack.accountId()
                        .applyValue(account -> "arn:aws:lambda:" + stack.region() + ":" + account + ":function:"
                                + stack.naming().physical("") + "*"));
        parameters.put("PowerValues", Output.of(POWER_VALUES));
        // Fifty sequential invocations of a function with a 60 s timeout must fit.
        parameters.put("totalExecutionTimeout", Output.of("900"));
        parameters.put("logGroupRetentionInDays", Output.of(String.valueOf(stack.logRetentionDays())));
        application = new CloudFormationStack(
                name,
                CloudFormationStackArgs.builder()
                        .name(stack.naming().physical("power-tuning"))
                        .applicationId(APPLICATION_ID)
                        .semanticVersion(VERSION)
                        .capabilities(List.of("CAPABILITY_IAM"))
                        .parameters(NamedOutputs.resolve(parameters))
                        .build(),
                child());
        registerOutputs(Map.of("stateMachineArn", stateMachineArn()));
    }

    public Output<String> stateMachineArn() {
        return application.outputs().applyValue(outputs -> outputs.getOrDefault(STATE_MACHINE_OUTPUT, ""));
    }
}
