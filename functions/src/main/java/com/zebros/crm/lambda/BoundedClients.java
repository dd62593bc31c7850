package com.zebros.crm.lambda;

import com.zebros.crm.faults.Timeouts;
import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The AWS clients of the functions that serve no request (migrations, webhooks): in the function's region, every
 * call bounded (Timeouts); {@code DYNAMODB_ENDPOINT} and {@code SQS_ENDPOINT} point them at local servers in tests.
 */
final class BoundedClients {
    private BoundedClients() {}

    static DynamoDbClient dynamo(Map<String, String> env) {
        return dynamo(env, java.util.List.of());
    }

    /** The DynamoDB client with {@code interceptors} (a capacity budget) on every call. */
    static DynamoDbClient dynamo(
            Map<String, String> env,
            java.util.List<software.amazon.awssdk.core.interceptor.ExecutionInterceptor> interceptors) {
        var builder = DynamoDbClient.builder()
                .region(region(env))
                .httpClient(Timeouts.httpClient())
                .overrideConfiguration(c -> {
                    Timeouts.apply(c);
                    interceptors.forEach(c::addExecutionInterceptor);
                });
        if (env.containsKey("DYNAMODB_ENDPOINT")) {
            builder.endpointOverride(URI.create(env.get("DYNAMODB_ENDPOINT")));
        }
        return builder.build();
    }

    static SqsClient sqs(Map<String, String> env) {
        var builder = SqsClient.builder()
                .region(region(env))
                .httpClient(Timeouts.httpClient())
                .overrideConfiguration(Timeouts::apply);
        if (env.containsKey("SQS_ENDPOINT")) {
            builder.endpointOverride(URI.create(env.get("SQS_ENDPOINT")));
        }
        return builder.build();
    }

    private static Region region(Map<String, String> env) {
        return Region.of(env.getOrDefault("AWS_REGION", "us-east-1"));
    }
}
