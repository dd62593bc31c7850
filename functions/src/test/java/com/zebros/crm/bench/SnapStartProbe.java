package com.zebros.crm.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.zebros.crm.lambda.ApiHandler;
import com.zebros.crm.lambda.AuthorizerHandler;
import com.zebros.crm.lambda.NotificationHandler;
import com.zebros.crm.lambda.Priming;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One execution environment in a fresh JVM: build a handler as Lambda's init does, run the SnapStart
 * hooks when asked (what Lambda runs before the snapshot), then time the first request and the warm
 * median of the same request. Prints one line for {@link SnapStartBenchmark}.
 */
public final class SnapStartProbe {
    private SnapStartProbe() {}

    public static void main(String[] args) {
        String handler = args[0];
        boolean primed = args[1].equals("primed");
        long start = System.nanoTime();
        Runnable request = switch (handler) {
            case "api" -> api();
            case "authorizer" -> authorizer();
            case "notification" -> notification();
            default -> throw new IllegalArgumentException(handler);
        };
        if (primed) {
            Priming.beforeCheckpointOfAll();
        }
        long init = System.nanoTime() - start;
        long first = time(request);
        List<Long> warm = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            warm.add(time(request));
        }
        Collections.sort(warm);
        System.err.printf(
                "SNAPSTART handler=%s primed=%s initMs=%.1f firstMs=%.4f warmP50Ms=%.4f%n",
                handler, primed, init / 1e6, first / 1e6, warm.get(warm.size() / 2) / 1e6);
        Runtime.getRuntime().halt(0);
    }

    private static Runnable api() {
        var handler = new ApiHandler();
        Supplier<APIGatewayProxyRequestEvent> event = () -> {
            var context = new APIGatewayProxyRequestEvent.ProxyRequestContext();
            context.setAuthorizer(new HashMap<>(Map.of("tenantId", "bench", "subject", "probe", "roles", "crm-admin")));
            context.setRequestId("probe");
            return new APIGatewayProxyRequestEvent()
                    .withHttpMethod("GET")
                    .withPath("/v1/customers/" + System.getenv("PROBE_CUSTOMER"))
                    .withRequestContext(context);
        };
        return () -> {
            int status = handler.handleRequest(event.get(), null).getStatusCode();
            if (status != 200) {
                throw new IllegalStateException("the probe's request answered " + status);
            }
        };
    }

    /**
     * A token of the realm whose keys {@code TOKEN_ISSUER} serves: the first request fetches the keys (as
     * the first real token after a restore does), the warm ones find them cached.
     */
    private static Runnable authorizer() {
        var handler = new AuthorizerHandler();
        return () -> {
            var event = new com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent();
            event.setAuthorizationToken("Bearer " + System.getenv("PROBE_TOKEN"));
            event.setMethodArn("arn:aws:execute-api:us-east-1:000000000000:probe/v1/GET/v1/customers");
            if (!"probe".equals(handler.handleRequest(event, null).getPrincipalId())) {
                throw new IllegalStateException("the probe's token was not accepted");
            }
        };
    }

    /** A batch with one record that is no stage change: the handler reads and skips it, sending nothing. */
    private static Runnable notification() {
        var handler = new NotificationHandler();
        return () -> {
            var record = new DynamodbEvent.DynamodbStreamRecord();
            record.setEventName("INSERT");
            record.setDynamodb(new com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord()
                    .withSequenceNumber("1")
                    .withNewImage(Map.of(
                            "tenantId",
                            new com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue("bench"))));
            var event = new DynamodbEvent();
            event.setRecords(List.of(record));
            handler.handleRequest(event, null);
        };
    }

    private static long time(Runnable request) {
        long start = System.nanoTime();
        request.run();
        return System.nanoTime() - start;
    }
}
